"""Backpropagation agrees with central finite differences of the loss, for every combination."""

import numpy as np
import pytest

from nnviz.nn import MLP

TRAINABLE = ["sigmoid", "tanh", "relu", "leaky_relu", "identity"]
OUTPUT_LOSS = [("softmax", "ce"), ("softmax", "mse"), ("identity", "mse"), ("sigmoid", "bce"), ("sigmoid", "mse")]


def numerical_gradient(net, X, y, eps=1e-6, **loss_options):
    grads = np.zeros_like(net.params)
    for i in range(net.params.size):
        old = net.params[i]
        net.params[i] = old + eps
        up = net.loss(X, y, **loss_options)
        net.params[i] = old - eps
        down = net.loss(X, y, **loss_options)
        net.params[i] = old
        grads[i] = (up - down) / (2 * eps)
    return grads


def flat(dW, db):
    return np.concatenate([g.ravel() for g in dW] + [g.ravel() for g in db])


def batch_for(output, loss, rng, n_out=3, n=6):
    X = rng.normal(size=(n, 4))
    if loss == "ce":
        return X, rng.integers(0, n_out, n)
    if output == "identity":
        return X, rng.normal(size=(n, n_out))
    return X, rng.uniform(0.05, 0.95, size=(n, n_out))


@pytest.mark.parametrize("activation", TRAINABLE)
@pytest.mark.parametrize("output,loss", OUTPUT_LOSS)
def test_backprop_matches_finite_differences(activation, output, loss):
    rng = np.random.default_rng(1)
    net = MLP([4, 5, 4, 3], activation=activation, output=output, loss=loss, dtype=np.float64, seed=2)
    net.params[...] += rng.normal(scale=0.1, size=net.params.shape)  # biases off zero, ReLU kinks away
    X, y = batch_for(output, loss, rng)
    analytic = flat(*net.gradients(X, y))
    np.testing.assert_allclose(analytic, numerical_gradient(net, X, y), rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("l1,l2", [(0.01, 0.0), (0.0, 0.1), (0.02, 0.05)])
def test_penalties_are_part_of_loss_and_gradient(l1, l2):
    rng = np.random.default_rng(3)
    net = MLP([4, 6, 3], activation="tanh", dtype=np.float64, l1=l1, l2=l2, seed=4)
    X, y = batch_for("softmax", "ce", rng)
    plain = MLP([4, 6, 3], activation="tanh", dtype=np.float64, seed=4)
    W = np.concatenate([w.ravel() for w in net.weights])
    assert net.loss(X, y) == pytest.approx(plain.loss(X, y) + l1 * np.abs(W).sum() + 0.5 * l2 * (W**2).sum())
    np.testing.assert_allclose(flat(*net.gradients(X, y)), numerical_gradient(net, X, y), rtol=1e-5, atol=1e-8)


def test_penalty_coefficients_can_be_given_to_the_loss_call():
    rng = np.random.default_rng(5)
    net = MLP([4, 3], dtype=np.float64)
    X, y = batch_for("softmax", "ce", rng)
    assert net.loss(X, y, l2=0.5) > net.loss(X, y)
    dW, _ = net.gradients(X, y, l2=0.5)
    dW0, _ = net.gradients(X, y)
    np.testing.assert_allclose(dW[0] - dW0[0], 0.5 * net.weights[0])


def test_one_hot_targets_give_the_same_gradient_as_labels():
    rng = np.random.default_rng(6)
    net = MLP([4, 5, 3], dtype=np.float64)
    X, y = batch_for("softmax", "ce", rng)
    onehot = np.eye(3)[y]
    assert net.loss(X, y) == pytest.approx(net.loss(X, onehot))
    np.testing.assert_allclose(flat(*net.gradients(X, y)), flat(*net.gradients(X, onehot)))


def test_float32_gradients_agree_with_float64():
    rng = np.random.default_rng(7)
    net64 = MLP([784, 32, 10], dtype=np.float64, seed=1)
    net32 = MLP([784, 32, 10], dtype=np.float32, seed=1)
    X, y = rng.random((16, 784)), rng.integers(0, 10, 16)
    np.testing.assert_allclose(flat(*net32.gradients(X, y)), flat(*net64.gradients(X, y)), atol=2e-6)
