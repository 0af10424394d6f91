"""Training loss as it goes, test loss and test accuracy per epoch, on one plot with two y axes.

The loss (left axis) is one PlotDataItem fed from growing NumPy buffers: new points are appended in
place (the buffer doubles when full) and the item gets views of the filled part, so a long run never
rebuilds anything. A smoothed copy (exponential moving average, like TensorBoard's) is drawn over the
raw, noisy per-batch loss, and the test loss of each epoch beside it (dashed, square markers: told apart
without colour). Test accuracy (right axis, always 0-100 %, so a gain of 1.8 points looks like one) lives
in a second ViewBox linked to the first one's x axis; the log scale is the loss axis's only. The x axis
counts epochs as a float. Axes write plain numbers (see :mod:`nnviz.app.plot_axes`); the legend has a
strip of its own above the data.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetricsF, QTextOption
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QMenu, QToolButton, QVBoxLayout, QWidget

from nnviz.app.exportable import ExportSpec, Table, rows_table
from nnviz.app.painting import ACCENT, MIN_POINT_SIZE, background_colour, is_dark, legible_font, text_colour
from nnviz.app.plot_axes import plain_axes, show_axes
from nnviz.appmodel.snapshot import EpochResult, LossPoints
from nnviz.app.throttle import Throttle
from nnviz.app.widgets.flow_row import FlowRow
from nnviz.app.widgets.strip_legend import StripLegend
from nnviz.app.widgets.curve_math import GrowingSeries, epoch_tick_step, loss_range, smooth
from nnviz.app.widgets.timeline_bar import MomentMarker, TimelineBar

# (batch loss, smoothed loss, test loss, accuracy): light blues, pink and amber on a dark page; on a white one
# (the projector theme) the light blue would fade away, so a deep blue, a deep pink and a darker orange.
# The test loss is also dashed with square markers, the accuracy solid with round ones: colour is a help,
# not the only difference.
ON_DARK = (QColor("#5b8fc7"), QColor("#9fd0ff"), QColor("#f28cc8"), QColor(ACCENT))
ON_LIGHT = (QColor("#8fb3de"), QColor("#0b4f9c"), QColor("#a01a6a"), QColor("#b35c00"))
# Points are stored as they come; the curves are redrawn at most this often (less often while the window's
# CPU budget stretches it): each redraw is Python in the GUI thread that the training thread would otherwise use.
REFRESH_S = 0.5
# Points drawn per pixel of width. pyqtgraph's default (5) makes a 2.5 px antialiased smoothed curve of a long run
# cost ~20 ms per repaint; at one point per pixel (min and max for the raw loss) it looks the same for ~2 ms.
POINTS_PER_PX = 1.0
ACCURACY_RANGE = (0.0, 100.0)  # fixed: the axis never zooms in on a few points of accuracy


class LossPlot(pg.PlotWidget):
    """``add_points(LossPoints)``, ``add_epoch(EpochResult)``, ``clear()``; ``set_log_scale(bool)``."""

    EXPORT = ExportSpec("loss", QT_TRANSLATE_NOOP("Export", "Loss and accuracy"))

    logScaleChanged = Signal(bool)
    clickedAt = Signal(float)  # a left click on the data, at this many epochs (the window rewinds there)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, background=background_colour(parent) if parent else None, axisItems=plain_axes())
        # PlotWidget binds PlotItem.clear (which removes every item) over the class's own clear(); undo that.
        del self.clear
        self.setObjectName("lossPlot")
        self.setMinimumSize(QSize(200, 140))
        self._loss = GrowingSeries()
        self._smoothed = GrowingSeries()
        self._accuracy = GrowingSeries(64)
        self._test_loss = GrowingSeries(64)
        self._log = False
        self._x_end: float | None = None
        self._y_range: tuple[float, float] | None = None
        self._backdrop: tuple[float, np.ndarray] = (0.0, np.zeros(0))  # earlier runs: (x end, losses) to show
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.showGrid(x=True, y=True, alpha=0.18)
        plot.hideButtons()
        plot.setClipToView(True)
        plot.setDownsampling(auto=True, mode="peak")
        plot.getViewBox().setMouseEnabled(x=False, y=False)  # the ranges follow the data (see _fit_x_range)
        plot.getViewBox().disableAutoRange()
        show_axes(self, "left", "bottom", "right")
        for name in ("left", "bottom", "right"):  # the axes and grid change a few times a run: paint from a cache
            plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._legend = StripLegend(plot)  # above the data, in the title row
        self._raw_item = plot.plot([], [], antialias=True, autoDownsampleFactor=POINTS_PER_PX)
        self._smooth_item = plot.plot([], [], antialias=True, autoDownsampleFactor=POINTS_PER_PX)
        self._smooth_item.setDownsampling(method="subsample")  # smooth already: every k-th point is enough
        self._test_loss_item = plot.plot([], [], symbol="s", symbolSize=8, antialias=True)
        self._legend.add(self._raw_item, self.tr("batch loss"), rank=2)  # the smoothed line says it well enough
        self._legend.add(self._smooth_item, self.tr("smoothed"))
        self._legend.add(self._test_loss_item, self.tr("test loss"))
        self._acc_box = pg.ViewBox(enableMenu=False)
        self._acc_box.setMouseEnabled(x=False, y=False)
        plot.scene().addItem(self._acc_box)
        plot.getAxis("right").linkToView(self._acc_box)
        self._acc_box.setXLink(plot.getViewBox())
        self._acc_item = pg.PlotDataItem([], [], symbol="o", symbolSize=9, antialias=True)
        self._acc_box.addItem(self._acc_item)
        self._legend.add(self._acc_item, self.tr("test accuracy"))
        self._acc_labels: list[pg.TextItem] = []
        plot.getViewBox().sigResized.connect(self._sync_views)
        self._refresh = Throttle(REFRESH_S, self._redraw_curves, self)
        self._hint = pg.TextItem(self.tr("Press Start to train:\nthe loss appears here"), anchor=(0.5, 0.5))
        self._hint.textItem.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
        self._hint.setZValue(20)
        plot.getViewBox().addItem(self._hint, ignoreBounds=True)
        plot.getViewBox().sigRangeChanged.connect(self._place_hint)
        plot.scene().sigMouseClicked.connect(self._clicked)
        plot.getViewBox().sigResized.connect(self._fit_to_size)
        self._style()
        self.clear()

    # ------------------------------------------------------------------ public API
    def add_points(self, points: LossPoints) -> None:
        x = np.asarray(points.progress, np.float64)
        loss = np.asarray(points.loss, np.float64)
        if len(x) == 0:
            return
        finite = np.isfinite(loss)
        x, loss = x[finite], loss[finite]
        if len(x) == 0:
            return
        start = self._smoothed.y[-1] if self._smoothed.n else None
        self._loss.extend(x, loss)
        self._smoothed.extend(x, smooth(loss, start))
        self._refresh.request()

    def _clicked(self, event) -> None:
        box = self.getPlotItem().getViewBox()
        if event.button() == Qt.MouseButton.LeftButton and box.sceneBoundingRect().contains(event.scenePos()):
            self.clickedAt.emit(float(box.mapSceneToView(event.scenePos()).x()))

    def apply_pending(self) -> None:
        """Draw points that wait for the refresh interval now (screenshots, tests)."""
        self._refresh.flush()

    def set_refresh_interval(self, seconds: float) -> None:
        """How often new points are drawn at most (REFRESH_S unless the window's CPU budget stretches it)."""
        self._refresh.set_interval(seconds)

    def refresh_interval(self) -> float:
        return self._refresh.interval

    def _redraw_curves(self) -> None:
        if self.plotItem is None:  # closed (PlotWidget.close deletes the items) while a redraw was pending
            return
        self._raw_item.setData(self._loss.x, self._loss.y)
        self._smooth_item.setData(self._smoothed.x, self._smoothed.y)
        self._hint.setVisible(self._loss.n == 0)
        self._show_legend()
        self._fit_x_range()

    def add_epoch(self, result: EpochResult) -> None:
        """One accuracy point and one test-loss point, placed at the end of the loss curve so far (where the
        epoch ended)."""
        if result.test_accuracy is None and result.test_loss is None:
            return
        self._refresh.flush()
        x = np.array([self._loss.x[-1] if self._loss.n else float(result.epoch)])
        if result.test_loss is not None and math.isfinite(result.test_loss):
            self._test_loss.extend(x, np.array([result.test_loss]))
            self._test_loss_item.setData(self._test_loss.x, self._test_loss.y)
            self._fit_x_range()
        if result.test_accuracy is not None:
            self._accuracy.extend(x, np.array([100.0 * result.test_accuracy]))
            self._acc_item.setData(self._accuracy.x, self._accuracy.y)
            self._label_accuracy()

    def _show_legend(self) -> None:
        """A legend once there are curves (earlier runs count); before, the hint says what will come."""
        self._legend.set_visible(self._loss.n > 0 or self._backdrop[0] > 0)

    def _label_accuracy(self) -> None:
        """The newest accuracy figure always; older ones where they do not run into the one after them.
        The labels are a pool as large as the most figures ever shown at once, not one per epoch: a long
        run does not pile up text items that every repaint would have to place."""
        box, width = self.getPlotItem().getViewBox(), QFontMetricsF(self._small_font()).horizontalAdvance("00.0")
        left, edge = box.sceneBoundingRect().left(), box.sceneBoundingRect().right()
        chosen, next_left = [], math.inf  # (index, horizontal anchor); where the newer figure starts
        for i in reversed(range(self._accuracy.n)):
            px = box.mapViewToScene(QPointF(float(self._accuracy.x[i]), 0.0)).x()
            # at the edges: ends (or starts) at its point, not cut off
            anchor = 1.0 if px + width / 2 > edge else 0.0 if px - width / 2 < left else 0.5
            if px + (1.0 - anchor) * width + 6 < next_left:
                chosen.append((i, anchor))
                next_left = px - anchor * width
        while len(self._acc_labels) < len(chosen):
            label = pg.TextItem("", color=self._colours()[3])
            label.setFont(self._small_font())
            self._acc_box.addItem(label)
            self._acc_labels.append(label)
        for label, (i, anchor) in zip(self._acc_labels, chosen):
            x, accuracy = float(self._accuracy.x[i]), float(self._accuracy.y[i])
            label.setText(f"{accuracy:.1f}")
            label.setAnchor((anchor, -0.25))
            label.setPos(x, accuracy)
            label.show()
        for label in self._acc_labels[len(chosen):]:
            label.hide()

    def accuracy_labels(self) -> list[tuple[float, str]]:
        """(x, text) of each accuracy figure shown, newest first."""
        return [(label.pos().x(), label.toPlainText()) for label in self._acc_labels if label.isVisible()]

    def clear(self) -> None:
        for series in (self._loss, self._smoothed, self._test_loss, self._accuracy):
            series.clear()
        for item in (self._raw_item, self._smooth_item, self._test_loss_item, self._acc_item):
            item.setData([], [])
        for label in self._acc_labels:
            self._acc_box.removeItem(label)
        self._acc_labels = []
        self._acc_box.setYRange(*ACCURACY_RANGE, padding=0.04)
        self._refresh.flush()
        self._x_end = self._y_range = None
        self._fit_x_range()
        self._hint.show()
        self._show_legend()
        self._place_hint()

    def n_points(self) -> int:
        return self._loss.n

    def loss_data(self) -> tuple[np.ndarray, np.ndarray]:
        return self._loss.x.copy(), self._loss.y.copy()

    def accuracy_data(self) -> tuple[np.ndarray, np.ndarray]:
        return self._accuracy.x.copy(), self._accuracy.y.copy()

    def test_loss_data(self) -> tuple[np.ndarray, np.ndarray]:
        return self._test_loss.x.copy(), self._test_loss.y.copy()

    def loss_item(self) -> pg.PlotDataItem:
        return self._raw_item

    def test_loss_item(self) -> pg.PlotDataItem:
        return self._test_loss_item

    def accuracy_item(self) -> pg.PlotDataItem:
        return self._acc_item

    def set_log_scale(self, on: bool) -> None:
        """Log scale on the loss axis and its curves only: PlotItem.setLogMode would also make the accuracy
        axis logarithmic (ticks 10^53 ... 10^71 for 53 ... 71 %)."""
        on = bool(on)
        if on == self._log:
            return
        self._log = on
        for item in (self._raw_item, self._smooth_item, self._test_loss_item):
            item.setLogMode(False, on)
        self.getPlotItem().getAxis("left").setLogMode(False, on)
        self._label_axes()
        self._x_end = self._y_range = None
        self._fit_x_range()
        self.logScaleChanged.emit(on)

    def log_scale(self) -> bool:
        return self._log

    # ------------------------------------------------------------------ drawing
    def _small_font(self) -> QFont:
        """The legend's and the accuracy figures' type: a little smaller than the axes'."""
        return legible_font(self, 0.9)

    def _fit_to_size(self, *_) -> None:
        """What depends on the plot's size: the hint's wrapping, the legend's rows, the ticks, the figures."""
        self._place_hint()
        self._legend.fit()
        self._fit_ticks()
        self._label_accuracy()
        self._label_axes()

    def _colours(self) -> tuple[QColor, QColor, QColor, QColor]:
        return ON_DARK if is_dark(self) else ON_LIGHT

    def _style(self) -> None:
        self.setBackground(background_colour(self))
        raw, smooth, test_loss, accuracy = self._colours()
        self._raw_item.setPen(pg.mkPen(raw, width=1))
        self._smooth_item.setPen(pg.mkPen(smooth, width=2.5))
        self._test_loss_item.setPen(pg.mkPen(test_loss, width=2.5, style=Qt.PenStyle.DashLine))
        self._test_loss_item.setSymbolBrush(test_loss)
        self._test_loss_item.setSymbolPen(pg.mkPen(test_loss))
        self._acc_item.setPen(pg.mkPen(accuracy, width=2.5))
        self._acc_item.setSymbolBrush(accuracy)
        self._acc_item.setSymbolPen(pg.mkPen(accuracy))
        for label in self._acc_labels:
            label.setColor(accuracy)
        plot = self.getPlotItem()
        font = legible_font(self)
        for name in ("left", "bottom", "right"):
            axis = plot.getAxis(name)
            axis.setTextPen(pg.mkPen(text_colour(self, 200)))
            axis.setPen(pg.mkPen(text_colour(self, 110)))
            axis.setTickFont(font)
            axis.setTickDensity(min(1.0, MIN_POINT_SIZE / font.pointSizeF()))  # large type: fewer ticks
            axis.label.setFont(font)
        self._label_axes(restyle=True)
        self._hint.setColor(text_colour(self, 150))
        self._hint.setFont(legible_font(self, 1.05))
        self._legend.restyle(text_colour(self, 220), self._small_font().pointSizeF())
        for label in self._acc_labels:
            label.setFont(self._small_font())

    def _label_axes(self, restyle: bool = False) -> None:
        """The axes' names, the longest that fits the height of the data (a short plot says "accuracy (%)");
        ``restyle``: in new colours too."""
        plot = self.getPlotItem()
        # the left axis carries the training and the test loss: its label is neutral, the legend tells them apart
        losses = (self.tr("loss (log scale)"), self.tr("log loss")) if self._log else (self.tr("loss"),)
        accuracies = (self.tr("test accuracy (%)"), self.tr("accuracy (%)"), "%")
        room = plot.getViewBox().height() if plot.getViewBox().height() > 0 else math.inf
        metrics = QFontMetricsF(legible_font(self))

        def fitting(texts: tuple[str, ...]) -> str:
            return next((text for text in texts if metrics.horizontalAdvance(text) <= room), texts[-1])

        accuracy = self._colours()[3]
        for name, text, colour in (("left", fitting(losses), text_colour(self, 220)),
                                   ("bottom", self.tr("epochs"), text_colour(self, 220)),
                                   ("right", fitting(accuracies), accuracy)):
            if restyle or plot.getAxis(name).labelText != text:
                plot.setLabel(name, text, color=colour.name())

    def _sync_views(self) -> None:
        self._acc_box.setGeometry(self.getPlotItem().getViewBox().sceneBoundingRect())
        self._acc_box.linkedViewChanged(self.getPlotItem().getViewBox(), self._acc_box.XAxis)

    def set_backdrop(self, x_end: float, losses: np.ndarray) -> None:
        """The axes make room for curves drawn behind the current run's (earlier runs): up to ``x_end`` epochs,
        ``losses`` on the y axis."""
        self._backdrop = (float(x_end), np.asarray(losses, np.float64))
        self._x_end = self._y_range = None
        self._fit_x_range()
        self._show_legend()

    def legend(self) -> StripLegend:
        return self._legend

    def accuracy_box(self) -> pg.ViewBox:
        return self._acc_box

    def legend_rect(self):
        """Where the legend is, in scene coordinates (tests: it must not cover the data)."""
        return self._legend.rect()

    def _place_hint(self, *_) -> None:
        box = self.getPlotItem().getViewBox()
        (x0, x1), (y0, y1) = box.viewRange()
        self._hint.setPos((x0 + x1) / 2, (y0 + y1) / 2)
        self._hint.setTextWidth(max(80.0, 0.9 * box.width()))  # wraps in a narrow plot

    def _fit_x_range(self) -> None:
        """x from 0 to the next whole epoch, y over the loss rounded outwards to round numbers: the axes
        change a few times a run instead of at every redraw (repainting them is the plot's biggest cost)."""
        end = max(1.0, math.ceil(self._loss.x[-1] - 1e-9)) if self._loss.n else 1.0
        end = max(end, math.ceil(self._backdrop[0] - 1e-9))
        if end != self._x_end:
            self._x_end = end
            self.getPlotItem().getViewBox().setXRange(0.0, end, padding=0.02)
            self._fit_ticks()
            self._label_accuracy()
        y_range = loss_range(np.concatenate([self._loss.y, self._test_loss.y, self._backdrop[1]]), self._log)
        if y_range != self._y_range:
            self._y_range = y_range
            self.getPlotItem().getViewBox().setYRange(*y_range, padding=0.0)

    def _fit_ticks(self) -> None:
        """Ticks at whole epochs (or every 2, 5, 10, ...), as many as their labels fit side by side."""
        axis = self.getPlotItem().getAxis("bottom")
        label = QFontMetricsF(legible_font(self)).horizontalAdvance("000") + 12
        step = epoch_tick_step(self._x_end or 1.0, max(2, int(axis.width() / label)))
        axis.setTickSpacing(step, step / 2 if step == 1 else step / 5)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if (event.type() in (event.Type.PaletteChange, event.Type.FontChange) and hasattr(self, "_hint")
                and self.plotItem is not None):  # closing a PlotWidget deletes its items
            self._style()

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        (x, loss), (ax, acc) = self.loss_data(), self.accuracy_data()
        rows = [("batch_loss", a, b) for a, b in zip(x, loss)] + [("test_accuracy_percent", a, b) for a, b in zip(ax, acc)]
        return rows_table(["series", "epochs", "value"], rows)


class LossPanel(QWidget):
    """The plot; under it a log-scale toggle, the Runs menu (earlier runs, clearing the curves) and the timeline to
    rewind (once training has kept a moment)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = LossPlot(self)
        self.marker = MomentMarker(self.plot)
        self.timeline = TimelineBar(self)
        self.timeline.hide()  # until the run has kept a moment
        self.log_check = QCheckBox(self.tr("log scale"))
        self.log_check.setObjectName("logScale")
        self.log_check.setToolTip(self.tr("Show the loss on a logarithmic axis: small late improvements become "
                                          "visible"))
        self.log_check.toggled.connect(self.plot.set_log_scale)
        self.plot.logScaleChanged.connect(self._log_changed)
        self.clear_action = QAction(self.tr("&Clear the curves"), self)
        self.clear_action.setToolTip(self.tr("Forget the curves drawn so far (training goes on)"))
        self.clear_action.triggered.connect(self.plot.clear)
        self.runs_menu = QMenu(self)
        self.runs_menu.addAction(self.clear_action)
        self.runs_button = QToolButton()
        self.runs_button.setObjectName("runsButton")
        self.runs_button.setText(self.tr("Runs"))
        self.runs_button.setToolTip(self.tr("Earlier runs stay on the plot, faint, to compare with this one: show, "
                                            "hide or remove them; run again with the same seed; clear the curves"))
        self.runs_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.runs_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.runs_button.setMenu(self.runs_menu)
        # One row under the curves when it fits (the plot keeps its height on a 1024x768 projector), else the
        # timeline under the other two.
        self.controls = FlowRow([self.log_check, self.runs_button, self.timeline], stretches=[0, 0, 1])
        self.controls.setContentsMargins(4, 0, 4, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.controls)

    def _log_changed(self, on: bool) -> None:
        if self.log_check.isChecked() != on:
            self.log_check.setChecked(on)

