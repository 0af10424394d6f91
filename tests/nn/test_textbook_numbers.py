"""The worked examples the classic introductions print, reproduced by the engine."""

import numpy as np
import pytest

from nnviz.nn import MLP, sigmoid, softmax


def test_single_sigmoid_neuron():
    net = MLP([2, 1], output="sigmoid", dtype=np.float64)
    net.weights[0][...] = [[0], [1]]
    net.biases[0][...] = [4]
    assert net.predict_proba(np.array([2.0, 3.0]))[0] == 0.9990889488055994


def test_two_two_one_sigmoid_network():
    net = MLP([2, 2, 1], activation="sigmoid", output="sigmoid", dtype=np.float64)
    for W, b in zip(net.weights, net.biases):
        W[...] = np.array([[0.0], [1.0]])  # every neuron's weights are [0, 1]
        b[...] = 0
    assert net.predict_proba(np.array([2.0, 3.0]))[0] == 0.7216325609518421


def test_two_three_two_two_forward_pass_layer_by_layer():
    net = MLP([2, 3, 2, 2], activation="sigmoid", output="identity", dtype=np.float64)
    net.weights[0][...] = [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]
    net.biases[0][...] = [0.1, 0.2, 0.3]
    net.weights[1][...] = [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]
    net.biases[1][...] = [0.1, 0.2]
    net.weights[2][...] = [[0.1, 0.3], [0.2, 0.4]]
    net.biases[2][...] = [0.1, 0.2]
    trace = net.forward(np.array([1.0, 0.5]))
    np.testing.assert_allclose(trace.z[0][0], [0.3, 0.7, 1.1], rtol=0, atol=1e-12)
    np.testing.assert_allclose(trace.a[1][0], [0.57444252, 0.66818777, 0.75026011], rtol=0, atol=5e-9)
    np.testing.assert_allclose(trace.a[-1][0], [0.31682708, 0.69627909], rtol=0, atol=5e-9)
    assert trace.a[0][0].tolist() == [1.0, 0.5]
    assert len(trace.a) == len(trace.z) + 1


def test_softmax_is_computed_stably():
    p = softmax(np.array([1010.0, 1000.0, 990.0]))
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-8)
    assert p.sum() == pytest.approx(1.0)


def test_sigmoid_is_finite_and_exact_at_the_extremes():
    z = np.array([-1000.0, -7.0, 0.0, 7.0, 1000.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        a = sigmoid(z)
    assert a[2] == 0.5 and a[0] == 0.0 and a[-1] == 1.0
    assert a[3] == 1 / (1 + np.exp(-7.0))
    assert a[1] == pytest.approx(1 - a[3], abs=1e-16)


def test_mnist_network_parameter_count():
    assert MLP([784, 256, 128, 64, 10]).n_params == 242_762


def test_mean_squared_error_is_the_mean_over_all_elements():
    net = MLP([4, 4], output="identity", dtype=np.float64)
    net.weights[0][...] = np.eye(4)
    net.biases[0][...] = 0
    assert net.loss(np.array([[1.0, 0, 0, 1]]), np.array([[0.0, 0, 0, 0]])) == 0.5
