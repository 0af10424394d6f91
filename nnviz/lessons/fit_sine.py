"""Lesson 4: a 1-2-1 network learning g(p) = 1 + sin(pi p / 4) on [-2, 2].

Sigmoid hidden layer, linear output, squared error, per-sample SGD with learning rate 0.01 (the
classic function-approximation example): the curve bends into shape epoch by epoch. It is a sum:
g(p) = v1 sigmoid(w1 p + b1) + v2 sigmoid(w2 p + b2) + c, and each epoch reports the two terms and c.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from nnviz.nn import MLP, make_optimizer
from nnviz.lessons.lesson import Lesson

LESSON = Lesson("fit-sine", order=4, view="nnviz.app.lesson_views.fit_sine_view:FitSineLessonView")

P = np.linspace(-2.0, 2.0, 100)


def target(p: np.ndarray) -> np.ndarray:
    return 1.0 + np.sin(np.pi * p / 4.0)


@dataclass(frozen=True)
class FitEpoch:
    epoch: int
    loss: float  # mean squared error over the 100 points
    fitted: np.ndarray  # (100,) the network's curve
    parts: np.ndarray  # (2, 100) what each hidden neuron adds: v_j sigmoid(w_j p + b_j)
    bias: float  # the output's bias c: fitted = parts.sum(axis=0) + bias


def fit_sine(epochs: int = 2000, lr: float = 0.01, seed: int = 0, order_seed: int | None = 0) -> Iterator[FitEpoch]:
    """Per-sample SGD over the 100 points (shuffled each epoch when ``order_seed`` is not None)."""
    net = MLP([1, 2, 1], activation="sigmoid", output="identity", dtype=np.float64, seed=seed)
    optimizer = make_optimizer("sgd", lr=lr)
    X, Y = P[:, None], target(P)[:, None]
    rng = np.random.default_rng(order_seed)
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(P)) if order_seed is not None else np.arange(len(P))
        for i in order:
            net.train_step(X[i : i + 1], Y[i : i + 1], optimizer)
        trace = net.forward(X)
        fitted = trace.output[:, 0]
        parts = (trace.a[1] * net.weights[1][:, 0]).T
        yield FitEpoch(epoch, float(np.mean((fitted - Y[:, 0]) ** 2)), fitted, parts, float(net.biases[1][0]))
