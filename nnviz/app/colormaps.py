"""Colour lookup tables, computed once at import, and the helpers that map numbers through them.

Every colour in the window means one of two things, and each has its own map:

- ``DIVERGING`` (weights, signed): blue for negative, white for zero, red for positive (ColorBrewer
  "RdBu" reversed; readable with red-green colour blindness). ``DIVERGING_DARK`` has the same two hues
  meeting in near-black instead of white, for dark backgrounds, where "zero" should fade into the page.
- ``SEQUENTIAL`` (activations, probabilities): viridis, dark purple (low) to yellow (high); perceptually
  uniform, colour-blind safe, and still ordered when printed in grey.

Categories (digits, optimizers) get ``CATEGORICAL``, ten colours told apart also with colour-blind eyes,
each with a shape of ``MARKERS``.

Tables are ``(256, 4)`` uint8 RGBA arrays, so a whole image is coloured by one fancy-indexing step.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QLinearGradient

N_COLOURS = 256


def lut_from_anchors(anchors: list[str], n: int = N_COLOURS) -> np.ndarray:
    """A ``(n, 4)`` uint8 RGBA table interpolated linearly through evenly spaced ``#rrggbb`` anchors."""
    rgb = np.array([[int(a[i:i + 2], 16) for i in (1, 3, 5)] for a in anchors], dtype=np.float64)
    at = np.linspace(0.0, 1.0, len(anchors))
    x = np.linspace(0.0, 1.0, n)
    table = np.empty((n, 4), dtype=np.uint8)
    for channel in range(3):
        table[:, channel] = np.round(np.interp(x, at, rgb[:, channel]))
    table[:, 3] = 255
    table.setflags(write=False)
    return table


# ColorBrewer RdBu, reversed so that negative is blue.
DIVERGING = lut_from_anchors([
    "#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
    "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f",
])

# Blue - near black - red (after Kovesi's CET-D4): the same meaning as DIVERGING on a dark page.
DIVERGING_DARK = lut_from_anchors([
    "#1981fa", "#2f65bd", "#314b82", "#2a324d", "#221f21", "#4b2b25", "#7c382e", "#b04438", "#e65042",
])

# viridis (van der Walt and Smith, CC0), 17 samples.
SEQUENTIAL = lut_from_anchors([
    "#440154", "#481769", "#472c7a", "#423f85", "#3b518b", "#33628d", "#2c718e", "#26818e", "#21908c",
    "#1f9f88", "#27ad80", "#3dbc73", "#5cc862", "#81d34c", "#aadc31", "#d5e219", "#fde725",
])

# Ten categories (digits in the hidden-layer map, optimizers in the race, series in the lessons' plots): Okabe
# and Ito's seven colours plus wine and pink from Paul Tol's schemes and a brown. Every pair stays at least
# 11.6 CIEDE2000 apart for normal vision and for deuteranopia and protanopia simulated at full severity (the
# tests check >= 10), and none fades into the dark page or into white. Okabe-Ito's grey and the white of the
# old set turned into the same grey as reddish purple under deuteranopia.
CATEGORICAL = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#8C564B",  # brown
    "#FFAABB",  # pink (Tol)
    "#AA3377",  # wine (Tol)
)
# A shape per category, so that colour is never the only difference (pyqtgraph's symbol names).
MARKERS = ("o", "s", "t1", "d", "t", "p", "h", "star", "x", "+")


def category_style(index: int) -> tuple[str, str]:
    """(colour, marker) of the ``index``-th category: beyond ten, colours repeat with other markers, so any number
    of categories (an eleventh optimizer) stays told apart."""
    return CATEGORICAL[index % len(CATEGORICAL)], MARKERS[(index + index // len(CATEGORICAL)) % len(MARKERS)]

# The two ends of the diverging maps: "negative" and "positive" wherever a sign is drawn as a hue.
NEGATIVE = "#4393c3"
POSITIVE = "#d6604d"


def diverging_index(values, limit: float) -> np.ndarray:
    """Table index (uint8) of ``values`` on a scale symmetric around 0: -limit -> 0, 0 -> 127.5, +limit -> 255."""
    limit = float(limit)
    if not np.isfinite(limit) or limit <= 0:
        limit = 1.0
    scaled = np.asarray(np.asarray(values, dtype=np.float32) * np.float32(127.5 / limit) + np.float32(127.5))
    scaled[np.isnan(scaled)] = 127.5
    return np.clip(scaled, 0, 255, out=scaled).astype(np.uint8)


@dataclass(frozen=True)
class SymLogScale:
    """Signed values on a symmetric log scale, one for every layer: sizes from ``floor`` to ``top`` spread
    evenly (per decade) over each half of a diverging table, smaller ones at its neutral middle, larger
    ones at its ends. Unlike a scale stretched to each layer's largest value, a tiny value looks tiny."""

    floor: float = 1e-4
    top: float = 1.0

    def position(self, values) -> np.ndarray:
        """-1 .. 1: the sign, times how far the size is from ``floor`` (0) to ``top`` (1) in decades."""
        values = np.asarray(values, np.float64)
        with np.errstate(divide="ignore"):
            decades = (np.log10(np.abs(values)) - np.log10(self.floor)) / np.log10(self.top / self.floor)
        return np.sign(values) * np.clip(np.nan_to_num(decades, nan=0.0, neginf=0.0), 0.0, 1.0)

    def index(self, values) -> np.ndarray:
        """Table index (uint8) of ``values``, as :func:`diverging_index`."""
        return diverging_index(self.position(values), 1.0)

    def bar_position(self, value: float) -> float:
        """Where ``value`` sits along a colour bar of this scale (0: -top, 0.5: 0, 1: +top)."""
        return float(0.5 + 0.5 * self.position(value))


def sequential_index(values, lo: float, hi: float) -> np.ndarray:
    """Table index (uint8) of ``values`` on the scale lo -> 0 .. hi -> 255 (clipped)."""
    lo, hi = float(lo), float(hi)
    if not (np.isfinite(lo) and np.isfinite(hi)) or hi <= lo:
        hi = lo + 1.0 if np.isfinite(lo) else 1.0
        lo = lo if np.isfinite(lo) else 0.0
    scaled = np.asarray((np.asarray(values, dtype=np.float32) - np.float32(lo)) * np.float32(255.0 / (hi - lo)))
    scaled[np.isnan(scaled)] = 0.0
    return np.clip(scaled, 0, 255, out=scaled).astype(np.uint8)


def rgba_lookup(table: np.ndarray, index: np.ndarray) -> np.ndarray:
    """``table[index]`` for an (N, 4) uint8 table, looked up as one 32-bit word per colour: about six
    times faster than indexing rows, which matters for the images redrawn while training."""
    words = np.ascontiguousarray(table, dtype=np.uint8).view(np.uint32).reshape(-1)
    return words[index].reshape(-1).view(np.uint8).reshape(*np.shape(index), 4)


def map_diverging(values, limit: float, table: np.ndarray = DIVERGING) -> np.ndarray:
    """RGBA uint8 colours ``values.shape + (4,)`` of signed values, white (or dark) at 0, saturated at +-limit."""
    return rgba_lookup(table, diverging_index(values, limit))


def map_sequential(values, lo: float, hi: float, table: np.ndarray = SEQUENTIAL) -> np.ndarray:
    """RGBA uint8 colours ``values.shape + (4,)`` of values between lo (dark) and hi (bright)."""
    return rgba_lookup(table, sequential_index(values, lo, hi))


def qcolor(rgba) -> QColor:
    """A QColor of one RGBA table row."""
    return QColor(int(rgba[0]), int(rgba[1]), int(rgba[2]), int(rgba[3]))


def qcolor_diverging(value: float, limit: float, table: np.ndarray = DIVERGING) -> QColor:
    return qcolor(table[int(diverging_index(value, limit))])


def qcolor_sequential(value: float, lo: float, hi: float, table: np.ndarray = SEQUENTIAL) -> QColor:
    return qcolor(table[int(sequential_index(value, lo, hi))])


def qcolors(table: np.ndarray) -> list[QColor]:
    """One QColor per table row, e.g. to build a brush per colour once and reuse it."""
    return [qcolor(row) for row in table]


def qgradient(table: np.ndarray, start: QPointF, end: QPointF, stops: int = 16) -> QLinearGradient:
    """A linear gradient through a table, for drawing colour legends."""
    gradient = QLinearGradient(start, end)
    for position in np.linspace(0.0, 1.0, stops):
        gradient.setColorAt(float(position), qcolor(table[int(round(position * (len(table) - 1)))]))
    return gradient
