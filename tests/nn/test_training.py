"""The training generator: records, seeding, stopping, live changes and divergence."""

import numpy as np
import pytest

from nnviz.errors import ConfigError, DivergenceError
from nnviz.nn import MLP, EpochRecord, StepRecord, TrainConfig, train


def blobs(n=400, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    X = rng.normal(size=(n, 2)) * 0.5 + np.array([[0, 3], [3, 0], [-3, -3]])[y]
    return X.astype(np.float32), y


def run(config, **kwargs):
    X, y = blobs()
    net = MLP([2, 16, 3], seed=1)
    records = list(train(net, X, y, config, X_test=X, y_test=y, **kwargs))
    return net, records


def test_yields_steps_then_an_epoch_record_and_learns():
    net, records = run(TrainConfig(epochs=3, batch_size=50, lr=0.05))
    steps = [r for r in records if isinstance(r, StepRecord)]
    epochs = [r for r in records if isinstance(r, EpochRecord)]
    assert len(steps) == 3 * 8 and [e.epoch for e in epochs] == [1, 2, 3]
    assert isinstance(records[8], EpochRecord) and records[8].step == 8
    assert epochs[-1].test_accuracy > 0.95 and epochs[-1].loss < epochs[0].loss
    assert steps[-1].progress == pytest.approx(3.0) and steps[0].samples_per_s > 0


def test_every_epoch_measures_the_test_loss_where_it_measures_the_test_accuracy():
    X, y = blobs(seed=1)
    seen = []
    net = MLP([2, 16, 3], seed=1)
    for record in train(net, *blobs(), TrainConfig(epochs=3, batch_size=50, lr=0.05, l2=0.001), X_test=X, y_test=y):
        if isinstance(record, EpochRecord):
            seen.append((record.test_loss, net.loss(X, y)))  # the network as it is at the end of the epoch
    assert len(seen) == 3
    for test_loss, direct in seen:
        assert test_loss == pytest.approx(direct, rel=1e-5)
    without_test_set = [r for r in train(MLP([2, 16, 3], seed=1), *blobs(), TrainConfig(epochs=1))
                        if isinstance(r, EpochRecord)]
    assert without_test_set[0].test_loss is None and without_test_set[0].test_accuracy is None


def test_same_seed_same_run():
    a, _ = run(TrainConfig(epochs=2, seed=5))
    b, _ = run(TrainConfig(epochs=2, seed=5))
    c, _ = run(TrainConfig(epochs=2, seed=6))
    np.testing.assert_array_equal(a.params, b.params)
    assert not np.array_equal(a.params, c.params)


def test_cosine_schedule_decays_the_learning_rate():
    _, records = run(TrainConfig(epochs=4, lr=0.01, schedule="cosine"))
    lrs = [r.lr for r in records if isinstance(r, StepRecord)]
    assert lrs[0] == pytest.approx(0.01) and lrs[-1] < 0.001 and lrs == sorted(lrs, reverse=True)


def test_stops_when_asked():
    asked = iter(range(1000))
    _, records = run(TrainConfig(epochs=5), should_stop=lambda: next(asked) >= 3)
    assert len(records) == 3


def test_changes_take_effect_at_the_next_step():
    config = {"now": TrainConfig(epochs=2, batch_size=100, lr=0.01, schedule="constant")}

    def get_config():
        return config["now"]

    X, y = blobs()
    gen = train(MLP([2, 8, 3]), X, y, config["now"], get_config=get_config)
    first = next(gen)
    config["now"] = config["now"].replace(lr=0.05, batch_size=25, optimizer="sgd")
    second = next(gen)
    assert first.lr == pytest.approx(0.01) and second.lr == pytest.approx(0.05)
    assert second.progress - first.progress == pytest.approx(25 / 400)


def test_divergence_stops_with_the_last_finite_weights():
    X, y = blobs()
    X = X * 1000
    net = MLP([2, 16, 3], seed=1)
    seen = []
    with pytest.raises(DivergenceError, match="smaller"):
        for record in train(net, X, y, TrainConfig(epochs=50, optimizer="sgd", lr=1e6, schedule="constant")):
            seen.append(record)
    assert np.all(np.isfinite(net.params))
    assert np.isfinite(net.loss(X[:10], y[:10]))


@pytest.mark.parametrize(
    "changes", [{"lr": -1}, {"lr": float("nan")}, {"epochs": 0}, {"batch_size": 0}, {"optimizer": "adamax"},
                {"l2": -0.1}, {"schedule": "linear"}]
)
def test_bad_configs_are_refused(changes):
    with pytest.raises(ConfigError):
        TrainConfig(**changes)
