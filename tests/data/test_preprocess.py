"""From a drawing to MNIST's format: cropped, strokes re-drawn at MNIST's width, scaled to a 20-px box,
centred by mass on pixel (14, 14).

Drawings are made with NumPy (strokes of a round pen, rectangles, dots) on a 280x280 canvas like the
window's. The geometry (crop, box, centre) is checked on drawings kept as drawn (``thickness=None``),
where sizes can be computed by hand; then what re-drawing the strokes adds: the same digit in any pen
gives the same input. The strongest checks are MNIST digits blown up to canvas size, which come back as
themselves.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy import ndimage

from nnviz.data import load_mnist, prepare, to_mnist
from nnviz.data.pen_render import CANVAS, render_strokes
from nnviz.data.preprocess import STROKE_WIDTH, input_on_canvas, stroke_width
from nnviz.errors import ConfigError



def blank(size: int = CANVAS) -> np.ndarray:
    return np.zeros((size, size), np.float32)


def stroke(img: np.ndarray, start, end, width: float) -> np.ndarray:
    """Paint a straight stroke of a round pen of diameter ``width`` (antialiased by one pixel) into ``img``."""
    (r0, c0), (r1, c1) = start, end
    rows, cols = np.mgrid[: img.shape[0], : img.shape[1]].astype(np.float32)
    dr, dc = r1 - r0, c1 - c0
    t = np.clip(((rows - r0) * dr + (cols - c0) * dc) / max(dr * dr + dc * dc, 1e-9), 0, 1)
    distance = np.hypot(rows - (r0 + t * dr), cols - (c0 + t * dc))
    np.maximum(img, np.clip(width / 2 - distance + 0.5, 0, 1), out=img)
    return img


def ring(img: np.ndarray, centre, radius: float, width: float) -> np.ndarray:
    rows, cols = np.mgrid[: img.shape[0], : img.shape[1]].astype(np.float32)
    distance = np.abs(np.hypot(rows - centre[0], cols - centre[1]) - radius)
    np.maximum(img, np.clip(width / 2 - distance + 0.5, 0, 1), out=img)
    return img


def centre_of_mass(img: np.ndarray) -> tuple[float, float]:
    return tuple(float(v) for v in ndimage.center_of_mass(img))


def extent(img: np.ndarray) -> tuple[float, float]:
    """(height, width) of a solid shape in pixels, edges counted by their coverage."""
    return float(img.max(axis=1).sum()), float(img.max(axis=0).sum())


def test_a_solid_square_fills_the_20_px_box_centred_on_pixel_14():
    img = blank()
    img[10:110, 150:250] = 1
    result = prepare(img, thickness=None)
    assert result.image.shape == (28, 28) and result.image.dtype == np.float32
    assert extent(result.image) == pytest.approx((20, 20), abs=1e-3)
    assert centre_of_mass(result.image) == pytest.approx((14, 14), abs=0.01)
    assert result.bbox == (10, 150, 110, 250) and result.scale == pytest.approx(0.2)
    assert result.centre == pytest.approx((59.5, 199.5))
    assert result.image.sum() == pytest.approx(400, rel=1e-3)  # area averaging keeps the ink


def test_a_tall_one_is_20_px_high_and_stays_thin():
    img = blank()
    img[20:260, 130:148] = 1
    out = to_mnist(img, thickness=None)
    h, w = extent(out)
    assert h == pytest.approx(20, abs=1e-3) and w == pytest.approx(20 * 18 / 240, abs=1e-3)  # 1.5 px wide
    assert centre_of_mass(out) == pytest.approx((14, 14), abs=0.01)


def test_a_pen_stroke_one_keeps_its_pen_width_in_proportion():
    out = to_mnist(stroke(blank(), (20, 140), (260, 140), width=18), thickness=None)
    h, w = extent(out)
    assert h == pytest.approx(20, abs=0.3) and w == pytest.approx(20 * 19 / 259, abs=0.2)
    assert centre_of_mass(out) == pytest.approx((14, 14), abs=0.01)


def test_a_wide_bar_is_20_px_wide_and_stays_flat():
    img = blank()
    img[100:140, 0:280] = 1
    h, w = extent(to_mnist(img, thickness=None))
    assert w == pytest.approx(20, abs=1e-3) and h == pytest.approx(20 * 40 / 280, abs=1e-3)


def test_a_one_pixel_stroke_on_the_big_canvas_stays_an_unbroken_line():
    img = blank()
    rows = np.arange(20, 260)
    img[rows, 40 + (rows - 20) // 2] = 1  # a 1-px diagonal: aliasing would turn it into dots
    out = to_mnist(img, thickness=None)
    assert out.max() == 1.0
    inner = out[5:23]  # rows well inside the stroke's span
    row_ink = inner.sum(axis=1)
    assert row_ink.min() > 0.8 * row_ink.max()  # every row carries about the same ink: no gaps
    assert centre_of_mass(out) == pytest.approx((14, 14), abs=0.01)


def mean_radius(img: np.ndarray) -> float:
    rows, cols = np.mgrid[:28, :28]
    return float((np.hypot(rows - 14, cols - 14) * img).sum() / img.sum())


@pytest.mark.parametrize("width", [2, 4, 30])
def test_a_thin_or_thick_ring_stays_a_ring_of_the_right_size(width):
    out = to_mnist(ring(blank(), (140, 140), 90, width=width), thickness=None)
    assert out.max() == 1.0 and out[14, 14] == 0
    scale = 20 / (180 + width + 1)  # the ring's outer diameter is 2 * 90 + width, plus 1 px of antialiasing
    assert mean_radius(out) == pytest.approx(90 * scale, abs=0.3)
    assert centre_of_mass(out) == pytest.approx((14, 14), abs=0.01)


def test_kept_as_drawn_a_thicker_pen_gives_more_ink():
    ink = [to_mnist(ring(blank(), (140, 140), 90, width=w), thickness=None).sum() for w in (2, 8, 16, 30)]
    assert ink == sorted(ink) and ink[-1] > 3 * ink[0]


def test_a_single_dot_becomes_a_centred_blob():
    img = blank()
    img[5, 270] = 1
    result = prepare(img, thickness=None)
    assert not result.is_empty and result.bbox == (5, 270, 6, 271) and result.scale == 20
    assert extent(result.image) == pytest.approx((20, 20), abs=1e-3)
    assert centre_of_mass(result.image) == pytest.approx((14, 14), abs=0.01)


def test_tiny_images_are_scaled_up():
    out = to_mnist(np.ones((3, 5), np.float32), thickness=None)
    assert extent(out) == pytest.approx((12, 20), abs=1e-3)


def test_an_empty_canvas_gives_zeros_and_says_so():
    for img in (blank(), np.full((CANVAS, CANVAS), 0.04, np.float32)):  # a faint eraser fringe is no ink
        result = prepare(img)
        assert result.is_empty and result.bbox is None and result.centre is None
        assert result.image.shape == (28, 28) and not result.image.any()
        np.testing.assert_array_equal(to_mnist(img), result.image)


def test_uint8_rgb_and_float_inputs_agree_and_the_input_is_not_touched():
    img = stroke(blank(), (40, 60), (230, 200), width=14)
    as_bytes = np.round(img * 255).astype(np.uint8)
    expected = to_mnist(as_bytes / np.float32(255))
    np.testing.assert_allclose(to_mnist(as_bytes), expected, atol=1e-5)
    np.testing.assert_allclose(to_mnist(np.dstack([as_bytes] * 3)), expected, atol=1e-3)
    before = img.copy()
    to_mnist(img)
    np.testing.assert_array_equal(img, before)


def test_values_outside_0_1_are_clipped():
    img = stroke(blank(), (40, 60), (230, 200), width=14)
    np.testing.assert_allclose(to_mnist(img * 1.5 - 0.2), to_mnist(np.clip(img * 1.5 - 0.2, 0, 1)), atol=1e-6)


@pytest.mark.parametrize(
    "bad, words",
    [
        (np.full((10, 10), np.nan), "NaN"),
        (np.full((10, 10), np.inf), "infinite"),
        (np.zeros(10), "2-D"),
        (np.zeros((2, 2, 2, 2)), "2-D"),
        (np.zeros((28, 28, 2)), "2-D"),
        (np.zeros((0, 5)), "at least one pixel"),
        (np.array([["a", "b"]]), "numbers"),
        (np.zeros((5, 5), complex), "numbers"),
        (np.zeros((5, 5), np.int64), "uint8"),
        ([[1, 2], [3]], "2-D array"),
    ],
)
def test_what_is_not_a_drawing_is_a_config_error_saying_why(bad, words):
    with pytest.raises(ConfigError, match=words):
        to_mnist(bad)


@st.composite
def speckled_drawings(draw) -> np.ndarray:
    """Drawings of any size, 1x1 to 120x120, with up to six specks of ink of any strength."""
    size = draw(st.tuples(st.integers(1, 120), st.integers(1, 120)))
    img = np.zeros(size, np.float32)
    for y, x, value in draw(st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.floats(0.05, 1)), max_size=6)):
        img[int(y * (size[0] - 1)), int(x * (size[1] - 1))] = value
    return img


def assert_a_valid_input(result, img) -> None:
    assert result.image.shape == (28, 28) and result.image.dtype == np.float32
    assert 0 <= result.image.min() and result.image.max() <= 1
    assert result.is_empty == (not np.any(img > 0.05))
    if not result.is_empty:
        assert result.image.max() == pytest.approx(1.0)


@settings(max_examples=150, deadline=None)
@given(img=speckled_drawings())
def test_any_drawing_kept_as_drawn_fills_the_box_centred(img):
    result = prepare(img, thickness=None)
    assert_a_valid_input(result, img)
    if not result.is_empty:
        top, left, bottom, right = result.bbox
        assert max(bottom - top, right - left) * result.scale == pytest.approx(20)
        # Where the 20-px box lands: inside the field unless the ink's mass sits far off its middle.
        box_top = 14.5 - (result.centre[0] - top + 0.5) * result.scale
        box_left = 14.5 - (result.centre[1] - left + 0.5) * result.scale
        box_bottom = box_top + (bottom - top) * result.scale
        box_right = box_left + (right - left) * result.scale
        if min(box_top, box_left) >= 0 and max(box_bottom, box_right) <= 28:
            # Exact when each input pixel covers an output pixel or more; specks smaller than an output
            # pixel can only land in whole pixels, which quantises the centre of mass.
            tolerance = 0.05 if result.scale >= 1 else 0.75
            assert centre_of_mass(result.image) == pytest.approx((14, 14), abs=tolerance)


@settings(max_examples=150, deadline=None)
@given(img=speckled_drawings())
def test_any_drawing_re_drawn_gives_a_28x28_image_in_0_1(img):
    result = prepare(img)
    assert_a_valid_input(result, img)
    if not result.is_empty:
        assert np.isfinite(result.scale) and result.scale > 0 and result.stroke_width > 0


def test_mnist_digits_blown_up_to_canvas_size_come_back_as_themselves(mnist_dir):
    digits = load_mnist(mnist_dir).x_test[:300].reshape(-1, 28, 28)
    correlations, differences = [], []
    for digit in digits:
        back = to_mnist(np.clip(ndimage.zoom(digit, 10, order=1), 0, 1), thickness=None)
        correlations.append(np.corrcoef(back.ravel(), digit.ravel())[0, 1])
        differences.append(np.abs(back - digit).mean())
    # Centring alone caps this near 0.97: MNIST's centres are spread over +-0.5 px, ours are exact.
    assert np.median(correlations) > 0.92 and np.min(correlations) > 0.75
    assert np.mean(differences) < 0.05


@settings(max_examples=150, deadline=None)
@given(img=hnp.arrays(
    dtype=st.sampled_from([np.float32, np.float64, np.uint8, np.int16, np.bool_, np.complex64]),
    shape=hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=40),
    elements=None,
))
def test_anything_gives_an_input_or_a_config_error_never_a_crash(img):
    """Arbitrary sizes, dtypes and contents (NaN, inf, all ink, nothing): a valid input or our clear error."""
    try:
        result = prepare(img)
    except ConfigError as error:
        assert str(error)
        return
    assert result.image.shape == (28, 28) and result.image.dtype == np.float32
    assert np.isfinite(result.image).all() and 0 <= result.image.min() and result.image.max() <= 1


def test_input_values_painted_back_land_on_the_strokes_they_came_from():
    canvas = np.zeros((280, 280), np.float32)
    canvas[40:240, 130:150] = 1.0  # a "1"
    prepared = prepare(canvas)
    back = input_on_canvas(prepared, prepared.image, canvas.shape)
    assert back.shape == canvas.shape
    # Where the stroke is, the input pixels it became are bright; far from it they are dark.
    assert back[140, 140] > 0.9 and back[140, 20] == 0.0 and back[10, 140] == 0.0
    overlap = (back > 0.2) & (canvas > 0.5)
    assert overlap.sum() > 0.8 * (canvas > 0.5).sum()


def test_nothing_is_painted_back_for_an_empty_drawing():
    empty = prepare(np.zeros((50, 60)))
    assert not input_on_canvas(empty, np.ones((28, 28)), (50, 60)).any()


# ---------------------------------------------------------------- strokes re-drawn at MNIST's width

MNIST_MEDIAN_WIDTH = 2.7  # px: ink over stroke length, the median of MNIST's training digits (measured below)

# A 4 drawn in two strokes and a 9 whose tail hooks left, in canvas pixels (x, y).
FOUR = [[(150, 40), (80, 170), (210, 170)], [(165, 90), (165, 250)]]
NINE = [[(190, 80), (150, 50), (100, 70), (95, 120), (140, 140), (190, 110), (190, 80), (185, 180), (160, 240),
         (110, 250), (80, 225)]]


def drawn(strokes, pen: float, height: float = 200) -> np.ndarray:
    """The strokes scaled to ``height`` px about the canvas's middle and drawn with the canvas's pen."""
    points = [np.asarray(s, np.float64) for s in strokes]
    every = np.concatenate(points)
    middle, span = (every.min(0) + every.max(0)) / 2, np.ptp(every[:, 1])
    return render_strokes([(p - middle) * height / span + CANVAS / 2 for p in points], pen)


def output_stroke_width(image: np.ndarray) -> float:
    """The width of an input's strokes in 28x28 pixels: its ink over its strokes' length, measured at 4x."""
    fine = ndimage.zoom(image, 4, order=1)
    return float(fine.sum()) / stroke_width(fine > 0.5 * fine.max())[1] / 4


@pytest.mark.parametrize("pen", [2, 4, 8, 16, 30])
@pytest.mark.parametrize("angle", [0, 20, 45, 90])
def test_stroke_width_measures_the_pen_at_any_angle(pen, angle):
    direction = np.array([np.cos(np.radians(angle)), np.sin(np.radians(angle))]) * 90
    line = render_strokes([[tuple(CANVAS / 2 - direction), tuple(CANVAS / 2 + direction)]], pen)
    assert stroke_width(line > 0.5)[0] == pytest.approx(pen, rel=0.15)
    assert stroke_width(ring(blank(), (140, 140), 90, width=pen) > 0.5)[0] == pytest.approx(pen, rel=0.07)


@pytest.mark.parametrize("digit", [FOUR, NINE], ids=["4", "9"])
@pytest.mark.parametrize("height", [100, 220])
def test_the_same_digit_in_any_pen_from_6_to_30_px_gives_nearly_the_same_input(digit, height):
    # A 30-px pen fills the 4's triangle in when the 4 is only 100 px tall: no re-drawing can open it again.
    pens = (6, 10, 14, 18, 22, 26) + ((30,) if height > 100 or digit is NINE else ())
    inputs = {pen: to_mnist(drawn(digit, pen, height)) for pen in pens}
    as_drawn = {pen: to_mnist(drawn(digit, pen, height), thickness=None) for pen in pens}
    for pen in pens:
        assert np.abs(inputs[pen] - inputs[18]).mean() < 0.025
        assert np.corrcoef(inputs[pen].ravel(), inputs[18].ravel())[0, 1] > 0.93
    widths = [output_stroke_width(image) for image in inputs.values()]
    assert max(widths) - min(widths) < 0.6 and np.median(widths) == pytest.approx(MNIST_MEDIAN_WIDTH, abs=0.35)
    # Left as drawn, the thinnest and widest pens are far apart: the re-drawing is what brings them together.
    thinnest, widest = min(pens), max(pens)
    spread = np.abs(inputs[widest] - inputs[thinnest]).mean()
    assert np.abs(as_drawn[widest] - as_drawn[thinnest]).mean() > 3 * spread


def test_a_small_nine_in_a_wide_pen_keeps_its_tail():
    """Its loop fills in; moving every outline in by the loop's depth would wipe out the thin tail."""
    small = to_mnist(drawn(NINE, 30, height=90))
    large = to_mnist(drawn(NINE, 12, height=220))
    tail = np.zeros((28, 28), bool)
    tail[15:, :] = True  # the lower half of the field: the tail and nothing of the loop
    assert small[tail].sum() > 0.6 * large[tail].sum()
    assert np.corrcoef(small.ravel(), large.ravel())[0, 1] > 0.8


def test_a_re_drawn_digit_with_its_strokes_is_20_px_long():
    image = to_mnist(drawn(FOUR, 6, height=220))  # a thin pen: the strokes grow, the box must not
    rows = np.flatnonzero(image.max(axis=1) > 0.5)
    assert rows[-1] - rows[0] + 1 == pytest.approx(20, abs=1.5)


@pytest.mark.parametrize("thickness", [0, -1, 10, float("nan")])
def test_a_stroke_thickness_outside_0_to_10_px_is_a_config_error(thickness):
    with pytest.raises(ConfigError, match="thickness"):
        to_mnist(drawn(FOUR, 10), thickness=thickness)


def test_mnist_s_median_stroke_is_the_width_re_drawn_digits_measure(mnist_dir):
    """STROKE_WIDTH is what the outline is re-drawn to; corners and joins add ink, so re-drawn digits
    measure a little wider, as wide as MNIST's median stroke."""
    digits = load_mnist(mnist_dir).x_train[:2000].reshape(-1, 28, 28)
    assert np.median([output_stroke_width(d) for d in digits]) == pytest.approx(MNIST_MEDIAN_WIDTH, abs=0.05)
    assert STROKE_WIDTH < MNIST_MEDIAN_WIDTH


def test_mnist_digits_re_drawn_come_back_at_the_median_width_and_otherwise_as_themselves(mnist_dir):
    digits = load_mnist(mnist_dir).x_test[:300].reshape(-1, 28, 28)
    correlations, widths = [], []
    for digit in digits:
        back = to_mnist(np.clip(ndimage.zoom(digit, 10, order=1), 0, 1))
        correlations.append(np.corrcoef(back.ravel(), digit.ravel())[0, 1])
        widths.append(output_stroke_width(back))
    assert np.median(correlations) > 0.88 and np.min(correlations) > 0.6
    assert np.percentile(widths, [10, 90]) == pytest.approx([MNIST_MEDIAN_WIDTH] * 2, abs=0.45)


def test_faint_ink_is_kept_when_strokes_are_widened():
    """A pale stroke beside a bright one (a light pencil line in a photo) is below the outline's level;
    widening the outline must not drop it."""
    img = stroke(blank(), (40, 100), (240, 100), width=4)
    faint = stroke(blank(), (40, 180), (240, 180), width=4) * 0.3
    image = to_mnist(np.maximum(img, faint))
    rows, cols = np.nonzero(image > 0.05)
    assert np.ptp(cols) > 8  # both strokes made it into the input, side by side
    right = image[:, 15:]
    assert right.max() > 0.2
