"""Pre-rendered discs, one per colour, and the mosaics made of them: a layer's dots as one image."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from nnviz.app.colormaps import DIVERGING_DARK, SEQUENTIAL
from nnviz.app.painting import rgba_array

IDLE_NODE = (74, 74, 74)  # nodes' colour before anything is drawn
IDLE, EMPTY, HOLLOW = 256, 257, 258  # sprite indices after the 256 colours of the table


def edge_table() -> np.ndarray:
    """The edges' colours as a table, for the legend: opaque blue, fading out at 0, opaque red."""
    table = np.zeros((256, 4), np.uint8)
    fade = np.round(255 * np.linspace(1.0, 0.0, 128))
    table[:128, :3] = DIVERGING_DARK[0, :3]
    table[128:, :3] = DIVERGING_DARK[-1, :3]
    table[:128, 3] = fade
    table[128:, 3] = fade[::-1]
    return table


def disc_sprites(cell_px: int, dot_px: float, rim: QColor, table: np.ndarray = SEQUENTIAL,
                 ring: QColor | None = None) -> np.ndarray:
    """(259, cell, cell, 4) uint8: a disc of every colour of ``table`` (256), the idle grey, nothing (empty)
    and an empty ring in ``ring`` (a silent neuron), each antialiased with a thin dark rim, centred in a
    transparent cell."""
    def coverage(diameter: float) -> np.ndarray:
        image = QImage(cell_px, cell_px, QImage.Format.Format_RGBA8888)
        image.fill(Qt.GlobalColor.transparent)
        if diameter > 0:
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("white"))
            painter.drawEllipse(QPointF(cell_px / 2, cell_px / 2), diameter / 2, diameter / 2)
            painter.end()
        return rgba_array(image)[..., 3].astype(np.float32) / 255.0

    outer = coverage(dot_px)
    inner = coverage(dot_px - 2.0 * max(1.0, dot_px / 14)) if dot_px > 5 else outer
    colours = np.concatenate([table[:, :3], [IDLE_NODE], [[0, 0, 0]]]).astype(np.float32)
    rim_rgb = np.array(rim.getRgb()[:3], np.float32)
    # Straight (not premultiplied) RGBA: the average colour of what covers the pixel, and how much does.
    covered = np.maximum(outer, 1e-6)[..., None]
    rgb = (colours[:, None, None, :] * inner[..., None] + rim_rgb * (outer - inner)[..., None]) / covered
    sprites = np.empty((len(colours) + 1, cell_px, cell_px, 4), np.uint8)
    sprites[:-1, ..., :3] = np.clip(np.round(rgb), 0, 255)
    sprites[:-1, ..., 3] = np.round(outer * 255)
    sprites[EMPTY] = 0
    hole = coverage(dot_px - 2.0 * max(1.5, dot_px / 7)) if dot_px > 5 else np.zeros_like(outer)
    sprites[HOLLOW, ..., :3] = np.array((ring or rim).getRgb()[:3], np.uint8)
    sprites[HOLLOW, ..., 3] = np.round(np.clip(outer - hole, 0.0, 1.0) * 255)
    return sprites


def sprite_mosaic(sprites: np.ndarray, index: np.ndarray, cols: int, rows: int) -> np.ndarray:
    """(rows*cell, cols*cell, 4): the sprite of each node laid out row by row on its grid."""
    cell = sprites.shape[1]
    padded = np.full(rows * cols, EMPTY, np.intp)
    padded[:len(index)] = index
    tiles = sprites[padded].reshape(rows, cols, cell, cell, 4)
    return tiles.transpose(0, 2, 1, 3, 4).reshape(rows * cell, cols * cell, 4)


def blend(before: np.ndarray, after: np.ndarray, amount: float) -> np.ndarray:
    """``before`` turning into ``after`` (uint8 images of one shape), ``amount`` 0..1 of the way."""
    mixed = before.astype(np.float32) * (1.0 - amount) + after.astype(np.float32) * amount
    return np.round(mixed).astype(np.uint8)
