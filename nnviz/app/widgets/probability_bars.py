"""Ten bars, one per digit: how sure the network is of each. The winner is highlighted."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nnviz.app.exportable import ExportSpec, Table
from nnviz.app.painting import ACCENT, accent_text, legible_font, text_colour

N_CLASSES = 10
BAR = QColor("#3f8fc0")  # a calm blue for the losers; the winner gets the accent
SHOW_PERCENT_FROM = 0.01


def percent_text(p: float, decimals: int = 0) -> str:
    """'96%': whole percent above the bars, where neighbours' labels must not collide."""
    return f"{100.0 * float(p):.{decimals}f}%"


class ProbabilityBars(QWidget):
    """``set_probabilities(p)`` with p (10,) summing to 1, or None for "nothing drawn". A click on a digit
    says "this drawing is that digit" (``digitClicked``); ``set_before(p)`` outlines what the bars were
    before a correction, so the change shows."""

    EXPORT = ExportSpec("probabilities", QT_TRANSLATE_NOOP("Export", "Probabilities"))

    digitClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("probabilities")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setToolTip(self.tr("The network's probability for each digit (softmax output)"))
        self._p: np.ndarray | None = None
        self._before: np.ndarray | None = None

    def set_before(self, p: np.ndarray | None) -> None:
        """Outline these probabilities (before a correction) behind the bars; None: no outline."""
        self._before = None if p is None else np.clip(np.asarray(p, np.float64).ravel(), 0.0, 1.0)
        self.update()

    def before(self) -> np.ndarray | None:
        return None if self._before is None else self._before.copy()

    def set_probabilities(self, p: np.ndarray | None) -> None:
        if p is None:
            self._p = None
        else:
            p = np.asarray(p, dtype=np.float64).ravel()
            if p.shape != (N_CLASSES,):
                raise ValueError(f"expected {N_CLASSES} probabilities, got shape {p.shape}")
            self._p = np.clip(np.nan_to_num(p), 0.0, 1.0)
        self.update()

    def probabilities(self) -> np.ndarray | None:
        return None if self._p is None else self._p.copy()

    def winner(self) -> int | None:
        return None if self._p is None else int(np.argmax(self._p))

    def sizeHint(self) -> QSize:
        return QSize(320, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    # ------------------------------------------------------------------ geometry
    def _fonts(self):
        percent = legible_font(self)
        digit = legible_font(self, 1.35, bold=True)
        return percent, digit

    def _areas(self) -> tuple[QRectF, float, float]:
        """The rectangle the bars grow in, the slot width per digit, and the digit labels' height."""
        percent, digit = self._fonts()
        top = QFontMetricsF(percent).height() + 4
        bottom = QFontMetricsF(digit).height() + 4
        area = QRectF(6, round(top), self.width() - 12, round(max(10.0, self.height() - top - bottom)))
        return area, area.width() / N_CLASSES, bottom

    def bar_at(self, pos: QPointF) -> int | None:
        area, slot, _ = self._areas()
        if not (area.left() <= pos.x() < area.right()) or pos.y() < 0 or pos.y() > self.height():
            return None
        return min(N_CLASSES - 1, int((pos.x() - area.left()) / slot))

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        painter = QPainter(self)  # plain rectangles: antialiased rounded ones cost 30x more, at every pen move
        percent_font, digit_font = self._fonts()
        area, slot, label_h = self._areas()
        winner = self.winner()
        width = round(min(slot * 0.7, 48.0))
        track = text_colour(self, 22)
        for digit in range(N_CLASSES):
            x = round(area.left() + digit * slot + (slot - width) / 2)
            painter.fillRect(QRectF(x, area.top(), width, area.height()), track)
            is_winner = digit == winner
            if self._before is not None:  # dashed: where the bar was before the correction
                was = round(area.height() * float(self._before[digit]))
                painter.setPen(QPen(text_colour(self, 200), 2, Qt.PenStyle.DashLine))
                painter.drawRect(QRectF(x - 3, area.bottom() - was, width + 6, was))
            if self._p is not None:
                p = float(self._p[digit])
                height = round(area.height() * p)
                painter.fillRect(QRectF(x, area.bottom() - height, width, height), ACCENT if is_winner else BAR)
                # Other bars' labels only where they fit their slot: crowded labels run into each other
                # (hovering a bar still tells its value).
                fits = QFontMetricsF(percent_font).horizontalAdvance(percent_text(p)) <= slot - 2
                if is_winner or (p >= SHOW_PERCENT_FROM and fits):
                    font = legible_font(self, bold=is_winner)
                    painter.setFont(font)
                    painter.setPen(accent_text(self) if is_winner else text_colour(self, 210))
                    metrics = QFontMetricsF(font)
                    label_y = max(0.0, area.bottom() - height - metrics.height() - 2)
                    # centred over its bar, but kept inside the widget (the 100 % over bar 0 or 9)
                    label_w = metrics.horizontalAdvance(percent_text(p)) + 4
                    label_x = min(max(0.0, x + width / 2 - label_w / 2), self.width() - label_w)
                    painter.drawText(QRectF(label_x, label_y, label_w, metrics.height()),
                                     Qt.AlignmentFlag.AlignCenter, percent_text(p))
            painter.setFont(digit_font)
            painter.setPen(accent_text(self) if is_winner else text_colour(self, 200))
            painter.drawText(QRectF(area.left() + digit * slot, area.bottom() + 2, slot, label_h),
                             Qt.AlignmentFlag.AlignCenter, str(digit))
        if self._p is None:
            painter.setFont(legible_font(self, 1.1))
            painter.setPen(text_colour(self, 150))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("draw a digit"))
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        digit = self.bar_at(event.position())
        if digit is not None:
            value = "–" if self._p is None else percent_text(self._p[digit], 1).replace("%", " %")
            text = self.tr("digit {0}: {1}").format(digit, value)
            if self._p is not None:
                text += "\n" + self.tr("Click (or Shift+{0}) if your drawing is a {0}: the network learns it").format(digit)
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        self.setCursor(Qt.CursorShape.PointingHandCursor if digit is not None and self._p is not None
                       else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        digit = self.bar_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and digit is not None and self._p is not None:
            self.digitClicked.emit(digit)
        super().mouseReleaseEvent(event)

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        p = self.probabilities()
        return None if p is None else (["digit", "probability"], np.column_stack([np.arange(len(p)), p]).astype(object))
