"""Earlier runs drawn faintly behind the current one on the loss plot: each run's smoothed training loss and
its test accuracy, in a colour and a dash pattern of its own (told apart without colour too), named in the
legend by what set it apart (see :func:`nnviz.appmodel.runs.differences`)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from nnviz.app.widgets.curve_math import smooth
from nnviz.appmodel.runs import EarlierRun

# Okabe-Ito's green, vermillion and reddish purple, then a grey and an olive: apart from the current run's
# blues, pink and amber, and faint (FAINT_ALPHA), behind it.
PALETTE = ("#009E73", "#D55E00", "#CC79A7", "#8c8c8c", "#9a8c00")
DASHES = (Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine, Qt.PenStyle.DashDotDotLine,
          Qt.PenStyle.SolidLine)
FAINT_ALPHA = 170
BEHIND = -5  # z value: under the current run's curves


def run_pen(number: int) -> tuple[QColor, Qt.PenStyle]:
    """The colour and dash pattern of run ``number`` (the same run keeps them as others come and go)."""
    colour = QColor(PALETTE[(number - 1) % len(PALETTE)])
    colour.setAlpha(FAINT_ALPHA)
    return colour, DASHES[(number - 1) % len(DASHES)]


def run_icon(number: int, size: int = 24) -> QIcon:
    """A sample of run ``number``'s line, for the Runs menu: it is the legend where the plot has no room for one."""
    colour, dash = run_pen(number)
    colour.setAlpha(255)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(colour, 3, dash))
    painter.drawLine(1, size // 2, size - 1, size // 2)
    painter.end()
    return QIcon(pixmap)


class EarlierRunCurves:
    """``show([(run, label), ...])`` draws the shown runs on ``plot`` (a LossPlot) and names them in its legend."""

    def __init__(self, plot):
        self._plot = plot
        self._items: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []
        self._labels: list[str] = []
        self._smoothed: dict[int, np.ndarray] = {}  # by run number: smoothing a long run is worth keeping
        plot.logScaleChanged.connect(self._set_log)

    def show(self, entries: list[tuple[EarlierRun, str]]) -> None:
        self._remove_items()
        plot, x_end, losses = self._plot, 0.0, []
        for run, label in entries:
            if not run.shown or len(run.curves) == 0:
                continue
            colour, dash = run_pen(run.number)
            pen = pg.mkPen(colour, width=2, style=dash)
            curves = run.curves
            smoothed = self._smoothed.get(run.number)
            if smoothed is None or len(smoothed) != len(curves.loss):
                smoothed = self._smoothed[run.number] = smooth(curves.loss, None)
            loss = plot.getPlotItem().plot(curves.loss_x, smoothed, pen=pen, antialias=True,
                                           autoDownsampleFactor=1.0)
            loss.setLogMode(False, plot.log_scale())
            loss.setZValue(BEHIND)
            measured = np.isfinite(curves.test_accuracy)
            accuracy = pg.PlotDataItem(curves.epoch_x[measured], 100 * curves.test_accuracy[measured], pen=pen,
                                       symbol="t", symbolSize=7, symbolBrush=colour, symbolPen=pg.mkPen(colour),
                                       antialias=True)
            accuracy.setZValue(BEHIND)
            plot.accuracy_box().addItem(accuracy)
            plot.legend().add(loss, label, rank=1)
            self._items.append((loss, accuracy))
            self._labels.append(label)
            x_end = max(x_end, float(curves.loss_x[-1]))
            losses.append(smoothed)
        self._smoothed = {run.number: self._smoothed[run.number] for run, _ in entries if run.number in self._smoothed}
        plot.set_backdrop(x_end, np.concatenate(losses) if losses else np.zeros(0))

    def labels(self) -> list[str]:
        """The legend's names of the runs drawn, oldest first."""
        return list(self._labels)

    def items(self) -> list[tuple[pg.PlotDataItem, pg.PlotDataItem]]:
        """(smoothed loss, test accuracy) of each run drawn, oldest first."""
        return list(self._items)

    def _remove_items(self) -> None:
        for loss, accuracy in self._items:
            self._plot.legend().remove(loss)
            self._plot.getPlotItem().removeItem(loss)
            self._plot.accuracy_box().removeItem(accuracy)
        self._items, self._labels = [], []

    def _set_log(self, on: bool) -> None:
        for loss, _ in self._items:
            loss.setLogMode(False, on)
