"""One refresh policy: every rate the window redraws training at comes from one table and stretches together."""

from __future__ import annotations

import pytest

from nnviz.app.window.rates import INTERVALS, UNSTRETCHED, RefreshPolicy

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def policy(qapp):
    return RefreshPolicy()


def test_a_throttle_gets_its_channels_interval(policy, qapp):
    throttle = policy.throttle("views", lambda: None, qapp)
    assert throttle.interval == INTERVALS["views"] == 0.5


def test_stretching_slows_every_governed_limit_but_the_pens(policy, qapp):
    seen = {}
    snapshot = policy.throttle("snapshot", lambda: None, qapp)
    stroke = policy.throttle("stroke", lambda: None, qapp)
    policy.govern("loss", lambda seconds: seen.__setitem__("loss", seconds))
    policy.govern("fed", lambda seconds: seen.__setitem__("fed", seconds))
    assert seen == {"loss": 0.5, "fed": 0.0}
    policy.stretch(3.0)
    assert snapshot.interval == pytest.approx(0.6) and seen["loss"] == pytest.approx(1.5)
    assert stroke.interval == INTERVALS["stroke"] and seen["fed"] == 0.0 and set(UNSTRETCHED) == {"stroke", "fed"}
    policy.stretch(1.0)
    assert snapshot.interval == pytest.approx(0.2) and seen["loss"] == pytest.approx(0.5)


def test_the_window_stacks_no_limit_under_its_own(qtbot, mnist_dir):
    from nnviz.appmodel.training_session import mnist_loader
    from window_helpers import make_window

    window = make_window(qtbot, load_training_data=mnist_loader(str(mnist_dir), 256, 64))
    assert window.network_view.refresh_interval() == 0.0 and window.weights_view.refresh_interval() == 0.0
    assert window.loss_plot.refresh_interval() == INTERVALS["loss"]
    window.refresh_policy.stretch(2.0)
    assert window.loss_plot.refresh_interval() == 2 * INTERVALS["loss"]


def test_while_filming_the_newest_weights_are_read_once_a_frame(policy, qapp):
    snapshot = policy.throttle("snapshot", lambda: None, qapp)
    views = policy.throttle("views", lambda: None, qapp)
    policy.set_film_rate(10)
    assert snapshot.interval == pytest.approx(0.1) and views.interval == INTERVALS["views"]
    policy.stretch(3.0)  # a slow machine: the film still gets its frames' weights
    assert snapshot.interval == pytest.approx(0.1) and views.interval == pytest.approx(1.5)
    policy.set_film_rate(None)
    assert snapshot.interval == pytest.approx(0.6)
