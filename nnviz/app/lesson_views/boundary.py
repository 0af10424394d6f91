"""A two-input classifier learning, as the XOR and two-layer lessons show it.

On the left a short text, Play/Step/Restart and a status line; on the right the network's output over the
input plane (red: it says 1, blue: it says 0, white: undecided) with the training points on top, and each
hidden neuron's own line (where its weighted sum is 0), dashed and named, redrawn as the lesson's training
generator advances: the output bends its boundary out of those straight cuts.
"""

from __future__ import annotations

from typing import Callable, Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnviz.app.colormaps import CATEGORICAL, DIVERGING, NEGATIVE, POSITIVE, map_diverging
from nnviz.app.lesson_views.player import Player, PlayerControls
from nnviz.app.lesson_views.plots import lesson_plot, name_tag, status_label
from nnviz.app.painting import legible_font, readable_on
from nnviz.lessons.hidden_lines import hidden_lines

# the hidden neurons' lines: colours that are neither the map's red nor its blue, and a dash each
HIDDEN_LINE_STYLES = ((CATEGORICAL[2], Qt.PenStyle.DashLine), (CATEGORICAL[7], Qt.PenStyle.DotLine),
                      (CATEGORICAL[6], Qt.PenStyle.DashDotLine))
TAG_AT = 0.8  # where along its line a hidden neuron's name is written


class BoundaryLessonView(QWidget):
    """Subclasses give :meth:`output_grid` (the net's output over ``extent``) and :meth:`describe` (the status)."""

    def __init__(self, intro: str, make: Callable[[], Iterator], per_tick: int, points: np.ndarray,
                 labels: np.ndarray, extent: tuple[float, float, float, float], axes: tuple[str, str],
                 names: tuple[str, ...] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.extent = extent
        self.intro = QLabel(intro)
        self.intro.setObjectName("lessonIntro")
        self.intro.setWordWrap(True)
        self.intro.setFont(legible_font(self, 1.1))
        self.player = Player(make, per_tick=per_tick, parent=self)
        self.controls = PlayerControls(self.player)
        self.status = status_label(self, "boundaryStatus")
        self.plot = lesson_plot(self, *axes, legend=False)
        self.plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        brushes = [pg.mkBrush(POSITIVE if label > 0.5 else NEGATIVE) for label in labels]
        self.plot.addItem(pg.ScatterPlotItem(points[:, 0], points[:, 1], size=20, brush=brushes,
                                             pen=pg.mkPen("#ffffff", width=2)))
        for name, (x, y) in zip(names, points):
            tag = name_tag(self, name)
            tag.setPos(x, y)
            self.plot.addItem(tag)
        x0, x1, y0, y1 = extent
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        side = QVBoxLayout()
        side.addWidget(self.intro)
        side.addWidget(self.controls)
        side.addWidget(self.status)
        self.lines_note = QLabel(self.tr("The dashed lines: where each hidden neuron's weighted sum z is 0. Each "
                                         "one cuts the plane in two halves; the output neuron combines the halves "
                                         "into its boundary."))
        self.lines_note.setObjectName("hiddenLinesNote")
        self.lines_note.setWordWrap(True)
        self.lines_note.setFont(legible_font(self, 1.1))
        side.addSpacing(12)
        side.addWidget(self.lines_note)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(side, 2)
        layout.addWidget(self.plot, 3)
        self.hidden_items: list[tuple[pg.PlotDataItem, pg.TextItem]] = []
        self.last = self.network = None  # the newest epoch's figures and the network as it is then
        self.player.advanced.connect(self._show)
        self.player.step()

    def output_grid(self, net) -> np.ndarray:
        """The network's output in [0, 1] over the extent, rows from the bottom (y0) up."""
        raise NotImplementedError

    def describe(self, epoch) -> str:
        raise NotImplementedError

    def _show(self, item) -> None:
        net, epoch = item
        self.last, self.network = epoch, net
        x0, x1, y0, y1 = self.extent
        self.image.setImage(map_diverging(self.output_grid(net) - 0.5, 0.5, DIVERGING), autoLevels=False)
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        self._show_hidden_lines(net)
        self.status.setText(self.describe(epoch))

    def _show_hidden_lines(self, net) -> None:
        lines = hidden_lines(net, self.extent)
        while len(self.hidden_items) < len(lines):
            j = len(self.hidden_items)
            colour, dash = HIDDEN_LINE_STYLES[j % len(HIDDEN_LINE_STYLES)]
            curve = pg.PlotDataItem([], [], pen=pg.mkPen(colour, width=3.5, style=dash))
            tag = name_tag(self, self.tr("hidden {0}").format(j + 1))
            tag.fill = pg.mkBrush(colour)  # the line's colour, so that name and line go together
            tag.setColor(readable_on(colour))
            for item in (curve, tag):
                item.setZValue(3)  # over the map, under the training points' names
                self.plot.addItem(item)
            self.hidden_items.append((curve, tag))
        for (curve, tag), line in zip(self.hidden_items, lines):
            curve.setVisible(line is not None)
            tag.setVisible(line is not None)
            if line is not None:
                curve.setData(line[:, 0], line[:, 1])
                tag.setPos(*(line[0] + TAG_AT * (line[1] - line[0])))

    def hidden_line(self, j: int) -> np.ndarray | None:
        """(2, 2) end points of hidden neuron ``j``'s line as drawn, or None when it is not on the map."""
        curve, _ = self.hidden_items[j]
        x, y = curve.getData()
        return np.column_stack([x, y]) if curve.isVisible() and x is not None and len(x) else None
