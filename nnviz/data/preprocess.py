"""From a drawing to the network's input, the way MNIST's authors made their digits.

1. Crop to the ink's bounding box (pixels above :data:`INK_THRESHOLD`, the faint fringe an eraser leaves
   is not ink).
2. Re-draw the strokes at MNIST's thickness and scale so the longer side is 20 px, keeping the aspect
   ratio. The same digit drawn small with a wide pen, or large with a thin one, must reach the network
   alike: left as drawn, a small digit in a wide pen becomes a blob once scaled up. So the crop is first
   resampled to :data:`SUPERSAMPLE` times the output's resolution, the strokes' width measured there
   (:func:`stroke_width`), and their outline moved in or out with a distance transform until they will be
   :data:`STROKE_WIDTH` px wide in the 28x28 field, MNIST's median; the scale then makes the re-drawn
   digit, strokes included, 20 px long as in MNIST. Resampling is exact area averaging: each pixel is a
   small square of uniform ink and each output pixel gets the mean ink over its square, so a 1-px stroke
   on a 280-px canvas becomes a faint but unbroken line instead of aliasing into dots.
3. Place the box in the 28x28 field so its centre of mass lands on pixel (14, 14) (row, col; index
   coordinates, pixel i's centre is at i). That is MNIST's own centre: over the 60,000 training digits
   the centre of mass is 14.00 (rows) and 14.01 (cols) on average, spread evenly over +-0.5 px because
   LeCun shifted by whole pixels. We shift by the exact fraction instead, so the input glides rather
   than jumps while the user draws, and the mean matches MNIST's. The shift is folded into step 2's
   weights, so the drawing is resampled once (no second interpolation to blur it).
4. Stretch the grey levels so the brightest pixel is 1.0: every MNIST digit peaks at 254 or 255 of 255,
   while a thin pen averaged down would otherwise read as faint grey.

Ink that the centring pushes past the field's edge is lost, as in MNIST. Runs in about a millisecond on a
280x280 canvas (it runs on every mouse move); see the module's tests and ``bench/preprocess_cost.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.errors import ConfigError

FIELD, BOX = 28, 20
CENTRE = 14.0  # where the centre of mass goes, in index coordinates (row, col)
CENTRING_TOLERANCE, MAX_CENTRING_STEPS = 1e-3, 3  # pixels; corrections of the sub-pixel placement
INK_THRESHOLD = 0.05  # like the canvas's 13/255: fainter pixels do not count when finding the ink's box
STROKE_WIDTH = 2.4  # px in the 28x28 field; digits re-drawn so measure as MNIST's median stroke (see its test)
SUPERSAMPLE = 4  # fine pixels per output pixel while strokes are re-drawn
OUTLINE_LEVEL = 0.5  # a fine pixel is inside a stroke above this share of the brightest one
DEPTH_TO_WIDTH, DEPTH_BIAS = 4.0, 2.0  # a band w px wide has mean depth w / 4 + 0.5 (pixel centres)
MIN_SKELETON_SHARE = 0.5  # a blob is scaled as if its strokes spanned at least half its box
LUMA = np.array([0.299, 0.587, 0.114], np.float32)  # ITU-R 601 weights, for RGB(A) input


@dataclass(frozen=True)
class Prepared:
    """What :func:`prepare` made of a drawing.

    image: (28, 28) float32 in [0, 1], the network's input. is_empty: no ink at all (image is zeros).
    bbox: (top, left, bottom, right) of the ink in the input, bottom/right exclusive; None when empty.
    scale: output pixels per input pixel (about 20 / longer side of bbox); 0.0 when empty.
    centre: (row, col) centre of mass of the ink in the input's pixel coordinates; None when empty.
    stroke_width: how wide the strokes were drawn, in input pixels; None when empty or not re-drawn.
    """

    image: np.ndarray
    is_empty: bool
    bbox: tuple[int, int, int, int] | None
    scale: float
    centre: tuple[float, float] | None = None
    stroke_width: float | None = None


def to_mnist(img, thickness: float | None = STROKE_WIDTH) -> np.ndarray:
    """The (28, 28) float32 MNIST-style input for a drawing: same as ``prepare(img, thickness).image``.

    img: (H, W) white ink on black, float in [0, 1] (clipped) or uint8 0..255; RGB(A) (H, W, 3|4) is
    converted to grey. An empty canvas gives all zeros; :func:`prepare` also says whether it was empty.
    Raises ConfigError for anything that is not such an image.
    """
    return prepare(img, thickness).image


def prepare(img, thickness: float | None = STROKE_WIDTH) -> Prepared:
    """Crop, re-draw the strokes ``thickness`` px wide, scale to 20 px, centre by mass in 28x28, stretch to
    peak 1 (see the module docstring). ``thickness=None`` keeps the strokes as drawn."""
    grey = as_grey(img)
    ink = grey > INK_THRESHOLD
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return Prepared(np.zeros((FIELD, FIELD), np.float32), True, None, 0.0, None)
    top, bottom, left, right = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    crop = grey[top:bottom, left:right]
    if thickness is None:
        strokes = _Strokes(crop, 1.0, 0, BOX / max(crop.shape), None)
    else:
        strokes = redraw_strokes(crop, thickness)
    image, (cy, cx) = _place(strokes.image, strokes.scale / strokes.resolution)
    peak = float(image.max())
    if peak > 0:
        image *= np.float32(1.0 / peak)
    np.clip(image, np.float32(0), np.float32(1), out=image)
    # The centre of mass back in the drawing's index coordinates (pixel r's centre is at r).
    centre = (top + (cy - strokes.margin) / strokes.resolution - 0.5,
              left + (cx - strokes.margin) / strokes.resolution - 0.5)
    return Prepared(image, False, (top, left, bottom, right), float(strokes.scale), centre, strokes.width)


@dataclass(frozen=True)
class _Strokes:
    """The ink of a crop ready to be placed: ``image`` has ``resolution`` pixels per drawing pixel and a
    frame of ``margin`` pixels; ``scale`` is output pixels per drawing pixel; ``width`` the drawn strokes'
    width in drawing pixels (None when not measured)."""

    image: np.ndarray
    resolution: float
    margin: int
    scale: float
    width: float | None


def redraw_strokes(crop: np.ndarray, thickness: float = STROKE_WIDTH) -> _Strokes:
    """The crop's strokes re-drawn so that they end up ``thickness`` output pixels wide, and the scale
    that makes the re-drawn digit's longer side 20 px (step 2 of the module docstring).

    Works at SUPERSAMPLE pixels per output pixel: fine enough for smooth edges once averaged down, small
    enough (about 100 x 100) for a distance transform well under a millisecond.
    """
    from scipy import ndimage

    if not 0 < thickness < BOX / 2:
        raise ConfigError(f"the stroke thickness must be between 0 and {BOX / 2} px, got {thickness}")
    longer = max(crop.shape)
    resolution = SUPERSAMPLE * BOX / longer
    margin = int(np.ceil(SUPERSAMPLE * thickness)) + 2
    shape = tuple(int(np.ceil(n * resolution)) + 2 * margin for n in crop.shape)
    binning = max(int(1 / resolution), 1)  # whole drawing pixels per fine pixel: summed first, 4-9x less work
    fine = area_resample(_bin(crop, binning), margin, margin, resolution * binning, shape)
    outline = fine > OUTLINE_LEVEL * fine.max()
    outline_width, length = stroke_width(outline)
    width = float(fine.sum(dtype=np.float64)) / length / resolution  # ink / length: exact for faint hairlines too
    scale, shift = _scale_and_shift(longer, width, outline_width, resolution, thickness)
    if shift >= 0.5:
        # Ink too faint to be inside the outline (a pale scan, a light pencil photo) stays as it was:
        # widening the outline must never lose a stroke.
        widened = np.clip(shift + 1 - ndimage.distance_transform_edt(~outline), 0, 1).astype(np.float32)
        fine = np.maximum(widened, fine / fine.max())
    elif shift <= -0.5:
        inside = ndimage.distance_transform_edt(outline)
        # Where strokes overlap (a small digit in a wide pen), area and perimeter overstate the width and
        # the outline would be moved in until whole strokes vanish; the mean depth of the ink does not.
        outline_width = min(outline_width, DEPTH_TO_WIDTH * float(inside[outline].mean()) - DEPTH_BIAS)
        scale, shift = _scale_and_shift(longer, outline_width / resolution, outline_width, resolution, thickness)
        fine = _thin(inside, max(-shift, 0.0), thickness * resolution / scale / 2, outline_width)
        width = outline_width / resolution
    return _Strokes(fine, resolution, margin, float(scale), width)


def _thin(inside: np.ndarray, most: float, radius: float, width: float) -> np.ndarray:
    """Strokes of the distance map ``inside`` thinned to ``radius`` (fine pixels) each, by at most ``most``.

    How far each pixel's edge moves in follows the stroke it belongs to: the depth of the nearest ridge
    (a maximum filter as wide as the strokes) says how wide that stroke is. So a thin tail beside a filled
    loop (a small 9 in a wide pen) is thinned to ``radius`` too, not wiped out by the loop's depth.
    """
    from scipy import ndimage

    reach = 2 * int(np.ceil(radius + 1)) + 1
    ridge = ndimage.maximum_filter(inside, size=reach, mode="constant")
    erosion = np.clip(ridge - 0.5 - radius, 0.0, most)
    return np.clip(inside - erosion, 0, 1).astype(np.float32)


def _scale_and_shift(longer: float, width: float, outline_width: float, resolution: float,
                     thickness: float) -> tuple[float, float]:
    """(output pixels per drawing pixel, how far each edge of the outline moves in fine pixels) for
    strokes ``width`` drawing pixels wide in a box ``longer`` pixels long."""
    skeleton = max(longer - width, MIN_SKELETON_SHARE * longer)
    scale = (BOX - thickness) / skeleton
    return scale, (thickness * resolution / scale - outline_width) / 2


def _bin(image: np.ndarray, factor: int) -> np.ndarray:
    """The mean of each ``factor`` x ``factor`` block (the image padded with zeros to whole blocks)."""
    if factor == 1:
        return image
    rows, cols = (-(-n // factor) * factor for n in image.shape)
    padded = np.zeros((rows, cols), np.float32)
    padded[: image.shape[0], : image.shape[1]] = image
    return padded.reshape(rows // factor, factor, cols // factor, factor).mean(axis=(1, 3), dtype=np.float32)


def stroke_width(mask: np.ndarray) -> tuple[float, float]:
    """(width, length) in pixels of the strokes of a binary image, from its area and perimeter alone.

    A stroke of width w and length L has area wL and perimeter 2(L + w). The perimeter comes from Crofton's
    formula: the ink/background changes met along the rows, columns and both diagonals, each family
    weighted by its lines' spacing, times pi/8; within 4 % for a boundary at any angle. Within a few
    percent of the pen's width for strokes 2 to 30 px wide; a filled blob reads as one stroke as wide as
    its perimeter allows.
    """
    area = float(np.count_nonzero(mask))
    if area == 0:
        return 0.0, 0.0
    m = np.pad(mask, 1)
    straight = np.count_nonzero(m[1:] != m[:-1]) + np.count_nonzero(m[:, 1:] != m[:, :-1])
    diagonal = np.count_nonzero(m[1:, 1:] != m[:-1, :-1]) + np.count_nonzero(m[1:, :-1] != m[:-1, 1:])
    half_perimeter = (straight + diagonal / np.sqrt(2)) * np.pi / 16
    width = (half_perimeter - np.sqrt(max(half_perimeter**2 - 4 * area, 0.0))) / 2
    return float(width), float(max(half_perimeter - width, 1e-6))


def _place(source: np.ndarray, scale: float) -> tuple[np.ndarray, tuple[float, float]]:
    """(28x28 image, centre of mass of ``source`` in its continuous coordinates): ``source`` scaled by
    ``scale`` and placed so that its centre of mass lands on CENTRE (step 3 of the module docstring)."""
    mass = float(source.sum(dtype=np.float64))
    # Centre of mass in continuous coordinates (pixel r spans [r, r + 1]).
    cy = float(source.sum(axis=1) @ (np.arange(source.shape[0]) + 0.5)) / mass
    cx = float(source.sum(axis=0) @ (np.arange(source.shape[1]) + 0.5)) / mass
    # Where the source's first row and column land so that the centre of mass maps to CENTRE's pixel centre.
    start_y, start_x = CENTRE + 0.5 - cy * scale, CENTRE + 0.5 - cx * scale
    image = area_resample(source, start_y, start_x, scale)
    # Binning into whole pixels moves the centre of mass by a few hundredths of a pixel; a correction
    # or two brings it back onto CENTRE. Specks smaller than a pixel can only land in whole pixels, so
    # a step that does not help is not taken.
    error = _centre_error(image)
    for _ in range(MAX_CENTRING_STEPS):
        if max(abs(error[0]), abs(error[1])) <= CENTRING_TOLERANCE:
            break
        moved = area_resample(source, start_y - error[0], start_x - error[1], scale)
        new_error = _centre_error(moved)
        if max(map(abs, new_error)) >= max(map(abs, error)):
            break
        image, error, start_y, start_x = moved, new_error, start_y - error[0], start_x - error[1]
    return image, (cy, cx)


def warm_up() -> None:
    """Load what re-drawing strokes needs (scipy.ndimage: a few hundred milliseconds) before the first
    stroke does: the window runs this while it starts, so the pen never waits for an import."""
    prepare(np.pad(np.ones((8, 8), np.float32), 4))


def area_resample(img: np.ndarray, start_y: float, start_x: float, scale: float,
                  size: int | tuple[int, int] = FIELD) -> np.ndarray:
    """(rows, cols) float32 (``size``, or (size, size)): ``img`` (h, w) scaled by ``scale`` with its
    top-left corner at (start_y, start_x).

    Exact area averaging: output pixel i gets the input pixels r that its span [i, i + 1] meets once
    mapped to [start + r * scale, start + (r + 1) * scale], each weighted by how much of the span it
    covers. Only a few input pixels meet any output pixel, so this is a weighted sum of a few gathered
    rows, then columns: no matrix product, which multi-threaded BLAS turns into milliseconds of waiting
    when another thread or process is busy (training, on two cores).
    """
    rows, cols = (size, size) if isinstance(size, int) else size
    index, weight = _overlaps(img.shape[0], start_y, scale, rows)
    tall = np.einsum("ob,obw->ow", weight, img[index])
    index, weight = _overlaps(img.shape[1], start_x, scale, cols)
    return np.einsum("cb,rcb->rc", weight, tall[:, index]).astype(np.float32, copy=False)


def _overlaps(n_in: int, start: float, scale: float, n_out: int) -> tuple[np.ndarray, np.ndarray]:
    """(index, weight), each (n_out, band): the input pixels each output pixel meets and how much of the
    output pixel each covers (0 for the padding of the band and outside the input)."""
    band = int(np.ceil(1.0 / scale)) + 1
    first = np.floor((np.arange(n_out) - start) / scale).astype(np.int64)
    index = first[:, None] + np.arange(band)
    low = start + index * scale
    out = np.arange(n_out)[:, None]
    weight = np.maximum(np.minimum(out + 1, low + scale) - np.maximum(out, low), 0.0)
    weight[(index < 0) | (index >= n_in)] = 0.0
    return np.clip(index, 0, n_in - 1), weight.astype(np.float32)


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
