"""Pen digits as the network meets them in the window: drawn on the canvas by a person, then ``to_mnist``.

A person draws a digit at some size and place on the canvas, with whatever pen width the slider is at,
a little tilted or slanted. :func:`pen_inputs` makes such drawings from the strokes of real writers
(:mod:`~nnviz.data.pen_digits`): each digit placed and distorted at random (:class:`PenStyle`), drawn
with the canvas's own round pen (:mod:`~nnviz.data.pen_render`), and turned into the network's input by
:func:`~nnviz.data.preprocess.to_mnist`, exactly as the window does with the canvas.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from nnviz.data.pen_digits import PenDigit
from nnviz.data.pen_render import CANVAS, render_strokes, tablet_to_canvas
from nnviz.data.preprocess import STROKE_WIDTH, to_mnist
from nnviz.errors import ConfigError

WAVES = 3  # plane waves summed into the smooth bend of PenStyle.wobble
CANVAS_ZOOM = 4  # how much as_canvas_inputs blows a 28x28 digit up: finer changes nothing (< 0.4 % of the ink)
CHUNK = 250  # drawings per job: the unit of seeding, of work for a process, and of progress


@dataclass(frozen=True)
class PenStyle:
    """How a person might draw a digit on the canvas; every field a range drawn from uniformly.

    height: the digit's height as a share of the canvas. offset: how far (share of the canvas) its middle
    lies from the canvas's middle, per axis. pen_width: px on the 280-px canvas (the slider's range is
    2-60, 18 by default). rotation: degrees. shear: horizontal slant, x += shear * y. aspect: the width
    is multiplied by exp(U(-aspect, aspect)).
    """

    height: tuple[float, float] = (0.45, 0.85)
    offset: float = 0.08
    pen_width: tuple[float, float] = (6.0, 30.0)
    rotation: float = 8.0
    shear: float = 0.2
    aspect: float = 0.15
    wobble: float = 0.05

    def __post_init__(self):
        low, high = self.height
        if not 0.05 <= low <= high <= 1.0:
            raise ConfigError(f"PenStyle.height must be (low, high) shares of the canvas within 0.05-1, got {self.height}")
        low, high = self.pen_width
        if not 1.0 <= low <= high <= 60.0:
            raise ConfigError(f"PenStyle.pen_width must be (low, high) px within 1-60, got {self.pen_width}")
        for name in ("offset", "rotation", "shear", "aspect", "wobble"):
            value = getattr(self, name)
            if not (math.isfinite(value) and 0 <= value <= 90):
                raise ConfigError(f"PenStyle.{name} must be a number from 0 to 90, got {value}")

    @classmethod
    def as_written(cls, pen_width: float) -> "PenStyle":
        """Each digit as its writer wrote it (not tilted, slanted or stretched), at a size and place a
        person draws on the canvas, with one pen: how nnviz measures its reading of real handwriting."""
        return cls(pen_width=(pen_width, pen_width), rotation=0.0, shear=0.0, aspect=0.0, wobble=0.0)


def draw_on_canvas(digit: PenDigit, style: PenStyle, rng: np.random.Generator) -> np.ndarray:
    """(280, 280) float32: ``digit`` drawn on the window's canvas as ``style`` says (one random draw)."""
    height = rng.uniform(*style.height) * CANVAS
    centre = CANVAS / 2 * (1 + rng.uniform(-1, 1, 2) * 2 * style.offset)
    width = rng.uniform(*style.pen_width)
    strokes = _distort(digit.strokes, rng, style)
    return render_strokes(tablet_to_canvas(strokes, height, tuple(centre), margin=width / 2 + 2), width)


def _distort(strokes: Sequence[np.ndarray], rng: np.random.Generator, style: PenStyle) -> list[np.ndarray]:
    """The strokes tilted, slanted, stretched by one random linear map and bent by a smooth random field
    (tablet coordinates, y up)."""
    angle = math.radians(rng.uniform(-style.rotation, style.rotation))
    shear = rng.uniform(-style.shear, style.shear)
    stretch = math.exp(rng.uniform(-style.aspect, style.aspect))
    cos, sin = math.cos(angle), math.sin(angle)
    # x' = stretch * (x + shear * y), then rotated; y up, so a positive shear leans the top to the right.
    matrix = np.array([[cos, -sin], [sin, cos]]) @ np.array([[stretch, stretch * shear], [0.0, 1.0]])
    points = [np.asarray(s, np.float64) @ matrix.T for s in strokes]
    if style.wobble > 0:
        points = _bend(points, rng, style.wobble)
    return points


def _bend(strokes: list[np.ndarray], rng: np.random.Generator, amount: float) -> list[np.ndarray]:
    """Each point moved by a sum of WAVES random plane waves of about one cycle across the digit."""
    every = np.concatenate(strokes)
    low, size = every.min(axis=0), max(float(np.ptp(every[:, 1])), 1.0)
    frequency = rng.normal(0.0, 1.0, (WAVES, 2)) * 2 * math.pi / size
    phase = rng.uniform(0, 2 * math.pi, WAVES)
    direction = rng.normal(0.0, 1.0, (WAVES, 2)) * amount * size / math.sqrt(WAVES)
    return [s + np.sin((s - low) @ frequency.T + phase) @ direction for s in strokes]


def pen_inputs(
    digits: Sequence[PenDigit],
    style: PenStyle = PenStyle(),
    *,
    copies: int = 1,
    seed: int | np.random.SeedSequence = 0,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    thickness: float | None = STROKE_WIDTH,
) -> tuple[np.ndarray, np.ndarray]:
    """(images (n * copies, 784) float32, labels (n * copies,) int64): each digit drawn ``copies`` times,
    each time in a new random :class:`PenStyle` draw, and passed through ``to_mnist(image, thickness)``.

    The drawings go in chunks, each with its own seed spawned from ``seed``, so the result is the same
    whatever ``workers`` (processes; about 3 ms a drawing each). ``progress(done, total)`` follows the chunks.
    """
    if not isinstance(copies, int) or copies < 1:
        raise ConfigError(f"copies must be a whole number >= 1, got {copies}")
    if not digits:
        raise ConfigError("no pen digits to draw")
    items = [i % len(digits) for i in range(len(digits) * copies)]
    chunks = [items[start : start + CHUNK] for start in range(0, len(items), CHUNK)]
    seeds = np.random.SeedSequence(seed).spawn(len(chunks)) if isinstance(seed, int) else seed.spawn(len(chunks))
    jobs = [([digits[i] for i in chunk], style, chunk_seed, thickness) for chunk, chunk_seed in zip(chunks, seeds)]
    images = np.empty((len(items), 784), np.float32)
    done = 0
    for start, drawn in zip(range(0, len(items), CHUNK), _map(_draw_chunk, jobs, workers)):
        images[start : start + len(drawn)] = drawn
        done += len(drawn)
        if progress is not None:
            progress(done, len(items))
    labels = np.array([digits[i].label for i in items], np.int64)
    return images, labels


def as_canvas_inputs(
    images: np.ndarray,
    *,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """(n, 784) float32: 28x28 digits (n, 784) as ``to_mnist`` hands them to the network when they are
    drawn on a canvas, blown up 4x (bilinear) and prepared, so that their strokes come at
    ``STROKE_WIDTH`` like every drawing's. Training on MNIST both as scanned and like this keeps MNIST's
    styles familiar to the network at the width the window shows them."""
    images = np.asarray(images, np.float32).reshape(len(images), 784)
    chunks = [images[start : start + CHUNK] for start in range(0, len(images), CHUNK)]
    out = np.empty_like(images)
    done = 0
    for drawn in _map(_prepare_chunk, chunks, workers):
        out[done : done + len(drawn)] = drawn
        done += len(drawn)
        if progress is not None:
            progress(done, len(images))
    return out


def _prepare_chunk(images: np.ndarray) -> np.ndarray:
    from scipy import ndimage

    enlarged = ndimage.zoom(images.reshape(-1, 28, 28), (1, CANVAS_ZOOM, CANVAS_ZOOM), order=1)
    return np.stack([to_mnist(np.clip(image, 0, 1)).ravel() for image in enlarged])


def _draw_chunk(job: tuple[list[PenDigit], PenStyle, np.random.SeedSequence, float | None]) -> np.ndarray:
    chunk, style, seed, thickness = job
    rng = np.random.default_rng(seed)
    return np.stack([to_mnist(draw_on_canvas(digit, style, rng), thickness).ravel() for digit in chunk])


def _map(function, jobs: list, workers: int):
    """``map(function, jobs)`` in order, in ``workers`` processes when there is more than one."""
    if workers <= 1 or len(jobs) <= 1:
        yield from map(function, jobs)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(function, jobs)
