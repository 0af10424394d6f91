"""The hidden-layer map: digits told apart by colour-blind eyes too (palette, markers, names on the clusters)."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.app.colormaps import CATEGORICAL, MARKERS
from nnviz.app.widgets.hidden_map import HiddenMapView
from nnviz.nn import MLP

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def clustered_digits(n_per_digit=30, seed=0):
    """Inputs whose hidden activations form ten clusters, digits 4 and 9 nearly on top of each other."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(10, 2)) * 10
    centres[9] = centres[4] + 0.05
    y = np.repeat(np.arange(10), n_per_digit)
    x = centres[y] + rng.normal(size=(len(y), 2)) * 0.3
    return x, y


@pytest.fixture
def mapped(shown, qtbot):
    view = shown(HiddenMapView(), 800, 500)
    x, y = clustered_digits()
    net = MLP([2, 2, 10], activation="identity", seed=0, dtype=np.float64)
    net.weights[0] = np.eye(2)  # the hidden layer is the input itself: the map shows the clusters as made
    view.set_samples(x, y)
    with qtbot.waitSignal(view.mapped, timeout=10_000):
        view.refresh(net)
    return view


def test_each_digit_has_its_palette_colour_and_its_own_marker(mapped):
    scatters = mapped._scatters  # noqa: SLF001
    assert [item.opts["symbol"] for item in scatters] == list(MARKERS) and len(set(MARKERS)) == 10
    assert [item.opts["brush"].color().name().upper() for item in scatters] == list(CATEGORICAL)


def test_each_cluster_is_named_at_its_middle_and_no_name_hides_another(mapped):
    for digit in range(10):
        text, at = mapped.digit_label(digit)
        assert text == str(digit)
        np.testing.assert_allclose(at, np.median(mapped.points(digit), axis=0))
    anchors = {digit: tuple(mapped._names[digit].anchor) for digit in (4, 9)}  # noqa: SLF001
    assert anchors[4] != anchors[9]  # 9 sits on 4: its name moves off it


def test_the_legend_names_digits_and_drawing_beside_the_map(mapped):
    entries = mapped.legend.entries()
    assert [(colour, marker) for colour, marker, _ in entries[:10]] == list(zip(CATEGORICAL, MARKERS))
    assert [name for *_, name in entries] == [str(d) for d in range(10)] + ["your drawing"]
    assert not mapped.legend.geometry().intersects(mapped.plot.geometry())


def test_a_new_network_hides_the_names(mapped):
    mapped.invalidate()
    assert all(mapped.digit_label(d) is None for d in range(10))
