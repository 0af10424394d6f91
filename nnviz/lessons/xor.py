"""Lesson 5: XOR. A single perceptron cannot separate it; a 2-2-1 network can.

The perceptron learning rule (w += lr (y - y_hat) x) cycles forever on XOR because no line splits
{(0,1), (1,0)} from {(0,0), (1,1)}; a hidden layer bends the boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from nnviz.nn import MLP, make_optimizer
from nnviz.lessons.lesson import Lesson

LESSON = Lesson("xor", order=5, view="nnviz.app.lesson_views.xor_view:XorLessonView")

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([0.0, 1.0, 1.0, 0.0])


def perceptron_epochs(epochs: int = 50, lr: float = 0.1) -> Iterator[tuple[np.ndarray, float, int]]:
    """Rosenblatt's rule on XOR; yields (w, b, mistakes) after each epoch. Mistakes never reach 0."""
    w, b = np.zeros(2), 0.0
    for _ in range(epochs):
        mistakes = 0
        for x, y in zip(X, Y):
            predicted = float(np.dot(w, x) + b > 0)
            if predicted != y:
                mistakes += 1
                w = w + lr * (y - predicted) * x
                b += lr * (y - predicted)
        yield w.copy(), b, mistakes


@dataclass(frozen=True)
class XorEpoch:
    epoch: int
    loss: float
    outputs: np.ndarray  # (4,) the network's output for the four inputs


def train_network(epochs: int = 3000, lr: float = 0.5, seed: int = 1) -> Iterator[tuple[MLP, XorEpoch]]:
    """A 2-2-1 network (tanh hidden, sigmoid output) on XOR: full-batch momentum descent on cross-entropy."""
    net = MLP([2, 2, 1], activation="tanh", output="sigmoid", dtype=np.float64, seed=seed)
    optimizer = make_optimizer("momentum", lr=lr)
    for epoch in range(1, epochs + 1):
        loss = net.train_step(X, Y[:, None], optimizer)
        yield net, XorEpoch(epoch, loss, net.predict_proba(X)[:, 0])
