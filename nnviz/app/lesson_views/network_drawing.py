"""A small fully connected network drawn the way a textbook draws it: a column of nodes per layer, a line
for every weight with its value on it, each node's output inside it and its z and bias under it.

For the forward-propagation lesson's 2-3-2-2 network: the numbers of the text beside it, placed where they
act. Values are rounded for the slide; hovering a node or a weight shows it in full.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nnviz.app.colormaps import NEGATIVE, POSITIVE
from nnviz.app.lesson_views.slide_numbers import full_number, slide_number
from nnviz.app.painting import background_colour, legible_font, mix, text_colour

# where along its line a weight may be written, from the node it leaves, in order of preference: not halfway,
# where crossing lines would put two labels on one spot; the first place free of the labels placed before
LABEL_AT = (0.36, 0.26, 0.46, 0.2, 0.55)
HOVER_PX = 14  # how near the pointer must be to a weight's label to show it in full
HEADING_PX = 120  # the least width of a layer's name over its column


class NetworkDrawing(QWidget):
    """``set_network(inputs, steps, headings)``: ``steps`` as :func:`nnviz.lessons.forward.forward_steps` gives
    them (per layer: a_in, W, b, z, a_out); ``headings`` names the input and each layer (translated)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("networkDrawing")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._values: list[np.ndarray] = []  # per column: the nodes' outputs (inputs first)
        self._z: list[np.ndarray | None] = []
        self._b: list[np.ndarray | None] = []
        self._W: list[np.ndarray] = []
        self._headings: list[str] = []

    def set_network(self, steps: list[dict], headings: list[str]) -> None:
        self._values = [np.asarray(steps[0]["a_in"], np.float64)] + [np.asarray(s["a_out"], np.float64) for s in steps]
        self._z = [None] + [np.asarray(s["z"], np.float64) for s in steps]
        self._b = [None] + [np.asarray(s["b"], np.float64) for s in steps]
        self._W = [np.asarray(s["W"], np.float64) for s in steps]
        self._headings = list(headings)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 460)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 300)

    # ------------------------------------------------------------------ geometry
    def _radius(self) -> float:
        return max(18.0, QFontMetricsF(legible_font(self, bold=True)).horizontalAdvance("0.0000") / 2 + 6)

    def node_centre(self, column: int, index: int) -> QPointF:
        """Where node ``index`` of ``column`` (0: the inputs) is drawn."""
        radius, line = self._radius(), QFontMetricsF(legible_font(self)).height()
        margin = max(radius, HEADING_PX / 2) + 4
        left, right = margin, self.width() - margin
        x = left + (right - left) * column / max(1, len(self._values) - 1)
        top, bottom = 2 * line + radius + 8, self.height() - 2 * line - radius - 4
        count = len(self._values[column])
        y = (top + bottom) / 2 if count == 1 else top + (bottom - top) * (index + 0.5) / count
        return QPointF(x, y)

    def _column_spacing(self) -> float:
        return abs(self.node_centre(1, 0).x() - self.node_centre(0, 0).x()) if len(self._values) > 1 else self.width()

    def weight_label_at(self, layer: int, source: int, target: int) -> QPointF:
        """Where the weight from ``source`` (column ``layer``) to ``target`` (column ``layer + 1``) is written."""
        return self._label_boxes()[layer, source, target].center()

    def _label_boxes(self) -> dict[tuple[int, int, int], QRectF]:
        """Each weight's label box: along its line, at the first of LABEL_AT's places where it overlaps no
        label placed before it."""
        metrics, boxes = QFontMetricsF(legible_font(self)), {}
        height = metrics.height()
        for layer, W in enumerate(self._W):
            for source, target in np.ndindex(W.shape):
                a, b = self.node_centre(layer, source), self.node_centre(layer + 1, target)
                width = metrics.horizontalAdvance(slide_number(W[source, target])) + 6
                for t in LABEL_AT:
                    at = a + (b - a) * t
                    box = QRectF(at.x() - width / 2, at.y() - height / 2, width, height)
                    if not any(box.intersects(other) for other in boxes.values()):
                        break
                else:
                    box = QRectF(box)  # nowhere free: the last place
                boxes[layer, source, target] = box
        return boxes

    # ------------------------------------------------------------------ tooltips
    def tooltip_at(self, pos: QPointF) -> str:
        """The full-precision numbers under ``pos``: a node's output, z and bias, or a weight; "" elsewhere."""
        radius = self._radius()
        for column, values in enumerate(self._values):
            for index, value in enumerate(values):
                centre = self.node_centre(column, index)
                if math.hypot(pos.x() - centre.x(), pos.y() - centre.y()) <= radius + 2 * HOVER_PX:
                    lines = [f"a = {full_number(value)}"]
                    if self._z[column] is not None:
                        lines += [f"z = {full_number(self._z[column][index])}", f"b = {full_number(self._b[column][index])}"]
                    return "\n".join(lines)
        for layer, W in enumerate(self._W):
            for source, target in np.ndindex(W.shape):
                at = self.weight_label_at(layer, source, target)
                if abs(pos.x() - at.x()) <= 2 * HOVER_PX and abs(pos.y() - at.y()) <= HOVER_PX:
                    return f"w = {full_number(W[source, target])}"
        return ""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        if not self._values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font, bold = legible_font(self), legible_font(self, bold=True)
        metrics = QFontMetricsF(font)
        radius, line = self._radius(), metrics.height()
        page, ink = background_colour(self), text_colour(self)
        largest = max((float(np.abs(W).max()) for W in self._W), default=1.0) or 1.0
        for layer, W in enumerate(self._W):  # the weights first: the nodes and labels go over them
            for source, target in np.ndindex(W.shape):
                colour = QColor(POSITIVE if W[source, target] >= 0 else NEGATIVE)
                painter.setPen(QPen(colour, 1.0 + 4.0 * abs(W[source, target]) / largest))
                painter.drawLine(self.node_centre(layer, source), self.node_centre(layer + 1, target))
        painter.setFont(font)
        for (layer, source, target), box in self._label_boxes().items():
            text = slide_number(self._W[layer][source, target])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(page)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        for column, values in enumerate(self._values):
            top = self.node_centre(column, 0).y() - radius
            painter.setFont(bold)
            painter.setPen(ink)
            centre_x = self.node_centre(column, 0).x()
            width = max(HEADING_PX, self._column_spacing() - 6)
            left = min(max(0.0, centre_x - width / 2), self.width() - width)  # the outer ones stay inside
            heading = QRectF(left, top - 2 * line - 4, width, 2 * line)
            painter.drawText(heading, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             self._headings[column] if column < len(self._headings) else "")
            for index, value in enumerate(values):
                centre = self.node_centre(column, index)
                painter.setPen(QPen(ink, 2))
                painter.setBrush(mix(page, ink, 0.12))
                painter.drawEllipse(centre, radius, radius)
                painter.setFont(bold)
                painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                                 Qt.AlignmentFlag.AlignCenter, slide_number(value))
                if self._z[column] is not None:
                    painter.setFont(font)
                    painter.setPen(text_colour(self, 200))
                    below = QRectF(centre.x() - HEADING_PX / 2, centre.y() + radius + 1, HEADING_PX, 2 * line)
                    text = f"z = {slide_number(self._z[column][index])}\nb = {slide_number(self._b[column][index])}"
                    flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                    painter.fillRect(painter.boundingRect(below, flags, text).adjusted(-3, 0, 3, 0), page)
                    painter.drawText(below, flags, text)
        painter.end()
