"""From a drawing to the network's input, the way MNIST's authors made their digits.

1. Crop to the ink's bounding box (pixels above :data:`INK_THRESHOLD`, the faint fringe an eraser leaves
   is not ink).
2. Scale so the longer side is 20 px, keeping the aspect ratio, by exact area averaging: each pixel is a
   small square of uniform ink and each output pixel gets the mean ink over its square. A 1-px stroke on
   a 280-px canvas becomes a faint but unbroken line instead of aliasing into dots; tiny drawings are
   enlarged the same way.
3. Place the box in the 28x28 field so its centre of mass lands on pixel (14, 14) (row, col; index
   coordinates, pixel i's centre is at i). That is MNIST's own centre: over the 60,000 training digits
   the centre of mass is 14.00 (rows) and 14.01 (cols) on average, spread evenly over +-0.5 px because
   LeCun shifted by whole pixels. We shift by the exact fraction instead, so the input glides rather
   than jumps while the user draws, and the mean matches MNIST's. The shift is folded into step 2's
   weights, so the drawing is resampled once (no second interpolation to blur it).
4. Stretch the grey levels so the brightest pixel is 1.0: every MNIST digit peaks at 254 or 255 of 255,
   while a thin pen averaged down would otherwise read as faint grey.

Ink that the centring pushes past the field's edge is lost, as in MNIST. Runs in well under 1 ms on a
280x280 canvas (it runs on every mouse move); see the module's tests and ``bench/``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.errors import ConfigError

FIELD, BOX = 28, 20
CENTRE = 14.0  # where the centre of mass goes, in index coordinates (row, col)
CENTRING_TOLERANCE, MAX_CENTRING_STEPS = 1e-3, 3  # pixels; corrections of the sub-pixel placement
INK_THRESHOLD = 0.05  # like the canvas's 13/255: fainter pixels do not count when finding the ink's box
LUMA = np.array([0.299, 0.587, 0.114], np.float32)  # ITU-R 601 weights, for RGB(A) input


@dataclass(frozen=True)
class Prepared:
    """What :func:`prepare` made of a drawing.

    image: (28, 28) float32 in [0, 1], the network's input. is_empty: no ink at all (image is zeros).
    bbox: (top, left, bottom, right) of the ink in the input, bottom/right exclusive; None when empty.
    scale: output pixels per input pixel (20 / longer side of bbox); 0.0 when empty.
    centre: (row, col) centre of mass of the ink in the input's pixel coordinates; None when empty.
    """

    image: np.ndarray
    is_empty: bool
    bbox: tuple[int, int, int, int] | None
    scale: float
    centre: tuple[float, float] | None = None


def to_mnist(img) -> np.ndarray:
    """The (28, 28) float32 MNIST-style input for a drawing: same as ``prepare(img).image``.

    img: (H, W) white ink on black, float in [0, 1] (clipped) or uint8 0..255; RGB(A) (H, W, 3|4) is
    converted to grey. An empty canvas gives all zeros; :func:`prepare` also says whether it was empty.
    Raises ConfigError for anything that is not such an image.
    """
    return prepare(img).image


def prepare(img) -> Prepared:
    """Crop, scale to 20 px, centre by mass in 28x28, stretch to peak 1 (see the module docstring)."""
    grey = as_grey(img)
    ink = grey > INK_THRESHOLD
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return Prepared(np.zeros((FIELD, FIELD), np.float32), True, None, 0.0, None)
    top, bottom, left, right = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    crop = grey[top:bottom, left:right]
    scale = BOX / max(crop.shape)
    mass = float(crop.sum(dtype=np.float64))
    # Centre of mass of the crop in continuous coordinates (pixel r spans [r, r + 1]).
    cy = float(crop.sum(axis=1) @ (np.arange(crop.shape[0]) + 0.5)) / mass
    cx = float(crop.sum(axis=0) @ (np.arange(crop.shape[1]) + 0.5)) / mass
    # Where the crop's first row and column land so that the centre of mass maps to CENTRE's pixel centre.
    start_y, start_x = CENTRE + 0.5 - cy * scale, CENTRE + 0.5 - cx * scale
    image = area_resample(crop, start_y, start_x, scale)
    # Binning into whole pixels moves the centre of mass by a few hundredths of a pixel; a correction
    # or two brings it back onto CENTRE. Specks smaller than a pixel can only land in whole pixels, so
    # a step that does not help is not taken.
    error = _centre_error(image)
    for _ in range(MAX_CENTRING_STEPS):
        if max(abs(error[0]), abs(error[1])) <= CENTRING_TOLERANCE:
            break
        moved = area_resample(crop, start_y - error[0], start_x - error[1], scale)
        new_error = _centre_error(moved)
        if max(map(abs, new_error)) >= max(map(abs, error)):
            break
        image, error, start_y, start_x = moved, new_error, start_y - error[0], start_x - error[1]
    peak = float(image.max())
    if peak > 0:
        image *= np.float32(1.0 / peak)
    np.clip(image, np.float32(0), np.float32(1), out=image)
    return Prepared(image, False, (top, left, bottom, right), float(scale), (top + cy - 0.5, left + cx - 0.5))


def area_resample(img: np.ndarray, start_y: float, start_x: float, scale: float, size: int = FIELD) -> np.ndarray:
    """(size, size) float32: ``img`` (h, w) scaled by ``scale`` with its top-left corner at (start_y, start_x).

    Exact area averaging: ``Wy @ img @ Wx.T`` where W[i, r] is how much of output pixel i's span
    [i, i + 1] input pixel r covers once mapped to [start + r * scale, start + (r + 1) * scale].
    """
    wy = _overlap_weights(img.shape[0], start_y, scale, size)
    wx = _overlap_weights(img.shape[1], start_x, scale, size)
    return (wy @ img @ wx.T).astype(np.float32, copy=False)


def _overlap_weights(n_in: int, start: float, scale: float, n_out: int) -> np.ndarray:
    """(n_out, n_in) float32 overlap lengths of output pixels with the mapped input pixels."""
    low = start + np.arange(n_in) * scale
    out = np.arange(n_out)[:, None]
    overlap = np.minimum(out + 1, low + scale) - np.maximum(out, low)
    return np.maximum(overlap, 0.0).astype(np.float32)


def _centre_error(image: np.ndarray) -> tuple[float, float]:
    """How far (rows, cols) the centre of mass of ``image`` is from CENTRE."""
    mass = float(image.sum(dtype=np.float64))
    if mass <= 0:
        return 0.0, 0.0
    index = np.arange(image.shape[0], dtype=np.float32)
    return float(image.sum(axis=1) @ index) / mass - CENTRE, float(image.sum(axis=0) @ index) / mass - CENTRE


def as_grey(img) -> np.ndarray:
    """(H, W) float32 in [0, 1] from a drawing, or a ConfigError that says what was wrong with it."""
    try:
        arr = np.asarray(img)
    except (TypeError, ValueError) as error:  # ragged nested lists and other non-arrays
        raise ConfigError(f"a drawing must be a 2-D array of grey levels ({error})") from None
    if arr.dtype == np.bool_:
        arr = arr.astype(np.float32)
    elif arr.dtype.kind not in "uif":
        raise ConfigError(f"a drawing must hold numbers (uint8 0..255 or float 0..1), not {arr.dtype}")
    elif arr.dtype.kind in "ui" and arr.dtype != np.uint8:
        raise ConfigError(f"a drawing must be uint8 (0..255) or float (0..1), got {arr.dtype}; convert it first")
    is_bytes = arr.dtype == np.uint8
    if arr.ndim == 3 and arr.shape[2] in (3, 4):
        arr = arr[..., :3] @ LUMA  # alpha ignored: the canvas is opaque
    elif arr.ndim != 2:
        raise ConfigError(f"a drawing must be a 2-D grey image (H, W) or RGB(A) (H, W, 3|4), got shape {arr.shape}")
    if arr.size == 0:
        raise ConfigError(f"a drawing must have at least one pixel, got shape {arr.shape}")
    if is_bytes:
        return np.multiply(arr, np.float32(1 / 255), dtype=np.float32)  # RGB luma stays <= 255 too
    if not np.isfinite(arr).all():
        raise ConfigError("a drawing must not contain NaN or infinite values")
    # Clipped before the cast, so a float64 beyond float32's range cannot overflow; a new array, so
    # the caller's is never modified.
    return np.clip(arr, 0, 1).astype(np.float32, copy=False)


def input_on_canvas(prepared: Prepared, values: np.ndarray, shape: tuple[int, int], zoom: float = 1.0) -> np.ndarray:
    """(H, W) float32: ``values`` (28, 28), given per input pixel, painted back onto the drawing it was
    :func:`prepare`\\d from, each pixel taking the value of the input pixel it landed in (zero where it fell
    outside the field, and everywhere for an empty drawing). ``shape`` is the output's, ``zoom`` its pixels
    per drawing pixel (0.5: half the drawing's resolution). Saliency maps use it to show on the canvas
    which strokes mattered."""
    out = np.zeros(shape, np.float32)
    if prepared.is_empty:
        return out
    values = np.asarray(values, np.float32).reshape(FIELD, FIELD)
    # Inverse of prepare's placement: drawing coordinate y lands at CENTRE + (y - centre) * scale.
    rows = np.floor(CENTRE + 0.5 + (np.arange(shape[0]) / zoom - prepared.centre[0]) * prepared.scale).astype(int)
    cols = np.floor(CENTRE + 0.5 + (np.arange(shape[1]) / zoom - prepared.centre[1]) * prepared.scale).astype(int)
    inside_r, inside_c = (rows >= 0) & (rows < FIELD), (cols >= 0) & (cols < FIELD)
    out[np.ix_(inside_r, inside_c)] = values[np.ix_(rows[inside_r], cols[inside_c])]
    return out
