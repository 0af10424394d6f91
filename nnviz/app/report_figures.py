"""Static figures for ``nnviz report``, painted with Qt on offscreen images (no window, no display).

Each function takes plain arrays and writes one PNG; the numbers come from nnviz.nn.evaluation.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from nnviz.app.colormaps import DIVERGING, SEQUENTIAL

BACKGROUND = "#ffffff"
INK = "#1a1a1a"


def ensure_gui_application():
    """A QGuiApplication for fonts and painting; offscreen when there is no display."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["nnviz-report"])
    return app


def _image_from_rgba(rgba: np.ndarray):
    from PySide6.QtGui import QImage

    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w, _ = rgba.shape
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def _painter(width: int, height: int):
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(BACKGROUND))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return image, painter


def _font(size: int, bold: bool = False):
    from PySide6.QtGui import QFont

    font = QFont("DejaVu Sans", size)
    font.setBold(bold)
    return font


def _save(image, path: Path) -> Path:
    if not image.save(str(path), "PNG"):
        from nnviz.errors import DataFileError

        raise DataFileError(f"cannot write {path}")
    return path


def confusion_png(confusion: np.ndarray, path: Path) -> Path:
    """A 10x10 heatmap of counts (rows: true digit, columns: predicted), each cell labelled with its count."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor

    ensure_gui_application()
    cell, margin = 56, 90
    size = margin + 10 * cell + 20
    image, p = _painter(size, size + 10)
    off_diagonal = confusion - np.diag(np.diag(confusion))
    totals = np.maximum(confusion.sum(axis=1, keepdims=True), 1)
    rate = confusion / totals
    p.setFont(_font(16, bold=True))
    p.setPen(QColor(INK))
    p.drawText(QRectF(0, 0, size, 40), Qt.AlignmentFlag.AlignCenter, "Confusion matrix (MNIST test)")
    p.setFont(_font(12))
    p.drawText(QRectF(margin, 40, 10 * cell, 28), Qt.AlignmentFlag.AlignCenter, "predicted digit")
    p.save()
    p.translate(22, margin + 5 * cell)
    p.rotate(-90)
    p.drawText(QRectF(-5 * cell, -14, 10 * cell, 28), Qt.AlignmentFlag.AlignCenter, "true digit")
    p.restore()
    worst = max(int(off_diagonal.max()), 1)
    for i in range(10):
        p.setPen(QColor(INK))
        p.drawText(QRectF(margin + i * cell, margin - 24, cell, 22), Qt.AlignmentFlag.AlignCenter, str(i))
        p.drawText(QRectF(margin - 30, margin + i * cell, 26, cell), Qt.AlignmentFlag.AlignCenter, str(i))
        for j in range(10):
            if i == j:
                level = int(80 + 175 * rate[i, j])
                colour = QColor(*SEQUENTIAL[level, :3])
            else:
                level = int(128 + 127 * min(1.0, np.sqrt(confusion[i, j] / worst)))
                colour = QColor(*DIVERGING[level, :3]) if confusion[i, j] else QColor("#f4f4f4")
            rect = QRectF(margin + j * cell, margin + i * cell, cell - 2, cell - 2)
            p.fillRect(rect, colour)
            light = colour.lightness() > 140
            p.setPen(QColor(INK if light else "#ffffff"))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(int(confusion[i, j])))
    p.end()
    return _save(image, path)


def digit_grid_png(images: np.ndarray, captions: list[str], path: Path, title: str, columns: int = 8) -> Path:
    """Digits (n, 784) in a grid, each with a caption underneath (e.g. 'true 4 -> said 9 (97 %)')."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor

    ensure_gui_application()
    tile, caption_h, pad = 112, 40, 12
    rows = max(1, int(np.ceil(len(images) / columns)))
    width = columns * (tile + pad) + pad
    height = 50 + rows * (tile + caption_h + pad)
    image, p = _painter(width, height)
    p.setPen(QColor(INK))
    p.setFont(_font(15, bold=True))
    p.drawText(QRectF(0, 0, width, 44), Qt.AlignmentFlag.AlignCenter, title)
    p.setFont(_font(10))
    for k, (digit, caption) in enumerate(zip(images, captions)):
        r, c = divmod(k, columns)
        x, y = pad + c * (tile + pad), 50 + r * (tile + caption_h + pad)
        grey = (255 - np.clip(digit.reshape(28, 28), 0, 1) * 255).astype(np.uint8)
        rgba = np.dstack([grey, grey, grey, np.full_like(grey, 255)])
        p.drawImage(QRectF(x, y, tile, tile), _image_from_rgba(rgba))
        p.drawRect(QRectF(x, y, tile, tile))
        p.drawText(QRectF(x - pad / 2, y + tile + 2, tile + pad, caption_h), Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, caption)
    p.end()
    return _save(image, path)


def weight_tiles_png(W0: np.ndarray, path: Path, title: str = "First-layer weights (one tile per neuron)") -> Path:
    """Each first-layer neuron's 784 weights as a 28x28 tile: orange positive, blue negative, white zero."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor

    ensure_gui_application()
    n = W0.shape[1]
    columns = int(np.ceil(np.sqrt(n)))
    rows = int(np.ceil(n / columns))
    tile, pad = 56, 4
    width = columns * (tile + pad) + pad
    image, p = _painter(max(width, 420), 50 + rows * (tile + pad) + pad)
    p.setPen(QColor(INK))
    p.setFont(_font(14, bold=True))
    p.drawText(QRectF(0, 0, image.width(), 44), Qt.AlignmentFlag.AlignCenter, title)
    for j in range(n):
        w = W0[:, j].reshape(28, 28)
        limit = max(float(np.abs(w).max()), 1e-12)
        rgba = DIVERGING[np.clip(((w / limit) * 127.5 + 127.5).astype(int), 0, 255)]
        r, c = divmod(j, columns)
        p.drawImage(QRectF(pad + c * (tile + pad), 50 + r * (tile + pad), tile, tile), _image_from_rgba(rgba))
    p.end()
    return _save(image, path)
