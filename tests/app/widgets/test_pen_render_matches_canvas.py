"""nnviz.data.pen_render paints strokes as the canvas does: the training data's pen is the user's pen."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.app.widgets.canvas import RESOLUTION, Canvas
from nnviz.data.pen_render import CANVAS, render_strokes

from test_canvas_widget import stroke

# A 7 with a crossbar and a 4 in two strokes, in canvas pixels, at odd sub-pixel positions.
DIGITS = {
    "7": [[(70.3, 60.2), (150.7, 58.9), (205.1, 61.4), (160.2, 140.8), (120.6, 225.3)],
          [(110.4, 142.5), (185.9, 139.1)]],
    "4": [[(160.0, 50.5), (95.25, 160.75), (200.5, 158.0)], [(170.2, 95.3), (168.8, 230.6)]],
}


def test_the_canvas_resolution_is_the_renderer_s():
    assert RESOLUTION == CANVAS


@pytest.mark.parametrize("digit", sorted(DIGITS))
@pytest.mark.parametrize("width", [6, 18, 30])
def test_strokes_rendered_in_numpy_match_the_canvas_drawn_with_the_mouse(shown, digit, width):
    canvas = shown(Canvas(), RESOLUTION, RESOLUTION)  # one widget pixel per canvas pixel
    canvas.set_pen_width(width)
    for points in DIGITS[digit]:
        stroke(canvas, points)
    drawn = canvas.image()
    rendered = render_strokes(DIGITS[digit], width)
    assert np.abs(drawn - rendered).mean() < 0.002
    assert rendered.sum() == pytest.approx(drawn.sum(), rel=0.01)
    assert ((drawn > 0.5) == (rendered > 0.5)).mean() > 0.999
