"""The canvas's round pen in NumPy: the ink a stroke leaves, and strokes placed on the canvas the right way up.

tests/app/test_pen_render_matches_canvas.py checks the same drawings against Qt's own painting.
"""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.data.pen_render import CANVAS, render_strokes, tablet_to_canvas
from nnviz.errors import ConfigError


def test_a_dot_is_a_disc_of_the_pen_width():
    ink = render_strokes([[(140.0, 140.0)]], pen_width=20)
    assert ink.shape == (CANVAS, CANVAS) and ink.dtype == np.float32
    assert ink.sum() == pytest.approx(np.pi * 10**2, rel=0.01)
    assert ink[140, 140] == 1.0 and ink[140, 155] == 0.0
    np.testing.assert_array_equal(ink, ink.T)  # round: the same along both axes


def test_a_stroke_leaves_its_length_times_the_width_plus_round_caps():
    ink = render_strokes([[(50.0, 100.5), (200.0, 100.5)]], pen_width=10)
    assert ink.sum() == pytest.approx(150 * 10 + np.pi * 5**2, rel=0.01)
    column = ink[:, 125]
    assert column.sum() == pytest.approx(10, abs=0.02) and column.max() == 1.0


def test_ink_is_on_the_canvas_s_8_bit_grey_levels_and_saturates_where_segments_overlap():
    ink = render_strokes([[(60.0, 60.0), (220.0, 220.0), (60.0, 220.0), (220.0, 60.0)]], pen_width=14)
    np.testing.assert_array_equal(np.round(ink * 255), ink * 255)
    assert 0.0 <= ink.min() and ink.max() == 1.0


def test_strokes_outside_the_canvas_are_clipped_not_wrapped():
    ink = render_strokes([[(-50.0, 10.0), (400.0, 10.0)]], pen_width=8)
    assert ink[10, 0] == 1.0 and ink[10, -1] == 1.0 and ink[200:].sum() == 0


@pytest.mark.parametrize("strokes, width, words", [
    ([[(1.0, 2.0)]], 0, "positive"),
    ([[(1.0, 2.0)]], float("nan"), "positive"),
    ([], 10, "at least one stroke"),
    ([[(1.0, float("inf"))]], 10, "finite"),
])
def test_bad_strokes_or_pens_are_config_errors(strokes, width, words):
    with pytest.raises(ConfigError, match=words):
        render_strokes(strokes, width)


def test_tablet_strokes_land_on_the_canvas_the_right_way_up():
    upward = [np.array([[200.0, 100.0], [200.0, 300.0]])]  # drawn from bottom to top (tablet y grows up)
    (placed,) = tablet_to_canvas(upward, height=150)
    assert placed[0, 1] > placed[1, 1]  # on the screen it ends higher: smaller y
    assert np.ptp(placed[:, 1]) == pytest.approx(150)
    assert placed[:, 1].mean() == pytest.approx(CANVAS / 2) and placed[:, 0].mean() == pytest.approx(CANVAS / 2)


def test_a_digit_too_big_or_too_far_out_is_kept_on_the_canvas():
    wide = [np.array([[0.0, 0.0], [500.0, 10.0]])]
    (placed,) = tablet_to_canvas(wide, height=200, centre=(250.0, 30.0), margin=10)
    assert placed.min() >= 10 - 1e-9 and placed.max() <= CANVAS - 10 + 1e-9
