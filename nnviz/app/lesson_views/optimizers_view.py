"""Lesson 6, the optimizers race: all ten rules from the same start on a 2-D loss surface.

The trajectories are drawn on the surface's contour map and grow step by step (Play), so the class sees
plain SGD crawl, momentum overshoot, and the adaptive rules take their own paths to the minimum. Each
path has the colour and, at its head, the marker of the app's categorical palette (told apart also by
colour-blind eyes), named in a legend beside the map.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnviz.app.lesson_views.lesson_text import LessonText
from nnviz.app.lesson_views.player import Player, PlayerControls
from nnviz.app.colormaps import category_style
from nnviz.app.lesson_views.plots import lesson_plot, status_label
from nnviz.app.widgets.marker_legend import MarkerLegend
from nnviz.lessons.optimizer_race import SURFACES, race_on_surface
from nnviz.nn import OPTIMIZERS

STEPS = 500
HEAD_PX = 17  # the marker at the head of each path


def surface_image(name: str, n: int = 200) -> np.ndarray:
    """(n, n) log(1 + f) over the surface's extent, rows = y (for a colour map of the landscape)."""
    spec = SURFACES[name]
    x0, x1, y0, y1 = spec.extent
    gx, gy = np.meshgrid(np.linspace(x0, x1, n), np.linspace(y0, y1, n))
    return np.log1p(spec.f(np.array([gx, gy])))


def landscape_rgba(name: str) -> np.ndarray:
    """The surface in dark greys (valleys darkest), so that the coloured trajectories stand out."""
    values = surface_image(name)
    level = (values - values.min()) / (np.ptp(values) or 1.0)
    grey = (18 + 80 * level).astype(np.uint8)
    return np.dstack([grey, grey, grey, np.full_like(grey, 255)])


def display_name(optimizer: str) -> str:
    """How the literature writes the rule ("AdaGrad" for "adagrad"): its class's name, in every language."""
    return OPTIMIZERS[optimizer].__name__


class OptimizersLessonView(LessonText, QWidget):
    TITLE = QT_TRANSLATE_NOOP("OptimizersLessonView", "Ten optimizers, one landscape")
    EXPLANATION = QT_TRANSLATE_NOOP(
        "OptimizersLessonView",
        "Every optimizer gets the same gradient at the same point and decides differently how far and "
        "where to step: SGD, Momentum, NAG, AdaGrad, RMSprop, Adam, AdamW, AdaDelta, AMSGrad, NAdam. "
        "Choose a surface and press Play; the white target ⊕ is the minimum."
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("optimizersLesson")
        self.surface_box = QComboBox()
        self.surface_box.setObjectName("surfaceBox")
        shown = {"rosenbrock": self.tr("Rosenbrock"), "bowl": self.tr("bowl")}
        for name in SURFACES:
            self.surface_box.addItem(shown.get(name, name), name)
        self.surface_box.currentIndexChanged.connect(lambda: self.set_surface(self.surface_box.currentData()))
        self.status = status_label(self, "raceStatus")
        self.plot = lesson_plot(self, "x", "y", legend=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        # a target, not a cross: the paths' heads use the categorical markers, "x" among them
        self.minimum = pg.ScatterPlotItem(size=26, symbol="crosshair", pen=pg.mkPen("#ffffff", width=2.5),
                                          brush=pg.mkBrush(None))
        self.plot.addItem(self.minimum)
        self.curves = {}
        self.heads: dict[str, pg.ScatterPlotItem] = {}
        self.paths: dict[str, np.ndarray] = {}
        self.legend = MarkerLegend(lines=True)
        self.player = Player(self._steps, per_tick=5, parent=self)
        self.controls = PlayerControls(self.player, unit="steps")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("surface")))
        top.addWidget(self.surface_box)
        top.addWidget(self.controls, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        race = QHBoxLayout()
        race.addWidget(self.plot, 1)
        race.addWidget(self.legend)
        layout.addLayout(race, 1)
        self.shown = 0
        self.player.advanced.connect(self._show)
        self.set_surface(self.surface_box.currentData())

    def set_surface(self, name: str) -> None:
        spec = SURFACES[name]
        self.paths = race_on_surface(name, steps=STEPS)
        x0, x1, y0, y1 = spec.extent
        self.image.setImage(landscape_rgba(name), autoLevels=False)
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        self.minimum.setData([spec.minimum[0]], [spec.minimum[1]])
        if not self.curves:
            styles = [(*category_style(index), optimizer) for index, optimizer in enumerate(self.paths)]
            for colour, marker, optimizer in styles:
                self.curves[optimizer] = self.plot.plot([], [], pen=pg.mkPen(colour, width=2.5))
                self.heads[optimizer] = pg.ScatterPlotItem(size=HEAD_PX, symbol=marker, brush=pg.mkBrush(colour),
                                                           pen=pg.mkPen("#000000", width=1.5))
                self.heads[optimizer].setZValue(5)  # over every path
                self.plot.addItem(self.heads[optimizer])
            self.legend.set_entries([(colour, marker, display_name(optimizer)) for colour, marker, optimizer in styles])
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.player.restart()
        self.player.step()

    def _steps(self):
        for step in range(1, STEPS + 1):
            yield step

    def _show(self, step: int) -> None:
        self.shown = step
        for optimizer, path in self.paths.items():
            part = path[: step + 1]
            self.curves[optimizer].setData(part[:, 0], part[:, 1])
            self.heads[optimizer].setData(part[-1:, 0], part[-1:, 1])
        spec = SURFACES[self.surface_box.currentData()]
        closest = min(self.paths, key=lambda o: np.linalg.norm(self.paths[o][min(step, len(self.paths[o]) - 1)]
                                                              - np.array(spec.minimum)))
        self.status.setText(self.tr("step {0} of {1}; nearest the minimum now: {2}").format(
            step, STEPS, display_name(closest)))
