"""The 28x28 input preview: crisp pixels, exactly the values it was given."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from nnviz.app.widgets.input_preview import InputPreview


@pytest.fixture
def preview(shown):
    return shown(InputPreview(), 220, 250)


def pixel_centre(preview, row, col):
    rect = preview.pixel_rect()
    cell = rect.width() / 28
    return QPointF(rect.x() + (col + 0.5) * cell, rect.y() + (row + 0.5) * cell)


def test_shows_each_input_pixel_as_a_crisp_square(preview):
    img = np.zeros((28, 28), np.float32)
    img[10, 5] = 1.0
    img[20, 20] = 0.5
    preview.set_image(img)
    assert preview.objectName() == "inputPreview"
    rect = preview.pixel_rect()
    assert rect.width() == rect.height() and rect.width() % 28 == 0  # whole screen pixels per input pixel
    shown = preview.grab().toImage()
    assert shown.pixelColor(pixel_centre(preview, 10, 5).toPoint()).lightness() == 255
    assert abs(shown.pixelColor(pixel_centre(preview, 20, 20).toPoint()).lightness() - 128) <= 2
    assert shown.pixelColor(pixel_centre(preview, 10, 6).toPoint()).lightness() < 10  # no smoothing into the neighbour
    assert np.array_equal(preview.image(), img)


def test_flat_input_and_none(preview):
    preview.set_image(np.ones(784, np.float32))
    assert preview.image().shape == (28, 28)
    preview.set_image(None)
    assert preview.image() is None
    shown = preview.grab().toImage()
    assert shown.pixelColor(pixel_centre(preview, 2, 2).toPoint()).lightness() < 10


def test_pixel_at_maps_the_widget_to_rows_and_columns(preview):
    assert preview.pixel_at(pixel_centre(preview, 3, 17)) == (3, 17)
    assert preview.pixel_at(QPointF(-5, -5)) is None


def test_the_caption_fits_below_the_pixels(preview):
    caption = preview._caption_rect()
    assert preview.pixel_rect().bottom() < caption.top()
    assert caption.bottom() <= preview.height()
