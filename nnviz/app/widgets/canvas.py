"""The drawing canvas: white ink on black at a fixed 280x280 resolution, shown scaled to the widget.

The ink lives in a 280x280 Grayscale8 image whatever the widget's size, so ``to_mnist`` always gets
the same input. Strokes are painted straight into that image with a round antialiased pen; undo keeps
a copy of the image from before each change (a few hundred kB for dozens of steps), which is simpler
and exacter than replaying strokes over a loaded picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPointF, QRect, QRectF, QSize, QTimer, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPen,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from nnviz.app.exportable import ExportSpec, Table, matrix_table
from nnviz.app.painting import grey_array, grey_qimage, legible_font, rgba_array, rgba_qimage, text_colour
from nnviz.app.widgets.picture_file import DropsPictures, read_picture

RESOLUTION = 280
DEFAULT_PEN_WIDTH = 18
MIN_PEN_WIDTH, MAX_PEN_WIDTH = 2, 60
UNDO_DEPTH = 100
EMPTY_BELOW = 13  # grey level (of 255) under which a pixel does not count as ink: erasing leaves faint fringes
MESSAGE_MS = 6000
INK_UNDER_OVERLAY = 0.45  # the ink's opacity under an overlay: the strokes stay visible, the colours read
OVERLAY_OFF_INK = 0.25  # an overlay's opacity around the strokes, relative to on them
CAPTION_TITLE_SCALE, CHIP_SHARE = 1.15, 0.7  # an overlay caption's title type; its colour chips, of a line


@dataclass(frozen=True)
class OverlayCaption:
    """What an overlay means, written over the top of the canvas: a title ("Why 7?") and a colour key,
    (colour "#rrggbb", what it means) per entry."""

    title: str
    key: tuple[tuple[str, str], ...] = ()


class Canvas(DropsPictures, QWidget):
    """Draw a digit: left button (or a tablet pen) draws, right button or the eraser toggle erases."""

    EXPORT = ExportSpec("drawing", QT_TRANSLATE_NOOP("Export", "Drawing"))

    RESOLUTION = RESOLUTION

    imageChanged = Signal(object)  # np.ndarray (280, 280) float32 in [0, 1]
    strokeFinished = Signal()
    penWidthChanged = Signal(int)
    eraserChanged = Signal(bool)
    loadFailed = Signal(str)  # the message of a dropped file that could not be read

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("canvas")
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(self.tr(
            "Draw a digit with the left mouse button or a pen.\n"
            "Right button erases; the mouse wheel changes the pen width.\n"
            "Drop a picture file here to load it."
        ))
        self._ink = QImage(RESOLUTION, RESOLUTION, QImage.Format.Format_Grayscale8)
        self._ink.fill(0)
        self._history: list[QImage] = []
        self._strokes: list[list[tuple[float, float]]] = []  # the pen strokes of the ink, in canvas pixels
        self._strokes_history: list[list[list[tuple[float, float]]]] = []  # beside _history
        self._pen_width = DEFAULT_PEN_WIDTH
        self._eraser = False
        self._stroke: tuple[QPointF, bool] | None = None  # last point (logical) and whether it erases
        self._hover: QPointF | None = None  # mouse position in widget coordinates, for the pen outline
        self._overlay: QImage | None = None
        self._caption: OverlayCaption | None = None
        self._message = ""
        self._message_timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._message_timer.timeout.connect(self._clear_message)

    # ------------------------------------------------------------------ public API
    def image(self) -> np.ndarray:
        """The ink as a fresh (280, 280) float32 array in [0, 1] (white ink = 1)."""
        return grey_array(self._ink).astype(np.float32) / np.float32(255.0)

    def is_empty(self) -> bool:
        return not bool((grey_array(self._ink) >= EMPTY_BELOW).any())

    def clear(self) -> None:
        """Erase everything (undoable)."""
        if not self.is_empty():
            self._remember()
        self._ink.fill(0)
        self._stroke = None
        self._strokes = []
        self._changed()

    def undo(self) -> None:
        """Take back the last stroke (or clear, or loaded picture)."""
        if not self._history:
            return
        self._ink = self._history.pop()
        self._strokes = self._strokes_history.pop()
        self._stroke = None
        self._changed()

    def strokes(self) -> tuple[np.ndarray, ...]:
        """The pen strokes of the drawing as (k, 2) float32 arrays of canvas (x, y) pixels, y down (what a
        personal example keeps; a loaded picture has none)."""
        return tuple(np.array(stroke, np.float32).reshape(-1, 2) for stroke in self._strokes)

    def is_drawing(self) -> bool:
        """True while a stroke goes on (the button is held)."""
        return self._stroke is not None

    def can_undo(self) -> bool:
        return bool(self._history)

    def set_pen_width(self, width: int) -> None:
        width = int(np.clip(int(width), MIN_PEN_WIDTH, MAX_PEN_WIDTH))
        if width != self._pen_width:
            self._pen_width = width
            self.penWidthChanged.emit(width)
            self.update()

    def pen_width(self) -> int:
        return self._pen_width

    def set_eraser(self, on: bool) -> None:
        on = bool(on)
        if on != self._eraser:
            self._eraser = on
            self.eraserChanged.emit(on)
            self.update()

    def eraser(self) -> bool:
        return self._eraser

    def set_image(self, image: np.ndarray) -> None:
        """Replace the ink by a 2-D array in [0, 1] (white ink on black), fitted into 280x280 (undoable)."""
        image = np.asarray(image, dtype=np.float32)
        if image.ndim != 2 or image.size == 0:
            raise ValueError(f"the canvas takes a 2-D grey image, got shape {image.shape}")
        self._remember()
        self._ink = _fit(grey_qimage(np.clip(image, 0.0, 1.0)))
        self._strokes = []
        self._stroke = None
        self._changed()

    def load_image_file(self, path: str | Path) -> None:
        """Load a picture of a digit; dark ink on a light background is inverted. Raises DataFileError."""
        self.set_image(read_picture(path))

    def set_overlay(self, rgba: np.ndarray | None, caption: OverlayCaption | None = None) -> None:
        """Draw an (H, W, 4) uint8 RGBA image over the (dimmed) ink, stretched over the same square as the
        ink, with ``caption`` over its top; None removes it. The overlay explains the drawing: it shows in
        full on the strokes and faintly (OVERLAY_OFF_INK) beside them, so its colours follow the ink
        exactly, whatever its own resolution."""
        self._caption = None if rgba is None else caption
        if rgba is None:
            self._overlay = None
        else:
            rgba = np.asarray(rgba)
            if rgba.ndim != 3 or rgba.shape[2] != 4:
                raise ValueError(f"the overlay must be an (H, W, 4) RGBA array, got shape {rgba.shape}")
            self._overlay = rgba_qimage(self._on_ink(rgba.astype(np.uint8, copy=False)))
        self.update()

    def overlay_pixels(self) -> np.ndarray | None:
        """The overlay as drawn over the ink: (280, 280, 4) uint8 RGBA, or None."""
        return None if self._overlay is None else rgba_array(self._overlay)

    def _on_ink(self, rgba: np.ndarray) -> np.ndarray:
        """``rgba`` at the ink's resolution (nearest neighbour), its opacity full on the ink, faint off it."""
        rows = np.arange(RESOLUTION) * rgba.shape[0] // RESOLUTION
        cols = np.arange(RESOLUTION) * rgba.shape[1] // RESOLUTION
        out = rgba[rows[:, None], cols[None, :]].copy()
        ink = np.clip(self.image() * 2.0, 0.0, 1.0)  # anti-aliased edges: half-grey is ink already
        out[..., 3] = np.round(out[..., 3] * (OVERLAY_OFF_INK + (1.0 - OVERLAY_OFF_INK) * ink)).astype(np.uint8)
        return out

    def overlay_caption(self) -> OverlayCaption | None:
        return self._caption

    def show_message(self, text: str) -> None:
        """Show a short message over the canvas for a few seconds (e.g. why a dropped file was refused)."""
        self._message = text
        self._message_timer.start()
        self.update()

    # ------------------------------------------------------------------ geometry
    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def minimumSizeHint(self) -> QSize:
        return QSize(140, 140)

    def drawing_rect(self) -> QRectF:
        """Where the 280x280 ink is shown: the largest centred square in the widget."""
        side = float(max(1, min(self.width(), self.height())))
        return QRectF((self.width() - side) / 2.0, (self.height() - side) / 2.0, side, side)

    def to_logical(self, pos: QPointF) -> QPointF:
        """Widget coordinates -> canvas pixels (0..280)."""
        rect = self.drawing_rect()
        scale = RESOLUTION / rect.width()
        return QPointF((pos.x() - rect.x()) * scale, (pos.y() - rect.y()) * scale)

    # ------------------------------------------------------------------ strokes
    def _begin_stroke(self, pos: QPointF, erase: bool, width: float) -> None:
        self._clear_message()
        self._remember()
        point = self.to_logical(pos)
        self._stroke = (point, erase)
        if not erase:
            self._strokes.append([(point.x(), point.y())])
        self._paint_segment(point, point, erase, width)
        self._changed()

    def _extend_stroke(self, pos: QPointF, width: float) -> None:
        last, erase = self._stroke
        point = self.to_logical(pos)
        self._paint_segment(last, point, erase, width)
        self._stroke = (point, erase)
        if not erase and self._strokes:
            self._strokes[-1].append((point.x(), point.y()))
        self._changed(self._widget_rect(last, point, width / 2))

    def _end_stroke(self) -> None:
        self._stroke = None
        self._changed()
        self.strokeFinished.emit()

    def _paint_segment(self, a: QPointF, b: QPointF, erase: bool, width: float) -> None:
        painter = QPainter(self._ink)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(0, 0, 0) if erase else QColor(255, 255, 255)
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawLine(a, b)
        painter.end()

    def _remember(self) -> None:
        self._history.append(self._ink.copy())
        self._strokes_history.append([list(stroke) for stroke in self._strokes])
        del self._history[:-UNDO_DEPTH]
        del self._strokes_history[:-UNDO_DEPTH]

    def _changed(self, dirty: QRect | None = None) -> None:
        """Repaint (only ``dirty`` while a stroke goes on: it is much cheaper) and tell the listeners."""
        if dirty is None:
            self.update()
        else:
            self.update(dirty)
        self.imageChanged.emit(self.image())

    def _widget_rect(self, a: QPointF, b: QPointF, radius: float) -> QRect:
        """The widget pixels that a segment a-b (canvas pixels) of the given radius can touch."""
        rect = self.drawing_rect()
        scale = rect.width() / RESOLUTION
        left, right = sorted((a.x(), b.x()))
        top, bottom = sorted((a.y(), b.y()))
        box = QRectF(rect.x() + (left - radius) * scale, rect.y() + (top - radius) * scale,
                     (right - left + 2 * radius) * scale, (bottom - top + 2 * radius) * scale)
        return box.toAlignedRect().adjusted(-2, -2, 2, 2)

    def _move_outline(self, pos: QPointF | None) -> None:
        """Move the pen outline that follows the mouse, repainting only where it was and where it goes."""
        for where in (self._hover, pos):
            if where is not None:
                centre = self.to_logical(where)
                self.update(self._widget_rect(centre, centre, self._pen_width / 2 + 1))
        self._hover = pos

    # ------------------------------------------------------------------ mouse, pen, wheel
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._stroke is not None or event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            event.ignore()
            return
        erase = self._eraser or event.button() == Qt.MouseButton.RightButton
        self._hover = event.position()
        self._begin_stroke(event.position(), erase, self._pen_width)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._move_outline(event.position())
        if self._stroke is not None and event.buttons() & (Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton):
            self._extend_stroke(event.position(), self._pen_width)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drawing_buttons = Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton
        if self._stroke is not None and not event.buttons() & drawing_buttons:
            self._extend_stroke(event.position(), self._pen_width)
            self._end_stroke()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepting a tablet event stops Qt from synthesising the mouse events for it.
        width = self._pen_width * (0.3 + 0.7 * float(event.pressure()))
        kind = event.type()
        self._move_outline(event.position())
        if kind == QEvent.Type.TabletPress:
            erase = (
                self._eraser
                or event.pointerType() == QPointingDevice.PointerType.Eraser
                or event.button() == Qt.MouseButton.RightButton
            )
            self._begin_stroke(event.position(), erase, width)
        elif kind == QEvent.Type.TabletMove and self._stroke is not None:
            self._extend_stroke(event.position(), width)
        elif kind == QEvent.Type.TabletRelease and self._stroke is not None:
            self._end_stroke()
        event.accept()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_pen_width(round(self._pen_width + 2 * steps))
        event.accept()

    def leaveEvent(self, event) -> None:
        self._move_outline(None)
        super().leaveEvent(event)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        rect = self.drawing_rect()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setOpacity(1.0 if self._overlay is None else INK_UNDER_OVERLAY)
        painter.drawImage(rect, self._ink)
        painter.setOpacity(1.0)
        if self._overlay is not None:
            painter.drawImage(rect, self._overlay)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(text_colour(self, 70), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        if self._stroke is None and self.is_empty():
            self._paint_hint(painter, rect)
        if self._hover is not None and rect.contains(self._hover):
            self._paint_pen_outline(painter, rect)
        if self._overlay is not None and self._caption is not None:
            self._paint_caption(painter, rect)
        if self._message:
            self._paint_message(painter, rect)
        painter.end()

    def caption_rect(self) -> QRectF | None:
        """Where the overlay's caption is drawn (widget coordinates), or None when there is none."""
        if self._overlay is None or self._caption is None:
            return None
        return self._caption_layout(self.drawing_rect())[0]

    def _caption_layout(self, rect: QRectF) -> tuple[QRectF, float, float, list]:
        """(band, title height, line height, key lines of (colour, text, width, x)): the title and the key,
        a colour chip and its meaning per entry wrapped to the canvas's width, on a band over the top or
        the bottom of the drawing, whichever hides less ink."""
        title_h = QFontMetricsF(legible_font(self, CAPTION_TITLE_SCALE, bold=True)).height()
        metrics = QFontMetricsF(legible_font(self))
        line_h = metrics.height() * 1.15
        chip = line_h * CHIP_SHARE
        lines, x = [[]], 0.0
        for colour, text in self._caption.key:
            w = chip + 6 + metrics.horizontalAdvance(text)
            if lines[-1] and x + w > rect.width() - 24:
                lines.append([])
                x = 0.0
            lines[-1].append((colour, text, w, x))
            x += w + 14
        lines = [line for line in lines if line]
        height = title_h + len(lines) * line_h + (12 if lines else 10)
        rows = max(1, round(min(1.0, (height + 6) / rect.height()) * RESOLUTION))  # the ink rows it would hide
        ink = grey_array(self._ink).sum(axis=1)
        top = rect.top() + 6 if ink[:rows].sum() <= ink[-rows:].sum() else rect.bottom() - 6 - height
        return QRectF(rect.left() + 6, top, rect.width() - 12, height), title_h, line_h, lines

    def _paint_caption(self, painter: QPainter, rect: QRectF) -> None:
        band, title_h, line_h, lines = self._caption_layout(rect)
        chip, flags = line_h * CHIP_SHARE, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 205))
        painter.drawRoundedRect(band, 6, 6)
        painter.setPen(QColor("white"))
        painter.setFont(legible_font(self, CAPTION_TITLE_SCALE, bold=True))
        painter.drawText(QRectF(band.left() + 6, band.top() + 4, band.width() - 12, title_h), flags,
                         self._caption.title)
        painter.setFont(legible_font(self))
        for row, line in enumerate(lines):
            top = band.top() + 6 + title_h + row * line_h
            for colour, text, w, left in line:
                x0 = band.left() + 6 + left
                painter.fillRect(QRectF(x0, top + (line_h - chip) / 2, chip, chip), QColor(colour))
                painter.drawText(QRectF(x0 + chip + 6, top, w - chip - 4, line_h), flags, text)

    def _paint_hint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(QColor(255, 255, 255, 110))
        painter.setFont(legible_font(self, 1.35 if rect.width() > 260 else 1.0))
        painter.drawText(rect.adjusted(8, 8, -8, -8), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         self.tr("Draw a digit here"))
        painter.setFont(legible_font(self))
        painter.setPen(QColor(255, 255, 255, 80))
        painter.drawText(rect.adjusted(8, 8, -8, -10), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
                         | Qt.TextFlag.TextWordWrap, self.tr("right button erases"))

    def _paint_pen_outline(self, painter: QPainter, rect: QRectF) -> None:
        radius = self._pen_width * rect.width() / RESOLUTION / 2.0
        if self._eraser:
            painter.setPen(QPen(QColor("#ff6b6b"), 1.5, Qt.PenStyle.DashLine))
        else:
            painter.setPen(QPen(QColor(255, 255, 255, 150), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(self._hover, radius, radius)

    def _paint_message(self, painter: QPainter, rect: QRectF) -> None:
        painter.setFont(legible_font(self))
        box = rect.adjusted(8, 8, -8, -8)
        bounds = painter.boundingRect(box, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, self._message)
        panel = QRectF(box.left(), box.bottom() - bounds.height() - 12, box.width(), bounds.height() + 12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(150, 30, 30, 225))
        painter.drawRoundedRect(panel, 6, 6)
        painter.setPen(QColor("white"))
        painter.drawText(panel.adjusted(8, 6, -8, -6), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         self._message)

    def message(self) -> str:
        return self._message

    def _clear_message(self) -> None:
        if self._message:
            self._message = ""
            self._message_timer.stop()
            self.update()

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        return matrix_table(self.image())


def _fit(image: QImage) -> QImage:
    """A 280x280 Grayscale8 copy of ``image``, scaled to fit (aspect kept) and centred on black."""
    if image.width() == RESOLUTION and image.height() == RESOLUTION:
        return image.copy()
    scaled = image.scaled(RESOLUTION, RESOLUTION, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)
    result = QImage(RESOLUTION, RESOLUTION, QImage.Format.Format_Grayscale8)
    result.fill(0)
    painter = QPainter(result)
    painter.drawImage((RESOLUTION - scaled.width()) // 2, (RESOLUTION - scaled.height()) // 2, scaled)
    painter.end()
    return result
