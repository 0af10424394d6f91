"""Lesson 2, a 2-2-1 network: the textbook's forward pass, then the same shape learning a small task.

Part one: every neuron has weights [0, 1] and bias 0; x = [2, 3] gives h = sigmoid(3) = 0.9526 in both
hidden neurons and o = sigmoid(h) = 0.7216325609518421. Part two: the network learns to tell gender from
weight and height (offsets from 135 lb and 66 in) for four people; the decision boundary moves as it learns.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QWidget

from nnviz.app.lesson_views.boundary import BoundaryLessonView
from nnviz.lessons.two_layer import GENDER_X, GENDER_Y, PEOPLE, X_EXAMPLE, decision_grid, textbook_network, train_gender

EXTENT = 30.0


def textbook_forward() -> tuple[str, float]:
    """The textbook's forward pass written out, and its output."""
    trace = textbook_network().forward(X_EXAMPLE)
    h, o = trace.a[1][0], float(trace.a[2][0, 0])
    return (f"x = [2, 3]\nh₁ = sigmoid(0·2 + 1·3 + 0) = {h[0]:.10f}\nh₂ = sigmoid(0·2 + 1·3 + 0) = {h[1]:.10f}\n"
            f"o = sigmoid(0·h₁ + 1·h₂ + 0) = {o!r}"), o


class TwoLayerLessonView(BoundaryLessonView):
    title = "A network of three neurons"
    explanation = (
        "Two sigmoid neurons read the inputs, a third reads them: a 2-2-1 network. With every weight [0, 1] "
        "and every bias 0, the input x = [2, 3] goes through like this. Then the same shape learns a task: "
        "telling women from men by weight and height (four people, stochastic gradient descent on the mean "
        "squared error). Red: the network says female; blue: male."
    )

    def __init__(self, parent: QWidget | None = None):
        text, self.output = textbook_forward()
        super().__init__(text, lambda: train_gender(epochs=1000), 5, GENDER_X, GENDER_Y[:, 0],
                         (-EXTENT, EXTENT, -EXTENT, EXTENT), ("weight − 135 lb", "height − 66 in"), PEOPLE, parent)
        self.setObjectName("twoLayerLesson")
        self.forward_label = self.intro

    def output_grid(self, net) -> np.ndarray:
        return decision_grid(net, EXTENT)[2]

    def describe(self, epoch) -> str:
        said = ", ".join(f"{name} {100 * p:.0f} %" for name, p in zip(PEOPLE, epoch.predictions))
        right = int(np.sum((epoch.predictions > 0.5) == (GENDER_Y[:, 0] > 0.5)))
        return f"epoch {epoch.epoch}: loss {epoch.loss:.4f}\nP(female): {said}\n{right} of 4 right"
