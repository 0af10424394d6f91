"""Lesson 2, a 2-2-1 network: the textbook's forward pass, then the same shape learning a small task.

Part one: every neuron has weights [0, 1] and bias 0; x = [2, 3] gives h = sigmoid(3) = 0.9526 in both
hidden neurons and o = sigmoid(h) = 0.7216 (0.7216325609518421 in the tooltip). Part two: the network learns to tell gender from
weight and height (offsets from 135 lb and 66 in) for four people; the decision boundary moves as it learns.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from nnviz.app.lesson_views.boundary import BoundaryLessonView
from nnviz.app.lesson_views.lesson_text import LessonText
from nnviz.app.lesson_views.slide_numbers import full_number, slide_number
from nnviz.lessons.two_layer import GENDER_X, GENDER_Y, PEOPLE, X_EXAMPLE, decision_grid, textbook_network, train_gender

EXTENT = 30.0
# lupdate only sees literal strings: the names in nnviz.lessons.two_layer.PEOPLE, for the translators
PEOPLE_TO_TRANSLATE = (QT_TRANSLATE_NOOP("TwoLayerLessonView", "Alice"), QT_TRANSLATE_NOOP("TwoLayerLessonView", "Bob"),
                       QT_TRANSLATE_NOOP("TwoLayerLessonView", "Charlie"),
                       QT_TRANSLATE_NOOP("TwoLayerLessonView", "Diana"))


def textbook_forward(number=slide_number) -> tuple[str, float]:
    """The textbook's forward pass written out (its numbers as ``number`` writes them), and its output."""
    trace = textbook_network().forward(X_EXAMPLE)
    h, o = trace.a[1][0], float(trace.a[2][0, 0])
    return (f"x = [2, 3]\nh₁ = sigmoid(0·2 + 1·3 + 0) = {number(h[0])}\nh₂ = sigmoid(0·2 + 1·3 + 0) = {number(h[1])}\n"
            f"o = sigmoid(0·h₁ + 1·h₂ + 0) = {number(o)}"), o


class TwoLayerLessonView(LessonText, BoundaryLessonView):
    TITLE = QT_TRANSLATE_NOOP("TwoLayerLessonView", "A network of three neurons")
    EXPLANATION = QT_TRANSLATE_NOOP(
        "TwoLayerLessonView",
        "Two sigmoid neurons read the inputs, a third reads them: a 2-2-1 network. With every weight [0, 1] "
        "and every bias 0, the input x = [2, 3] goes through like this. Then the same shape learns a task: "
        "telling women from men by weight and height (four people, stochastic gradient descent on the mean "
        "squared error). Red: the network says female; blue: male."
    )

    def __init__(self, parent: QWidget | None = None):
        text, self.output = textbook_forward()
        self.names = tuple(self.tr(name) for name in PEOPLE)  # as marked in PEOPLE_TO_TRANSLATE
        axes = (self.tr("weight − 135 lb"), self.tr("height − 66 in"))
        super().__init__(text, lambda: train_gender(epochs=1000), 5, GENDER_X, GENDER_Y[:, 0],
                         (-EXTENT, EXTENT, -EXTENT, EXTENT), axes, self.names, parent)
        self.setObjectName("twoLayerLesson")
        self.forward_label = self.intro
        self.forward_label.setToolTip(textbook_forward(full_number)[0])

    def output_grid(self, net) -> np.ndarray:
        return decision_grid(net, EXTENT)[2]

    def describe(self, epoch) -> str:
        # one person a line: the lines do not re-wrap as the percentages change while the network learns
        said = "".join("\n    " + self.tr("{0}: {1} %").format(name, f"{100 * p:.0f}")
                       for name, p in zip(self.names, epoch.predictions))
        right = int(np.sum((epoch.predictions > 0.5) == (GENDER_Y[:, 0] > 0.5)))
        return self.tr("epoch {0}: loss {1}\n{2} of 4 right\nP(female):").format(epoch.epoch, f"{epoch.loss:.4f}",
                                                                                  right) + said
