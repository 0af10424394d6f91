"""The evaluation view's confusion matrix: counts on a stated log colour scale, the clicked cell framed."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.app.widgets.evaluation_view import COUNT_FLOOR, EvaluationView, count_positions, count_ticks
from nnviz.nn import MLP

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# (true digit, the network's answer): how many test digits
CELLS = {(0, 0): 300, (4, 4): 200, (4, 9): 10, (3, 5): 1, (7, 1): 2}


def answering_network() -> MLP:
    """A network whose answer is the index of the lit pixel among the first ten."""
    net = MLP([784, 10], seed=0, dtype=np.float64)
    net.weights[0] = np.zeros((784, 10))
    net.weights[0][np.arange(10), np.arange(10)] = 10.0
    return net


@pytest.fixture
def evaluated(shown, qtbot):
    x, y = [], []
    for (true, answer), count in CELLS.items():
        digit = np.zeros(784)
        digit[answer] = 1.0
        x += [digit] * count
        y += [true] * count
    view = shown(EvaluationView(), 900, 600)
    with qtbot.waitSignal(view.finished, timeout=10_000) as blocker:
        view.evaluate(answering_network(), np.array(x), np.array(y))
    for (true, answer), count in CELLS.items():
        assert blocker.args[0].confusion[true, answer] == count
    return view


def test_counts_sit_on_a_log_scale_where_1_and_10_are_far_apart():
    positions = count_positions(np.array([0, 1, 10, 100, 1000]), 1000)
    assert np.isnan(positions[0]) and positions[1] == pytest.approx(COUNT_FLOOR) and positions[4] == 1.0
    steps = np.diff(positions[1:])
    np.testing.assert_allclose(steps, steps[0])  # 1 -> 10 as far as 100 -> 1000
    assert steps[0] > 0.25
    assert [label for _, label in count_ticks(1135)] == ["1", "10", "100", "1,000"]


def test_cells_with_1_and_10_digits_have_clearly_different_colours_and_empty_cells_none(evaluated):
    image = evaluated._image.image  # noqa: SLF001  (rows: true digit, columns: answer)
    one, ten = image[3, 5, :3].astype(int), image[4, 9, :3].astype(int)
    assert np.abs(one - ten).sum() > 100
    assert image[2, 2, 3] == 0 and image[3, 5, 3] == 255  # no digit: see-through
    assert evaluated.scale.isVisible() and [label for _, label in evaluated.scale.ticks()] == ["1", "10", "100"]
    assert "log" in evaluated.scale.title()


def test_the_clicked_cell_is_framed_until_the_mistakes_are_listed(evaluated):
    evaluated.show_cell(4, 9)
    assert evaluated.marked_cell() == (4, 9)
    for mark in evaluated._marks:  # noqa: SLF001
        xs, ys = mark.getData()
        assert (xs.min(), xs.max(), ys.min(), ys.max()) == (9, 10, 4, 5)
    assert len(evaluated.shown_indices()) == 10
    evaluated.show_mistakes()
    assert evaluated.marked_cell() is None and len(evaluated._marks[1].getData()[0]) == 0  # noqa: SLF001
