"""Small pieces every painted widget needs: legible fonts, the palette's colours, NumPy <-> QImage.

Kept apart from any one widget so that the canvas, the previews and the views draw text and images
the same way. Colours come from the widget's palette, so the widgets follow the window's theme.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QWidget

# Lecture halls: nothing the widgets write is smaller than this.
MIN_POINT_SIZE = 11.0
ACCENT = QColor("#ffb000")  # the one highlight colour (argmax, hovered node); distinct from both maps


def accent_text(widget: QWidget) -> QColor:
    """The accent for text: amber reads well on dark pages; on light ones it needs to be darker."""
    return QColor(ACCENT) if is_dark(widget) else QColor("#b36b00")


def legible_font(widget: QWidget, scale: float = 1.0, bold: bool = False) -> QFont:
    """The widget's font, at least MIN_POINT_SIZE points, times ``scale``."""
    font = QFont(widget.font())
    size = font.pointSizeF()
    font.setPointSizeF(max(MIN_POINT_SIZE, size if size > 0 else MIN_POINT_SIZE) * scale)
    font.setBold(bold)
    return font


def mix(background: QColor, colour: QColor, amount: float) -> QColor:
    """The opaque colour that ``colour`` at opacity ``amount`` shows over ``background``. Widgets that
    repaint at every pen movement use these: blending translucent paint is many times slower."""
    b, c = background.getRgbF()[:3], colour.getRgbF()[:3]
    return QColor.fromRgbF(*(bb + (cc - bb) * amount for bb, cc in zip(b, c)))


def readable_on(fill) -> QColor:
    """Black or white, whichever reads better on ``fill`` (a QColor or anything QColor takes)."""
    r, g, b = QColor(fill).getRgbF()[:3]
    return QColor("#000000") if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else QColor("#ffffff")


def text_colour(widget: QWidget, alpha: int = 255) -> QColor:
    """The palette's text colour, faded towards the background by ``alpha`` (0..255), as an opaque colour."""
    text = widget.palette().color(QPalette.ColorRole.WindowText)
    return mix(background_colour(widget), text, alpha / 255.0)


def background_colour(widget: QWidget) -> QColor:
    return QColor(widget.palette().color(QPalette.ColorRole.Window))


def is_dark(widget: QWidget) -> bool:
    return background_colour(widget).lightnessF() < 0.5


def grey_qimage(values01: np.ndarray) -> QImage:
    """A Grayscale8 QImage (owning its pixels) of a 2-D array of values in [0, 1]."""
    grey = np.ascontiguousarray(np.clip(np.nan_to_num(values01) * 255.0 + 0.5, 0, 255).astype(np.uint8))
    h, w = grey.shape
    return QImage(grey.data, w, h, w, QImage.Format.Format_Grayscale8).copy()


def rgba_qimage(rgba: np.ndarray) -> QImage:
    """An RGBA8888 QImage (owning its pixels) of an (H, W, 4) uint8 array."""
    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w, _ = rgba.shape
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def grey_array(image: QImage) -> np.ndarray:
    """The pixels of a Grayscale8 QImage as a fresh (H, W) uint8 array."""
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    return np.frombuffer(image.constBits(), dtype=np.uint8, count=h * stride).reshape(h, stride)[:, :w].copy()


def rgba_array(image: QImage) -> np.ndarray:
    """The pixels of any QImage as a fresh (H, W, 4) uint8 RGBA array."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    flat = np.frombuffer(image.constBits(), dtype=np.uint8, count=h * stride).reshape(h, stride)
    return flat[:, :4 * w].reshape(h, w, 4).copy()
