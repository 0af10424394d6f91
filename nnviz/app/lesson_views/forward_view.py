"""Lesson 3, forward propagation: the 2-3-2-2 example with every number of every layer written out."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from nnviz.app.lesson_views.lesson_text import LessonText
from nnviz.app.painting import legible_font
from nnviz.lessons.forward import X, forward_steps


def vector(values: np.ndarray) -> str:
    return "[" + ", ".join(f"{v:.8g}" for v in np.asarray(values).ravel()) + "]"


def matrix(values: np.ndarray) -> str:
    return "[" + ", ".join(vector(row) for row in np.asarray(values)) + "]"


def layer_text(index: int, step: dict, last: bool) -> str:
    """One layer's arithmetic as it is written in the textbook (monospace rows, no words: the heading
    beside it names the layer in the window's language)."""
    a = f"z{index}" if last else f"sigmoid(z{index})"  # the output layer's activation is the identity
    return (f"a{index - 1} = {vector(step['a_in'])}\n"
            f"W{index} = {matrix(step['W'])}\n"
            f"b{index} = {vector(step['b'])}\n"
            f"z{index} = a{index - 1} · W{index} + b{index} = {vector(step['z'])}\n"
            f"a{index} = {a} = {vector(step['a_out'])}")


class ForwardLessonView(LessonText, QWidget):
    TITLE = QT_TRANSLATE_NOOP("ForwardLessonView", "Forward propagation, layer by layer")
    EXPLANATION = QT_TRANSLATE_NOOP(
        "ForwardLessonView",
        "Each layer takes the previous layer's outputs <b>a</b>, computes <b>z = a·W + b</b> for all its "
        "neurons at once (one matrix product), and applies its activation. The textbook's 2-3-2-2 network: "
        "sigmoid hidden layers, identity output, input x = [1, 0.5]."
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("forwardLesson")
        self.steps = forward_steps(x=X)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(legible_font(self, 1.35).pointSizeF())  # the lesson is these numbers: large
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(12)
        self.layer_labels = []
        for index, step in enumerate(self.steps, start=1):
            last = index == len(self.steps)
            heading = QLabel(self.layer_heading(index, last))
            heading.setFont(legible_font(self, 1.2, bold=True))
            label = QLabel(layer_text(index, step, last))
            label.setObjectName(f"forwardLayer{index}")
            label.setFont(mono)
            self.layer_labels.append(label)
            grid.addWidget(heading, index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, index, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        self.output_label = QLabel(f"y = {vector(self.steps[-1]['a_out'])}")
        self.output_label.setObjectName("forwardOutput")
        self.output_label.setFont(legible_font(self, 1.4, bold=True))
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.output_label)
        layout.addStretch(1)

    def layer_heading(self, index: int, last: bool) -> str:
        activation = self.tr("identity") if last else "sigmoid"
        return self.tr("layer {0}\nactivation: {1}").format(index, activation)
