"""The training timeline: which moments a run keeps, the memory budget, and the model file it travels in."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.appmodel.snapshot import Architecture
from nnviz.appmodel.timeline import DENSE_PARTS, Moment, MomentSchedule, Timeline
from nnviz.appmodel.training_session import TrainingSession
from nnviz.errors import ModelFileError
from nnviz.nn import MLP, TrainConfig
from nnviz.nn.model_file import load_model
from toy_data import toy_data


def run(epochs=3, batch_size=16, n=512) -> TrainingSession:
    session = TrainingSession(Architecture((16,)), TrainConfig(epochs=epochs, batch_size=batch_size, seed=1),
                              toy_data(n), augment=None)
    session.start()
    while session.state == "running":
        session.advance(0.05)
    return session


def moment(position: float, seed: int = 0, step: int = 1) -> Moment:
    net = MLP((784, 16, 10), seed=seed)
    from nnviz.appmodel.snapshot import NetworkSnapshot
    return Moment(position, NetworkSnapshot.of(net, step=step))


def test_a_run_keeps_its_start_the_first_epoch_densely_and_every_epochs_end():
    session = run(epochs=3)  # 32 steps an epoch
    moments = session.take_moments()
    positions = [m.position for m in moments]
    steps = [m.snapshot.step for m in moments]
    assert steps[0] == 0 and positions[0] == 0.0
    assert {1, 2, 4, 8, 16} <= set(steps)  # the first steps, where most changes
    first_epoch = [p for p in positions if 0 < p < 1]
    assert len(first_epoch) >= DENSE_PARTS  # and every tenth of it
    assert positions[-3:] == [1.0, 2.0, 3.0] and [m.snapshot.epoch for m in moments[-3:]] == [1, 2, 3]
    assert positions == sorted(set(positions))  # one moment per place, in order
    assert session.take_moments() == []  # taken once


def test_a_moment_holds_the_weights_of_its_step_exactly():
    session = TrainingSession(Architecture((16,)), TrainConfig(epochs=1, batch_size=16), toy_data(), augment=None)
    session.start()
    session.pause()
    for _ in range(4):
        session.step()
    kept = {m.snapshot.step: m for m in session.take_moments()}
    assert sorted(kept) == [0, 1, 2, 4]
    for mine, live in zip(kept[4].snapshot.weights, session.net.weights):
        np.testing.assert_array_equal(mine, live)
    assert not np.array_equal(kept[0].snapshot.weights[0], kept[4].snapshot.weights[0])


def test_the_schedule_keeps_each_tenth_of_the_first_epoch_once():
    schedule = MomentSchedule()
    kept = [step for step in range(1, 1000) if schedule.keep_step(step, 0, step / 1000)]
    tenths = [step for step in kept if step % 100 == 0]
    assert tenths == list(range(100, 1000, 100))
    assert not schedule.keep_step(1, 1, 1.5)  # after the first epoch only epochs' ends


def test_over_its_budget_the_timeline_thins_the_crowded_start_and_keeps_the_ends():
    moments = [moment(p) for p in (0.0, 0.01, 0.02, 0.04, 0.1, 0.5, 1.0, 2.0, 3.0)]
    timeline = Timeline(moments, budget_bytes=5 * moments[0].nbytes)
    positions = [m.position for m in timeline.moments]
    assert len(positions) == 5 and timeline.nbytes <= timeline.budget_bytes
    assert positions[0] == 0.0 and positions[-1] == 3.0 and 2.0 in positions and 1.0 in positions


def test_a_moment_at_the_same_place_replaces_the_one_there():
    timeline = Timeline([moment(0.0), moment(1.0, seed=1)])
    timeline.add(moment(1.0, seed=2))
    assert len(timeline) == 2
    np.testing.assert_array_equal(timeline[1].snapshot.weights[0], moment(1.0, seed=2).snapshot.weights[0])
    timeline.add(moment(0.5, seed=3))  # a run that started again from an earlier place drops what came after
    assert [m.position for m in timeline.moments] == [0.0, 0.5]


def test_the_timeline_round_trips_through_the_model_file(tmp_path):
    session = run(epochs=2)
    timeline = Timeline(session.take_moments())
    path = tmp_path / "with-timeline.npz"
    session.net.save(path, attachments=timeline.attachments())
    net = load_model(path, MLP)  # the network itself reads as ever
    np.testing.assert_array_equal(net.weights[0], session.net.weights[0])
    read = Timeline.read(path, session.snapshot())
    assert [m.position for m in read.moments] == [m.position for m in timeline.moments]
    for saved, back in zip(timeline.moments, read.moments):
        assert back.snapshot.step == saved.snapshot.step and back.snapshot.epoch == saved.snapshot.epoch
        for a, b in zip((*saved.snapshot.weights, *saved.snapshot.biases, *saved.snapshot.gradients),
                        (*back.snapshot.weights, *back.snapshot.biases, *back.snapshot.gradients)):
            np.testing.assert_array_equal(a, b)


def test_a_model_file_without_a_timeline_has_an_empty_one(tmp_path):
    net = MLP((784, 16, 10))
    net.save(tmp_path / "plain.npz")
    assert len(Timeline.read(tmp_path / "plain.npz", moment(0).snapshot)) == 0


def test_a_damaged_timeline_is_a_clear_error(tmp_path):
    session = run(epochs=1)
    attachments = Timeline(session.take_moments()).attachments()
    attachments["t1_W0"] = np.zeros((3, 3), np.float32)
    session.net.save(tmp_path / "damaged.npz", attachments=attachments)
    with pytest.raises(ModelFileError, match="timeline is damaged.*t1_W0|timeline is damaged.*W0"):
        Timeline.read(tmp_path / "damaged.npz", session.snapshot())
