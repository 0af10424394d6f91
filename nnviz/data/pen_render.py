"""Pen strokes onto the window's canvas, in NumPy, exactly as the canvas paints them with Qt.

The canvas (``nnviz.app.widgets.canvas``) keeps a 280x280 grey image and paints every mouse move as
``QPainter.drawLine(a, b)`` with a round-capped, antialiased white pen, the first point of a stroke as a
zero-length line (a dot). Qt's antialiasing gives each pixel the share of its square that the pen's
outline covers, and each segment is composited over the image on its own: ``ink = ink + (1 - ink) *
coverage``, so that ``1 - ink`` is the product of ``1 - coverage`` over the segments. That product does
not depend on the order, so every segment of a digit is done in one vectorised pass: the pixels of all
segments' bounding boxes as one flat list, their coverage, and one ``bincount`` of ``log(1 - coverage)``.

Coverage of a pixel whose centre lies ``d`` from the segment, for a pen of radius ``r``, is
``clip(r - d + 0.5, 0, 1)``: exact for an edge along the pixel grid and within a few percent otherwise
(``tests/app/test_pen_render_matches_canvas.py`` compares it with Qt's own painting).
"""

from __future__ import annotations

import numpy as np

from nnviz.errors import ConfigError

CANVAS = 280  # the window canvas's resolution (nnviz.app.widgets.canvas.RESOLUTION; a test keeps them equal)
TABLET_BOX = 500.0  # the pen-digit writers wrote inside boxes of 500 x 500 tablet units
FULL = 1.0 - 1e-6  # coverage is capped here so that log(1 - coverage) stays finite


def render_strokes(strokes, pen_width: float, size: int = CANVAS) -> np.ndarray:
    """(size, size) float32 ink in [0, 1], white on black: each stroke (k, 2) of canvas (x, y) drawn with
    a round pen ``pen_width`` px wide, quantised to the canvas's 8-bit grey levels."""
    if not np.isfinite(pen_width) or pen_width <= 0:
        raise ConfigError(f"the pen width must be a positive number of pixels, got {pen_width}")
    a, b = _segments(strokes)
    radius = pen_width / 2.0
    box_low = np.floor(np.minimum(a, b) - radius - 1).astype(np.int64)
    box_high = np.ceil(np.maximum(a, b) + radius + 1).astype(np.int64)
    box_low, box_high = np.clip(box_low, 0, size), np.clip(box_high, 0, size)
    extent = box_high - box_low  # (n, 2) columns, rows
    counts = extent[:, 0] * extent[:, 1]
    segment = np.repeat(np.arange(len(a)), counts)
    local = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    width = extent[segment, 0]
    px = box_low[segment, 0] + local % width
    py = box_low[segment, 1] + local // width
    distance = _distance_to_segments(px + 0.5, py + 0.5, a[segment], b[segment])
    coverage = np.clip(radius - distance + 0.5, 0.0, FULL)
    keep = coverage > 0
    log_clear = np.bincount((py * size + px)[keep], weights=np.log1p(-coverage[keep]), minlength=size * size)
    ink = -np.expm1(log_clear).reshape(size, size)
    return (np.round(ink * 255.0) / 255.0).astype(np.float32)


def _segments(strokes) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends), each (n, 2) float64: a dot where each stroke begins, then its segments."""
    starts, ends = [], []
    for stroke in strokes:
        points = np.asarray(stroke, np.float64).reshape(-1, 2)
        if len(points) == 0:
            continue
        if not np.isfinite(points).all():
            raise ConfigError("stroke points must be finite numbers")
        starts += [points[:1], points[:-1]]
        ends += [points[:1], points[1:]]
    if not starts:
        raise ConfigError("a drawing needs at least one stroke with at least one point")
    return np.concatenate(starts), np.concatenate(ends)


def _distance_to_segments(x: np.ndarray, y: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distance from each point (x, y) to the segment a-b of the same index (a == b: to the point a)."""
    dx, dy = b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]
    length2 = dx * dx + dy * dy
    t = ((x - a[:, 0]) * dx + (y - a[:, 1]) * dy) / np.where(length2 > 0, length2, 1.0)
    t = np.clip(t, 0.0, 1.0)
    return np.hypot(x - a[:, 0] - t * dx, y - a[:, 1] - t * dy)


def tablet_to_canvas(strokes, height: float, centre: tuple[float, float] = (CANVAS / 2, CANVAS / 2),
                     *, size: int = CANVAS, margin: float = 0.0) -> list[np.ndarray]:
    """Strokes in tablet units (y up) placed on a canvas the right way up: the digit ``height`` px tall,
    the middle of its box at ``centre`` (x, y), shrunk if needed so its box stays ``margin`` px inside
    the canvas (a person's drawing fits the canvas)."""
    points = [np.asarray(s, np.float64).reshape(-1, 2) * (1.0, -1.0) for s in strokes]
    every = np.concatenate(points)
    low, high = every.min(axis=0), every.max(axis=0)
    span = np.maximum(high - low, 1.0)
    scale = height / span[1]
    room = size - 2 * margin
    scale = min(scale, room / span[0], room / span[1])
    middle = (low + high) / 2
    placed = [(p - middle) * scale + np.asarray(centre, np.float64) for p in points]
    # Keep the box on the canvas when the centre asked for pushes it over an edge.
    every = np.concatenate(placed)
    shift = np.maximum(margin - every.min(axis=0), 0) - np.maximum(every.max(axis=0) - (size - margin), 0)
    return [p + shift for p in placed]
