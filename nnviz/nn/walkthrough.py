"""One forward pass and one backward pass of a single input, written out step by step for slow motion.

Forward, for l = 1..L:   z[l] = a[l-1] @ W[l] + b[l],   a[l] = f(z[l])
Backward, for l = L..1:  delta[L] = dLoss/dz[L] (softmax + cross-entropy: p - y),
                         delta[l] = (W[l+1] @ delta[l+1]) * f'(z[l]),
                         dW[l] = outer(a[l-1], delta[l]),  db[l] = delta[l],
                         and one SGD step would change W[l] by -learning_rate * dW[l].

The MLP does the same in a few fused, in-place operations over a batch; this module keeps every
intermediate of ONE sample as its own array, so that a view can show them one at a time and the tests
can check each against the MLP and against finite differences. ``W`` is (n_in, n_out) as in
:class:`nnviz.nn.MLP`, so ``dW`` is ``outer(a_prev, delta)`` (the textbook's ``outer(delta, a_prev)``
transposed). The loss is the network's data loss; L1/L2 penalties are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.errors import ConfigError
from nnviz.nn.activations import get_activation
from nnviz.nn.losses import check_labels, loss_value, output_delta, output_forward
from nnviz.nn.mlp import MLP, Trace


@dataclass(frozen=True, eq=False)
class ForwardStep:
    """Layer ``layer`` (1..L) computes ``z = a_prev @ W + b`` and ``a = activation(z)``.

    W: (n_in, n_out); b, z, a: (n_out,); a_prev: (n_in,).
    """

    layer: int
    W: np.ndarray
    b: np.ndarray
    a_prev: np.ndarray
    z: np.ndarray
    a: np.ndarray
    activation: str

    @property
    def contributions(self) -> np.ndarray:
        """(n_in, n_out): ``W[i, j] * a_prev[i]``, what flows from neuron i into neuron j."""
        return self.W * self.a_prev[:, None]

    @property
    def description(self) -> str:
        top = int(np.argmax(self.a))
        return (f"forward, layer {self.layer}: z = W·a + b for {len(self.z)} neurons, a = {self.activation}(z); "
                f"largest a[{top}] = {self.a[top]:.4g}")


@dataclass(frozen=True, eq=False)
class BackwardStep:
    """Layer ``layer`` (L..1): its ``delta = dLoss/dz``, the gradient ``dW = outer(a_prev, delta)`` and
    ``db = delta``, and what one SGD step with ``learning_rate`` would add to W and b.

    delta, db, b_change: (n_out,); dW, W_change: (n_in, n_out).
    """

    layer: int
    delta: np.ndarray
    dW: np.ndarray
    db: np.ndarray
    learning_rate: float

    @property
    def W_change(self) -> np.ndarray:
        return -self.learning_rate * self.dW

    @property
    def b_change(self) -> np.ndarray:
        return -self.learning_rate * self.db

    @property
    def largest_gradient(self) -> tuple[int, int]:
        """(i, j) of the largest |dW[i, j]|."""
        return tuple(int(i) for i in np.unravel_index(np.argmax(np.abs(self.dW)), self.dW.shape))

    @property
    def description(self) -> str:
        i, j = self.largest_gradient
        return (f"backward, layer {self.layer}: delta = dLoss/dz for {len(self.delta)} neurons, "
                f"largest |dW| = {abs(self.dW[i, j]):.4g} at ({i}, {j}), SGD changes it by {self.W_change[i, j]:+.4g}")


@dataclass(frozen=True, eq=False)
class Walkthrough:
    """Everything one forward and one backward pass of ``x`` (n_in,) with label ``target`` computed."""

    x: np.ndarray
    target: int
    learning_rate: float
    loss: float
    output: str  # the output function: "softmax", "sigmoid" or "identity"
    forward: tuple[ForwardStep, ...]
    backward: tuple[BackwardStep, ...]  # from the output layer back to the first

    @property
    def steps(self) -> tuple[ForwardStep | BackwardStep, ...]:
        return self.forward + self.backward

    @property
    def trace(self) -> Trace:
        """The forward pass as a batch-of-one :class:`Trace`, as ``MLP.forward`` returns it."""
        return Trace(z=tuple(s.z[None] for s in self.forward),
                     a=(self.x[None],) + tuple(s.a[None] for s in self.forward))

    @property
    def prediction(self) -> int:
        return int(np.argmax(self.forward[-1].a))

    def backward_of(self, layer: int) -> BackwardStep:
        """The backward step of ``layer`` (1..L)."""
        return self.backward[len(self.backward) - layer]


def walkthrough(net: MLP, x, target: int, learning_rate: float = 0.1) -> Walkthrough:
    """Run ``x`` (n_in,) through ``net`` one layer at a time and back, for the class label ``target``."""
    x = np.asarray(x, dtype=net.dtype).reshape(-1)
    if x.size != net.sizes[0]:
        raise ConfigError(f"the network takes inputs of {net.sizes[0]} values, got {x.size}")
    y = check_labels(np.array([target]), net.sizes[-1])
    hidden = get_activation(net.activation)
    forward, a = [], x
    for l in range(net.n_layers):
        W, b = np.array(net.weights[l]), np.array(net.biases[l])
        z = a @ W + b
        is_output = l == net.n_layers - 1
        f_z = output_forward(net.output, z[None])[0] if is_output else hidden.forward(z)
        forward.append(ForwardStep(l + 1, W, b, a, z, f_z, net.output if is_output else net.activation))
        a = f_z

    last = forward[-1]
    loss = loss_value(net.loss_name, net.output, last.z[None], last.a[None], y)
    delta = output_delta(net.loss_name, net.output, last.z[None], last.a[None], y)[0]
    backward = []
    for step in reversed(forward):
        backward.append(BackwardStep(step.layer, delta, np.outer(step.a_prev, delta), delta.copy(), float(learning_rate)))
        if step.layer > 1:
            before = forward[step.layer - 2]
            delta = hidden.backward(step.W @ delta, before.z, before.a)
    return Walkthrough(x, int(target), float(learning_rate), float(loss), net.output, tuple(forward), tuple(backward))
