"""Lesson 4, fitting a curve: a 1-2-1 sigmoid network learns g(p) = 1 + sin(pi p / 4) by per-sample SGD.

The 100 training points, the network's curve, and the two sigmoids it adds up (each hidden neuron's
v·sigmoid(w p + b), dashed and dotted) with the output's constant c: the curve is their sum.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnviz.app.colormaps import CATEGORICAL, MARKERS
from nnviz.app.lesson_views.lesson_text import LessonText
from nnviz.app.lesson_views.player import Player, PlayerControls
from nnviz.app.lesson_views.plots import lesson_plot, status_label
from nnviz.app.lesson_views.slide_numbers import full_number, slide_number
from nnviz.lessons.fit_sine import P, fit_sine, target

TARGET_COLOUR, FIT_COLOUR = CATEGORICAL[:2]  # orange, sky blue
# the hidden neurons' terms and the constant: neither the points' nor the curve's colour, a dash each
PART_STYLES = ((CATEGORICAL[2], Qt.PenStyle.DashLine), (CATEGORICAL[8], Qt.PenStyle.DotLine))
BIAS_STYLE = ("#999999", Qt.PenStyle.DashDotLine)
Y_RANGE = (-2.3, 2.5)  # the terms go below 0 while the curve stays between 0 and 2: all of them in view


class FitSineLessonView(LessonText, QWidget):
    TITLE = QT_TRANSLATE_NOOP("FitSineLessonView", "Fitting a curve with two neurons")
    EXPLANATION = QT_TRANSLATE_NOOP(
        "FitSineLessonView",
        "A network with one input, two sigmoid neurons and a linear output learns g(p) = 1 + sin(πp/4) on "
        "[−2, 2] from 100 points, one point at a time (stochastic gradient descent, learning rate 0.01). "
        "Press Play and watch the blue curve bend through the orange points: it is the sum of what the two "
        "neurons add (dashed and dotted, each a stretched sigmoid) and a constant c."
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fitSineLesson")
        self.player = Player(lambda: fit_sine(epochs=5000), per_tick=10, parent=self)
        self.controls = PlayerControls(self.player)
        self.status = status_label(self, "fitStatus")
        self.plot = lesson_plot(self, "p", "g(p)", legend_at=(-10, -10))  # bottom right: below every curve
        self.points = self.plot.plot(P, target(P), pen=None, symbol=MARKERS[0], symbolSize=7,
                                     symbolBrush=TARGET_COLOUR, symbolPen=None,
                                     name=self.tr("the 100 training points of 1 + sin(πp/4)"))
        self.fitted = self.plot.plot([], [], pen=pg.mkPen(FIT_COLOUR, width=3.5), name=self.tr("the network"))
        self.parts = [self.plot.plot([], [], pen=pg.mkPen(colour, width=2.5, style=dash),
                                     name=self.tr("neuron {0}: v{1}·sigmoid(w{1}p + b{1})").format(j + 1, "₁₂"[j]))
                      for j, (colour, dash) in enumerate(PART_STYLES)]
        self.bias_line = self.plot.plot([], [], pen=pg.mkPen(BIAS_STYLE[0], width=2, style=BIAS_STYLE[1]),
                                        name=self.tr("the constant c"))
        self.plot.setRange(xRange=(-2, 2), yRange=Y_RANGE)
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
        for curve, part in zip(self.parts, epoch.parts):
            curve.setData(P, part)
        self.bias_line.setData([P[0], P[-1]], [epoch.bias, epoch.bias])
        self.status.setText(self.tr("epoch {0}: mean squared error {1}; c = {2}").format(
            epoch.epoch, slide_number(epoch.loss), slide_number(epoch.bias)))
        self.status.setToolTip(self.tr("epoch {0}: mean squared error {1}; c = {2}").format(
            epoch.epoch, full_number(epoch.loss), full_number(epoch.bias)))
