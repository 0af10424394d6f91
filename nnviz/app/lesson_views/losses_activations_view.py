"""Lesson 7: loss functions, activation functions and their derivatives, L1 vs L2, learning-rate schedules."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from nnviz.app.lesson_views.plots import SERIES_COLOURS, lesson_plot
from nnviz.lessons.losses_activations import activation_table, l1_vs_l2_weights, loss_curves, schedule_curves

BLOB_SEED = 0


def two_blobs(n: int = 400, d: int = 20, seed: int = BLOB_SEED) -> tuple[np.ndarray, np.ndarray]:
    """Two classes that differ in only 3 of 20 inputs: L1 should learn to ignore the other 17."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    X = rng.normal(size=(n, d))
    X[:, :3] += 2.0 * y[:, None]
    return X, y


class LossesActivationsLessonView(QWidget):
    title = "Losses, activations, regularisation, schedules"
    explanation = (
        "Four small plots behind the choices in the training panel: why cross-entropy punishes confident "
        "mistakes harder than the squared error; the activation functions and their derivatives (what "
        "backpropagation multiplies by); what L1 and L2 penalties do to the weights; how the learning rate "
        "changes over a run."
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lossesActivationsLesson")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._losses(), "Losses")
        self.tabs.addTab(self._activations(), "Activations")
        self.tabs.addTab(self._penalties(), "L1 vs L2")
        self.tabs.addTab(self._schedules(), "Schedules")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _losses(self) -> QWidget:
        plot = lesson_plot(self, "probability given to the right answer", "loss")
        curves = loss_curves()
        plot.plot(curves["p"], curves["mse"], pen=pg.mkPen(SERIES_COLOURS[0], width=3), name="squared error")
        plot.plot(curves["p"], curves["cross_entropy"], pen=pg.mkPen(SERIES_COLOURS[1], width=3), name="cross-entropy")
        plot.setYRange(0, 5)
        return plot

    def _activations(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        values = lesson_plot(self, "z", "a = f(z)")
        slopes = lesson_plot(self, "z", "f′(z)")
        for colour, (name, table) in zip(SERIES_COLOURS, activation_table().items()):
            values.plot(table["z"], table["a"], pen=pg.mkPen(colour, width=2.5), name=name)
            slopes.plot(table["z"], table["da"], pen=pg.mkPen(colour, width=2.5), name=name)
        layout.addWidget(values)
        layout.addWidget(slopes)
        return box

    def _penalties(self) -> QWidget:
        plot = lesson_plot(self, "first-layer weight", "how many")
        weights = l1_vs_l2_weights(*two_blobs())
        limit = max(float(np.abs(w).max()) for w in weights.values())
        for colour, (name, w) in zip(SERIES_COLOURS, weights.items()):
            counts, edges = np.histogram(w, bins=60, range=(-limit, limit))
            label = {"none": "no penalty", "l1": "L1", "l2": "L2"}[name]
            plot.plot(edges, counts, stepMode="center", pen=pg.mkPen(colour, width=2.5), name=label)
        return plot

    def _schedules(self) -> QWidget:
        plot = lesson_plot(self, "epoch", "learning-rate factor")
        curves = schedule_curves()
        for colour, kind in zip(SERIES_COLOURS, ("constant", "step", "exponential", "cosine")):
            plot.plot(curves["epoch"], curves[kind], pen=pg.mkPen(colour, width=3), name=kind)
        return plot
