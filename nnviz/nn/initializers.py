"""Weight initialisation that keeps signals from vanishing or exploding at the start.

He (Kaiming) for the ReLU family, whose units pass only half of their input's variance; Glorot
(Xavier) for sigmoid, tanh and the linear output layer. Biases start at zero.
"""

from __future__ import annotations

import numpy as np

RELU_FAMILY = ("relu", "leaky_relu")


def init_weights(n_in: int, n_out: int, activation: str, rng: np.random.Generator) -> np.ndarray:
    """A float64 (n_in, n_out) weight matrix drawn for a layer followed by ``activation``."""
    if activation in RELU_FAMILY:
        return rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_in, n_out))
    limit = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-limit, limit, size=(n_in, n_out))
