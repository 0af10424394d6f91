"""Small separable training data for the training tests: the class is which block of 78 pixels is brightest.

A plain importable function, so that the training process (started by "spawn") can load it too."""

from __future__ import annotations

import numpy as np

from nnviz.appmodel.training_session import TrainingData


def toy_data(n=512, n_test=64, seed=0) -> TrainingData:
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 10, n + n_test)
    x = rng.random((n + n_test, 784), dtype=np.float32) * 0.3
    for i, label in enumerate(y):
        x[i, label * 78:(label + 1) * 78] += 0.7
    return TrainingData(x[:n], y[:n], x[n:], y[n:])
