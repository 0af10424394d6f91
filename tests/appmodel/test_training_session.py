"""The training session the worker drives, tested as plain Python: no Qt anywhere."""

from __future__ import annotations

import math
import numpy as np
import pytest

from nnviz.appmodel.snapshot import Architecture, RunState, TrainingStatus
from nnviz.appmodel.training_session import (
    RATE_HALF_LIFE_S,
    TrainingData,
    TrainingSession,
    architecture_of,
    build_network,
    smoothed_rate,
)
from nnviz.errors import ConfigError
from nnviz.nn import MLP, TrainConfig
from toy_data import toy_data as toy_data_of

SMALL = Architecture(hidden=(16,), activation="relu")


def toy_data(n=256, n_test=64, seed=0) -> TrainingData:
    return toy_data_of(n, n_test, seed)


def session(config=TrainConfig(epochs=2, batch_size=32, schedule="constant", lr=1e-2), data=None) -> TrainingSession:
    return TrainingSession(SMALL, config, data or toy_data(), augment=None)


def run_to_end(s: TrainingSession) -> None:
    s.start()
    while s.state == "running":
        s.advance(0.05)


def test_uses_no_qt():
    # (importing it still loads PySide6: nnviz.app's __init__ applies the Qt work-arounds first)
    import ast
    import nnviz.appmodel.training_session as module

    from pathlib import Path

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    imported += [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [name for name in imported if name and ("PySide" in name or "pyqtgraph" in name)]


def test_a_full_run_yields_every_loss_point_and_an_epoch_result_per_epoch():
    s = session()
    run_to_end(s)
    assert s.state == "finished"
    points = s.take_points()
    steps_per_epoch = math.ceil(256 / 32)
    assert len(points.loss) == 2 * steps_per_epoch == s.steps
    assert np.all(np.diff(points.progress) > 0) and points.progress[-1] == pytest.approx(2.0)
    assert not points.loss.flags.writeable
    epochs = s.take_epochs()
    assert [e.epoch for e in epochs] == [1, 2]
    assert all(0.0 <= e.test_accuracy <= 1.0 for e in epochs)
    assert epochs[-1].test_accuracy > 0.5  # separable toy data
    assert all(e.test_loss > 0 for e in epochs)  # measured with the accuracy, for the test-loss curve
    assert s.net.loss(s.data.x_test, s.data.y_test) == pytest.approx(epochs[-1].test_loss, rel=1e-5)
    assert s.take_points() is None and s.take_epochs() == []  # taken once
    status = s.status()
    assert (status.state, status.epoch, status.epochs, status.epoch_fraction) == ("finished", 2, 2, 1.0)


def test_advance_returns_at_an_epoch_end_so_results_follow_their_points():
    s = session()
    s.start()
    while not s._epochs:  # noqa: SLF001 - looking at what has not been taken yet
        s.advance(10.0)
    assert s.take_points().progress[-1] == pytest.approx(1.0)


def test_step_trains_exactly_one_batch_and_pauses():
    s = session()
    before = s.net.params.copy()
    assert s.step()
    assert s.state == "paused" and s.steps == 1
    assert not np.array_equal(before, s.net.params)
    assert len(s.take_points().loss) == 1
    assert s.advance(1.0) == 0  # paused: nothing happens
    s.start()
    assert s.advance(0.0, max_steps=3) >= 1


def test_steps_carry_over_epoch_boundaries():
    s = session(TrainConfig(epochs=3, batch_size=256, schedule="constant"))  # one batch per epoch
    for _ in range(3):
        assert s.step()
    assert s.steps == 3 and len(s.take_epochs()) == 2


def test_a_new_learning_rate_is_used_from_the_next_step():
    s = session()
    s.step()
    assert s.status().lr == pytest.approx(1e-2)
    s.set_config(s.config.replace(lr=0.05, optimizer="sgd"))
    s.step()
    assert s.status().lr == pytest.approx(0.05)
    assert s.steps == 2  # same run, no reset


def test_pause_keeps_the_run_and_stop_ends_it():
    s = session()
    s.start()
    s.advance(0.0, max_steps=2)
    s.pause()
    assert s.state == "paused" and s.status().epoch == 1
    s.stop()
    assert s.state == "stopped"
    x = s.position
    s.start()
    s.advance(0.0, max_steps=1)
    assert s.take_points().progress[-1] > x  # the curve continues where the stopped run left it


def test_request_stop_ends_a_burst_at_the_next_step():
    s = session()
    s.start()
    s.request_stop()
    assert s.advance(5.0) == 0
    assert s.state == "stopped"


def test_reset_builds_the_architecture_with_the_seed_and_clears_the_history():
    s = session()
    run_to_end(s)
    s.set_architecture(Architecture(hidden=(8, 4), activation="tanh"))
    s.set_config(s.config.replace(seed=7))
    s.reset()
    expected = build_network(Architecture(hidden=(8, 4), activation="tanh"), 7)
    assert s.net.sizes == (784, 8, 4, 10) and s.net.activation == "tanh"
    np.testing.assert_array_equal(s.net.params, expected.params)
    assert s.state == "idle" and s.steps == 0 and s.position == 0.0
    assert s.take_points() is None
    snap = s.snapshot()
    assert snap.sizes == (784, 8, 4, 10) and snap.step == 0


def test_undo_reset_brings_back_the_network_where_it_was_until_training_starts_again():
    s = session()
    s.start()
    s.advance(10.0, max_steps=5)
    s.pause()
    net, steps, position = s.net, s.steps, s.position
    assert not s.can_undo_reset()
    s.reset()
    assert s.net is not net and s.steps == 0 and s.can_undo_reset()
    assert s.undo_reset()
    assert s.net is net and s.steps == steps and s.position == position and s.state == "idle"
    assert not s.can_undo_reset() and not s.undo_reset()  # once
    s.reset()
    s.start()  # training the new network: the old one is gone for good
    assert not s.can_undo_reset()
    s.reset()
    s.set_network(MLP([784, 8, 10], seed=1))
    assert not s.can_undo_reset()


def test_set_network_trains_the_given_network():
    s = session()
    net = MLP([784, 12, 10], activation="sigmoid", seed=3)
    s.set_network(net)
    assert s.net is net and architecture_of(net) == s.architecture
    assert s.step()


def test_divergence_pauses_with_finite_weights_and_suggests_a_smaller_learning_rate():
    s = session(TrainConfig(epochs=5, batch_size=32, optimizer="sgd", lr=1e10, schedule="constant"))
    run_to_end(s)
    assert s.state == "diverged"
    assert np.all(np.isfinite(s.net.params))
    assert s.note.kind == "diverged" and "learning rate" in s.note.args[0]  # the window words the advice
    s.set_config(s.config.replace(lr=1e-3))
    s.start()  # the user can go on
    s.advance(0.0, max_steps=1)
    assert s.state == "running"


def test_a_bug_in_training_becomes_an_error_state_with_a_traceback():
    def broken(batch, rng):
        raise RuntimeError("augmentation exploded")

    s = TrainingSession(SMALL, TrainConfig(epochs=1, batch_size=32, augment=True), toy_data(), augment=broken)
    run_to_end(s)
    assert s.state == "error"
    assert s.note.kind == "bug" and s.note.args == ("RuntimeError", "augmentation exploded")
    assert "Traceback" in s.details and "broken" in s.details
    s.set_config(s.config.replace(augment=False))
    run_to_end(s)
    assert s.state == "finished"  # still usable


def test_starting_without_data_is_a_clear_error():
    s = TrainingSession(SMALL, TrainConfig(), None, augment=None)
    with pytest.raises(ConfigError, match="MNIST"):
        s.start()


def test_status_reports_rate_and_eta_while_running():
    s = session()
    s.start()
    s.advance(10.0, max_steps=3)
    status = s.status()
    assert status.state == "running" and status.samples_per_s > 0 and status.eta_s > 0
    assert status.step == 3 and status.epoch == 1 and 0 < status.epoch_fraction < 1
    assert math.isfinite(status.loss)


def test_the_rate_and_so_the_eta_are_smoothed_over_a_few_seconds():
    rate, burst = 0.0, 0.05
    for _ in range(200):  # 10 s at 10,000 samples/s, in bursts of 50 ms
        rate = smoothed_rate(rate, 500, burst)
    assert rate == pytest.approx(10_000)
    remaining = 600_000
    eta_before = remaining / rate
    for _ in range(20):  # augmentation starts: a tenth of the speed, for one second
        rate = smoothed_rate(rate, 50, burst)
    assert rate > 6_000 and remaining / rate < 2 * eta_before  # no jump from 0:17 to 4:08...
    for _ in range(round(8 * RATE_HALF_LIFE_S / burst)):
        rate = smoothed_rate(rate, 50, burst)
    assert rate == pytest.approx(1_000, rel=0.05)  # ...but it gets there within seconds
    assert smoothed_rate(1234.0, 0, 0.05) == 1234.0 and smoothed_rate(0.0, 100, 0.1) == pytest.approx(1000)


def test_the_run_state_is_an_enum_and_a_reset_names_the_new_network_by_its_sizes():
    s = session()
    assert s.state is RunState.IDLE and s.status().state == "idle"  # compares and prints as the string it was
    s.reset()
    status = s.status()
    assert status.state is RunState.IDLE and status.new_network == (784, 16, 10)
    s.start()
    assert s.status().new_network == ()  # said once: a run has begun
    assert TrainingStatus("paused").state is RunState.PAUSED
    with pytest.raises(ValueError):
        TrainingStatus("sleeping")


def test_training_data_subset():
    data = toy_data()
    small = TrainingData.from_mnist(data, limit=10, test_limit=5)
    assert small.n_train == 10 and len(small.x_test) == 5


def test_a_yield_request_ends_a_burst_after_its_step_and_the_run_goes_on():
    rng = np.random.default_rng(0)
    data = TrainingData(rng.uniform(0, 1, (4000, 784)).astype(np.float32), rng.integers(0, 10, 4000))
    session = TrainingSession(Architecture(hidden=(8,)), TrainConfig(epochs=5, batch_size=1), data, augment=None)
    record_step = session._record_step

    def record_and_ask(record):  # a correction arrives for the training thread during the 3rd step
        record_step(record)
        if session.steps == 3:
            session.request_yield()

    session._record_step = record_and_ask
    session.start()
    assert session.advance(budget_s=30.0) == 3  # the burst ends after that step, not after 30 s or the epoch
    assert session.state == "running" and session.advance(budget_s=0.05) > 0  # and the run goes on


def test_a_run_is_under_way_while_training_or_loading_its_data():
    from nnviz.appmodel.snapshot import RunState, TrainingStatus

    assert {state for state in RunState if state.under_way} == {RunState.RUNNING, RunState.LOADING}
    assert TrainingStatus(state="loading").state.under_way  # a plain string becomes its RunState
