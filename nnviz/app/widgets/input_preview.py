"""The 28x28 picture the network actually reads, drawn large with crisp pixels.

Beside the canvas it shows students what ``to_mnist`` did to their drawing: cropped, scaled into the
20x20 box (dashed) and centred by its centre of mass (the cross), as the MNIST digits were, its strokes
re-drawn at MNIST's stroke width.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nnviz.app.exportable import ExportSpec, Table, matrix_table
from nnviz.app.painting import grey_array, grey_qimage, legible_font, text_colour

SIDE = 28
GRID = 0.16  # how far grid lines pull a pixel towards mid-grey
GUIDE = QColor("#a87400")  # opaque dim amber: translucent lines are slow to draw


class InputPreview(QWidget):
    """Shows ``set_image(img28)``: a (28, 28) array in [0, 1], white ink on black; None shows an empty grid."""

    EXPORT = ExportSpec("network-input", QT_TRANSLATE_NOOP("Export", "Network input (28×28)"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inputPreview")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setToolTip(self.tr(
            "The network's input: your drawing cropped, scaled to fit the 20×20 box (dashed)\n"
            "and centred by its centre of mass (cross) in 28×28 pixels, like the MNIST digits.\n"
            "Its strokes are re-drawn at the width of MNIST's pen strokes, so a thin or a thick pen\n"
            "and a small or a large digit reach the network alike."
        ))
        self._caption = self.tr("network input 28×28")
        self._values: np.ndarray | None = None
        self._image = QImage(SIDE, SIDE, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self._enlarged_image, self._enlarged_key = self._image, None

    def set_image(self, img28: np.ndarray | None) -> None:
        if img28 is None:
            self._values = None
            self._image.fill(0)
        else:
            values = np.asarray(img28, dtype=np.float32)
            if values.shape != (SIDE, SIDE):
                values = values.reshape(SIDE, SIDE)  # a flat (784,) input is fine too
            self._values = values.copy()
            self._image = grey_qimage(values)
        self.update()

    def image(self) -> np.ndarray | None:
        return None if self._values is None else self._values.copy()

    def sizeHint(self) -> QSize:
        return QSize(200, 230)

    def minimumSizeHint(self) -> QSize:
        return QSize(100, 120)

    # ------------------------------------------------------------------ geometry
    def _caption_height(self) -> float:
        metrics = QFontMetricsF(legible_font(self))
        bounds = metrics.boundingRect(QRectF(0, 0, max(1, self.width() - 4), 1000),
                                      int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap), self._caption)
        return bounds.height() + 6

    def pixel_rect(self) -> QRectF:
        """Where the 28x28 pixels are drawn: the largest square that leaves room for the caption, a whole
        number of screen px per input pixel; square and caption together centred in the widget."""
        caption = self._caption_height()
        room = min(self.width(), self.height() - caption - 6)
        side = max(1, int(room // SIDE)) * SIDE
        return QRectF((self.width() - side) // 2, max(2, (self.height() - side - caption - 4) // 2), side, side)

    def _caption_rect(self) -> QRectF:
        """Right below the pixels."""
        return QRectF(2, self.pixel_rect().bottom() + 4, self.width() - 4, self._caption_height())

    def pixel_at(self, pos: QPointF) -> tuple[int, int] | None:
        rect = self.pixel_rect()
        if not rect.contains(pos):
            return None
        col = int((pos.x() - rect.x()) * SIDE / rect.width())
        row = int((pos.y() - rect.y()) * SIDE / rect.height())
        return min(row, SIDE - 1), min(col, SIDE - 1)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        rect = self.pixel_rect()
        cell = int(rect.width()) // SIDE
        painter.drawImage(rect.topLeft(), self._enlarged(cell))  # drawn 1:1: no smoothing, no scaling cost
        self._paint_guides(painter, rect, rect.width() / SIDE)
        painter.setPen(QPen(text_colour(self, 90), 1))
        painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.setFont(legible_font(self))
        painter.setPen(text_colour(self, 220))
        painter.drawText(self._caption_rect(), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, self._caption)
        painter.end()

    def _enlarged(self, cell: int) -> QImage:
        """The 28x28 pixels as cell x cell squares with a faint grid between them, cached per size and image."""
        key = (cell, self._image.cacheKey())
        if self._enlarged_key != key:
            grey = grey_array(self._image).astype(np.float32) / 255.0
            big = np.repeat(np.repeat(grey, cell, axis=0), cell, axis=1)
            if cell >= 4:  # the grid: each pixel's first row and column nudged towards mid-grey
                big[::cell, :] = big[::cell, :] * (1 - GRID) + 0.5 * GRID
                big[:, ::cell] = big[:, ::cell] * (1 - GRID) + 0.5 * GRID
            self._enlarged_image, self._enlarged_key = grey_qimage(big), key
        return self._enlarged_image

    def _paint_guides(self, painter: QPainter, rect: QRectF, cell: float) -> None:
        """The 20x20 box the digit is scaled into and the image centre its centre of mass is moved to."""
        painter.setPen(QPen(GUIDE, 1, Qt.PenStyle.DashLine))
        painter.drawRect(QRectF(rect.x() + 4 * cell, rect.y() + 4 * cell, 20 * cell, 20 * cell))
        centre = rect.center()
        arm = max(3.0, cell * 0.8)
        painter.setPen(QPen(GUIDE, 1))
        painter.drawLine(QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y()))
        painter.drawLine(QPointF(centre.x(), centre.y() - arm), QPointF(centre.x(), centre.y() + arm))

    def mouseMoveEvent(self, event) -> None:
        hit = self.pixel_at(event.position())
        if hit is None:
            QToolTip.hideText()
        else:
            row, col = hit
            value = "–" if self._values is None else f"{self._values[row, col]:.2f}"
            QToolTip.showText(event.globalPosition().toPoint(),
                              self.tr("pixel (row {0}, column {1}) = input {2}\nvalue {3}")
                              .format(row, col, row * SIDE + col, value), self)
        super().mouseMoveEvent(event)

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        return matrix_table(self.image())
