"""Labels whose width does not follow their text: the prediction "7 (96 %)" keeps its 40 pt in a wide column and
shrinks (to half at most) in a narrow one, such as a 1024x768 projector in presentation mode; a value that changes
as a slider moves ("8 px", "18 px") keeps the width of its longest text, so its neighbours do not jump."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QLabel, QWidget

SMALLEST = 0.5  # of the label's own type size


class FittedLabel(QLabel):
    """A QLabel (its font, alignment and style sheet) whose text is drawn at the largest size up to its font's
    that fits the label's width."""

    def shown_font(self) -> QFont:
        """The font the text is painted in now."""
        font = QFont(self.font())
        full = font.pointSizeF()
        room = max(1.0, self.contentsRect().width() - 2.0)
        width = QFontMetricsF(font).horizontalAdvance(self.text())
        while width > room and full > 0 and font.pointSizeF() > SMALLEST * full:  # type does not scale exactly
            size = font.pointSizeF()
            font.setPointSizeF(max(SMALLEST * full, min(size * 0.98, size * room / width)))
            width = QFontMetricsF(font).horizontalAdvance(self.text())
        return font

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(int(hint.width() * SMALLEST) + 2, hint.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setFont(self.shown_font())
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment() | Qt.TextFlag.TextSingleLine),
                                  self.palette(), self.isEnabled(), self.text(), self.foregroundRole())


class SizedLabel(QLabel):
    """A label as wide as ``template`` in its font (whatever font it gets: presentation mode's too)."""

    def __init__(self, text: str, template: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self._template = template

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.fontMetrics().horizontalAdvance(self._template) + 4), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
