"""Lesson 7: loss functions, activation functions and their derivatives, L1 vs L2, learning-rate schedules."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from nnviz.app.colormaps import CATEGORICAL
from nnviz.app.lesson_views.lesson_text import LessonText
from nnviz.app.lesson_views.plots import lesson_plot
from nnviz.app.painting import legible_font
from nnviz.lessons.losses_activations import activation_table, l1_vs_l2_weights, loss_curves, schedule_curves

BLOB_SEED = 0


def two_blobs(n: int = 400, d: int = 20, seed: int = BLOB_SEED) -> tuple[np.ndarray, np.ndarray]:
    """Two classes that differ in only 3 of 20 inputs: L1 should learn to ignore the other 17."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    X = rng.normal(size=(n, d))
    X[:, :3] += 2.0 * y[:, None]
    return X, y


class LossesActivationsLessonView(LessonText, QWidget):
    TITLE = QT_TRANSLATE_NOOP("LossesActivationsLessonView", "Losses, activations, regularisation, schedules")
    EXPLANATION = QT_TRANSLATE_NOOP(
        "LossesActivationsLessonView",
        "Four small plots behind the choices in the training panel: why cross-entropy punishes confident "
        "mistakes harder than the squared error; the activation functions and their derivatives (what "
        "backpropagation multiplies by); what L1 and L2 penalties do to the weights; how the learning rate "
        "changes over a run."
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lossesActivationsLesson")
        self.tabs = QTabWidget()
        self.tabs.tabBar().setFont(legible_font(self, 1.1))
        self.tabs.addTab(self._losses(), self.tr("Losses"))
        self.tabs.addTab(self._activations(), self.tr("Activations"))
        self.tabs.addTab(self._penalties(), self.tr("L1 vs L2"))
        self.tabs.addTab(self._schedules(), self.tr("Schedules"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _losses(self) -> QWidget:
        plot = lesson_plot(self, self.tr("probability given to the right answer"), self.tr("loss"),
                           legend_at=(-10, 10))  # top right: the curves start high on the left
        curves = loss_curves()
        for colour, (key, name) in zip(CATEGORICAL, (("mse", self.tr("squared error")),
                                                        ("cross_entropy", self.tr("cross-entropy")))):
            plot.plot(curves["p"], curves[key], pen=pg.mkPen(colour, width=3), name=name)
        plot.setYRange(0, 5)
        return plot

    def _activations(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        # one legend for both (same colours), bottom right where every activation is >= 0 and out of its way
        values = lesson_plot(self, "z", "a = f(z)", legend_at=(-10, -10))
        slopes = lesson_plot(self, "z", "f′(z)", legend=False)
        shown = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "Leaky ReLU",
                 "identity": self.tr("identity"), "step": self.tr("step")}
        for colour, (name, table) in zip(CATEGORICAL, activation_table().items()):
            values.plot(table["z"], table["a"], pen=pg.mkPen(colour, width=2.5), name=shown.get(name, name))
            slopes.plot(table["z"], table["da"], pen=pg.mkPen(colour, width=2.5), name=shown.get(name, name))
        layout.addWidget(values)
        layout.addWidget(slopes)
        return box

    def _penalties(self) -> QWidget:
        plot = lesson_plot(self, self.tr("first-layer weight"), self.tr("how many"))
        weights = l1_vs_l2_weights(*two_blobs())
        limit = max(float(np.abs(w).max()) for w in weights.values())
        for colour, (name, w) in zip(CATEGORICAL, weights.items()):
            counts, edges = np.histogram(w, bins=60, range=(-limit, limit))
            label = {"none": self.tr("no penalty"), "l1": "L1", "l2": "L2"}[name]
            plot.plot(edges, counts, stepMode="center", pen=pg.mkPen(colour, width=2.5), name=label)
        return plot

    def _schedules(self) -> QWidget:
        plot = lesson_plot(self, self.tr("epoch"), self.tr("learning-rate factor"),
                           legend_at=(10, -10))  # bottom left: every schedule starts at 1
        curves = schedule_curves()
        kinds = {"constant": self.tr("constant"), "step": self.tr("step decay"),
                 "exponential": self.tr("exponential decay"), "cosine": self.tr("cosine annealing")}
        for colour, (kind, shown) in zip(CATEGORICAL, kinds.items()):
            plot.plot(curves["epoch"], curves[kind], pen=pg.mkPen(colour, width=3), name=shown)
        return plot
