"""Lesson 5, XOR: a single perceptron never gets all four right; a 2-2-1 network bends its boundary."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from nnviz.app.lesson_views.boundary import BoundaryLessonView
from nnviz.app.lesson_views.lesson_text import LessonText
from nnviz.lessons.xor import X, Y, perceptron_epochs, train_network

GRID = np.linspace(-0.5, 1.5, 81)
PERCEPTRON_EPOCHS = 50


class XorLessonView(LessonText, BoundaryLessonView):
    TITLE = QT_TRANSLATE_NOOP("XorLessonView", "XOR: why hidden layers")
    EXPLANATION = QT_TRANSLATE_NOOP(
        "XorLessonView",
        "XOR is 1 when exactly one input is 1. No straight line separates {(0,1), (1,0)} from {(0,0), (1,1)}, "
        "so a single perceptron keeps making mistakes however long it learns. A network with a hidden layer "
        "of two neurons can bend its decision boundary: press Play and watch the regions form "
        "(red: output near 1, blue: near 0)."
    )

    def __init__(self, parent: QWidget | None = None):
        self.perceptron_mistakes = [m for _, _, m in perceptron_epochs(epochs=PERCEPTRON_EPOCHS)]
        intro = self.tr("A single perceptron, {0} epochs of its learning rule: still {1} of 4 wrong (fewest ever: "
                        "{2}). The 2-2-1 network:").format(PERCEPTRON_EPOCHS, self.perceptron_mistakes[-1],
                                                           min(self.perceptron_mistakes))
        super().__init__(intro, lambda: train_network(epochs=3000), 20, X, Y, (GRID[0], GRID[-1], GRID[0], GRID[-1]),
                         (self.tr("input 1"), self.tr("input 2")), parent=parent)
        self.setObjectName("xorLesson")

    def output_grid(self, net) -> np.ndarray:
        gx, gy = np.meshgrid(GRID, GRID)
        return net.predict_proba(np.column_stack([gx.ravel(), gy.ravel()]))[:, 0].reshape(len(GRID), len(GRID))

    def describe(self, epoch) -> str:
        outputs = ", ".join(f"{o:.2f}" for o in epoch.outputs)
        right = int(np.sum((epoch.outputs > 0.5) == (Y > 0.5)))
        return self.tr("epoch {0}: loss {1}\noutputs for 00, 01, 10, 11: {2}\n{3} of 4 right").format(
            epoch.epoch, f"{epoch.loss:.4f}", outputs, right)
