"""Distorting MNIST digits on the fly so the network learns to read mouse drawings.

Mouse drawings differ from MNIST's scans: strokes thicker or thinner, digits tilted, sheared, squashed,
wobbly. :func:`augment_batch` makes such variants of a whole batch at once, resampling each digit once:

1. stroke thickness: grey dilation with a k x k footprint (thicker), or dropping the faint rim of the
   strokes (thinner), on a random subset, as one stack operation;
2. one sampling map per image that composes a random affine map (rotation, size, aspect, shear) about
   the digit's centre of mass, an elastic displacement field (Simard, Steinkraus & Platt 2003: random
   displacements smoothed over ``elastic_sigma`` px and scaled by ``elastic_alpha``) and a small shift;
3. one bilinear gather over the whole stack: the order=1 interpolation of
   ``scipy.ndimage.map_coordinates``, written as four ``np.take`` into reused buffers because that is
   several times faster here (see :func:`bilinear_sample`);
4. re-centring as :func:`~nnviz.data.preprocess.to_mnist` would. The affine map already sends the
   centre of mass to pixel (14, 14) (+ the shift) exactly; what an elastic field moves is put back by
   whole pixels (as LeCun centred MNIST), which keeps every centre within MNIST's own +-0.5 px; then
   the grey levels are stretched to peak at 1, as every MNIST digit and every ``to_mnist`` output does.

Cost matters as much as looks: training runs this on every epoch, on the same two cores. All random
numbers are drawn up front for the whole batch from one Generator (so a seed reproduces the output
however the work is split), then images go through in blocks of :data:`BLOCK` whose scratch arrays are
reused: fresh arrays of that size are the slowest part of NumPy on the machine this was tuned on.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np

from nnviz.errors import ConfigError

SIDE = 28
PADDED = SIDE + 2  # images are read from a copy with one zero pixel around, so "outside" reads 0
CENTRE = 14.0  # pixel (row, col) the centre of mass goes to, as in to_mnist and MNIST
BLOCK = 512  # images resampled together: amortises NumPy's per-call cost, scratch stays in cache
GRID = np.arange(SIDE, dtype=np.float32)
THIN_BELOW = np.float32(0.5)  # "thinner" strokes drop the ink fainter than this (the antialiased rim)
_MOMENTS = np.stack([np.ones(SIDE * SIDE), np.repeat(GRID, SIDE), np.tile(GRID, SIDE)], axis=1).astype(np.float32)


@dataclass(frozen=True)
class AugmentConfig:
    """How much :func:`augment_batch` distorts. The defaults were tuned by eye on
    ``assets/augmented_samples.png`` (``tools/make_augment_grid.py``): clearly varied, yet every digit
    still reads as its label; for cost (``bench/augment_cost.py``: distorting 40 % of the digits keeps
    an augmented epoch within 1.5x a plain one on two cores, 50 % did not); and on the drawn-digit proxy
    (``bench/drawn_digits.py``), where more thinner strokes (35 %) won back what the lower share lost.

    probability: share of images distorted at all; the rest pass through untouched (clean MNIST keeps
    test accuracy up, and costs nothing). rotation: degrees, uniform in +-rotation. scale: (low, high)
    range of the size factor. aspect: the width/height ratio is multiplied by exp(U(-aspect, aspect)).
    shear: horizontal shear factor, uniform in +-shear. shift: px, uniform in +-shift per axis.
    p_thicker, p_thinner: chances of thicker / thinner strokes (see :func:`change_thickness`).
    thickness: side in px of the dilation's square footprint.
    p_elastic: chance of an elastic distortion. elastic_alpha, elastic_sigma: as in Simard et al. (who
    use 34 and 4), i.e. an RMS displacement of :func:`simard_rms` px per axis (1.0 px for 25 and 4).
    """

    probability: float = 0.4
    rotation: float = 12.0
    scale: tuple[float, float] = (0.9, 1.1)
    aspect: float = 0.1
    shear: float = 0.15
    shift: float = 0.5
    p_thicker: float = 0.3
    p_thinner: float = 0.35
    thickness: int = 2
    p_elastic: float = 0.6
    elastic_alpha: float = 25.0
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
            value = getattr(self, name)
            if not (math.isfinite(value) and 0 <= value <= 1000):
                raise ConfigError(f"AugmentConfig.{name} must be a number from 0 to 1000, got {value}")
        if not 1 <= self.thickness <= 5:
            raise ConfigError(f"AugmentConfig.thickness is a footprint side of 1 to 5 px, got {self.thickness}")
        if not 0.5 <= self.elastic_sigma <= 28:
            raise ConfigError(f"AugmentConfig.elastic_sigma must be from 0.5 to 28 px, got {self.elastic_sigma}")

    @classmethod
    def off(cls) -> "AugmentConfig":
        """Every image goes through the pipeline but nothing distorts it: only re-centring remains."""
        return cls(probability=1.0, rotation=0.0, scale=(1.0, 1.0), aspect=0.0, shear=0.0, shift=0.0,
                   p_thicker=0.0, p_thinner=0.0, p_elastic=0.0)


def augment_batch(x: np.ndarray, rng: np.random.Generator | int | None, config: AugmentConfig = AugmentConfig()) -> np.ndarray:
    """A distorted copy of ``x``: (n, 784) or (n, 28, 28) float32 in [0, 1] in, the same shape (float32) out.

    ``rng``: a numpy Generator or an int seed; the same seed gives the same output.
    """
    rng = np.random.default_rng(rng)
    x = np.asarray(x)
    if x.ndim not in (2, 3) or x.shape[1:] not in ((SIDE * SIDE,), (SIDE, SIDE)):
        raise ConfigError(f"augment_batch takes (n, 784) or (n, 28, 28) images, got shape {x.shape}")
    out = np.array(x, dtype=np.float32, copy=True).reshape(-1, SIDE, SIDE)
    plan = _Plan.draw(len(out), rng, config)
    workspace = _workspace()
    for start in range(0, len(plan.chosen), BLOCK):
        block = slice(start, start + BLOCK)
        rows = plan.chosen[block]
        out[rows] = _distort(out[rows], plan, block, config, workspace)
    return out.reshape(x.shape)


@dataclass(frozen=True)
class _Plan:
    """Everything random about one batch, drawn up front in a fixed order (so seeds reproduce).

    ``chosen`` lists the distorted images with the elastic ones first, so in every block they form a
    prefix and their fields are added to a slice, not through fancy indexing.
    """

    chosen: np.ndarray  # (m,) indices into the batch
    elastic: np.ndarray  # (m,) bool, True first
    thicker: np.ndarray  # (m,) bool
    thinner: np.ndarray  # (m,) bool
    inverse: np.ndarray  # (m, 2, 2) float32: output offsets -> source offsets
    shift: np.ndarray  # (m, 2) float32 (row, col) px added to the centre
    noise: np.ndarray  # (m_elastic * 2, g, g) float32 coarse displacement noise

    @classmethod
    def draw(cls, n: int, rng: np.random.Generator, config: AugmentConfig) -> "_Plan":
        chosen = np.flatnonzero(rng.random(n) < config.probability)
        m = len(chosen)
        elastic = (rng.random(m) < config.p_elastic) & (config.elastic_alpha > 0)
        thickness = rng.random(m)
        angle = np.deg2rad(rng.uniform(-config.rotation, config.rotation, m))
        size = rng.uniform(*config.scale, m)
        aspect = np.exp(rng.uniform(-config.aspect, config.aspect, m))
        shear = rng.uniform(-config.shear, config.shear, m)
        shift = rng.uniform(-config.shift, config.shift, (m, 2)).astype(np.float32)
        g = len(_control_points(config.elastic_sigma))
        noise = unit_uniform_noise(rng, (int(elastic.sum()) * 2, g, g))
        order = np.argsort(~elastic, kind="stable")
        thickness = thickness[order]
        inverse = _affine_inverses(angle, size, aspect, shear)
        return cls(
            chosen=chosen[order], elastic=elastic[order], inverse=inverse[order], shift=shift[order], noise=noise,
            thicker=thickness < config.p_thicker,
            thinner=(thickness >= config.p_thicker) & (thickness < config.p_thicker + config.p_thinner),
        )


def unit_uniform_noise(rng: np.random.Generator, shape) -> np.ndarray:
    """float32 noise uniform in +-sqrt(3): mean 0, variance 1, like Simard's U(-1, 1) up to scale.

    Five times cheaper to draw than Gaussian noise, and after smoothing the field is as good as
    Gaussian anyway (each pixel sums many control points).
    """
    noise = rng.random(shape, dtype=np.float32)
    noise -= np.float32(0.5)
    noise *= np.float32(2 * math.sqrt(3))
    return noise


def _affine_inverses(angle, size, aspect, shear) -> np.ndarray:
    """(m, 2, 2) float32 inverses of rotate @ shear @ stretch, in (row, col) coordinates."""
    sy, sx = size / np.sqrt(aspect), size * np.sqrt(aspect)
    cos, sin = np.cos(angle), np.sin(angle)
    # forward = [[cos, -sin], [sin, cos]] @ [[1, 0], [shear, 1]] @ diag(sy, sx), written out:
    a, b = (cos - sin * shear) * sy, -sin * sx
    c, d = (sin + cos * shear) * sy, cos * sx
    det = a * d - b * c  # = sy * sx > 0
    return (np.stack([np.stack([d, -b], -1), np.stack([-c, a], -1)], 1) / det[:, None, None]).astype(np.float32)


class _Workspace:
    """Scratch arrays for ``size`` images, reused block after block and call after call (one per thread)."""

    def __init__(self, size: int = BLOCK):
        shape = (size, SIDE, SIDE)
        self.padded = np.zeros((size, PADDED, PADDED), np.float32)  # the border stays zero
        self.coords = np.empty((size, 2, SIDE, SIDE), np.float32)  # (row, col) each output pixel reads
        self.low, self.high = np.empty(shape, np.float32), np.empty(shape, np.float32)
        self.index = np.empty(shape, np.intp)
        self.image_offset = (np.arange(size, dtype=np.float32) * np.float32(PADDED**2))[:, None, None]


_local = threading.local()


def _workspace() -> _Workspace:
    if not hasattr(_local, "workspace"):
        _local.workspace = _Workspace()
    return _local.workspace


def _distort(images: np.ndarray, plan: _Plan, block: slice, config: AugmentConfig, ws: _Workspace) -> np.ndarray:
    """Steps 1-4 of the module docstring for one block of images (b, 28, 28)."""
    b = len(images)
    images = change_thickness(images, plan.thicker[block], plan.thinner[block], config.thickness)
    target = CENTRE + plan.shift[block]
    coords = ws.coords[:b]
    _sampling_map(plan.inverse[block], centres_of_mass(images), target, coords)
    n_elastic = int(plan.elastic[block].sum())  # a prefix of the block
    if n_elastic:
        first = 2 * int(plan.elastic[: block.start].sum())
        coords[:n_elastic] += elastic_displacements(plan.noise[first : first + 2 * n_elastic], config)
    warped = _gather(images, coords[:, 0], coords[:, 1], ws)
    if n_elastic:
        recentre_by_whole_pixels(warped[:n_elastic], target[:n_elastic])
    return stretch_to_peak(warped)


def change_thickness(images: np.ndarray, thicker: np.ndarray, thinner: np.ndarray, k: int) -> np.ndarray:
    """Thicker strokes for ``images[thicker]``, thinner for ``images[thinner]`` (b, 28, 28).

    Thicker is a grey dilation with a k x k footprint (2 px: a stroke about 1 px wider). Thinner keeps
    the ink above half strength, stretched back to [0, 1]: the grey rim of every stroke goes and its
    core stays, as with a thinner pen. (A grey erosion cuts MNIST's 2-3 px strokes to 1 px, which the
    resampling then splits into ghostly double lines, and it wipes out digits drawn with a hairline.)
    """
    if not (thicker.any() or thinner.any()):
        return images
    out = images.copy()
    if thicker.any() and k > 1:
        out[thicker] = _window_reduce(images[thicker], k, np.maximum)
    if thinner.any():
        out[thinner] = np.clip((images[thinner] - THIN_BELOW) / (1 - THIN_BELOW), np.float32(0), np.float32(1))
    return out


def _window_reduce(images: np.ndarray, k: int, reduce) -> np.ndarray:
    """``reduce`` (np.maximum / np.minimum) over each k x k window: grey dilation / erosion of the stack.

    The same as ``scipy.ndimage.grey_dilation(images, footprint=np.ones((1, k, k)))`` (and
    grey_erosion) away from the border, done as shifted reductions along rows, then along columns: a
    square footprint is separable. Pixels past the border are left out (MNIST's border is empty anyway).
    """
    offsets = [o for o in range(-((k - 1) // 2), k // 2 + 1) if o]
    result = images.copy()
    for axis in (1, 2):
        source = images if axis == 1 else result.copy()
        for offset in offsets:
            into, take = [slice(None)] * 3, [slice(None)] * 3
            into[axis] = slice(max(-offset, 0), SIDE - max(offset, 0))
            take[axis] = slice(max(offset, 0), SIDE - max(-offset, 0))
            reduce(result[tuple(into)], source[tuple(take)], out=result[tuple(into)])
    return result


def centres_of_mass(images: np.ndarray) -> np.ndarray:
    """(b, 2) float32 (row, col) centre of mass of each image (b, 28, 28); (14, 14) for an empty one."""
    # A stack of (1, 784) @ (784, 3) products: mass and both moments in one pass, four times faster than
    # axis sums, and small enough per product to stay off multi-threaded BLAS.
    moments = np.matmul(images.reshape(len(images), 1, SIDE * SIDE), _MOMENTS)[:, 0]
    mass = moments[:, :1]
    return np.where(mass > 0, moments[:, 1:] / np.where(mass > 0, mass, 1), np.float32(CENTRE)).astype(np.float32)


_PIXELS = np.stack([np.repeat(GRID, SIDE), np.tile(GRID, SIDE), np.ones(SIDE * SIDE, np.float32)])  # (3, 784)


def _sampling_map(inverse: np.ndarray, com: np.ndarray, target: np.ndarray, out: np.ndarray) -> None:
    """Fill ``out`` (b, 2, 28, 28) with the (row, col) in the padded source each output pixel reads.

    Output pixel p reads the source at ``com + inverse @ (p - target)``: an affine map about the centre
    of mass that puts it on ``target``; + 1 for the padded frame. One (2, 3) @ (3, 784) product per
    image, as a stack: a single big product would go to multi-threaded BLAS, which stalls when training
    keeps the other core busy.
    """
    offset = com + 1 - np.einsum("bij,bj->bi", inverse, target)
    affine = np.concatenate([inverse, offset[:, :, None]], axis=2)  # (b, 2, 3)
    np.matmul(affine, _PIXELS, out=out.reshape(len(out), 2, SIDE * SIDE))


def _control_points(sigma: float) -> np.ndarray:
    """Positions of the coarse noise grid: every ``sigma`` px, reaching one step past each edge."""
    count = int(math.ceil((SIDE - 1) / sigma)) + 3
    return (np.arange(count) - 1) * sigma - ((count - 3) * sigma - (SIDE - 1)) / 2


_UPSAMPLERS: dict[float, np.ndarray] = {}


def _upsampler(sigma: float) -> np.ndarray:
    """(28, g) float32: Gaussian bumps of width sigma at the control points, rows of unit L2 norm.

    U @ z @ U.T with z of mean 0 and variance 1 on the (g, g) grid is then a smooth field of unit variance at every
    pixel, correlated over about the same distance as white noise smoothed by a Gaussian of this sigma.
    """
    if sigma not in _UPSAMPLERS:
        points = _control_points(sigma)
        bumps = np.exp(-((GRID[:, None] - points[None, :]) ** 2) / (2 * sigma**2))
        _UPSAMPLERS[sigma] = (bumps / np.linalg.norm(bumps, axis=1, keepdims=True)).astype(np.float32)
    return _UPSAMPLERS[sigma]


def simard_rms(alpha: float, sigma: float) -> float:
    """RMS displacement (px, per axis) of Simard's field: U(-1, 1) noise, Gaussian(sigma)-smoothed, times alpha."""
    radius = int(4 * sigma + 0.5)
    kernel = np.exp(-np.arange(-radius, radius + 1) ** 2 / (2 * sigma**2))
    kernel /= kernel.sum()
    return float(alpha / math.sqrt(3) * (kernel**2).sum())


def elastic_displacements(noise: np.ndarray, config: AugmentConfig) -> np.ndarray:
    """(e, 2, 28, 28) float32 (row, col) displacements from coarse noise (2e, g, g): smooth fields of
    Simard's strength."""
    up = _upsampler(config.elastic_sigma)
    # Stacks of small products on purpose: one big (2e*g, g) @ (g, 28) product would go to multi-threaded
    # BLAS, which slows down twenty-fold when training keeps the other core busy.
    field = np.matmul(up, np.matmul(noise, up.T))  # (2e, 28, 28)
    field *= np.float32(simard_rms(config.elastic_alpha, config.elastic_sigma))
    return field.reshape(-1, 2, SIDE, SIDE)


def bilinear_sample(images: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """(b, 28, 28): ``images`` (b, 28, 28) read at float (rows, cols) (b, 28, 28) with bilinear weights,
    zero outside the image.

    The same numbers as ``scipy.ndimage.map_coordinates(images, [n, rows, cols], order=1,
    mode="grid-constant")`` with n the image index (a test checks it). Measured side by side on 128
    images, that call took 8.8 ms and this gather (before its buffers were reused) 2.2 ms; four
    ``np.take`` on a zero-padded stack into reused buffers now cost about 8 us per image.
    """
    b = len(images)
    ws = _workspace() if b <= BLOCK else _Workspace(b)
    return _gather(images, rows + np.float32(1), cols + np.float32(1), ws)


def _gather(images: np.ndarray, rows: np.ndarray, cols: np.ndarray, ws: _Workspace) -> np.ndarray:
    """:func:`bilinear_sample` with (rows, cols) already in the padded frame (+1); overwrites them."""
    b = len(images)
    ws.padded[:b, 1:-1, 1:-1] = images
    flat = ws.padded.reshape(-1)
    low, high, index = ws.low[:b], ws.high[:b], ws.index[:b]
    # Clipped to [0, 29): every read stays inside the image's own zero border. So every index is valid,
    # and np.take may skip its bounds check (mode "clip"), which halves its cost.
    for coordinate in (rows, cols):
        np.clip(coordinate, np.float32(0), np.float32(SIDE + 1 - 1e-4), out=coordinate)
    np.floor(rows, out=low)
    rows -= low  # now: how far below the upper neighbour
    np.floor(cols, out=high)
    cols -= high  # now: how far right of the left neighbour
    low *= np.float32(PADDED)
    low += high
    low += ws.image_offset[:b]
    np.copyto(index, low, casting="unsafe")  # exact: whole numbers far below 2**24
    # The right, lower and lower-right neighbours: the same index into the stack shifted by 1, 30, 31.
    top = flat.take(index, mode="clip")
    np.take(flat[1:], index, out=low, mode="clip")
    _lerp(top, low, cols)
    np.take(flat[PADDED:], index, out=high, mode="clip")
    np.take(flat[PADDED + 1 :], index, out=low, mode="clip")
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

    ``images`` (b, 28, 28) is changed in place (and returned); ink moved past the edge is lost.
    """
    steps = np.rint(centres_of_mass(images) - target).astype(np.intp)  # (b, 2) pixels to move back
    moved = np.flatnonzero(np.any(steps != 0, axis=1))
    if moved.size == 0:
        return images
    for dy, dx in {tuple(step) for step in steps[moved].tolist()}:  # a handful of distinct steps
        group = moved[np.all(steps[moved] == (dy, dx), axis=1)]
        source = images[group]
        images[group] = 0
        images[group, max(-dy, 0) : SIDE - max(dy, 0), max(-dx, 0) : SIDE - max(dx, 0)] = \
            source[:, max(dy, 0) : SIDE - max(-dy, 0), max(dx, 0) : SIDE - max(-dx, 0)]
    return images


def stretch_to_peak(images: np.ndarray) -> np.ndarray:
    """Scale each image (in place) so its brightest pixel is 1: resampling dims thin strokes a little."""
    peak = images.reshape(len(images), -1).max(axis=1)[:, None, None]
    # Bilinear weights are >= 0 and sum to 1, so values stay in [0, peak]: no clipping needed.
    return np.divide(images, peak, out=images, where=peak > 0)
