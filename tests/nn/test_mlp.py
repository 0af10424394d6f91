"""The network's public surface: shapes, dtypes, predictions, in-place parameters, training steps."""

import numpy as np
import pytest

from nnviz.errors import ConfigError, TrainingError
from nnviz.nn import MLP, make_optimizer


def test_shapes_follow_n_in_by_n_out():
    net = MLP([784, 256, 128, 64, 10])
    assert net.sizes == (784, 256, 128, 64, 10)
    assert [w.shape for w in net.weights] == [(784, 256), (256, 128), (128, 64), (64, 10)]
    assert [b.shape for b in net.biases] == [(256,), (128,), (64,), (10,)]
    assert all(w.dtype == np.float32 for w in net.weights)


def test_forward_trace_and_predictions():
    net = MLP([6, 5, 3], seed=1)
    X = np.random.default_rng(0).random((4, 6), dtype=np.float32)
    trace = net.forward(X)
    assert [z.shape for z in trace.z] == [(4, 5), (4, 3)]
    assert [a.shape for a in trace.a] == [(4, 6), (4, 5), (4, 3)]
    np.testing.assert_allclose(trace.a[-1].sum(axis=1), 1, rtol=1e-6)
    np.testing.assert_array_equal(net.predict(X), trace.a[-1].argmax(axis=1))
    assert net.predict_proba(X[0]).shape == (3,)


def test_parameters_assigned_in_place_change_the_output():
    net = MLP([3, 2], output="identity")
    net.weights[0][...] = 0
    net.biases[0][...] = [1, 2]
    np.testing.assert_array_equal(net.predict_proba(np.ones(3)), [1, 2])
    net.weights[0] = np.ones((3, 2))  # plain assignment copies into the live array too
    np.testing.assert_array_equal(net.predict_proba(np.ones(3)), [4, 5])
    with pytest.raises(ConfigError, match="shape"):
        net.weights[0] = np.ones((2, 2))


def test_same_seed_same_network_and_initialisation_scale():
    assert np.array_equal(MLP([50, 40, 10], seed=3).params, MLP([50, 40, 10], seed=3).params)
    assert not np.array_equal(MLP([50, 40, 10], seed=3).params, MLP([50, 40, 10], seed=4).params)
    he = MLP([1000, 500, 10], activation="relu").weights[0]
    glorot = MLP([1000, 500, 10], activation="tanh").weights[0]
    assert he.std() == pytest.approx(np.sqrt(2 / 1000), rel=0.02)
    assert glorot.std() == pytest.approx(np.sqrt(2 / 1500), rel=0.02)
    assert np.all(MLP([5, 3]).biases[0] == 0)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu", "identity"])
def test_training_steps_reduce_the_loss(dtype, activation):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 8)).astype(dtype)
    y = (X[:, 0] > 0).astype(int) + (X[:, 1] > 0)
    net = MLP([8, 16, 3], activation=activation, dtype=dtype)
    optimizer = make_optimizer("adam", lr=0.01)
    first = net.train_step(X, y, optimizer)
    for _ in range(100):
        last = net.train_step(X, y, optimizer)
    assert isinstance(last, float) and last < 0.6 * first
    assert net.params.dtype == dtype


def test_step_activation_runs_forward_but_refuses_training():
    net = MLP([2, 2, 1], activation="step", output="sigmoid")
    assert set(np.unique(net.forward(np.array([[1.0, -1.0], [3, 2]])).a[1])) <= {0.0, 1.0}
    with pytest.raises(TrainingError, match="sigmoid"):
        net.train_step(np.ones((1, 2)), np.ones((1, 1)), make_optimizer("sgd"))


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"sizes": [784]}, "at least"), ({"sizes": [784, 0, 10]}, "at least"),
        ({"sizes": [3, 2], "activation": "swish"}, "unknown activation"),
        ({"sizes": [3, 2], "output": "relu"}, "unknown output"),
        ({"sizes": [3, 2], "loss": "bce"}, "does not fit"),
        ({"sizes": [3, 2], "dtype": np.int32}, "float32 or float64"),
        ({"sizes": [3, 2], "l2": -1}, "l2"),
    ],
)
def test_bad_construction_is_a_clear_error(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        MLP(**kwargs)


def test_inputs_of_the_wrong_width_are_refused():
    with pytest.raises(ConfigError, match="784 values"):
        MLP([784, 10]).predict(np.zeros((2, 5)))


def test_labels_out_of_range_are_refused():
    with pytest.raises(ConfigError, match="0..9"):
        MLP([4, 10]).loss(np.zeros((2, 4)), np.array([3, 10]))


def test_copy_is_independent():
    net = MLP([4, 3])
    twin = net.copy()
    twin.weights[0][...] = 7
    assert not np.any(net.weights[0] == 7)
    np.testing.assert_array_equal(twin.params[: 12], 7)
