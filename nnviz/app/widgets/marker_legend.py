"""A legend beside a plot, not on it: one row per category, its marker (and line) in its colour, then its name.

pyqtgraph's own legend sits inside the plot, over the data, and lines its small samples up badly with
large type. This one is a plain widget placed next to the plot: the markers are drawn with pyqtgraph's
symbol painter at a size that reads from the back of the room, in as many columns as the height needs.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol

from nnviz.app.painting import background_colour, legible_font, text_colour

LINE_PX = 22  # the line sample, when entries are lines
GAP_PX = 8
LINE_MARKERS = "x+"  # drawn with their outline, not filled


class MarkerLegend(QWidget):
    """``set_entries([(colour, marker, name), ...])``; ``lines=True`` draws a short line through each marker."""

    def __init__(self, entries=(), lines: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("markerLegend")
        self._entries: list[tuple[str, str, str]] = []
        self._lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.set_entries(entries)

    def set_entries(self, entries) -> None:
        self._entries = [(str(colour), str(marker), str(name)) for colour, marker, name in entries]
        self.updateGeometry()
        self.update()

    def entries(self) -> list[tuple[str, str, str]]:
        return list(self._entries)

    def _metrics(self) -> tuple[float, float, float]:
        """(row height, marker size, widest entry) in the widget's type."""
        metrics = QFontMetricsF(legible_font(self))
        row = metrics.height() * 1.35
        marker = metrics.height() * 0.75
        sample = LINE_PX if self._lines else marker
        widest = max((metrics.horizontalAdvance(name) for _, _, name in self._entries), default=0.0)
        return row, marker, sample + GAP_PX + widest + GAP_PX

    def columns(self) -> int:
        """As many columns as the height needs to show every entry."""
        row, _, _ = self._metrics()
        per_column = max(1, int((self.height() - 2 * GAP_PX) // row)) if self.height() > 0 else len(self._entries)
        return max(1, math.ceil(len(self._entries) / per_column))

    def sizeHint(self) -> QSize:
        row, _, width = self._metrics()
        return QSize(math.ceil(width + GAP_PX), math.ceil(row * len(self._entries) + 2 * GAP_PX))

    def minimumSizeHint(self) -> QSize:
        row, _, width = self._metrics()
        return QSize(math.ceil(width * self.columns() + GAP_PX), math.ceil(row * 3))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # the columns (and so the width) follow the height

    def paintEvent(self, event) -> None:
        row, marker, width = self._metrics()
        columns = self.columns()
        per_column = math.ceil(len(self._entries) / columns) if self._entries else 1
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(legible_font(self))
        outline = QPen(background_colour(self).darker(130), 1.0)
        for i, (colour, symbol, name) in enumerate(self._entries):
            column, index = divmod(i, per_column)
            x, y = GAP_PX / 2 + column * width, GAP_PX + index * row
            sample = LINE_PX if self._lines else marker
            centre = QPointF(x + sample / 2, y + row / 2)
            if self._lines:
                painter.setPen(QPen(QColor(colour), 2.5))
                painter.drawLine(QPointF(x, centre.y()), QPointF(x + sample, centre.y()))
            painter.save()
            painter.translate(centre)
            stroke = QPen(QColor(colour), 2.0) if symbol in LINE_MARKERS else QPen(outline)
            stroke.setCosmetic(True)  # drawSymbol scales the painter by the marker's size
            drawSymbol(painter, symbol, marker, stroke, pg.mkBrush(colour))
            painter.restore()
            painter.setPen(text_colour(self, 230))
            painter.drawText(QRectF(x + sample + GAP_PX, y, width - sample - GAP_PX, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
        painter.end()
