"""Each hidden layer's activations as a small image: 256 units -> 16x16, 128 -> 16x8, 64 -> 8x8, 16 -> 4x4.

All layers share one cell size, so a bigger layer looks bigger. Colours are viridis scaled per layer
from 0 (or the layer's minimum, if negative) to the layer's maximum, so every layer shows its pattern.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nnviz.app.exportable import ExportSpec, Table, activation_table
from nnviz.app.colormaps import SEQUENTIAL, map_sequential
from nnviz.app.layer_names import layer_name
from nnviz.app.painting import legible_font, rgba_qimage, text_colour
from nnviz.app.widgets.color_legend import ColorLegend, add_with_legends

GAP = 18.0  # px between layers
MIN_CELL = 4  # px per neuron at the least, in rows of at most ROW_LIMITS[1]
ROW_LIMITS = (None, 8, 4)  # tried in turn: the one giving the biggest squares wins (ties: the squarest)
IDLE = (74, 74, 74, 255)  # cells before anything is drawn


def grid_shape(n: int, max_rows: int | None = None) -> tuple[int, int]:
    """(rows, columns) of a layer's image: powers of two as 16x16, 16x8, 8x8, 8x4, 4x4 ...; else nearly square;
    at most ``max_rows`` rows (a wide, low panel: 256 as 8x32)."""
    if n > 0 and n & (n - 1) == 0:
        k = n.bit_length() - 1
        rows = 2 ** ((k + 1) // 2)
    else:
        rows = math.ceil(math.sqrt(n))
    rows = min(rows, max_rows or rows)
    return rows, math.ceil(n / rows)


def value_range(a: np.ndarray) -> tuple[float, float]:
    """The colour scale of one layer: 0 (or its minimum, if negative) .. its maximum."""
    lo = min(0.0, float(a.min())) if a.size else 0.0
    hi = float(a.max()) if a.size else 1.0
    return lo, max(hi, lo + 1e-6)


def layer_image(a: np.ndarray | None, n: int, max_rows: int | None = None) -> np.ndarray:
    """(rows, cols, 4) RGBA of one layer: unit j at (j // cols, j % cols); cells past n are transparent."""
    rows, cols = grid_shape(n, max_rows)
    rgba = np.zeros((rows * cols, 4), np.uint8)
    rgba[:n] = IDLE if a is None else map_sequential(a, *value_range(a))
    return rgba.reshape(rows, cols, 4)


class ActivationHeatmaps(QWidget):
    """``set_activations(hidden)``: one 1-D array per hidden layer, or None (greys the last shapes shown)."""

    EXPORT = ExportSpec("activations", QT_TRANSLATE_NOOP("Export", "Hidden-layer activations"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("heatmaps")
        self._area = _HeatmapArea(self)
        self._legend = ColorLegend(
            SEQUENTIAL, self.tr("activation"), "0", self.tr("layer max"), self,
            tooltip=self.tr("Each square is one neuron; the colour scale runs from 0 to the layer's largest "
                            "activation."))
        add_with_legends(self, self._area, [self._legend])

    def set_activations(self, hidden: list[np.ndarray] | None) -> None:
        self._area.set_activations(hidden)

    def images(self) -> list[np.ndarray]:
        """The RGBA image of each layer, as last shown."""
        return [image.copy() for image in self._area.arrays]

    def layer_at(self, pos: QPointF) -> tuple[int, int] | None:
        """(hidden layer 1.., unit) under a point of this widget, if any."""
        return self._area.unit_at(self._area.mapFrom(self, pos.toPoint()).toPointF())

    def layer_captions(self) -> list[str]:
        """The layers' names over their images, as shown ("hidden 1", ...)."""
        return [name for name, _ in self._area._layout()[2]] if self._area.arrays else []

    def sizeHint(self) -> QSize:
        return QSize(400, 250)

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        return activation_table(self._area.values(), first_layer=1)


class _HeatmapArea(QWidget):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._values: list[np.ndarray] | None = None
        self._sizes: list[int] = []
        self.arrays: list[np.ndarray] = []
        self._enlarged: tuple[tuple, list[QImage]] = ((), [])  # (cell size, row limit) and the images drawn so

    def minimumSizeHint(self) -> QSize:
        """Room for the captions and cells of MIN_CELL px: smaller, the squares would be dust."""
        bold, plain = QFontMetricsF(legible_font(self, bold=True)), QFontMetricsF(legible_font(self))
        rows = max((grid_shape(n, ROW_LIMITS[1])[0] for n in self._sizes), default=ROW_LIMITS[1])
        return QSize(120, math.ceil(bold.height() + plain.height() + 12 + MIN_CELL * rows))

    def values(self) -> list[np.ndarray] | None:
        """The hidden layers' activations shown, or None."""
        return self._values

    def set_activations(self, hidden: list[np.ndarray] | None) -> None:
        if hidden is not None:
            hidden = [np.asarray(a, dtype=np.float32).ravel().copy() for a in hidden]
            if [len(a) for a in hidden] != self._sizes:
                self.updateGeometry()  # other layer sizes, other least room
            self._sizes = [len(a) for a in hidden]
        self._values = hidden
        self.arrays = [layer_image(None if hidden is None else hidden[i], n) for i, n in enumerate(self._sizes)]
        self._enlarged = ((), [])
        self.update()

    def _images_at(self, cell: float, max_rows: int | None) -> list[QImage]:
        """Each layer's image with every neuron a cell x cell square, premultiplied: drawn 1:1, it is cheap."""
        if self._enlarged[0] != (cell, max_rows):
            size = int(cell)
            images = []
            for i, n in enumerate(self._sizes):
                array = layer_image(None if self._values is None else self._values[i], n, max_rows) \
                    if max_rows else self.arrays[i]
                big = np.repeat(np.repeat(array, size, axis=0), size, axis=1)
                images.append(rgba_qimage(big).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied))
            self._enlarged = ((cell, max_rows), images)
        return self._enlarged[1]

    # ------------------------------------------------------------------ geometry
    def _captions(self, short: bool = False) -> list[tuple[str, str]]:
        last = len(self._sizes) + 1  # the output layer's number
        return [(layer_name(l, last), str(n) if short else self.tr("{0} neurons").format(n))
                for l, n in enumerate(self._sizes, 1)]

    def _layout(self) -> tuple[list[QRectF], float, list[tuple[str, str]], int | None]:
        """Where each layer's image goes, the height of the captions above them, the captions ("256 neurons",
        or just "256" where the longer words would make the images smaller) and the rows' limit: in a wide,
        low panel the layers are laid out in fewer, longer rows, if that makes the squares bigger."""
        fits = [self._fit(captions, max_rows) for max_rows in ROW_LIMITS
                for captions in (self._captions(), self._captions(short=True))]
        return max(fits, key=lambda fit: fit[0][0].width() / grid_shape(self._sizes[0], fit[3])[1])

    def _fit(self, captions: list[tuple[str, str]], max_rows: int | None = None
             ) -> tuple[list[QRectF], float, list[tuple[str, str]], int | None]:
        bold, plain = QFontMetricsF(legible_font(self, bold=True)), QFontMetricsF(legible_font(self))
        caption_h = bold.height() + plain.height() + 4
        # a caption may reach a little into the gaps beside its image
        text_w = [max(bold.horizontalAdvance(a), plain.horizontalAdvance(b)) - (GAP / 2 - 4) for a, b in captions]
        shapes = [grid_shape(n, max_rows) for n in self._sizes]
        room_w = self.width() - 8 - GAP * (len(shapes) - 1)
        room_h = self.height() - caption_h - 8
        cell = min(room_w / sum(c for _, c in shapes), room_h / max(r for r, _ in shapes))
        while cell > 1 and sum(max(c * cell, t) for (_, c), t in zip(shapes, text_w)) > room_w:
            cell *= 0.95
        cell = max(1.0, math.floor(cell))  # whole px per cell: crisp squares
        slots = [max(c * cell, t) for (_, c), t in zip(shapes, text_w)]
        x = (self.width() - sum(slots) - GAP * (len(slots) - 1)) / 2
        rects = []
        for (rows, cols), slot in zip(shapes, slots):
            rects.append(QRectF(round(x + (slot - cols * cell) / 2), round(caption_h + 4), cols * cell, rows * cell))
            x += slot + GAP
        return rects, caption_h, captions, max_rows

    def unit_at(self, pos: QPointF) -> tuple[int, int] | None:
        if not self._sizes:
            return None
        rects, _, _, max_rows = self._layout()
        for layer, (rect, n) in enumerate(zip(rects, self._sizes), start=1):
            if rect.contains(pos):
                rows, cols = grid_shape(n, max_rows)
                row = min(rows - 1, int((pos.y() - rect.y()) / rect.height() * rows))
                col = min(cols - 1, int((pos.x() - rect.x()) / rect.width() * cols))
                unit = row * cols + col
                return (layer, unit) if unit < n else None
        return None

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if not self._sizes:
            painter.setFont(legible_font(self))
            painter.setPen(text_colour(self, 150))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("draw a digit to see the hidden layers"))
            painter.end()
            return
        rects, caption_h, captions, max_rows = self._layout()
        bold, plain = legible_font(self, bold=True), legible_font(self)
        line = QFontMetricsF(bold).height()
        images = self._images_at(rects[0].width() / grid_shape(self._sizes[0], max_rows)[1], max_rows)
        for rect, image, (name, shape) in zip(rects, images, captions):
            painter.drawImage(rect.topLeft(), image)  # one crisp square per neuron
            painter.setPen(QPen(text_colour(self, 60), 1))
            painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
            caption = QRectF(rect.center().x() - 200, 0, 400, line)
            painter.setFont(bold)
            painter.setPen(text_colour(self, 230))
            painter.drawText(caption, Qt.AlignmentFlag.AlignCenter, name)
            painter.setFont(plain)
            painter.setPen(text_colour(self, 170))
            painter.drawText(caption.translated(0, line), Qt.AlignmentFlag.AlignCenter, shape)
        if self._values is None:
            painter.setFont(plain)
            painter.setPen(QColor(255, 255, 255, 170))
            painter.drawText(QRectF(0, caption_h, self.width(), self.height() - caption_h),
                             Qt.AlignmentFlag.AlignCenter, self.tr("draw a digit"))
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        hit = self.unit_at(event.position())
        if hit is None:
            QToolTip.hideText()
        else:
            layer, unit = hit
            text = self.tr("hidden layer {0}, neuron {1}").format(layer, unit)
            if self._values is not None:
                values = self._values[layer - 1]
                text += "\n" + self.tr("activation {0} (layer max {1})").format(f"{values[unit]:.3f}",
                                                                                f"{values.max():.3f}")
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        super().mouseMoveEvent(event)
