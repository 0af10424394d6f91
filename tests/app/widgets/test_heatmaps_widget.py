"""The activation heatmaps: one image per hidden layer, in the shapes the brief names."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from nnviz.app.colormaps import SEQUENTIAL
from nnviz.app.widgets.heatmaps import IDLE, ActivationHeatmaps, grid_shape


@pytest.fixture
def heatmaps(shown):
    return shown(ActivationHeatmaps(), 400, 250)


def test_grid_shapes():
    assert grid_shape(256) == (16, 16)
    assert grid_shape(128) == (16, 8)
    assert grid_shape(64) == (8, 8)
    assert grid_shape(32) == (8, 4)
    assert grid_shape(16) == (4, 4)
    assert grid_shape(100) == (10, 10)
    rows, cols = grid_shape(50)
    assert rows * cols >= 50 and abs(rows - cols) <= 1


def test_each_layer_becomes_an_image_of_its_shape(heatmaps):
    rng = np.random.default_rng(0)
    hidden = [rng.uniform(0, 2, n).astype(np.float32) for n in (256, 128, 64)]
    heatmaps.set_activations(hidden)
    images = heatmaps.images()
    assert heatmaps.objectName() == "heatmaps"
    assert [image.shape for image in images] == [(16, 16, 4), (16, 8, 4), (8, 8, 4)]
    for a, image, (rows, cols) in zip(hidden, images, [(16, 16), (16, 8), (8, 8)]):
        top = int(np.argmax(a))
        assert tuple(image[top // cols, top % cols]) == tuple(SEQUENTIAL[255])  # the layer's max: brightest
        low = int(np.argmin(a))
        assert image[low // cols, low % cols, 1] < 100  # near 0: dark


def test_odd_sizes_leave_the_spare_cells_empty(heatmaps):
    heatmaps.set_activations([np.arange(50, dtype=np.float32)])
    image = heatmaps.images()[0]
    rows, cols = grid_shape(50)
    assert image.reshape(-1, 4)[50:, 3].max() == 0  # transparent
    assert image.reshape(-1, 4)[:50, 3].min() == 255


def test_none_greys_the_last_shapes(heatmaps):
    heatmaps.set_activations([np.ones(16), np.ones(16)])
    heatmaps.set_activations(None)
    images = heatmaps.images()
    assert [image.shape for image in images] == [(4, 4, 4), (4, 4, 4)]
    assert all((image.reshape(-1, 4) == IDLE).all() for image in images)


def test_the_shown_image_has_one_square_per_neuron(heatmaps):
    hidden = [np.zeros(256, np.float32), np.zeros(128, np.float32), np.zeros(64, np.float32)]
    hidden[1][0] = 5.0  # hidden 2, neuron 0: top-left corner of the middle image
    heatmaps.set_activations(hidden)
    rects, _, _, _ = heatmaps._area._layout()
    assert all(a.right() < b.left() for a, b in zip(rects, rects[1:]))
    corner = rects[1].topLeft() + QPointF(2, 2)
    shown = heatmaps._area.grab().toImage()
    assert shown.pixelColor(corner.toPoint()).name() == "#%02x%02x%02x" % tuple(SEQUENTIAL[255, :3])
    assert heatmaps._area.unit_at(corner) == (2, 0)
    last = rects[0].bottomRight() - QPointF(2, 2)
    assert heatmaps._area.unit_at(last) == (1, 255)


def test_a_wide_low_panel_lays_the_layers_in_longer_rows_with_bigger_squares(shown):
    assert grid_shape(256, max_rows=8) == (8, 32) and grid_shape(64, max_rows=8) == (8, 8)
    hidden = [np.linspace(0, 1, n, dtype=np.float32) for n in (256, 128, 64)]
    low = shown(ActivationHeatmaps(), 420, 120)
    low.set_activations(hidden)
    square = shown(ActivationHeatmaps(), 420, 420)
    square.set_activations(hidden)
    cells = {}
    for name, view in (("low", low), ("square", square)):
        rects, _, _, max_rows = view._area._layout()
        cells[name] = (rects[0].width() / grid_shape(256, max_rows)[1], max_rows)
    assert cells["square"][1] is None  # room enough: the squarest shapes
    assert cells["low"][1] is not None and cells["low"][0] >= 4  # 16 rows in ~50 px would be 2-3 px squares
    corner = low._area.mapTo(low, low._area._layout()[0][0].topLeft().toPoint())
    layer, unit = low.layer_at(QPointF(corner.x() + 1, corner.y() + 1))
    assert (layer, unit) == (1, 0)  # pointing still finds the neuron under the mouse
