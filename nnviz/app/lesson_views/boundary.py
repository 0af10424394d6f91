"""A two-input classifier learning, as the XOR and two-layer lessons show it.

On the left a short text, Play/Step/Restart and a status line; on the right the network's output over the
input plane (red: it says 1, blue: it says 0, white: undecided) with the training points on top, redrawn
as the lesson's training generator advances.
"""

from __future__ import annotations

from typing import Callable, Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnviz.app.colormaps import DIVERGING, NEGATIVE, POSITIVE, map_diverging
from nnviz.app.lesson_views.player import Player, PlayerControls
from nnviz.app.lesson_views.plots import lesson_plot, name_tag, status_label
from nnviz.app.painting import legible_font


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
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(side, 2)
        layout.addWidget(self.plot, 3)
        self.last = None
        self.player.advanced.connect(self._show)
        self.player.step()

    def output_grid(self, net) -> np.ndarray:
        """The network's output in [0, 1] over the extent, rows from the bottom (y0) up."""
        raise NotImplementedError

    def describe(self, epoch) -> str:
        raise NotImplementedError

    def _show(self, item) -> None:
        net, epoch = item
        self.last = epoch
        x0, x1, y0, y1 = self.extent
        self.image.setImage(map_diverging(self.output_grid(net) - 0.5, 0.5, DIVERGING), autoLevels=False)
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        self.status.setText(self.describe(epoch))
