"""First-layer weight tiles: a page of big tiles (the neurons most active for the drawing, or any page of them),
one mosaic, symmetric colours around the panel's neutral zero, visibly different when the weights change."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from nnviz.app.colormaps import DIVERGING
from nnviz.app.painting import background_colour
from nnviz.app.widgets.weights_view import (
    MOST_ACTIVE,
    PAGE,
    WeightsView,
    mosaic_grid,
    resample_matrix,
    weight_mosaic,
)


@pytest.fixture
def weights_view(shown):
    return shown(WeightsView(), 400, 300)


def test_resampling_rows_average_or_pick():
    shrink = resample_matrix(17)
    assert shrink.shape == (17, 28) and np.allclose(shrink.sum(axis=1), 1.0)
    grow = resample_matrix(56)
    assert grow.shape == (56, 28) and (grow.sum(axis=1) == 1).all() and set(np.unique(grow)) == {0.0, 1.0}
    assert np.array_equal(resample_matrix(28), np.eye(28, dtype=np.float32))


def test_mosaic_grid_uses_the_room():
    cols, tile = mosaic_grid(256, 390, 265)
    rows = -(-256 // cols)
    assert cols * (tile + 1) - 1 <= 390 and rows * (tile + 1) - 1 <= 265
    assert tile >= 15
    assert mosaic_grid(16, 0, 0) == (4, 28)  # not shown yet: native tiles


def test_tiles_are_columns_of_w0_on_a_symmetric_scale():
    W0 = np.zeros((784, 3), np.float32)
    W0[0, 0] = 2.0  # neuron 0: one strong positive weight from pixel (0, 0)
    W0[783, 1] = -0.5  # neuron 1: one negative weight from pixel (27, 27)
    mosaic = weight_mosaic(W0, cols=3, tile=28, table=DIVERGING)
    assert mosaic.shape == (28, 3 * 29 - 1, 4)
    assert tuple(mosaic[0, 0]) == tuple(DIVERGING[255])  # +max: the positive end
    assert tuple(mosaic[27, 29 + 27]) == tuple(DIVERGING[0])  # -max of its tile: the negative end
    assert tuple(mosaic[5, 5]) == tuple(DIVERGING[127])  # zero: the middle
    assert tuple(mosaic[0, 28]) != tuple(DIVERGING[127])  # the gap between tiles
    global_scale = weight_mosaic(W0, cols=3, tile=28, table=DIVERGING, scaling="global")
    assert 0 < global_scale[27, 29 + 27, 2] and tuple(global_scale[27, 29 + 27]) != tuple(DIVERGING[0])


def test_shows_one_mosaic_that_changes_with_the_weights(weights_view, qtbot):
    rng = np.random.default_rng(0)
    W0 = rng.normal(0, 0.05, (784, 256)).astype(np.float32)
    weights_view.set_weights(W0)
    first = weights_view.mosaic()
    assert weights_view.objectName() == "weightsView"
    assert first.ndim == 3 and first.shape[2] == 4 and first.shape[1] <= 400 * weights_view.devicePixelRatioF()
    for _ in range(3):  # training streams weights faster than the view redraws (at most 10 times a second)
        W0[:, :10] += rng.normal(0, 0.05, (784, 10)).astype(np.float32)
        weights_view.set_weights(W0)
    qtbot.waitUntil(lambda: not np.array_equal(first, weights_view.mosaic()), timeout=2000)
    shown = weights_view.shown_neurons()
    expected = weight_mosaic(W0[:, shown], *weights_view._grid, weights_view._table(), "tile",
                             weights_view._gap_colour())
    qtbot.waitUntil(lambda: np.array_equal(weights_view.mosaic(), expected), timeout=2000)  # the newest won
    with pytest.raises(ValueError, match="784"):
        weights_view.set_weights(np.zeros((100, 4)))


def test_zero_is_the_panels_neutral_and_the_ends_are_blue_and_red(weights_view):
    W0 = np.zeros((784, 4), np.float32)
    W0[0] = 1.0
    weights_view.set_weights(W0)
    table = weights_view._table().astype(int)
    background = np.array(background_colour(weights_view).getRgb()[:3])
    assert np.abs(table[127, :3] - background).max() < 30  # nothing looks like (almost) the page itself...
    assert 0 < np.abs(table[127, :3] - background).max()  # ...a hair off it, so each tile's square shows
    blue, red = table[0, :3], table[255, :3]
    assert blue[2] > blue[0] + 80 and red[0] > red[2] + 80
    assert np.abs(blue - table[127, :3]).sum() > 250 and np.abs(red - table[127, :3]).sum() > 250  # far from zero


def test_a_page_shows_the_most_active_neurons_first_and_the_arrows_page_through_all(weights_view, qtbot):
    rng = np.random.default_rng(3)
    W0 = rng.normal(0, 0.05, (784, 256)).astype(np.float32)
    weights_view.set_weights(W0)
    weights_view.apply_pending()
    assert weights_view.page() == MOST_ACTIVE
    assert list(weights_view.shown_neurons()) == list(range(PAGE))  # nothing drawn yet: the first ones
    activity = rng.random(256).astype(np.float32)
    weights_view.set_activity(activity)
    weights_view.apply_pending()
    shown = weights_view.shown_neurons()
    assert len(shown) == PAGE and list(shown) == list(np.argsort(-activity)[:PAGE])  # most active first
    assert weights_view.page_label.text() == "the 64 most active of 256"
    cols, tile = weights_view._grid
    assert tile >= 28 and PAGE % cols == 0  # big tiles, whole rows
    seen = []
    for _ in range(4):
        weights_view.next_button.click()
        seen += list(weights_view.shown_neurons())
    assert seen == list(range(256)) and weights_view.page_label.text() == "neurons 192–255 of 256"
    weights_view.next_button.click()
    assert weights_view.page() == MOST_ACTIVE
    weights_view.previous_button.click()
    assert weights_view.page() == 3
    expected = weight_mosaic(W0[:, 192:], *weights_view._grid, weights_view._table(), "tile", weights_view._gap_colour())
    assert np.array_equal(weights_view.mosaic(), expected)


def test_a_small_layer_is_one_page_without_arrows(weights_view):
    weights_view.set_weights(np.ones((784, 16), np.float32))
    weights_view.set_activity(np.arange(16, dtype=np.float32))
    assert list(weights_view.shown_neurons()) == list(range(16))
    assert not weights_view.next_button.isVisible() and weights_view.page_label.text() == "neurons 0–15 of 16"


def test_no_ragged_last_row_in_a_wide_panel():
    for width, height in ((470, 340), (940, 330), (390, 265), (260, 200), (290, 170)):
        cols, tile = mosaic_grid(PAGE, width, height)
        assert PAGE % cols == 0 and tile >= 20, (width, height, cols, tile)


def test_baseline_shows_the_change(weights_view):
    rng = np.random.default_rng(1)
    start = rng.normal(0, 0.05, (784, 16)).astype(np.float32)
    weights_view.set_weights(start)
    weights_view.set_baseline(start)
    assert np.abs(weights_view.shown_values()).max() == 0.0
    later = start.copy()
    later[400, 3] += 0.1
    weights_view.set_weights(later)
    weights_view.apply_pending()
    assert np.abs(weights_view.shown_values()).argmax() == 400 * 16 + 3
    weights_view.set_baseline(None)
    assert np.array_equal(weights_view.shown_values(), later)


def test_tile_at_finds_the_neuron_under_the_mouse(weights_view, qtbot):
    weights_view.set_weights(np.random.default_rng(2).normal(size=(784, 20)).astype(np.float32))
    weights_view.apply_pending()
    view = weights_view.graphics_view()
    rect = weights_view._image_rect()
    cols, tile = weights_view._grid
    ratio = view.devicePixelRatioF()
    pitch = (tile + 1) / ratio
    for j in (0, 7, 19):
        centre = QPointF(rect.x() + (j % cols + 0.5) * pitch, rect.y() + (j // cols + 0.5) * pitch)
        pos = view.mapFromScene(weights_view._box.mapViewToScene(centre))
        assert weights_view.tile_at(pos.toPointF()) == j
    outside = view.mapFromScene(weights_view._box.mapViewToScene(QPointF(rect.right() + 2, rect.bottom() + 2)))
    assert weights_view.tile_at(outside.toPointF()) is None
