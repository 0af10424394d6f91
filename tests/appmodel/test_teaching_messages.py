"""Teaching on the training side: a request in, frozen data out, the live network changed in place."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.appmodel.snapshot import Architecture
from nnviz.appmodel.teaching_messages import TeachRequest, teach_session
from nnviz.appmodel.training_session import TrainingData, TrainingSession
from nnviz.errors import ConfigError
from nnviz.nn import TrainConfig


@pytest.fixture
def session():
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 1, (300, 784)).astype(np.float32)
    y = rng.integers(0, 10, 300)
    return TrainingSession(Architecture(hidden=(16,)), TrainConfig(epochs=1, batch_size=32), TrainingData(x, y))


def test_a_request_changes_the_live_network_in_place_and_the_outcome_is_frozen(session):
    live = session.net.weights[0]
    image = np.random.default_rng(1).uniform(0, 1, (1, 784)).astype(np.float32)
    outcome = teach_session(session, TeachRequest(image, [3], seed=4))
    assert session.net.weights[0] is live and not np.array_equal(live, outcome.previous.weights[0])  # in place
    assert np.array_equal(outcome.snapshot.weights[0], live)
    assert outcome.after[0, 3] > outcome.before[0, 3]
    assert outcome.replay_per_step > 0 and outcome.replayed > 0
    assert len(outcome.layer_change) == 2 and all(c > 0 for c in outcome.layer_change)
    assert not outcome.after.flags.writeable and not outcome.weight_change[0].flags.writeable
    assert outcome.snapshot.step == outcome.previous.step  # teaching is not a training step


def test_the_same_request_on_the_same_network_gives_the_same_weights(session):
    image = np.random.default_rng(1).uniform(0, 1, (1, 784)).astype(np.float32)
    start = session.net.copy()
    first = teach_session(session, TeachRequest(image, [3], seed=4))
    session.adopt_weights(start)
    second = teach_session(session, TeachRequest(image, [3], seed=4))
    assert all(np.array_equal(a, b) for a, b in zip(first.snapshot.weights, second.snapshot.weights))


def test_without_training_data_it_teaches_without_replay(session):
    session.set_data(None)
    outcome = teach_session(session, TeachRequest(np.zeros((1, 784), np.float32), [1]))
    assert outcome.replay_per_step == 0 and outcome.replayed == 0


def test_weights_of_another_shape_are_refused(session):
    from nnviz.nn import MLP

    with pytest.raises(ConfigError, match="do not fit"):
        session.adopt_weights(MLP((784, 8, 10)))
