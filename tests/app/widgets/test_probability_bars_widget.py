"""The probability bars: ten labelled bars, the winner highlighted, nothing shown as 'draw a digit'."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from nnviz.app.painting import ACCENT
from nnviz.app.widgets.probability_bars import BAR, ProbabilityBars, percent_text


@pytest.fixture
def bars(shown):
    return shown(ProbabilityBars(), 320, 200)


def bar_bottom_colour(bars, digit):
    """The colour just above the bottom of a digit's bar, where any non-zero bar is painted."""
    area, slot, _ = bars._areas()
    image = bars.grab().toImage()
    return image.pixelColor(int(area.left() + (digit + 0.5) * slot), int(area.bottom() - 3))


def test_shows_the_probabilities_with_the_winner_highlighted(bars):
    p = np.array([0.01, 0.02, 0.0, 0.05, 0.0, 0.0, 0.0, 0.9, 0.02, 0.0])
    bars.set_probabilities(p)
    assert bars.objectName() == "probabilities"
    assert np.allclose(bars.probabilities(), p) and bars.winner() == 7
    assert bar_bottom_colour(bars, 7).name() == ACCENT.name()
    assert bar_bottom_colour(bars, 3).name() == BAR.name()
    p[:] = 0  # the widget keeps its own copy
    assert bars.winner() == 7


def test_the_height_of_a_bar_is_its_probability(bars):
    bars.set_probabilities(np.array([0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0]))
    area, slot, _ = bars._areas()
    image = bars.grab().toImage()
    x = int(area.left() + 1.5 * slot)
    painted = [y for y in range(int(area.top()), int(area.bottom())) if image.pixelColor(x, y).name() == BAR.name()]
    assert abs(len(painted) - area.height() / 2) <= 3


def test_none_clears_the_bars(bars):
    bars.set_probabilities(np.eye(10)[3])
    bars.set_probabilities(None)
    assert bars.probabilities() is None and bars.winner() is None
    assert bar_bottom_colour(bars, 3).name() != ACCENT.name()


def test_rejects_anything_but_ten_numbers(bars):
    with pytest.raises(ValueError, match="10 probabilities"):
        bars.set_probabilities(np.ones(9) / 9)


def test_bar_at_maps_positions_to_digits(bars):
    area, slot, _ = bars._areas()
    assert bars.bar_at(QPointF(area.left() + 0.5 * slot, 50)) == 0
    assert bars.bar_at(QPointF(area.left() + 9.5 * slot, 50)) == 9
    assert bars.bar_at(QPointF(1, 50)) is None


def test_percent_text():
    assert percent_text(0.964) == "96%"
    assert percent_text(0.0042, 1) == "0.4%"
