"""The two graphics items the diagram is drawn with, cheap to repaint, and helpers for its lines and text."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsPixmapItem

from nnviz.app.painting import rgba_qimage


class EdgeItem(QGraphicsObject):
    """Batches of straight lines, one pen per batch, drawn in order; cheap to cache as one pixmap."""

    def __init__(self):
        super().__init__()
        self._batches: list[tuple[QPen, list[QLineF]]] = []
        self._rect = QRectF()

    def set_batches(self, batches: list[tuple[QPen, list[QLineF]]], rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._batches, self._rect = batches, QRectF(rect)
        self.update()

    def line_count(self) -> int:
        return sum(len(lines) for _, lines in self._batches)

    def lines(self) -> list[QLineF]:
        return [line for _, lines in self._batches for line in lines]

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for pen, lines in self._batches:
            if lines:
                painter.setPen(pen)
                painter.drawLines(lines)


class PictureItem(QGraphicsPixmapItem):
    """An RGBA array shown in a rectangle, as a premultiplied pixmap: the cheapest thing to repaint."""

    def __init__(self):
        super().__init__()
        self.setTransformationMode(Qt.TransformationMode.FastTransformation)
        self.array: np.ndarray | None = None

    def set_array(self, rgba: np.ndarray, rect: QRectF, size: tuple[int, int] | None = None) -> None:
        """Show ``rgba`` stretched over ``rect``; ``size`` (w, h) rescales it first, nearest neighbour."""
        self.array = rgba
        h, w = rgba.shape[:2]
        if size is not None and size[0] % w == 0 and size[1] % h == 0:  # whole pixels: NumPy is quickest
            rgba = np.repeat(np.repeat(rgba, size[1] // h, axis=0), size[0] // w, axis=1)
        image = rgba_qimage(rgba)
        if size is not None and (image.width(), image.height()) != size:
            image = image.scaled(size[0], size[1], Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.FastTransformation)
        self.setPixmap(QPixmap.fromImage(image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)))
        self.setPos(rect.topLeft())
        self.setScale(rect.width() / max(1, image.width()))


def set_text_font(item: pg.TextItem, font) -> None:
    """A new font for a cached text item: its cached picture of the old text must go too (a stale one
    can leave the text out altogether)."""
    mode = item.textItem.cacheMode()
    item.textItem.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    item.setFont(font)
    item.textItem.setCacheMode(mode)


def line_list(x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray) -> list[QLineF]:
    return [QLineF(*row) for row in np.column_stack([x0, y0, x1, y1]).tolist()]
