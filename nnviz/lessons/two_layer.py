"""Lesson 2: a 2-2-1 network, then the same shape learning to tell gender from weight and height.

Part one is the textbook's forward pass: every neuron has weights [0, 1] and bias 0; x = [2, 3]
gives h1 = h2 = sigmoid(3) and o = sigmoid(h2) = 0.7216325609518421.
Part two trains the network on four people (weight in lb minus 135, height in in minus 66; 1 = female)
with per-sample SGD on the MSE loss, and exposes the decision boundary as it moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from nnviz.nn import MLP, make_optimizer
from nnviz.lessons.lesson import Lesson

LESSON = Lesson("two-layer", order=2, view="nnviz.app.lesson_views.two_layer_view:TwoLayerLessonView")

X_EXAMPLE = np.array([2.0, 3.0])
PEOPLE = ("Alice", "Bob", "Charlie", "Diana")
GENDER_X = np.array([[-2.0, -1.0], [25.0, 6.0], [17.0, 4.0], [-15.0, -6.0]])
GENDER_Y = np.array([[1.0], [0.0], [0.0], [1.0]])


def textbook_network() -> MLP:
    """The 2-2-1 sigmoid network whose every neuron has weights [0, 1] and bias 0."""
    net = MLP([2, 2, 1], activation="sigmoid", output="sigmoid", loss="mse", dtype=np.float64)
    for W, b in zip(net.weights, net.biases):
        W[...] = np.array([[0.0], [1.0]])
        b[...] = 0.0
    return net


@dataclass(frozen=True)
class GenderEpoch:
    epoch: int
    loss: float
    predictions: np.ndarray  # (4,) probability of "female" for each person


def train_gender(epochs: int = 1000, lr: float = 0.1, seed: int = 0) -> Iterator[tuple[MLP, GenderEpoch]]:
    """Per-sample SGD on the four people; yields the network and the epoch's figures after each epoch."""
    net = MLP([2, 2, 1], activation="sigmoid", output="sigmoid", loss="mse", dtype=np.float64, seed=seed)
    optimizer = make_optimizer("sgd", lr=lr)
    for epoch in range(1, epochs + 1):
        for x, y in zip(GENDER_X, GENDER_Y):
            net.train_step(x[None, :], y[None, :], optimizer)
        yield net, GenderEpoch(epoch, net.loss(GENDER_X, GENDER_Y), net.predict_proba(GENDER_X)[:, 0])


def decision_grid(net: MLP, extent: float = 30.0, n: int = 61) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The network's output over a square grid of (weight, height) offsets, for a boundary plot."""
    axis = np.linspace(-extent, extent, n)
    gx, gy = np.meshgrid(axis, axis)
    values = net.predict_proba(np.column_stack([gx.ravel(), gy.ravel()]))[:, 0].reshape(n, n)
    return axis, axis, values
