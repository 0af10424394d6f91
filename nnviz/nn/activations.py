"""Hidden-layer activation functions, each with its derivative beside it.

Every activation is a small object with

- ``forward(z, out)``: ``a = f(z)``, written into ``out`` (which may be ``z`` itself), and
- ``backward(delta, z, a)``: multiplies ``delta`` in place by ``f'(z)``, using whichever of ``z`` or
  ``a`` is cheaper (sigmoid and tanh need only ``a``; ReLU only the sign of ``a``).

Arrays are batch-first ``(batch, n)``. The in-place form is what makes the training loop allocation-free.
"""

from __future__ import annotations

import numpy as np

from nnviz.errors import ConfigError, TrainingError

LEAKY_SLOPE = 0.01


def sigmoid(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Logistic function 1 / (1 + e^-z), stable for large |z| (no overflow warnings)."""
    if out is None:
        out = np.empty_like(z)
    positive = z >= 0
    # For z >= 0 the textbook form is exact; for z < 0 use e^z / (1 + e^z) so e^-z never overflows.
    np.exp(-np.abs(z), out=out)
    np.divide(1.0, 1.0 + out, out=out, where=positive)
    np.divide(out, 1.0 + out, out=out, where=~positive)
    return out


class Activation:
    """An element-wise nonlinearity ``a = f(z)`` and its derivative."""

    name: str = ""
    trainable: bool = True
    untrainable_reason: str = ""

    def forward(self, z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        raise NotImplementedError

    def backward(self, delta: np.ndarray, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """``delta *= f'(z)`` in place, and return it."""
        raise NotImplementedError

    def derivative(self, z: np.ndarray) -> np.ndarray:
        """``f'(z)`` as a new array (for lessons and plots; training uses :meth:`backward`)."""
        return self.backward(np.ones_like(z), z, self.forward(z))

    def __repr__(self) -> str:
        return f"<activation {self.name}>"


class Sigmoid(Activation):
    name = "sigmoid"

    def forward(self, z, out=None):
        return sigmoid(z, out)

    def backward(self, delta, z, a):
        # sigma'(z) = a (1 - a)
        delta *= a
        delta *= 1.0 - a
        return delta


class Tanh(Activation):
    name = "tanh"

    def forward(self, z, out=None):
        return np.tanh(z, out=out)

    def backward(self, delta, z, a):
        # tanh'(z) = 1 - a^2
        delta *= 1.0 - a * a
        return delta


class ReLU(Activation):
    name = "relu"

    def forward(self, z, out=None):
        return np.maximum(z, 0, out=out)

    def backward(self, delta, z, a):
        # relu'(z) = 1 where z > 0; a > 0 exactly there, so ``z`` may have been overwritten by ``a``.
        np.multiply(delta, a > 0, out=delta)
        return delta


class LeakyReLU(Activation):
    name = "leaky_relu"

    def __init__(self, slope: float = LEAKY_SLOPE):
        self.slope = slope

    def forward(self, z, out=None):
        # For 0 < slope < 1, leaky(z) = max(z, slope * z).
        return np.maximum(z, z * self.slope, out=out)

    def backward(self, delta, z, a):
        # a > 0 exactly where z > 0 (slope > 0), so the sign of ``a`` is enough.
        np.multiply(delta, self.slope, out=delta, where=a <= 0)
        return delta


class Identity(Activation):
    name = "identity"

    def forward(self, z, out=None):
        if out is None:
            return z.copy()
        if out is not z:
            out[...] = z
        return out

    def backward(self, delta, z, a):
        return delta


class Step(Activation):
    """The perceptron's threshold: 1 where z > 0, else 0. Its derivative is zero almost everywhere."""

    name = "step"
    trainable = False
    untrainable_reason = (
        "the step activation has no useful gradient (it is zero almost everywhere), so "
        "backpropagation cannot train it; use 'sigmoid' (its smooth version) to train"
    )

    def forward(self, z, out=None):
        if out is None:
            out = np.empty_like(z)
        np.greater(z, 0, out=out, casting="unsafe")
        return out

    def backward(self, delta, z, a):
        raise TrainingError(self.untrainable_reason)


ACTIVATIONS: dict[str, type[Activation]] = {
    cls.name: cls for cls in (Sigmoid, Tanh, ReLU, LeakyReLU, Identity, Step)
}


def get_activation(name: str) -> Activation:
    """The activation called ``name`` (one of :data:`ACTIVATIONS`)."""
    try:
        return ACTIVATIONS[name]()
    except (KeyError, TypeError):
        raise ConfigError(
            f"unknown activation {name!r}; choose one of: {', '.join(ACTIVATIONS)}"
        ) from None
