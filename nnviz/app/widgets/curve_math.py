"""The arithmetic behind the loss plot's curves: growing buffers, the smoothed loss, round axis ranges."""

from __future__ import annotations

import itertools
import math

import numpy as np

SMOOTHING = 0.95  # weight of the past in the moving average, per point
START_CAPACITY = 1024


class GrowingSeries:
    """x and y values in preallocated arrays that double when full; ``x``/``y`` are views of the filled part."""

    def __init__(self, capacity: int = START_CAPACITY):
        self._x = np.empty(capacity, np.float64)
        self._y = np.empty(capacity, np.float64)
        self.n = 0

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        need = self.n + len(x)
        if need > len(self._x):
            capacity = max(need, 2 * len(self._x))
            for name in ("_x", "_y"):
                grown = np.empty(capacity, np.float64)
                grown[: self.n] = getattr(self, name)[: self.n]
                setattr(self, name, grown)
        self._x[self.n: need] = x
        self._y[self.n: need] = y
        self.n = need

    def clear(self) -> None:
        self.n = 0

    @property
    def x(self) -> np.ndarray:
        return self._x[: self.n]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self.n]


def smooth(values: np.ndarray, start: float | None, weight: float = SMOOTHING) -> np.ndarray:
    """Exponential moving average of ``values`` continuing from ``start`` (None: from the first value),
    debiased at the beginning so the curve does not start at 0."""
    out = np.empty(len(values), np.float64)
    level = values[0] if start is None and len(values) else start
    for i, value in enumerate(values):  # a few dozen new points per update: a plain loop is fine
        level = weight * level + (1.0 - weight) * value
        out[i] = level
    return out


def loss_range(loss: np.ndarray, log: bool) -> tuple[float, float]:
    """The y range that shows ``loss``: linear from 0 to its maximum rounded up to a multiple of 0.5 (0.1
    below 1); log (in decades) between half-decades around the minimum and the maximum."""
    loss = np.asarray(loss, np.float64)
    finite = loss[np.isfinite(loss) & (loss > 0)] if len(loss) else loss
    if len(finite) == 0:
        return (-1.0, 0.5) if log else (0.0, 1.0)
    if log:
        low, high = np.log10(finite.min()), np.log10(finite.max())
        return math.floor(2 * low) / 2, max(math.ceil(2 * high) / 2, math.floor(2 * low) / 2 + 0.5)
    step = 0.5 if finite.max() > 1.0 else 0.1
    return 0.0, step * math.ceil(finite.max() * 1.02 / step)


def epoch_tick_step(end: float, fit: int) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50, ... epochs between ticks that puts at most ``fit`` ticks on
    0..end."""
    return next(step for step in (m * 10.0**k for k in itertools.count() for m in (1, 2, 5)) if end / step <= fit)
