"""Augmentation: reproducible, shape-keeping, centred like to_mnist, and distorting in the intended ways."""

from __future__ import annotations

import functools
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from scipy import ndimage

from nnviz.data import AugmentConfig, augment_batch, load_mnist
from nnviz.data.augment import (
    bilinear_sample,
    change_thickness,
    elastic_displacements,
    simard_rms,
)
from nnviz.errors import ConfigError

OFF = AugmentConfig.off()


@functools.lru_cache(maxsize=1)
def _mnist_digits() -> np.ndarray:
    return load_mnist(Path(os.environ["NNVIZ_DATA"])).x_train[:600].copy()


@pytest.fixture
def digits(mnist_dir) -> np.ndarray:
    """600 MNIST training digits, (600, 784) float32 (a copy: tests must not see each other's edits)."""
    return _mnist_digits().copy()


def centres(images: np.ndarray) -> np.ndarray:
    return np.array([ndimage.center_of_mass(img) for img in images.reshape(-1, 28, 28)])


def test_the_same_seed_gives_the_same_output_and_another_seed_another(digits):
    a = augment_batch(digits, 3)
    np.testing.assert_array_equal(a, augment_batch(digits, np.random.default_rng(3)))
    assert not np.array_equal(a, augment_batch(digits, 4))


def test_shape_dtype_and_range_are_kept_and_the_input_is_left_alone(digits):
    before = digits.copy()
    flat = augment_batch(digits, 0)
    square = augment_batch(digits.reshape(-1, 28, 28), 0)
    np.testing.assert_array_equal(digits, before)
    assert flat.shape == (600, 784) and square.shape == (600, 28, 28)
    assert flat.dtype == square.dtype == np.float32
    np.testing.assert_array_equal(flat, square.reshape(600, 784))
    assert flat.min() >= 0 and flat.max() <= 1


def test_about_the_chosen_share_is_distorted_and_the_rest_untouched(digits):
    out = augment_batch(digits, 0, AugmentConfig(probability=0.5))
    changed = np.any(out != digits, axis=1)
    assert 0.42 < changed.mean() < 0.58
    assert np.abs(out[changed] - digits[changed]).mean() > 0.03  # really distorted, not just nudged


def test_with_everything_off_it_only_recentres_as_to_mnist_would(digits):
    out = augment_batch(digits, 0, OFF).reshape(-1, 28, 28)
    for image, digit in zip(out, digits.reshape(-1, 28, 28)):
        shifted = ndimage.shift(digit, 14 - np.array(ndimage.center_of_mass(digit)), order=1, mode="grid-constant")
        np.testing.assert_allclose(image, shifted / shifted.max(), atol=2e-5)


def test_affine_distortions_keep_the_centre_of_mass_on_pixel_14(digits):
    config = replace(AugmentConfig(probability=1.0), shift=0.0, p_elastic=0.0)
    error = np.abs(centres(augment_batch(digits, 1, config)) - 14)
    # Exact but for digits whose ink the distortion pushes past the field's edge.
    assert np.median(error) < 0.01 and np.percentile(error, 99) < 0.3 and error.max() < 0.6


def test_elastic_distortions_are_recentred_within_half_a_pixel_like_mnist(digits):
    config = replace(OFF, p_elastic=1.0)
    out = augment_batch(digits, 2, config)
    assert np.abs(out - augment_batch(digits, 2, OFF)).mean() > 0.02  # the strokes did move
    assert np.abs(centres(out) - 14).max() < 0.7
    assert out.sum() == pytest.approx(digits.sum(), rel=0.1)  # bent, not thinned or thickened


def test_the_shift_moves_digits_off_centre_by_up_to_its_size(digits):
    error = centres(augment_batch(digits, 3, replace(OFF, shift=2.0))) - 14
    assert np.abs(error).max() < 2.1 and np.abs(error).mean() > 0.6


def test_thicker_strokes_add_ink_and_thinner_strokes_remove_it(digits):
    plain = augment_batch(digits, 0, OFF).sum(axis=1)
    thicker = augment_batch(digits, 0, replace(OFF, p_thicker=1.0)).sum(axis=1)
    thinner = augment_batch(digits, 0, replace(OFF, p_thinner=1.0)).sum(axis=1)
    assert np.all(thicker > plain) and thicker.sum() > 1.3 * plain.sum()
    assert np.all(thinner <= plain + 1e-3) and thinner.sum() < 0.8 * plain.sum()


def test_thinning_drops_the_faint_rim_but_never_erases_a_hairline():
    hairline = np.zeros((1, 28, 28), np.float32)
    hairline[0, 4:24, 14] = 1.0  # a 1-px "1": a 2x2 grey erosion would leave nothing
    np.testing.assert_array_equal(change_thickness(hairline, np.array([False]), np.array([True]), 2), hairline)
    stroke = np.zeros((1, 28, 28), np.float32)
    stroke[0, 4:24, 12:16] = [0.3, 1.0, 1.0, 0.75]  # an antialiased 3-px stroke
    out = change_thickness(stroke, np.array([False]), np.array([True]), 2)[0]
    assert out[10, 12:16].tolist() == [0.0, 1.0, 1.0, 0.5]


def bar(angle_degrees: float = 0.0) -> np.ndarray:
    img = np.zeros((28, 28), np.float32)
    img[5:23, 13:15] = 1.0
    return ndimage.rotate(img, angle_degrees, reshape=False, order=1)


def orientation(img: np.ndarray) -> float:
    """Angle in degrees of an image's main axis from the vertical, from its second moments."""
    rows, cols = np.mgrid[:28, :28]
    m = img.sum()
    r, c = (rows * img).sum() / m, (cols * img).sum() / m
    mrr, mcc, mrc = ((rows - r) ** 2 * img).sum(), ((cols - c) ** 2 * img).sum(), ((rows - r) * (cols - c) * img).sum()
    return float(np.degrees(0.5 * np.arctan2(2 * mrc, mrr - mcc)))


def test_rotation_tilts_a_bar_by_up_to_the_chosen_angle():
    bars = np.repeat(bar()[None], 200, axis=0)
    angles = np.array([orientation(img) for img in augment_batch(bars, 0, replace(OFF, rotation=20.0))])
    assert np.abs(angles).max() <= 20.5 and angles.std() > 8  # uniform in +-20 has std 11.5


def test_shear_and_aspect_change_the_shape_but_not_the_height_much():
    bars = np.repeat(bar()[None], 100, axis=0)
    out = augment_batch(bars, 0, replace(OFF, aspect=0.3))
    widths = (out > 0.5).any(axis=1).sum(axis=1)
    assert widths.min() < widths.max()  # some squashed, some stretched


def test_the_bilinear_gather_matches_scipy_map_coordinates():
    rng = np.random.default_rng(0)
    images = rng.random((7, 28, 28), dtype=np.float32)
    rows, cols = (rng.uniform(-3, 31, (7, 28, 28)).astype(np.float32) for _ in range(2))
    index = np.broadcast_to(np.arange(7, dtype=np.float32)[:, None, None], rows.shape)
    expected = ndimage.map_coordinates(images, [index, rows, cols], order=1, mode="grid-constant")
    np.testing.assert_allclose(bilinear_sample(images, rows.copy(), cols.copy()), expected, atol=2e-4)


@pytest.mark.parametrize("k", [2, 3])
def test_thicker_is_a_grey_dilation(k):
    rng = np.random.default_rng(1)
    images = np.zeros((5, 28, 28), np.float32)
    images[:, 4:24, 4:24] = rng.random((5, 20, 20))
    dilated = change_thickness(images, np.ones(5, bool), np.zeros(5, bool), k)
    np.testing.assert_array_equal(dilated, ndimage.grey_dilation(images, footprint=np.ones((1, k, k))))


def test_elastic_fields_are_smooth_and_as_strong_as_simards():
    config = AugmentConfig(elastic_alpha=34.0, elastic_sigma=4.0)
    # Simard's own recipe, measured: uniform noise, Gaussian-smoothed, times alpha.
    simard = 34 * ndimage.gaussian_filter(np.random.default_rng(0).uniform(-1, 1, (400, 28, 28)), (0, 4, 4))
    assert simard_rms(34, 4) == pytest.approx(simard[:, 8:20, 8:20].std(), rel=0.1)
    g = 10
    field = elastic_displacements(np.random.default_rng(1).standard_normal((800, g, g), dtype=np.float32), config)
    assert field.shape == (400, 2, 28, 28)
    dy = field[:, 0]
    assert np.sqrt((dy**2).mean()) == pytest.approx(simard_rms(34, 4), rel=0.1)
    steps = np.abs(np.diff(dy, axis=1)).mean()
    assert steps < 0.35 * np.abs(dy).mean()  # neighbours move together: a smooth field, not noise


def test_empty_batches_and_blank_images_pass_through():
    assert augment_batch(np.zeros((0, 784), np.float32), 0).shape == (0, 784)
    blank = augment_batch(np.zeros((3, 784), np.float32), 0, AugmentConfig(probability=1.0))
    assert not blank.any() and np.isfinite(blank).all()


@pytest.mark.parametrize("shape", [(5, 783), (784,), (2, 28, 27), (1, 1, 28, 28)])
def test_other_shapes_are_a_config_error(shape):
    with pytest.raises(ConfigError, match="784"):
        augment_batch(np.zeros(shape, np.float32), 0)


@pytest.mark.parametrize(
    "changes",
    [dict(probability=1.5), dict(p_thicker=0.7, p_thinner=0.7), dict(scale=(1.2, 0.8)), dict(rotation=-1.0),
     dict(thickness=0), dict(elastic_sigma=0.0), dict(shear=float("nan"))],
)
def test_impossible_settings_are_a_config_error(changes):
    with pytest.raises(ConfigError):
        AugmentConfig(**changes)
