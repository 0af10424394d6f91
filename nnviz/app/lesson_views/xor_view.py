"""Lesson 5, XOR: a single perceptron never gets all four right; a 2-2-1 network bends its boundary."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QWidget

from nnviz.app.lesson_views.boundary import BoundaryLessonView
from nnviz.lessons.xor import X, Y, perceptron_epochs, train_network

GRID = np.linspace(-0.5, 1.5, 81)


class XorLessonView(BoundaryLessonView):
    title = "XOR: why hidden layers"
    explanation = (
        "XOR is 1 when exactly one input is 1. No straight line separates {(0,1), (1,0)} from {(0,0), (1,1)}, "
        "so a single perceptron keeps making mistakes however long it learns. A network with a hidden layer "
        "of two neurons can bend its decision boundary: press Play and watch the regions form "
        "(red: output near 1, blue: near 0)."
    )

    def __init__(self, parent: QWidget | None = None):
        self.perceptron_mistakes = [m for _, _, m in perceptron_epochs(epochs=50)]
        intro = (f"A single perceptron, 50 epochs of its learning rule: still {self.perceptron_mistakes[-1]} "
                 f"of 4 wrong (fewest ever: {min(self.perceptron_mistakes)}). The 2-2-1 network:")
        super().__init__(intro, lambda: train_network(epochs=3000), 20, X, Y, (GRID[0], GRID[-1], GRID[0], GRID[-1]),
                         ("input 1", "input 2"), parent=parent)
        self.setObjectName("xorLesson")

    def output_grid(self, net) -> np.ndarray:
        gx, gy = np.meshgrid(GRID, GRID)
        return net.predict_proba(np.column_stack([gx.ravel(), gy.ravel()]))[:, 0].reshape(len(GRID), len(GRID))

    def describe(self, epoch) -> str:
        outputs = ", ".join(f"{o:.2f}" for o in epoch.outputs)
        right = int(np.sum((epoch.outputs > 0.5) == (Y > 0.5)))
        return f"epoch {epoch.epoch}: loss {epoch.loss:.4f}\noutputs for 00, 01, 10, 11: {outputs}\n{right} of 4 right"
