"""A colour bar that states its values: ``title  [gradient]`` with numbers under ticks along the bar.

For colour scales that are not linear (the confusion matrix's counts on a log scale, slow motion's signed
values on a symmetric log scale) the two ends alone do not say what a colour means: the ticks do.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nnviz.app.colormaps import qgradient
from nnviz.app.painting import legible_font, text_colour

BAR_PX = (140, 320)  # the bar's shortest and longest length
TICK_PX = 4


class ScaleBar(QWidget):
    """``ScaleBar(table, title)``; ``set_ticks([(position 0..1 along the bar, label), ...])``."""

    def __init__(self, table: np.ndarray, title: str = "", ticks=(), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scaleBar")
        self._table = table
        self._title = title
        self._ticks: list[tuple[float, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.set_ticks(ticks)

    def set_table(self, table: np.ndarray) -> None:
        self._table = table
        self.update()

    def set_title(self, title: str) -> None:
        self._title = title
        self.updateGeometry()
        self.update()

    def set_ticks(self, ticks) -> None:
        self._ticks = [(float(np.clip(position, 0.0, 1.0)), str(label)) for position, label in ticks]
        self.updateGeometry()
        self.update()

    def ticks(self) -> list[tuple[float, str]]:
        return list(self._ticks)

    def title(self) -> str:
        return self._title

    def _room(self) -> tuple[float, float, float]:
        """(title width, widest tick label, line height)."""
        metrics, bold = QFontMetricsF(legible_font(self)), QFontMetricsF(legible_font(self, bold=True))
        widest = max((metrics.horizontalAdvance(label) for _, label in self._ticks), default=0.0)
        return bold.horizontalAdvance(self._title), widest, metrics.height()

    def sizeHint(self) -> QSize:
        title, widest, line = self._room()
        return QSize(math.ceil(title + 16 + BAR_PX[1] + widest), math.ceil(2 * line + TICK_PX + 8))

    def minimumSizeHint(self) -> QSize:
        title, widest, line = self._room()
        return QSize(math.ceil(title + 16 + BAR_PX[0] + widest), math.ceil(2 * line + TICK_PX + 8))

    def bar_rect(self) -> QRectF:
        """Where the gradient is drawn, in widget coordinates: after the title, with half a tick label's
        room at either end."""
        title, widest, line = self._room()
        left = (title + 12 if self._title else 4) + widest / 2
        length = float(np.clip(self.width() - left - widest / 2 - 4, BAR_PX[0], BAR_PX[1]))
        return QRectF(left, 4, length, line * 0.75)

    def paintEvent(self, event) -> None:
        title_w, _, line = self._room()
        bar = self.bar_rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(legible_font(self, bold=True))
        painter.setPen(text_colour(self, 230))
        painter.drawText(QRectF(0, 0, title_w + 2, bar.height() + 8), Qt.AlignmentFlag.AlignVCenter, self._title)
        painter.setPen(QPen(text_colour(self, 90), 1))
        painter.setBrush(qgradient(self._table, QPointF(bar.left(), 0), QPointF(bar.right(), 0)))
        painter.drawRect(bar)
        painter.setFont(legible_font(self))
        metrics = QFontMetricsF(legible_font(self))
        for position, label in self._ticks:
            x = bar.left() + position * bar.width()
            painter.setPen(QPen(text_colour(self, 200), 1))
            painter.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + TICK_PX))
            width = metrics.horizontalAdvance(label)
            painter.drawText(QRectF(x - width / 2 - 1, bar.bottom() + TICK_PX, width + 2, line),
                             Qt.AlignmentFlag.AlignCenter, label)
        painter.end()
