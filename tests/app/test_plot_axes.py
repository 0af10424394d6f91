"""Plain numbers on every axis: no SI prefix ("(x0.001)" with ticks 50, 100, 150), no powers on log axes."""

from __future__ import annotations

import re

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication

from nnviz.app.plot_axes import PlainAxis, decimals_for, plain_number, plain_plot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"raise\(\)")

# what pyqtgraph writes when it scales an axis or labels a log axis: "(x0.001)", "(mV)", "1e-05", "10⁻²"
NOT_PLAIN = re.compile(r"\(x|e[-+]\d|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]")


def test_numbers_are_written_out_with_the_places_their_step_needs():
    assert [decimals_for(step) for step in (100, 1, 0.5, 0.25, 0.05, 0.002)] == [0, 0, 1, 2, 2, 3]
    assert plain_number(0.05, 2) == "0.05" and plain_number(-0.5, 1) == "−0.5"
    assert plain_number(-0.0001, 2) == "0.00"  # never "−0.00"
    assert plain_number(25000, 0) == "25000"


def test_a_small_range_keeps_its_numbers_and_its_label(qtbot):
    plot = plain_plot()
    qtbot.addWidget(plot)
    plot.setLabel("left", "training loss")
    plot.setYRange(0.05, 0.15, padding=0)
    plot.resize(400, 300)
    plot.show()
    qtbot.waitExposed(plot)
    axis = plot.getAxis("left")
    assert isinstance(axis, PlainAxis) and not axis.autoSIPrefix and axis.autoSIPrefixScale == 1.0
    assert "(x" not in axis.labelString()
    assert axis.tickStrings([0.05, 0.1, 0.15], 1.0, 0.05) == ["0.05", "0.10", "0.15"]
    assert axis.tickStrings([0.00001, 0.00002], 1.0, 0.00001) == ["0.00001", "0.00002"]  # not 1e-05


def test_log_axes_write_decimals_at_1_2_and_5_times_a_power_of_ten():
    import math

    axis = PlainAxis("left")
    axis.setLogMode(False, True)
    values = [math.log10(v) for v in (0.01, 0.02, 0.03, 0.05, 0.1, 1.0, 20.0)]
    assert axis.tickStrings(values, 1.0, 1.0) == ["0.01", "0.02", "", "0.05", "0.1", "1", "20"]


def every_plot_shows_plain_numbers(root_widgets) -> int:
    """Check each shown axis of every PlotWidget among ``root_widgets`` and their children; the count."""
    plots = {w for root in root_widgets for w in [root, *root.findChildren(pg.PlotWidget)]
             if isinstance(w, pg.PlotWidget)}
    for plot in plots:
        for side, axis in plot.getPlotItem().axes.items():
            item = axis["item"]
            assert isinstance(item, PlainAxis) and not item.autoSIPrefix, (plot.objectName(), side)
            assert not NOT_PLAIN.search(item.labelString()), (plot.objectName(), side, item.labelString())
    return len(plots)


def test_every_plot_of_the_window_and_its_inspect_panels_writes_plain_numbers(qtbot):
    from window_helpers import make_window

    window = make_window(qtbot)
    assert every_plot_shows_plain_numbers([window, window.inspection.tabs]) >= 5  # loss, matrix, map, 2 histograms


@pytest.mark.parametrize("name", ["neuron", "fit-sine", "xor", "optimizers", "losses-activations"])
def test_every_lesson_plot_writes_plain_numbers(qtbot, name):
    from nnviz.app.lesson_window import LessonWindow

    window = LessonWindow(name, (1280, 720))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert every_plot_shows_plain_numbers([window]) >= 1
