"""Earlier runs: their curves, what sets them apart, how many are kept; and the same seed repeats a run."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.appmodel.runs import EarlierRun, EarlierRuns, RunCurves, differences
from nnviz.appmodel.snapshot import Architecture, EpochResult, LossPoints
from nnviz.appmodel.training_session import TrainingSession, TrainingSettings
from nnviz.nn import TrainConfig
from toy_data import toy_data

BASE = TrainingSettings(Architecture((32,)), TrainConfig(optimizer="adam", lr=1e-3, batch_size=64, seed=0))


def changed(architecture=None, **config) -> TrainingSettings:
    return TrainingSettings(architecture or BASE.architecture, BASE.config.replace(**config))


def session_curves(settings: TrainingSettings, epochs: int = 2) -> RunCurves:
    """The curves of a run, gathered as the window gathers them (points and epochs in the order they come)."""
    session = TrainingSession(settings.architecture, settings.config.replace(epochs=epochs), toy_data(),
                              augment=None)
    history = []
    session.start()
    while session.state == "running":
        session.advance(0.01)
        points = session.take_points()
        history += ([points] if points is not None else []) + session.take_epochs()
    return RunCurves.of(history)


def test_the_same_seed_and_settings_repeat_a_run_curve_for_curve():
    first, again = session_curves(BASE), session_curves(BASE)
    assert len(first) == 16 and len(first.epoch_x) == 2
    assert first.equals(again)
    assert not first.equals(session_curves(changed(seed=1)))


def test_run_curves_place_each_epoch_where_its_loss_ended():
    history = [LossPoints(np.array([0.5, 1.0]), np.array([2.0, 1.0])),
               EpochResult(1, 1.0, 0.5, 0.61, 1.0, test_loss=0.9),
               LossPoints(np.array([1.5, 2.0]), np.array([0.8, 0.7])),
               EpochResult(2, 0.7, 0.6, None, 1.0)]
    curves = RunCurves.of(history)
    np.testing.assert_array_equal(curves.loss_x, [0.5, 1.0, 1.5, 2.0])
    np.testing.assert_array_equal(curves.epoch_x, [1.0, 2.0])
    assert curves.test_accuracy[0] == 0.61 and np.isnan(curves.test_accuracy[1])
    assert curves.test_loss[0] == 0.9 and np.isnan(curves.test_loss[1])


@pytest.mark.parametrize("run, named", [
    (changed(optimizer="sgd", lr=0.1), [("optimizer", "sgd"), ("lr", "0.1")]),
    (changed(batch_size=128), [("batch", "128")]),
    (changed(Architecture((64,), "tanh")), [("activation", "tanh"), ("architecture", "784-64-10")]),
    (changed(seed=3), [("seed", "3")]),
    (changed(epochs=5), [("other", "")]),
    (BASE, []),
])
def test_a_run_is_named_by_what_set_it_apart(run, named):
    assert differences(run, BASE) == named


def test_at_most_the_chosen_number_of_runs_is_kept_oldest_going_first():
    runs = EarlierRuns(limit=2)
    for number in (1, 2, 3):
        runs.add(EarlierRun(number, BASE, RunCurves.of([])))
    assert [run.number for run in runs.runs] == [2, 3]
    runs.set_shown(3, False)
    assert not runs.get(3).shown and runs.get(2).shown
    runs.set_limit(1)
    assert [run.number for run in runs.runs] == [3]
    assert runs.remove(3).number == 3 and len(runs) == 0 and runs.remove(3) is None
    with pytest.raises(ValueError):
        runs.set_limit(0)
