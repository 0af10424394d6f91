"""A one-line colour key: ``title  low [gradient bar] high``, painted in the palette's text colour."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLayout, QSizePolicy, QVBoxLayout, QWidget

from nnviz.app.colormaps import qgradient
from nnviz.app.painting import legible_font, text_colour

BAR_WIDTH = (60, 120)  # the gradient bar's minimum and maximum length in px


class ColorLegend(QWidget):
    """Explains one colour table; RGBA tables with transparency show what they do over the background."""

    def __init__(self, table: np.ndarray, title: str, low: str, high: str, parent: QWidget | None = None,
                 tooltip: str = ""):
        super().__init__(parent)
        self._table = table
        self._title, self._low, self._high = title, low, high
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip(tooltip)

    def set_table(self, table: np.ndarray) -> None:
        self._table = table
        self.update()

    def set_labels(self, title: str | None = None, low: str | None = None, high: str | None = None) -> None:
        self._title = self._title if title is None else title
        self._low = self._low if low is None else low
        self._high = self._high if high is None else high
        self.updateGeometry()
        self.update()

    def labels(self) -> tuple[str, str, str]:
        return self._title, self._low, self._high

    def _text_widths(self) -> tuple[float, float, float, float]:
        metrics = QFontMetricsF(legible_font(self))
        bold = QFontMetricsF(legible_font(self, bold=True))
        return bold.horizontalAdvance(self._title), metrics.horizontalAdvance(self._low), \
            metrics.horizontalAdvance(self._high), metrics.height()

    def sizeHint(self) -> QSize:
        title, low, high, height = self._text_widths()
        return QSize(int(title + low + high + BAR_WIDTH[1] + 32), int(height + 8))

    def minimumSizeHint(self) -> QSize:
        title, low, high, height = self._text_widths()
        return QSize(int(title + low + high + BAR_WIDTH[0] + 32), int(height + 8))

    def paintEvent(self, event) -> None:
        title_w, low_w, high_w, height = self._text_widths()
        spare = self.width() - (title_w + low_w + high_w + 32)
        bar_w = float(np.clip(spare, BAR_WIDTH[0], BAR_WIDTH[1]))
        total = title_w + low_w + high_w + 32 + bar_w
        x = max(0.0, (self.width() - total) / 2.0)  # centred in whatever room it gets
        y, h = (self.height() - height) / 2.0, height
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(legible_font(self, bold=True))
        painter.setPen(text_colour(self, 230))
        painter.drawText(QRectF(x, y, title_w + 1, h), Qt.AlignmentFlag.AlignVCenter, self._title)
        x += title_w + 12
        painter.setFont(legible_font(self))
        painter.setPen(text_colour(self, 200))
        painter.drawText(QRectF(x, y, low_w + 1, h), Qt.AlignmentFlag.AlignVCenter, self._low)
        x += low_w + 6
        bar = QRectF(x, y + h * 0.2, bar_w, h * 0.6)
        painter.setPen(QPen(text_colour(self, 90), 1))
        painter.setBrush(qgradient(self._table, QPointF(bar.left(), 0), QPointF(bar.right(), 0)))
        painter.drawRoundedRect(bar, 3, 3)
        x += bar_w + 6
        painter.setPen(text_colour(self, 200))
        painter.drawText(QRectF(x, y, high_w + 1, h), Qt.AlignmentFlag.AlignVCenter, self._high)
        painter.end()


def add_with_legends(owner: QWidget, main: QWidget, legends: list[QWidget]) -> QVBoxLayout:
    """Lay out ``owner`` as ``main`` (taking all the room) over a centred row of legends."""
    row = QHBoxLayout()
    row.setContentsMargins(4, 0, 4, 2)
    row.addStretch(1)
    for i, legend in enumerate(legends):
        if i:
            row.addSpacing(24)
        row.addWidget(legend)
    row.addStretch(1)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    # These widgets live inside the window, whose layout sets the minimum sizes; shown on their own
    # (tests, screenshots) they need none, and setting one makes the offscreen platform warn.
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.addWidget(main, 1)
    layout.addLayout(row)
    return layout
