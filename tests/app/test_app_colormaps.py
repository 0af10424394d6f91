"""Colour tables: shapes, meaning (blue negative, red positive, dark low, bright high) and the mapping helpers."""

from __future__ import annotations

import numpy as np

from nnviz.app.colormaps import (
    DIVERGING,
    DIVERGING_DARK,
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
