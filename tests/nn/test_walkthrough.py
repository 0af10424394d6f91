"""Slow motion's arithmetic: one sample's forward and backward pass, step by step, equals the network's
own fused computation, the chain rule as the textbooks write it, and finite differences."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.errors import ConfigError
from nnviz.nn import MLP
from nnviz.nn.activations import get_activation
from nnviz.nn.walkthrough import BackwardStep, ForwardStep, walkthrough


def sample(n, seed=0):
    return np.random.default_rng(seed).random(n)


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "tanh", "leaky_relu"])
def test_the_forward_steps_are_the_networks_forward_pass(activation):
    net = MLP([784, 32, 16, 10], activation=activation, seed=1)
    x = sample(784).astype(np.float32)
    walk = walkthrough(net, x, target=3)
    trace = net.forward(x[None])
    assert [s.layer for s in walk.forward] == [1, 2, 3]
    assert [s.activation for s in walk.forward] == [activation, activation, "softmax"]
    for l, step in enumerate(walk.forward):
        assert isinstance(step, ForwardStep)
        np.testing.assert_allclose(step.z, trace.z[l][0], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(step.a, trace.a[l + 1][0], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(step.a_prev, trace.a[l][0], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(step.contributions.sum(axis=0) + step.b, step.z, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(walk.trace.a[-1], trace.a[-1], rtol=1e-5)
    assert walk.prediction == int(trace.a[-1][0].argmax())
    assert walk.loss == pytest.approx(net.loss(x[None], [3], l1=0, l2=0), rel=1e-5)


def test_the_backward_steps_are_the_networks_gradients_from_the_output_back():
    net = MLP([784, 32, 16, 10], seed=2)
    x = sample(784, 1).astype(np.float32)
    walk = walkthrough(net, x, target=7, learning_rate=0.05)
    dW, db = net.gradients(x[None], [7], l1=0, l2=0)
    assert [s.layer for s in walk.backward] == [3, 2, 1]
    assert len(walk.steps) == 6
    for step in walk.backward:
        assert isinstance(step, BackwardStep)
        np.testing.assert_allclose(step.dW, dW[step.layer - 1], rtol=1e-4, atol=1e-7)
        np.testing.assert_allclose(step.db, db[step.layer - 1], rtol=1e-4, atol=1e-7)
        np.testing.assert_allclose(step.W_change, -0.05 * step.dW)
        np.testing.assert_allclose(step.b_change, -0.05 * step.db)
        assert walk.backward_of(step.layer) is step


def test_the_deltas_follow_the_textbook_recursion():
    """delta[L] = p - y for softmax and cross-entropy; delta[l] = (W[l+1] delta[l+1]) * f'(z[l])."""
    net = MLP([20, 8, 6, 4], activation="sigmoid", seed=3, dtype=np.float64)
    walk = walkthrough(net, sample(20, 2), target=2)
    p = walk.forward[-1].a
    np.testing.assert_allclose(walk.backward_of(3).delta, p - np.eye(4)[2], rtol=1e-12)
    sigmoid = get_activation("sigmoid")
    for l in (2, 1):
        upper = walk.backward_of(l + 1)
        z = walk.forward[l - 1].z
        expected = (net.weights[l] @ upper.delta) * sigmoid.derivative(z)
        np.testing.assert_allclose(walk.backward_of(l).delta, expected, rtol=1e-12)
        np.testing.assert_allclose(walk.backward_of(l).dW, np.outer(walk.forward[l - 1].a_prev, expected), rtol=1e-12)


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_the_gradients_match_finite_differences_on_a_tiny_network(activation):
    net = MLP([4, 3, 2], activation=activation, seed=4, dtype=np.float64)
    x = np.array([0.3, -0.8, 0.5, 0.9])
    walk = walkthrough(net, x, target=1)
    eps = 1e-6
    for l, (W, b) in enumerate(zip(net.weights, net.biases)):
        step = walk.backward_of(l + 1)
        for params, gradient in ((W, step.dW), (b, step.db)):
            numeric = np.zeros_like(params)
            for index in np.ndindex(params.shape):
                keep = params[index]
                params[index] = keep + eps
                up = walkthrough(net, x, 1).loss
                params[index] = keep - eps
                down = walkthrough(net, x, 1).loss
                params[index] = keep
                numeric[index] = (up - down) / (2 * eps)
            np.testing.assert_allclose(gradient, numeric, rtol=1e-5, atol=1e-8)


def test_descriptions_name_the_layer_and_its_numbers():
    net = MLP([4, 3, 2], seed=0, dtype=np.float64)
    walk = walkthrough(net, [1.0, 0.0, 0.5, 0.2], target=0)
    first = walk.forward[0]
    assert first.description.startswith("forward, layer 1") and f"{first.a.max():.4g}" in first.description
    out = walk.backward[0]
    i, j = out.largest_gradient
    assert abs(out.dW[i, j]) == np.abs(out.dW).max()
    assert out.description.startswith("backward, layer 2") and f"{out.W_change[i, j]:+.4g}" in out.description


def test_a_wrong_input_or_label_is_a_clear_error():
    net = MLP([4, 3, 2], seed=0)
    with pytest.raises(ConfigError, match="4 values"):
        walkthrough(net, np.zeros(5), 0)
    with pytest.raises(ConfigError, match="0..1"):
        walkthrough(net, np.zeros(4), 2)
