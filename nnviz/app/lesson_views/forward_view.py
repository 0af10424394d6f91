"""Lesson 3, forward propagation: the 2-3-2-2 example with every number of every layer written out, beside a
drawing of the network with the same numbers on its nodes and weights. Numbers are rounded for the slide
(0.5744); the tooltips, on the text and on the drawing, give them in full (0.5744425168116848)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnviz.app.lesson_views.lesson_text import LessonText
from nnviz.app.lesson_views.network_drawing import NetworkDrawing
from nnviz.app.lesson_views.slide_numbers import full_number, slide_matrix, slide_number, slide_vector
from nnviz.app.painting import legible_font
from nnviz.lessons.forward import X, forward_steps

NARROW_PX = 1150  # a view narrower than this writes the arithmetic smaller
TEXT_SCALE = (1.05, 1.35)  # the arithmetic's type, narrow and wide, times the legible size


def layer_text(index: int, step: dict, last: bool, number=slide_number) -> str:
    """One layer's arithmetic as it is written in the textbook (monospace rows, no words: the heading
    beside it names the layer in the window's language), its numbers written by ``number``."""
    a = f"z{index}" if last else f"sigmoid(z{index})"  # the output layer's activation is the identity
    return (f"a{index - 1} = {slide_vector(step['a_in'], number)}\n"
            f"W{index} = {slide_matrix(step['W'], number)}\n"
            f"b{index} = {slide_vector(step['b'], number)}\n"
            f"z{index} = a{index - 1} · W{index} + b{index} = {slide_vector(step['z'], number)}\n"
            f"a{index} = {a} = {slide_vector(step['a_out'], number)}")


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
        text = QVBoxLayout()
        text.setSpacing(2)
        self.layer_labels = []
        for index, step in enumerate(self.steps, start=1):
            last = index == len(self.steps)
            heading = QLabel(self.layer_heading(index, last).replace("\n", " · "))
            heading.setFont(legible_font(self, 1.05, bold=True))
            label = QLabel(layer_text(index, step, last))
            label.setObjectName(f"forwardLayer{index}")
            label.setToolTip(layer_text(index, step, last, full_number))
            self.layer_labels.append(label)
            if index > 1:
                text.addSpacing(10)
            text.addWidget(heading)
            text.addWidget(label)
        self.output_label = QLabel(f"y = {slide_vector(self.steps[-1]['a_out'])}")
        self.output_label.setObjectName("forwardOutput")
        self.output_label.setToolTip(f"y = {slide_vector(self.steps[-1]['a_out'], full_number)}")
        self.output_label.setFont(legible_font(self, 1.4, bold=True))
        self.drawing = NetworkDrawing()
        self.drawing.setFont(legible_font(self, 1.1))
        self.drawing.set_network(self.steps, [self.tr("input x")] + [
            self.column_heading(index, index == len(self.steps)) for index in range(1, len(self.steps) + 1)])
        text.addSpacing(10)
        text.addWidget(self.output_label)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(text)
        layout.addWidget(self.drawing, 1)
        self._text_scale = 0.0
        self._fit_text()

    def _fit_text(self) -> None:
        """The arithmetic in large monospace type (the lesson is these numbers), a little smaller in a narrow
        window so that the drawing keeps the room for its numbers."""
        scale = TEXT_SCALE[0] if self.width() < NARROW_PX else TEXT_SCALE[1]
        if scale == self._text_scale:
            return
        self._text_scale = scale
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(legible_font(self, scale).pointSizeF())
        for label in self.layer_labels:
            label.setFont(mono)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_text()

    def layer_heading(self, index: int, last: bool) -> str:
        activation = self.tr("identity") if last else "sigmoid"
        return self.tr("layer {0}\nactivation: {1}").format(index, activation)

    def column_heading(self, index: int, last: bool) -> str:
        """The drawing's shorter name of a layer: its number and its activation."""
        return self.tr("layer {0}\n{1}").format(index, self.tr("identity") if last else "sigmoid")
