"""Distorting MNIST digits on the fly so the network learns to read mouse drawings.

Mouse drawings differ from MNIST's scans: strokes thicker or thinner, digits tilted, sheared, squashed,
wobbly. :func:`augment_batch` makes such variants of a whole batch at once, in one resampling pass:

1. stroke thickness: grey dilation (thicker) or erosion (thinner) with a k x k footprint on a random
   subset, applied to the whole subset as one stack (an erosion that would wipe a thin digit out is
   skipped for that digit);
2. one sampling map per image that composes a random affine map (rotation, isotropic scale, aspect,
   shear) about the digit's centre of mass, an elastic displacement field (Simard, Steinkraus & Platt
   2003: random displacements smoothed over ``elastic_sigma`` px, scaled by ``elastic_alpha``), and a
   small random shift;
3. one bilinear gather over the whole stack (the order=1 interpolation of
   ``scipy.ndimage.map_coordinates``, written as four NumPy ``take``s: three times faster here, see
   :func:`bilinear_sample`), so a digit is interpolated once, never twice;
4. re-centring as :func:`~nnviz.data.preprocess.to_mnist` would: the affine map already sends the
   source's centre of mass to pixel (14, 14) (+ the shift) exactly; what the elastic field moves is
   put back by whole pixels, which keeps every centre within MNIST's own +-0.5 px spread; then the
   grey levels are stretched to peak at 1, as every MNIST digit and every ``to_mnist`` output does.

All random numbers are drawn up front for the whole batch from one Generator, so the same seed gives
the same output however the batch is processed inside (blocks of :data:`BLOCK` images, which keep the
temporaries in cache: on 60,000 images at once they would be 190 MB each).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np

from nnviz.errors import ConfigError

SIDE = 28
CENTRE = 14.0  # pixel (row, col) the centre of mass goes to, as in to_mnist and MNIST
BLOCK = 256  # images resampled together: big enough to amortise NumPy's overhead, small enough for cache


@dataclass(frozen=True)
class AugmentConfig:
    """How much :func:`augment_batch` distorts. Defaults were tuned by eye on ``assets/augmented_samples.png``
    (``tools/make_augment_grid.py``): varied, yet every digit still reads as its label.

    probability: share of images distorted at all; the rest pass through untouched (clean MNIST keeps
    the test accuracy up). rotation: degrees, uniform in +-rotation. scale: range of the isotropic size
    factor. aspect: width/height changes by a factor exp(U(-aspect, aspect)). shear: horizontal shear
    factor, uniform in +-shear. shift: px, uniform in +-shift per axis, after centring.
    p_thicker, p_thinner: chances of a grey dilation / erosion with a thickness x thickness footprint.
    p_elastic: chance of an elastic distortion; elastic_alpha, elastic_sigma: as in Simard et al.
    (alpha 34, sigma 4 there), i.e. an RMS displacement of about alpha / sqrt(3) / (2 sqrt(pi) sigma) px.
    """

    probability: float = 0.85
    rotation: float = 15.0
    scale: tuple[float, float] = (0.9, 1.1)
    aspect: float = 0.15
    shear: float = 0.2
    shift: float = 0.5
    p_thicker: float = 0.3
    p_thinner: float = 0.2
    thickness: int = 2
    p_elastic: float = 0.6
    elastic_alpha: float = 30.0
    elastic_sigma: float = 4.0

    def __post_init__(self):
        for name in ("probability", "p_thicker", "p_thinner", "p_elastic"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"AugmentConfig.{name} is a probability in [0, 1], got {getattr(self, name)}")
        if self.p_thicker + self.p_thinner > 1.0:
            raise ConfigError(f"p_thicker + p_thinner must be at most 1, got {self.p_thicker} + {self.p_thinner}")
        low, high = self.scale
        if not 0.1 <= low <= high <= 10:
            raise ConfigError(f"AugmentConfig.scale must be (low, high) with 0.1 <= low <= high <= 10, got {self.scale}")
        for name in ("rotation", "aspect", "shear", "shift", "elastic_alpha"):
            if not (math.isfinite(getattr(self, name)) and getattr(self, name) >= 0):
                raise ConfigError(f"AugmentConfig.{name} must be a finite number >= 0, got {getattr(self, name)}")
        if not 1 <= self.thickness <= 5:
            raise ConfigError(f"AugmentConfig.thickness is a footprint side of 1 to 5 px, got {self.thickness}")
        if not 0.5 <= self.elastic_sigma <= 28:
            raise ConfigError(f"AugmentConfig.elastic_sigma must be between 0.5 and 28 px, got {self.elastic_sigma}")

    @classmethod
    def off(cls) -> "AugmentConfig":
        """Every image goes through the pipeline, but nothing distorts it: only re-centring remains."""
        return cls(probability=1.0, rotation=0.0, scale=(1.0, 1.0), aspect=0.0, shear=0.0, shift=0.0,
                   p_thicker=0.0, p_thinner=0.0, p_elastic=0.0)

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class _Draws:
    """Everything random about one batch, drawn up front in a fixed order (so seeds reproduce)."""

    chosen: np.ndarray  # (m,) indices of the images that are distorted
    thicker: np.ndarray  # (m,) bool
    thinner: np.ndarray  # (m,) bool
    inverse: np.ndarray  # (m, 2, 2) float32: output offsets -> source offsets
    shift: np.ndarray  # (m, 2) float32: (row, col) px added after centring
    elastic: np.ndarray  # (m,) bool
    noise: np.ndarray | None  # (m_elastic, 2, g, g) float32 coarse displacement noise


def augment_batch(x: np.ndarray, rng: np.random.Generator | int | None, config: AugmentConfig = AugmentConfig()) -> np.ndarray:
    """A distorted copy of ``x``: (n, 784) or (n, 28, 28) float32 in [0, 1] in, same shape and dtype out.

    ``rng``: a numpy Generator or an int seed; the same seed gives the same output.
    """
    rng = np.random.default_rng(rng)
    x = np.asarray(x)
    if x.ndim not in (2, 3) or x.shape[1:] not in ((SIDE * SIDE,), (SIDE, SIDE)):
        raise ConfigError(f"augment_batch takes (n, 784) or (n, 28, 28) images, got shape {x.shape}")
    out = np.array(x, dtype=np.float32, copy=True).reshape(-1, SIDE, SIDE)
    draws = _draw(len(out), rng, config)
    workspace = _Workspace(min(BLOCK, len(draws.chosen)))
    for start in range(0, len(draws.chosen), BLOCK):
        part = slice(start, start + BLOCK)
        rows = draws.chosen[part]
        out[rows] = _distort(out[rows], draws, part, config, workspace)
    return out.reshape(x.shape)


class _Workspace:
    """Scratch arrays for one block, reused block after block.

    Fresh temporaries of a few hundred kB each are page-faulted in on every allocation; reusing them
    made the resampling three times faster on the 2-core machine this was tuned on.
    """

    def __init__(self, size: int):
        shape = (size, SIDE, SIDE)
        self.padded = np.zeros((size, SIDE + 2, SIDE + 2), np.float32)  # the border stays zero
        self.rows, self.cols, self.low, self.high = (np.empty(shape, np.float32) for _ in range(4))
        self.index = np.empty(shape, np.intp)
        self.image_offset = (np.arange(size, dtype=np.float32) * np.float32((SIDE + 2) ** 2))[:, None, None]


def _draw(n: int, rng: np.random.Generator, config: AugmentConfig) -> _Draws:
    chosen = np.flatnonzero(rng.random(n) < config.probability)
    m = len(chosen)
    thickness_draw = rng.random(m)
    angle = np.deg2rad(rng.uniform(-config.rotation, config.rotation, m))
    size = rng.uniform(*config.scale, m)
    aspect = np.exp(rng.uniform(-config.aspect, config.aspect, m))
    shear = rng.uniform(-config.shear, config.shear, m)
    shift = rng.uniform(-config.shift, config.shift, (m, 2)).astype(np.float32)
    elastic = (rng.random(m) < config.p_elastic) & (config.elastic_alpha > 0)
    grid = len(_control_points(config.elastic_sigma))
    noise = rng.standard_normal((int(elastic.sum()), 2, grid, grid), dtype=np.float32) if elastic.any() else None
    # Forward map (source offset -> output offset), in (row, col) order: rotate @ shear @ scale. We sample
    # with its inverse.
    sy, sx = size / np.sqrt(aspect), size * np.sqrt(aspect)
    cos, sin = np.cos(angle), np.sin(angle)
    rotate = np.stack([np.stack([cos, -sin], -1), np.stack([sin, cos], -1)], 1)
    shear_cols = np.stack([np.stack([np.ones(m), np.zeros(m)], -1), np.stack([shear, np.ones(m)], -1)], 1)
    stretch = np.stack([np.stack([sy, np.zeros(m)], -1), np.stack([np.zeros(m), sx], -1)], 1)
    forward = rotate @ shear_cols @ stretch
    return _Draws(
        chosen=chosen,
        thicker=thickness_draw < config.p_thicker,
        thinner=(thickness_draw >= config.p_thicker) & (thickness_draw < config.p_thicker + config.p_thinner),
        inverse=_inverse_2x2(forward).astype(np.float32),
        shift=shift,
        elastic=elastic,
        noise=noise,
    )


def _inverse_2x2(m: np.ndarray) -> np.ndarray:
    """Inverses of a stack (n, 2, 2) of invertible matrices (ours have det = size**2 > 0)."""
    (a, b), (c, d) = m[:, 0].T, m[:, 1].T
    return np.stack([np.stack([d, -b], -1), np.stack([-c, a], -1)], 1) / (a * d - b * c)[:, None, None]


def _distort(images: np.ndarray, draws: _Draws, part: slice, config: AugmentConfig, ws: _Workspace) -> np.ndarray:
    """Steps 1-4 of the module docstring for one block: (b, 28, 28) -> (b, 28, 28)."""
    b = len(images)
    images = change_thickness(images, draws.thicker[part], draws.thinner[part], config.thickness)
    target = CENTRE + draws.shift[part]
    rows, cols = ws.rows[:b], ws.cols[:b]
    _sampling_map(draws.inverse[part], centres_of_mass(images), target, rows, cols)
    elastic = np.flatnonzero(draws.elastic[part])
    if elastic.size:
        first = int(draws.elastic[: part.start].sum())
        dy, dx = elastic_displacements(draws.noise[first : first + elastic.size], config)
        rows[elastic] += dy
        cols[elastic] += dx
    warped = bilinear_sample(images, rows, cols, ws)
    if elastic.size:
        warped = recentre_by_whole_pixels(warped, target)
    return stretch_to_peak(warped)


def change_thickness(images: np.ndarray, thicker: np.ndarray, thinner: np.ndarray, k: int) -> np.ndarray:
    """Grey dilation of ``images[thicker]`` and erosion of ``images[thinner]`` with a k x k footprint.

    An erosion that leaves less than 40 % of a digit's ink (a thin digit would vanish) is not applied.
    """
    if k <= 1 or not (thicker.any() or thinner.any()):
        return images
    out = images.copy()
    if thicker.any():
        out[thicker] = _window_reduce(images[thicker], k, np.maximum)
    if thinner.any():
        original = images[thinner]
        eroded = _window_reduce(original, k, np.minimum)
        keep = eroded.sum(axis=(1, 2)) >= 0.4 * original.sum(axis=(1, 2))
        out[np.flatnonzero(thinner)[keep]] = eroded[keep]
    return out


def _window_reduce(images: np.ndarray, k: int, reduce) -> np.ndarray:
    """``reduce`` (np.maximum / np.minimum) over each k x k window: grey dilation / erosion of the stack.

    Equivalent to ``scipy.ndimage.grey_dilation(images, footprint=np.ones((1, k, k)))`` (and erosion),
    with zero padding, at a fraction of its cost for the small k used here.
    """
    before, after = (k - 1) // 2, k // 2
    padded = np.pad(images, ((0, 0), (before, after), (before, after)))
    result = padded[:, :SIDE, :SIDE].copy()
    for dy in range(k):
        for dx in range(k):
            if dy or dx:
                reduce(result, padded[:, dy : dy + SIDE, dx : dx + SIDE], out=result)
    return result


def centres_of_mass(images: np.ndarray) -> np.ndarray:
    """(b, 2) float32 (row, col) centre of mass of each image; (14, 14) for an empty one."""
    mass = images.sum(axis=(1, 2))
    index = np.arange(SIDE, dtype=np.float32)
    safe = np.where(mass > 0, mass, 1)
    com = np.stack([images.sum(axis=2) @ index / safe, images.sum(axis=1) @ index / safe], axis=1)
    com[mass <= 0] = CENTRE
    return com.astype(np.float32)


_GRID = np.arange(SIDE, dtype=np.float32)


def _sampling_map(inverse: np.ndarray, com: np.ndarray, target: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> None:
    """Fill ``rows``, ``cols`` (b, 28, 28) with the source position each output pixel reads.

    Output pixel p reads the source at ``com + inverse @ (p - target)``: an affine map about the centre
    of mass that puts it on ``target``.
    """
    oy = (_GRID[None, :] - target[:, 0:1])[:, :, None]  # (b, 28, 1)
    ox = (_GRID[None, :] - target[:, 1:2])[:, None, :]  # (b, 1, 28)
    for out, (a, c), centre in ((rows, inverse[:, 0].T, com[:, 0]), (cols, inverse[:, 1].T, com[:, 1])):
        np.add(a[:, None, None] * oy + centre[:, None, None], c[:, None, None] * ox, out=out)


def _control_points(sigma: float) -> np.ndarray:
    """Positions of the coarse noise grid: every ``sigma`` px, one beyond each edge of the image."""
    count = int(math.ceil((SIDE - 1) / sigma)) + 3
    return (np.arange(count) - 1) * sigma - (((count - 3) * sigma - (SIDE - 1)) / 2)


_UPSAMPLERS: dict[float, np.ndarray] = {}


def _upsampler(sigma: float) -> np.ndarray:
    """(28, g) float32: Gaussian bumps of width sigma at the control points, rows of unit L2 norm.

    U @ z @ U.T with z ~ N(0, 1) on the (g, g) grid is then a smooth field of unit variance at every
    pixel whose correlation length matches white noise smoothed by a Gaussian of this sigma.
    """
    if sigma not in _UPSAMPLERS:
        points = _control_points(sigma)
        bumps = np.exp(-((_GRID[:, None] - points[None, :]) ** 2) / (2 * sigma**2))
        _UPSAMPLERS[sigma] = (bumps / np.linalg.norm(bumps, axis=1, keepdims=True)).astype(np.float32)
    return _UPSAMPLERS[sigma]


def simard_rms(alpha: float, sigma: float) -> float:
    """RMS displacement (px, per axis) of Simard's field: U(-1, 1) noise, Gaussian(sigma)-smoothed, times alpha."""
    radius = int(4 * sigma + 0.5)
    kernel = np.exp(-np.arange(-radius, radius + 1) ** 2 / (2 * sigma**2))
    kernel /= kernel.sum()
    return float(alpha / math.sqrt(3) * (kernel**2).sum())


def elastic_displacements(noise: np.ndarray, config: AugmentConfig) -> tuple[np.ndarray, np.ndarray]:
    """(dy, dx), each (e, 28, 28) float32, from coarse noise (e, 2, g, g): two GEMMs for the whole stack."""
    up = _upsampler(config.elastic_sigma)
    e, _, g, _ = noise.shape
    # Stacks of small products on purpose: one big (e*2*g, g) @ (g, 28) product would go to multi-threaded
    # BLAS, which slows down twenty-fold when training keeps the other core busy.
    field = np.matmul(up, np.matmul(noise.reshape(e * 2, g, g), up.T))  # (e * 2, 28, 28)
    field *= np.float32(simard_rms(config.elastic_alpha, config.elastic_sigma))
    field = field.reshape(e, 2, SIDE, SIDE)
    return field[:, 0], field[:, 1]


def bilinear_sample(images: np.ndarray, rows: np.ndarray, cols: np.ndarray, ws: _Workspace | None = None) -> np.ndarray:
    """(b, 28, 28): ``images`` (b, 28, 28) read at float (rows, cols) (b, 28, 28) with bilinear weights,
    zero outside the image. ``rows`` and ``cols`` are used as scratch space (overwritten).

    The same numbers as ``scipy.ndimage.map_coordinates(images, [n, rows, cols], order=1,
    mode="grid-constant")`` with n the image index; four ``np.take`` on a zero-padded stack, into reused
    buffers, cost a third of that here.
    """
    b, width = len(images), SIDE + 2
    ws = ws or _Workspace(b)
    ws.padded[:b, 1:-1, 1:-1] = images
    flat = ws.padded.reshape(-1)
    low, high, index = ws.low[:b], ws.high[:b], ws.index[:b]
    # +1: the padded frame. Clipping to [0, 29) keeps every read inside the image's own zero border.
    for coordinate in (rows, cols):
        coordinate += np.float32(1)
        np.clip(coordinate, np.float32(0), np.float32(SIDE + 0.999), out=coordinate)
    np.floor(rows, out=low)
    rows -= low  # rows: now the fraction below the upper neighbour
    np.floor(cols, out=high)
    cols -= high  # cols: the fraction right of the left neighbour
    low *= np.float32(width)
    low += high
    low += ws.image_offset[:b]
    np.copyto(index, low, casting="unsafe")  # exact: whole numbers far below 2**24
    top = flat.take(index)
    np.take(flat, index + 1, out=low)
    _lerp(top, low, cols)
    index += width
    np.take(flat, index, out=high)
    np.take(flat, index + 1, out=low)
    _lerp(high, low, cols)
    _lerp(top, high, rows)
    return top


def _lerp(a: np.ndarray, b: np.ndarray, t: np.ndarray) -> None:
    """a += t * (b - a), in place (``b`` is overwritten)."""
    b -= a
    b *= t
    a += b


def recentre_by_whole_pixels(images: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Move each image by the whole number of pixels that brings its centre of mass nearest ``target``.

    Images (b, 28, 28) are changed in place and returned; ink moved past the edge is lost.
    """
    steps = np.rint(centres_of_mass(images) - target).astype(np.intp)  # (b, 2) pixels to move back
    moved = np.flatnonzero(np.any(steps != 0, axis=1))
    if moved.size == 0:
        return images
    for dy, dx in {tuple(step) for step in steps[moved]}:  # a handful of distinct steps, mostly +-1
        group = moved[np.all(steps[moved] == (dy, dx), axis=1)]
        source = images[group]
        images[group] = 0
        images[group, max(-dy, 0) : SIDE - max(dy, 0), max(-dx, 0) : SIDE - max(dx, 0)] = \
            source[:, max(dy, 0) : SIDE - max(-dy, 0), max(dx, 0) : SIDE - max(-dx, 0)]
    return images


def stretch_to_peak(images: np.ndarray) -> np.ndarray:
    """Scale each image so its brightest pixel is 1 (interpolation dims thin strokes a little)."""
    peak = images.max(axis=(1, 2), keepdims=True)
    images *= np.where(peak > 0, 1.0 / np.maximum(peak, 1e-12), 1.0).astype(np.float32)
    return np.clip(images, np.float32(0), np.float32(1), out=images)
