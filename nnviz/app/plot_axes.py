"""Axes that write plain numbers, for every pyqtgraph plot of the app.

pyqtgraph scales a small or large axis by an SI prefix and says so in the label's fine print: a loss
between 0.05 and 0.15 gets ticks 50, 100, 150 and the label "training loss (x0.001)". From the back row
one reads the ticks, not the label. Its log axes write powers (10⁻², 2·10⁻²). :class:`PlainAxis` writes
the numbers themselves, 0.05 and 0.01, with a real minus sign; :func:`plain_plot` makes a PlotWidget
with one on every side, so no plot of the app needs to remember to switch the prefix off.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

SIDES = ("left", "bottom", "right", "top")
MINUS = "\u2212"
MAX_DECIMALS = 8
ROOM_FOR = "0.05"  # the tick label a vertical axis has room for before its first paint
LOG_LABELS = (1.0, 2.0, 5.0, 10.0)  # the multiples of a power of ten that a log axis writes out


def plain_number(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` places (no exponent, no SI prefix), "−" for negative, never "−0"."""
    text = f"{value:.{max(0, decimals)}f}"
    if text.lstrip("-").strip("0.") == "":  # -0.00 -> 0.00
        text = text.lstrip("-")
    return text.replace("-", MINUS)


def decimals_for(step: float) -> int:
    """Places that write multiples of ``step`` exactly: 0 for 1, 10, 100; 1 for 0.5; 2 for 0.25; 3 for 0.002."""
    if not math.isfinite(step) or step <= 0:
        return 0
    places = max(0, math.ceil(-math.log10(step) - 1e-9))
    while places < MAX_DECIMALS and not math.isclose(step * 10**places, round(step * 10**places), abs_tol=1e-6):
        places += 1
    return places


class PlainAxis(pg.AxisItem):
    """An AxisItem without SI prefixes whose log mode writes decimals (0.01, 0.1, 1) instead of powers."""

    def __init__(self, orientation: str, **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)
        # Grow for wider labels, never shrink: the plot's layout stays put as the numbers change.
        self.setStyle(autoReduceTextSpace=False)

    def setTickFont(self, font) -> None:
        """A vertical axis keeps room for a decimal like "0.05" from the first paint on (pyqtgraph widens it
        only after a paint that had to leave out labels that did not fit, which a screenshot shows)."""
        super().setTickFont(font)
        if font is not None and self.orientation in ("left", "right"):
            self.textWidth = math.ceil(QFontMetricsF(font).horizontalAdvance(ROOM_FOR)) + 2
            self._updateWidth()

    def tickStrings(self, values, scale, spacing):
        if self.logMode:
            return self.logTickStrings(values, scale, spacing)
        places = decimals_for(spacing * scale)
        return [plain_number(v * scale, places) for v in values]

    def logTickStrings(self, values, scale, spacing):
        """Ticks of a log axis sit at log10 of 1, 2, ..., 9 times powers of ten: 1, 2 and 5 times are
        written out (0.01, 0.02, 0.05, 0.1), the others stay unlabelled ticks; all nine labels of a decade
        would run into each other."""
        strings = []
        for v in values:
            value = 10.0 ** float(v) * scale
            mantissa = value / 10.0 ** math.floor(math.log10(value)) if value > 0 else 0.0
            labelled = any(math.isclose(mantissa, m, rel_tol=1e-6) for m in LOG_LABELS)
            strings.append(plain_number(value, decimals_for(value)) if labelled else "")
        return strings


def plain_axes() -> dict[str, PlainAxis]:
    """A PlainAxis for each side, for ``pg.PlotWidget(axisItems=...)`` (and PlotWidget subclasses). An axis
    given this way is shown: :func:`show_axes` then keeps the ones wanted."""
    return {side: PlainAxis(side) for side in SIDES}


def show_axes(plot: pg.PlotWidget, *shown: str) -> None:
    """Show the axes ``shown`` of ``plot`` and hide the others."""
    for side in SIDES:
        plot.getPlotItem().showAxis(side, side in shown)


def plain_plot(parent=None, background=None) -> pg.PlotWidget:
    """A PlotWidget whose every axis is a :class:`PlainAxis`, the left and bottom ones shown (as pyqtgraph's
    default); ``showAxis("right")`` later gets a plain one too."""
    plot = pg.PlotWidget(parent, background=background, axisItems=plain_axes())
    show_axes(plot, "left", "bottom")
    return plot
