"""Colour tables: shapes, meaning (blue negative, red positive, dark low, bright high), the mapping helpers, and a
categorical palette that colour-blind eyes tell apart too."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from nnviz.app.colormaps import (
    CATEGORICAL,
    DIVERGING,
    DIVERGING_DARK,
    MARKERS,
    SEQUENTIAL,
    diverging_index,
    map_diverging,
    map_sequential,
    qcolor_diverging,
    qcolor_sequential,
    rgba_lookup,
    sequential_index,
)


def luminance(rgb):
    return 0.2126 * rgb[..., 0] + 0.7152 * rgb[..., 1] + 0.0722 * rgb[..., 2]


def test_tables_are_256_rgba_rows_and_read_only():
    for table in (DIVERGING, DIVERGING_DARK, SEQUENTIAL):
        assert table.shape == (256, 4) and table.dtype == np.uint8
        assert (table[:, 3] == 255).all()
        assert not table.flags.writeable


def test_diverging_maps_mean_negative_blue_positive_red():
    for table in (DIVERGING, DIVERGING_DARK):
        negative, positive = table[0].astype(int), table[-1].astype(int)
        assert negative[2] > negative[0] and positive[0] > positive[2]
    assert luminance(DIVERGING[127:129, :3].astype(float)).min() > 240  # white at zero
    assert luminance(DIVERGING_DARK[127:129, :3].astype(float)).max() < 40  # near black at zero


def test_sequential_map_gets_brighter():
    assert (np.diff(luminance(SEQUENTIAL[:, :3].astype(float))) > -1.0).all()
    assert luminance(SEQUENTIAL[-1, :3].astype(float)) > 4 * luminance(SEQUENTIAL[0, :3].astype(float))


def test_indices_are_symmetric_and_clipped():
    assert list(diverging_index([-2.0, -1.0, 0.0, 1.0, 2.0], 1.0)) == [0, 0, 127, 255, 255]
    assert list(sequential_index([-1.0, 0.0, 0.5, 1.0, 9.0], 0.0, 1.0)) == [0, 0, 127, 255, 255]
    assert list(diverging_index([np.nan], 1.0)) == [127]
    assert list(sequential_index([0.3], 1.0, 1.0)) == [0]  # an empty range does not divide by zero
    assert list(diverging_index([0.3], 0.0)) == [165]  # nor does a zero limit


def test_map_helpers_keep_the_shape_and_add_rgba():
    values = np.linspace(-1, 1, 12).reshape(3, 4)
    assert map_diverging(values, 1.0).shape == (3, 4, 4)
    assert map_sequential(np.zeros(5), 0, 1).shape == (5, 4)
    assert tuple(map_diverging([1.0], 1.0)[0]) == tuple(DIVERGING[255])
    assert qcolor_diverging(-1.0, 1.0).blue() == DIVERGING[0, 2]
    assert qcolor_sequential(1.0, 0.0, 1.0).red() == SEQUENTIAL[255, 0]


def test_rgba_lookup_is_row_indexing_for_any_shape():
    index = np.random.default_rng(0).integers(0, 256, size=(3, 5, 7)).astype(np.uint8)
    for table in (DIVERGING, DIVERGING_DARK, SEQUENTIAL):
        assert np.array_equal(rgba_lookup(table, index), table[index])
        assert np.array_equal(rgba_lookup(table, np.uint8(200)), table[200])


# ------------------------------------------------------------------ colour-vision deficiencies
# Machado, Oliveira and Fernandes (2009), severity 1.0: the colours a dichromat sees, applied to linear RGB.
DEUTERANOPIA = np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                         [-0.011820, 0.042940, 0.968881]])
PROTANOPIA = np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                       [-0.003882, -0.048116, 1.051998]])
# Two colours 10 CIEDE2000 apart are clearly different at a glance (1 is about the smallest step seen side by side).
MIN_DELTA_E = 10.0


def linear_rgb(hexes) -> np.ndarray:
    srgb = np.array([[int(h[i:i + 2], 16) for i in (1, 3, 5)] for h in hexes]) / 255.0
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def lab(linear: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of linear sRGB rows."""
    to_xyz = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                       [0.0193339, 0.1191920, 0.9503041]])
    xyz = linear @ to_xyz.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=-1)


def delta_e_2000(lab1, lab2) -> float:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal 2005)."""
    (L1, a1, b1), (L2, a2, b2) = lab1, lab2
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean**7 / (c_mean**7 + 25.0**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = np.hypot(a1, b1), np.hypot(a2, b2)
    h1, h2 = np.degrees(np.arctan2(b1, a1)) % 360, np.degrees(np.arctan2(b2, a2)) % 360
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    dH = 2 * np.sqrt(c1 * c2) * np.sin(np.radians(dh) / 2)
    L, C = (L1 + L2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h = h1 + h2
    elif abs(h1 - h2) <= 180:
        h = (h1 + h2) / 2
    else:
        h = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * np.cos(np.radians(h - 30)) + 0.24 * np.cos(np.radians(2 * h))
         + 0.32 * np.cos(np.radians(3 * h + 6)) - 0.20 * np.cos(np.radians(4 * h - 63)))
    s_l = 1 + 0.015 * (L - 50) ** 2 / np.sqrt(20 + (L - 50) ** 2)
    s_c, s_h = 1 + 0.045 * C, 1 + 0.015 * C * t
    r_t = -np.sin(np.radians(60 * np.exp(-(((h - 275) / 25) ** 2)))) * 2 * np.sqrt(C**7 / (C**7 + 25.0**7))
    dl, dc, dhh = (L2 - L1) / s_l, (c2 - c1) / s_c, dH / s_h
    return float(np.sqrt(dl**2 + dc**2 + dhh**2 + r_t * dc * dhh))


@pytest.mark.parametrize("lab1, lab2, expected", [  # pairs 1, 7, 17 and 25 of Sharma et al.'s test data
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
])
def test_the_colour_difference_used_below_is_ciede2000(lab1, lab2, expected):
    assert delta_e_2000(np.array(lab1), np.array(lab2)) == pytest.approx(expected, abs=1e-4)
    assert lab(linear_rgb(["#ffffff"]))[0] == pytest.approx([100.0, 0.0, 0.0], abs=0.01)


@pytest.mark.parametrize("vision", [None, DEUTERANOPIA, PROTANOPIA], ids=["normal", "deuteranopia", "protanopia"])
def test_the_ten_categorical_colours_stay_apart_for_colour_blind_eyes(vision):
    linear = linear_rgb(CATEGORICAL)
    seen = lab(linear if vision is None else np.clip(linear @ vision.T, 0.0, 1.0))
    closest = min((delta_e_2000(seen[i], seen[j]), i, j) for i, j in itertools.combinations(range(10), 2))
    assert closest[0] >= MIN_DELTA_E, closest


def test_the_old_digit_colours_failed_under_deuteranopia():
    """The check above can fail: Okabe-Ito with grey and white merged reddish purple with grey."""
    old = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999", "#FFFFFF", "#8C564B")
    seen = lab(np.clip(linear_rgb(old) @ DEUTERANOPIA.T, 0.0, 1.0))
    assert delta_e_2000(seen[6], seen[7]) < MIN_DELTA_E


@pytest.mark.parametrize("page", ["#1b1d23", "#ffffff"])
def test_every_categorical_colour_shows_on_the_dark_page_and_on_white(page):
    colours, background = lab(linear_rgb(CATEGORICAL)), lab(linear_rgb([page]))[0]
    assert min(delta_e_2000(c, background) for c in colours) >= 20


def test_every_category_has_its_own_marker_too():
    assert len(CATEGORICAL) == len(MARKERS) == len(set(MARKERS)) == len(set(CATEGORICAL)) == 10


def test_the_symmetric_log_scale_shows_a_tiny_value_as_tiny_on_every_layer():
    from nnviz.app.colormaps import SymLogScale

    scale = SymLogScale(floor=1e-4, top=1.0)
    np.testing.assert_allclose(scale.position([1e-6, 1e-4, 1e-3, 1e-2, 1.0, 5.0, -1e-2, 0.0]),
                               [0.0, 0.0, 0.25, 0.5, 1.0, 1.0, -0.5, 0.0])
    index = scale.index([1e-6, -1.0, 1.0])
    assert index[0] == 127 and index[1] == 0 and index[2] == 255  # 1e-6: neutral, not saturated
    assert scale.bar_position(0.0) == 0.5 and scale.bar_position(-1.0) == 0.0


def test_any_number_of_categories_get_distinct_colour_and_marker_pairs():
    from nnviz.app.colormaps import CATEGORICAL, category_style

    styles = [category_style(i) for i in range(3 * len(CATEGORICAL))]
    assert len(set(styles)) == len(styles) and styles[0] == (CATEGORICAL[0], "o")
