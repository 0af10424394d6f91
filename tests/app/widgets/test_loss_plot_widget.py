"""The loss plot: incremental growth of one curve, accuracy on a second axis, log scale, clear."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from nnviz.appmodel.snapshot import EpochResult, LossPoints
from nnviz.app.widgets.loss_plot import GrowingSeries, LossPanel, LossPlot, loss_range, smooth

# The offscreen platform says this when a top-level widget's size constraints change; not a problem.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def points(x0, n, start_loss=2.0):
    x = x0 + np.arange(1, n + 1) / 100.0
    return LossPoints(progress=x, loss=start_loss * np.exp(-x))


@pytest.fixture
def plot(shown):
    return shown(LossPlot(), 480, 300)


def test_is_a_plot_widget_named_loss_plot(plot):
    assert isinstance(plot, pg.PlotWidget) and plot.objectName() == "lossPlot"
    assert plot.n_points() == 0


def test_points_are_appended_to_one_curve_without_rebuilding_it(plot):
    item = plot.loss_item()
    items_before = list(plot.getPlotItem().listDataItems())
    for k in range(30):
        plot.add_points(points(k * 0.5, 50))
    assert plot.n_points() == 1500  # stored at once ...
    plot.apply_pending()  # ... drawn at most every REFRESH_S
    assert plot.loss_item() is item and list(plot.getPlotItem().listDataItems()) == items_before
    x, y = item.getOriginalDataset()
    assert len(x) == 1500 and np.all(np.diff(x) > 0)
    np.testing.assert_allclose(plot.loss_data()[1], y)


def test_growing_series_doubles_and_keeps_values():
    series = GrowingSeries(capacity=4)
    for i in range(10):
        series.extend(np.array([i]), np.array([i * 2.0]))
    np.testing.assert_array_equal(series.x, np.arange(10))
    np.testing.assert_array_equal(series.y, np.arange(10) * 2.0)
    series.clear()
    assert series.n == 0 and len(series.x) == 0


def test_smoothing_continues_across_batches():
    values = np.linspace(2, 1, 100)
    whole = smooth(values, None)
    first = smooth(values[:40], None)
    rest = smooth(values[40:], first[-1])
    np.testing.assert_allclose(np.concatenate([first, rest]), whole)


def test_axes_follow_the_data_in_round_steps(plot):
    plot.add_points(points(0.0, 150, start_loss=2.3))
    plot.apply_pending()
    (x0, x1), (y0, y1) = plot.getPlotItem().getViewBox().viewRange()
    assert x0 <= 0 and 2.0 <= x1 < 2.1  # up to the next whole epoch
    assert y0 == 0.0 and y1 == pytest.approx(2.5)
    assert loss_range(np.array([0.05, 0.9]), log=False) == (0.0, pytest.approx(1.0))
    assert loss_range(np.array([0.05, 2.3]), log=True) == (-1.5, 0.5)
    assert loss_range(np.array([]), log=False) == (0.0, 1.0)


def test_non_finite_losses_are_skipped(plot):
    plot.add_points(LossPoints(np.array([0.1, 0.2, 0.3]), np.array([1.0, np.nan, 0.5])))
    assert plot.n_points() == 2


def test_accuracy_goes_on_the_right_axis_at_the_end_of_its_epoch(plot):
    plot.add_points(points(0.0, 100))
    plot.add_epoch(EpochResult(epoch=1, loss=0.5, train_accuracy=0.9, test_accuracy=0.95, seconds=3.0))
    x, acc = plot.accuracy_data()
    assert x[-1] == pytest.approx(1.0) and acc[-1] == pytest.approx(95.0)
    assert plot.getPlotItem().getAxis("right").isVisible()
    assert "accuracy" in plot.getPlotItem().getAxis("right").labelText
    plot.add_epoch(EpochResult(epoch=2, loss=0.4, train_accuracy=0.9, test_accuracy=None, seconds=3.0))
    assert len(plot.accuracy_data()[1]) == 1  # no test set: nothing to draw


def test_log_scale_toggle(plot):
    changes = []
    plot.logScaleChanged.connect(changes.append)
    plot.add_points(points(0.0, 100))
    plot.set_log_scale(True)
    assert plot.log_scale() and plot.getPlotItem().getAxis("left").logMode
    assert plot.loss_item().opts["logMode"] == [False, True]
    assert "log" in plot.getPlotItem().getAxis("left").labelText
    plot.set_log_scale(False)
    assert changes == [True, False]
    assert not plot.getPlotItem().getAxis("left").logMode and plot.loss_item().opts["logMode"] == [False, False]


def test_log_scale_is_the_loss_axis_only_accuracy_stays_linear_and_in_place(plot):
    plot.add_points(points(0.0, 300))
    for epoch, accuracy in ((1, 0.62), (2, 0.95), (3, 0.97)):
        plot.add_epoch(EpochResult(epoch=epoch, loss=0.3, train_accuracy=0.9, test_accuracy=accuracy, seconds=1.0,
                                   test_loss=0.3 / epoch))
    plot.set_log_scale(True)
    plot.apply_pending()
    right = plot.getPlotItem().getAxis("right")
    assert not right.logMode and plot.accuracy_item().opts["logMode"] == [False, False]
    assert plot.test_loss_item().opts["logMode"] == [False, True]  # the test loss is a loss: log too
    strings = right.tickStrings([0.0, 50.0, 100.0], 1.0, 50.0)
    assert strings == ["0", "50", "100"]  # not 10^50
    # each accuracy point is drawn at the height where the right axis says its value
    box = plot._acc_box  # noqa: SLF001
    (low, high) = box.viewRange()[1]
    assert low <= 0.0 and high >= 100.0
    x, y = plot.accuracy_data()
    for xi, yi in zip(x, y):
        scene_y = box.mapViewToScene(QPointF(xi, yi)).y()
        rect = box.sceneBoundingRect()
        share = (rect.bottom() - scene_y) / rect.height()  # 0 at the axis's bottom, 1 at its top
        assert share == pytest.approx((yi - low) / (high - low), abs=1.0 / rect.height())  # within a pixel


def test_accuracy_axis_is_always_0_to_100_percent(plot):
    plot.add_points(points(0.0, 300))
    for epoch, accuracy in ((1, 0.962), (2, 0.971), (3, 0.980)):  # +1.8 points: not a cliff
        plot.add_epoch(EpochResult(epoch=epoch, loss=0.3, train_accuracy=0.9, test_accuracy=accuracy, seconds=1.0))
        low, high = plot._acc_box.viewRange()[1]  # noqa: SLF001
        assert low <= 0.0 < 100.0 <= high and high - low < 110.0
    assert [text for _, text in plot.accuracy_labels()][0] == "98.0"


def test_test_loss_is_a_second_loss_curve_with_its_own_dashed_legend_entry(plot):
    from PySide6.QtCore import Qt

    plot.add_points(points(0.0, 100))
    assert len(plot.test_loss_data()[0]) == 0
    plot.add_epoch(EpochResult(epoch=1, loss=0.5, train_accuracy=0.9, test_accuracy=0.95, seconds=3.0, test_loss=0.41))
    x, test_loss = plot.test_loss_data()
    assert x[-1] == pytest.approx(1.0) and test_loss[-1] == pytest.approx(0.41)
    item = plot.test_loss_item()
    assert item in plot.getPlotItem().listDataItems()  # on the loss axis
    np.testing.assert_allclose(item.getOriginalDataset()[1], [0.41])
    assert item.opts["pen"].style() == Qt.PenStyle.DashLine  # told from the training loss without colour
    assert item.opts["symbol"] != plot.accuracy_item().opts["symbol"]
    assert "test loss" in plot.legend().names()
    plot.add_epoch(EpochResult(epoch=2, loss=0.4, train_accuracy=0.9, test_accuracy=None, seconds=3.0, test_loss=3.9))
    assert plot.getPlotItem().getViewBox().viewRange()[1][1] >= 3.9  # the loss axis shows it too


@pytest.mark.parametrize("size", [(700, 330), (480, 300), (260, 240), (200, 140)])
def test_the_legend_never_covers_the_data(shown, size):
    plot = shown(LossPlot(), *size)
    for k in range(3):
        plot.add_points(points(k, 100))
        plot.add_epoch(EpochResult(epoch=k + 1, loss=0.3, train_accuracy=0.9, test_accuracy=0.93 + k / 100,
                                   seconds=3.0, test_loss=0.3))
    plot.apply_pending()
    QApplication.processEvents()
    legend, data = plot.legend_rect(), plot.getPlotItem().getViewBox().sceneBoundingRect()
    assert plot.legend().item.isVisible() and legend.height() > 0
    assert not legend.intersects(data), (legend, data)
    assert legend.bottom() <= data.top() + 1


def test_large_type_stacks_the_legend_in_its_strip_instead_of_over_the_curves(shown):
    from PySide6.QtGui import QFont

    plot = shown(LossPlot(), 300, 260)
    font = QFont(plot.font())
    font.setPointSizeF(22)
    plot.setFont(font)
    plot.add_points(points(0.0, 100))
    plot.apply_pending()
    QApplication.processEvents()
    assert plot.legend().item.columnCount < 4
    assert not plot.legend_rect().intersects(plot.getPlotItem().getViewBox().sceneBoundingRect())


def test_axes_write_plain_numbers_without_scale_prefixes(plot):
    from nnviz.app.plot_axes import PlainAxis

    plot.add_points(LossPoints(np.linspace(0.01, 1.0, 100), np.linspace(0.15, 0.05, 100)))
    plot.apply_pending()
    QApplication.processEvents()
    for name in ("left", "bottom", "right"):
        axis = plot.getPlotItem().getAxis(name)
        assert isinstance(axis, PlainAxis) and not axis.autoSIPrefix
        assert "(x" not in axis.labelString()
    left = plot.getPlotItem().getAxis("left")
    assert left.tickStrings([0.05, 0.1, 0.15], 1.0, 0.05) == ["0.05", "0.10", "0.15"]
    plot.set_log_scale(True)
    assert "(x" not in left.labelString()


def test_clear_forgets_everything(plot):
    plot.add_points(points(0.0, 10))
    plot.add_epoch(EpochResult(epoch=1, loss=0.5, train_accuracy=0.9, test_accuracy=0.95, seconds=3.0))
    plot.clear()
    assert plot.n_points() == 0 and len(plot.accuracy_data()[0]) == 0
    assert plot.getPlotItem().listDataItems()  # the items stay, empty, ready for the next run
    plot.add_points(points(0.0, 10))
    assert plot.n_points() == 10


def test_legend_names_every_curve(plot):
    assert plot.legend().names() == ["batch loss", "smoothed", "test loss", "test accuracy"]


def test_a_plot_too_short_for_its_legend_lists_the_needed_entries_first(shown):
    plot = shown(LossPlot(), 300, 150)
    plot.add_points(points(0.0, 20))
    plot.apply_pending()
    earlier = plot.getPlotItem().plot([0.0, 1.0], [1.0, 0.5])
    plot.legend().add(earlier, "run 1: sgd", rank=1)
    names = plot.legend().names()
    assert "batch loss" not in names and {"smoothed", "test loss", "test accuracy"} <= set(names)
    assert plot.legend_rect().height() <= 0.4 * plot.getPlotItem().height() or names == [
        "smoothed", "test loss", "test accuracy"]
    plot.resize(700, 500)
    QApplication.processEvents()
    assert plot.legend().names() == ["batch loss", "smoothed", "test loss", "test accuracy", "run 1: sgd"]


def test_panel_checkbox_and_plot_stay_in_step(shown):
    panel = shown(LossPanel(), 480, 320)
    panel.log_check.setChecked(True)
    assert panel.plot.log_scale()
    panel.plot.set_log_scale(False)
    assert not panel.log_check.isChecked()
    panel.plot.add_points(points(0.0, 5))
    panel.clear_action.trigger()
    assert panel.plot.n_points() == 0


def test_looks_right(plot, tmp_path):
    for k in range(3):
        plot.add_points(points(k, 100))
        plot.add_epoch(EpochResult(epoch=k + 1, loss=0.3, train_accuracy=0.9, test_accuracy=0.93 + k / 100,
                                   seconds=3.0))
    assert plot.grab().save(str(tmp_path / "loss_plot.png"))


def test_accuracy_figures_that_would_run_together_are_thinned_out_the_newest_stays(shown):
    from PySide6.QtWidgets import QApplication

    from nnviz.appmodel.snapshot import EpochResult, LossPoints
    from nnviz.app.widgets.loss_plot import LossPlot

    plot = shown(LossPlot(), 260, 240)
    for epoch in range(1, 31):
        plot.add_points(LossPoints(progress=(float(epoch),), loss=(1.0 / epoch,)))
        plot.add_epoch(EpochResult(epoch=epoch, loss=1.0 / epoch, train_accuracy=0.9, test_accuracy=0.9 + epoch / 1000,
                                   seconds=1.0))
    QApplication.processEvents()  # the labels place their text when the view has laid them out
    shown_labels = plot.accuracy_labels()
    assert shown_labels[0] == (30.0, "93.0")  # the newest
    assert 2 <= len(shown_labels) < 30
    assert len(plot._acc_labels) == len(shown_labels)  # no text item per epoch: only those shown
    newest, box = plot._acc_labels[0], plot.getPlotItem().getViewBox()
    assert newest.sceneBoundingRect().right() <= box.sceneBoundingRect().right() + 1  # not cut off at the edge
    plot.resize(1600, 240)
    plot.apply_pending()
    assert len(plot.accuracy_labels()) > len(shown_labels)
    plot.resize(260, 240)
    plot.apply_pending()
    assert plot.accuracy_labels() == shown_labels
