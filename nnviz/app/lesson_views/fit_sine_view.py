"""Lesson 4, fitting a curve: a 1-2-1 sigmoid network learns g(p) = 1 + sin(pi p / 4) by per-sample SGD."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnviz.app.colormaps import CATEGORICAL
from nnviz.app.lesson_views.lesson_text import LessonText
from nnviz.app.lesson_views.player import Player, PlayerControls
from nnviz.app.lesson_views.plots import lesson_plot, status_label
from nnviz.lessons.fit_sine import P, fit_sine, target

TARGET_COLOUR, FIT_COLOUR = CATEGORICAL[:2]  # orange, sky blue


class FitSineLessonView(LessonText, QWidget):
    TITLE = QT_TRANSLATE_NOOP("FitSineLessonView", "Fitting a curve with two neurons")
    EXPLANATION = QT_TRANSLATE_NOOP(
        "FitSineLessonView",
        "A network with one input, two sigmoid neurons and a linear output learns g(p) = 1 + sin(πp/4) on "
        "[−2, 2] from 100 points, one point at a time (stochastic gradient descent, learning rate 0.01). "
        "Press Play and watch the blue curve bend into the orange one."
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fitSineLesson")
        self.player = Player(lambda: fit_sine(epochs=5000), per_tick=10, parent=self)
        self.controls = PlayerControls(self.player)
        self.status = status_label(self, "fitStatus")
        self.plot = lesson_plot(self, "p", "g(p)")
        self.plot.plot(P, target(P), pen=pg.mkPen(TARGET_COLOUR, width=3), name=self.tr("target 1 + sin(πp/4)"))
        self.fitted = self.plot.plot([], [], pen=pg.mkPen(FIT_COLOUR, width=3), name=self.tr("the network"))
        self.plot.setRange(xRange=(-2, 2), yRange=(-0.2, 2.2))
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addWidget(self.status)
        layout.addWidget(self.plot, 1)
        self.last = None
        self.player.advanced.connect(self._show)
        self.player.step()

    def _show(self, epoch) -> None:
        self.last = epoch
        self.fitted.setData(P, epoch.fitted)
        self.status.setText(self.tr("epoch {0}: mean squared error {1}").format(epoch.epoch, f"{epoch.loss:.5f}"))
