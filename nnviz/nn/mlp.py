"""The multilayer perceptron: forward propagation layer by layer, and backpropagation by the chain rule.

Notation follows the classic introductions: for layer l = 1..L,

    z[l] = a[l-1] @ W[l] + b[l]        (batch, n_l)
    a[l] = f(z[l])                     f = hidden activation, or the output function at l = L

and backward, with delta[l] = dLoss/dz[l],

    delta[L]   = output_delta(...)                    fused softmax + cross-entropy: (p - y) / batch
    dW[l]      = a[l-1].T @ delta[l],   db[l] = sum over the batch of delta[l]
    delta[l-1] = (delta[l] @ W[l].T) * f'(z[l-1])

All parameters live in one flat array (weights first, then biases) and ``weights[i]`` / ``biases[i]``
are views into it. That lets an optimizer update all 242,762 numbers of the MNIST net in one pass
of a few vectorised operations, and L1/L2 penalties act on one contiguous block of weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from nnviz.errors import ConfigError, TrainingError
from nnviz.nn.activations import get_activation
from nnviz.nn.initializers import init_weights
from nnviz.nn.losses import (
    check_labels,
    check_output_and_loss,
    loss_value,
    output_delta,
    output_forward,
)


@dataclass(frozen=True)
class Trace:
    """What one forward pass computed: ``z[l]`` for l = 1..L (stored at index l-1) and ``a[0..L]``.

    ``a[0]`` is the input and ``a[-1]`` the output, so ``len(a) == len(z) + 1``.
    """

    z: tuple[np.ndarray, ...]
    a: tuple[np.ndarray, ...]

    @property
    def output(self) -> np.ndarray:
        return self.a[-1]


class ParamList(list):
    """A list of views into the flat parameter array. Assigning an item copies into the view,
    so ``net.weights[0] = new`` and ``net.weights[0][...] = new`` both keep the network consistent."""

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            raise TypeError("assign parameters one array at a time")
        target = list.__getitem__(self, index)
        value = np.asarray(value)
        if value.shape != target.shape:
            raise ConfigError(f"parameter {index} has shape {target.shape}, got {value.shape}")
        target[...] = value


class _Buffers:
    """Preallocated activations and deltas for one batch size, so training allocates nothing."""

    def __init__(self, sizes: Sequence[int], batch: int, dtype):
        self.batch = batch
        # h[l] holds z[l] and then, in place, a[l] (every hidden backward needs only a).
        self.h = [np.empty((batch, n), dtype) for n in sizes[1:]]
        self.p = np.empty((batch, sizes[-1]), dtype)
        self.delta = [np.empty((batch, n), dtype) for n in sizes[1:]]
        self.rows = np.arange(batch)


class MLP:
    """A fully connected feed-forward network ``sizes[0] -> ... -> sizes[-1]``.

    ``activation`` is used by every hidden layer, ``output`` by the last one. ``loss`` defaults to the
    natural partner of the output (softmax: ce, sigmoid: bce, identity: mse). ``l1`` and ``l2`` are the
    penalty coefficients on the weights (not biases): loss += l1 * sum|W| + l2 / 2 * sum W^2, so that
    the L2 gradient is ``l2 * W``, as torch's ``weight_decay``.
    """

    def __init__(
        self,
        sizes: Sequence[int],
        activation: str = "relu",
        output: str = "softmax",
        seed: int | np.random.Generator | None = 0,
        dtype=np.float32,
        *,
        loss: str | None = None,
        l1: float = 0.0,
        l2: float = 0.0,
    ):
        self.sizes = _check_sizes(sizes)
        self.dtype = _check_dtype(dtype)
        self.activation = get_activation(activation).name
        self._act = get_activation(activation)
        self.loss_name = check_output_and_loss(output, loss)
        self.output = output
        self.l1, self.l2 = _check_penalty(l1, "l1"), _check_penalty(l2, "l2")
        self.metadata: dict = {}
        self.last_batch_correct = 0  # how many of the last training batch were classified right

        shapes = list(zip(self.sizes[:-1], self.sizes[1:]))
        self._n_weights = sum(i * o for i, o in shapes)
        self._params = np.zeros(self.n_params, self.dtype)
        self._grads = np.zeros(self.n_params, self.dtype)
        self._weights, self._biases = _views(self._params, shapes)
        self._dW, self._db = _views(self._grads, shapes)
        self._buffers: _Buffers | None = None

        rng = np.random.default_rng(seed)
        for l, (n_in, n_out) in enumerate(shapes):
            is_output = l == len(shapes) - 1
            self._weights[l][...] = init_weights(
                n_in, n_out, "identity" if is_output else self.activation, rng
            )

    # ------------------------------------------------------------------ structure
    @property
    def weights(self) -> ParamList:
        """``weights[l]``: (n_in, n_out) array of layer l+1, a view that may be assigned in place."""
        return self._weights

    @weights.setter
    def weights(self, values):
        for l, w in enumerate(values):
            self._weights[l] = w

    @property
    def biases(self) -> ParamList:
        """``biases[l]``: (n_out,) array of layer l+1, a view that may be assigned in place."""
        return self._biases

    @biases.setter
    def biases(self, values):
        for l, b in enumerate(values):
            self._biases[l] = b

    @property
    def last_weight_gradients(self) -> ParamList:
        """dLoss/dW of the last training step (or :meth:`gradients` call), per layer; read-only use."""
        return self._dW

    @property
    def n_params(self) -> int:
        return sum(i * o + o for i, o in zip(self.sizes[:-1], self.sizes[1:]))

    @property
    def n_layers(self) -> int:
        """Number of weight layers (hidden layers + the output layer)."""
        return len(self.sizes) - 1

    @property
    def params(self) -> np.ndarray:
        """All parameters as one flat array (weights of every layer, then biases); a live view."""
        return self._params

    def __repr__(self) -> str:
        arch = "-".join(map(str, self.sizes))
        return f"MLP({arch}, activation={self.activation!r}, output={self.output!r}, dtype={self.dtype.name})"

    def freeze(self) -> "MLP":
        """Make the parameters read-only (a network shared with views that must not change under them);
        forward and backward passes still work, and :meth:`copy` gives a writable twin."""
        for array in (self._params, *self._weights, *self._biases):
            array.flags.writeable = False
        return self

    def copy(self) -> "MLP":
        """An independent network with the same architecture and parameters."""
        twin = MLP.__new__(MLP)
        twin.__dict__.update(self.__dict__)
        twin.metadata = dict(self.metadata)
        twin._params = self._params.copy()
        twin._grads = np.zeros_like(self._grads)
        shapes = list(zip(self.sizes[:-1], self.sizes[1:]))
        twin._weights, twin._biases = _views(twin._params, shapes)
        twin._dW, twin._db = _views(twin._grads, shapes)
        twin._buffers = None
        return twin

    # ------------------------------------------------------------------ forward
    def forward(self, X) -> Trace:
        """Propagate ``X`` (batch, n_in) layer by layer and keep every z and a (fresh arrays)."""
        a = self._as_input(X)
        zs, activations = [], [a]
        for l in range(self.n_layers):
            z = a @ self._weights[l]
            z += self._biases[l]
            if l < self.n_layers - 1:
                a = self._act.forward(z)
            else:
                a = output_forward(self.output, z)
            zs.append(z)
            activations.append(a)
        return Trace(z=tuple(zs), a=tuple(activations))

    def predict_proba(self, X) -> np.ndarray:
        """The network's output for ``X``; a single sample (n_in,) gives a single row (n_out,)."""
        single = np.ndim(X) == 1
        out = self.forward(X).a[-1]
        return out[0] if single else out

    def predict(self, X) -> np.ndarray:
        """Predicted class: argmax of the output (threshold 0.5 for a single sigmoid unit)."""
        proba = self.predict_proba(X)
        if proba.shape[-1] == 1:
            return (proba[..., 0] > 0.5).astype(np.int64)
        return proba.argmax(axis=-1)

    # ------------------------------------------------------------------ loss and gradients
    def loss(self, X, y, *, loss: str | None = None, l1: float | None = None, l2: float | None = None) -> float:
        """Mean loss of the batch plus the weight penalties."""
        return self.trace_loss(self.forward(X), y, loss=loss, l1=l1, l2=l2)

    def trace_loss(self, trace: Trace, y, *, loss: str | None = None, l1: float | None = None,
                   l2: float | None = None) -> float:
        """:meth:`loss` of a forward pass already made (``trace = net.forward(X)``), so that one pass can
        give both the loss and the predictions."""
        loss = check_output_and_loss(self.output, loss or self.loss_name)
        value = loss_value(loss, self.output, trace.z[-1], trace.a[-1], self._as_targets(y, loss))
        return value + self._penalty(self._l1(l1), self._l2(l2))

    def penalty(self) -> float:
        """What the weight penalties add to the loss at the network's own ``l1`` and ``l2``."""
        return self._penalty(self.l1, self.l2)

    def gradients(
        self, X, y, *, loss: str | None = None, l1: float | None = None, l2: float | None = None
    ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """``(dW, db)``: the gradient of :meth:`loss` for every weight and bias, by backpropagation."""
        self._backprop(X, y, loss, l1, l2)
        return [g.copy() for g in self._dW], [g.copy() for g in self._db]

    def train_step(self, X, y, optimizer) -> float:
        """One forward pass, one backward pass and one optimizer update; returns the batch loss
        (as it was before the update)."""
        value = self._backprop(X, y, None, None, None)
        optimizer.update(self._params, self._grads)
        return value

    def _backprop(self, X, y, loss, l1, l2) -> float:
        """Fill the flat gradient array and return the loss; the hot path of training."""
        if not self._act.trainable and self.n_layers > 1:
            raise TrainingError(self._act.untrainable_reason)
        loss = check_output_and_loss(self.output, loss or self.loss_name)
        X = self._as_input(X)
        y = self._as_targets(y, loss)
        if len(y) != len(X):
            raise ConfigError(f"got {len(X)} inputs but {len(y)} targets")
        buf = self._buffers_for(len(X))
        self._forward_train(X, buf)
        value = self._output_loss_and_delta(loss, y, buf)
        self._backward_train(X, buf)
        l1, l2 = self._l1(l1), self._l2(l2)
        if l1 or l2:
            value += self._penalty(l1, l2)
            self._add_penalty_gradient(l1, l2)
        return value

    def _forward_train(self, X, buf: _Buffers) -> None:
        """Forward pass into the buffers; the output layer's z is left in ``buf.h[-1]``."""
        a = X
        last = self.n_layers - 1
        for l in range(self.n_layers):
            h = buf.h[l]
            np.matmul(a, self._weights[l], out=h)
            h += self._biases[l]
            if l < last:
                self._act.forward(h, out=h)
            a = h

    def _output_loss_and_delta(self, loss, y, buf: _Buffers) -> float:
        z, delta = buf.h[-1], buf.delta[-1]
        if loss == "ce" and self.output == "softmax" and y.ndim == 1:
            # Fused, stable softmax + cross-entropy: loss from log-sum-exp, delta = (p - onehot) / n.
            self.last_batch_correct = int(np.count_nonzero(z.argmax(axis=1) == y))
            z -= z.max(axis=1, keepdims=True)
            np.exp(z, out=delta)
            total = delta.sum(axis=1)
            delta /= total[:, None]
            value = float(np.log(total).mean() - z[buf.rows, y].mean())
            delta[buf.rows, y] -= 1
            delta *= 1.0 / len(y)
            return value
        a = output_forward(self.output, z, out=buf.p)
        self.last_batch_correct = _count_correct(a, y)
        value = loss_value(loss, self.output, z, a, y)
        output_delta(loss, self.output, z, a, y, out=delta)
        return value

    def _backward_train(self, X, buf: _Buffers) -> None:
        for l in range(self.n_layers - 1, -1, -1):
            delta = buf.delta[l]
            a_prev = X if l == 0 else buf.h[l - 1]
            np.matmul(a_prev.T, delta, out=self._dW[l])
            np.sum(delta, axis=0, out=self._db[l])
            if l > 0:  # the input layer needs no delta
                np.matmul(delta, self._weights[l].T, out=buf.delta[l - 1])
                self._act.backward(buf.delta[l - 1], None, buf.h[l - 1])

    # ------------------------------------------------------------------ regularisation
    def _l1(self, value):
        return self.l1 if value is None else _check_penalty(value, "l1")

    def _l2(self, value):
        return self.l2 if value is None else _check_penalty(value, "l2")

    def _penalty(self, l1: float, l2: float) -> float:
        W = self._params[: self._n_weights]
        value = 0.0
        if l1:
            value += l1 * float(np.abs(W).sum(dtype=np.float64))
        if l2:
            value += 0.5 * l2 * float(np.dot(W, W))
        return value

    def _add_penalty_gradient(self, l1: float, l2: float) -> None:
        W, dW = self._params[: self._n_weights], self._grads[: self._n_weights]
        if l1:
            dW += l1 * np.sign(W)
        if l2:
            dW += l2 * W

    # ------------------------------------------------------------------ inputs
    def _as_input(self, X) -> np.ndarray:
        X = np.asarray(X)
        if X.ndim == 1:
            X = X[None, :]
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ConfigError(
                f"the network takes inputs of {self.sizes[0]} values per sample, got shape {X.shape}"
            )
        return np.ascontiguousarray(X, dtype=self.dtype)

    def _as_targets(self, y, loss: str) -> np.ndarray:
        y = np.asarray(y)
        if loss == "ce" and y.ndim == 1:
            return check_labels(y, self.sizes[-1])
        return y.astype(self.dtype, copy=False) if y.dtype.kind == "f" else y

    def _buffers_for(self, batch: int) -> _Buffers:
        if self._buffers is None or self._buffers.batch != batch:
            self._buffers = _Buffers(self.sizes, batch, self.dtype)
        return self._buffers

    # ------------------------------------------------------------------ files
    def save(self, path, metadata: dict | None = None, attachments: dict[str, np.ndarray] | None = None) -> None:
        """Write the network to a ``.npz`` file atomically (see :mod:`nnviz.nn.model_file`)."""
        from nnviz.nn.model_file import save_model

        save_model(self, path, metadata, attachments)

    @classmethod
    def load(cls, path) -> "MLP":
        """Read a network written by :meth:`save`; any problem raises :class:`ModelFileError`."""
        from nnviz.nn.model_file import load_model

        return load_model(path, cls)


def _count_correct(a: np.ndarray, y: np.ndarray) -> int:
    if a.shape[1] == 1:
        return int(np.count_nonzero((a[:, 0] > 0.5) == (y.reshape(len(y), -1)[:, 0] > 0.5)))
    labels = y if y.ndim == 1 else y.argmax(axis=1)
    return int(np.count_nonzero(a.argmax(axis=1) == labels))


def _views(flat: np.ndarray, shapes) -> tuple[ParamList, ParamList]:
    weights, biases, start = [], [], 0
    for n_in, n_out in shapes:
        weights.append(flat[start : start + n_in * n_out].reshape(n_in, n_out))
        start += n_in * n_out
    for _, n_out in shapes:
        biases.append(flat[start : start + n_out])
        start += n_out
    return ParamList(weights), ParamList(biases)


def _check_sizes(sizes) -> tuple[int, ...]:
    try:
        sizes = tuple(int(s) for s in sizes)
    except (TypeError, ValueError):
        raise ConfigError(f"layer sizes must be whole numbers, got {sizes!r}") from None
    if len(sizes) < 2 or min(sizes) < 1:
        raise ConfigError(f"a network needs at least an input and an output layer of size >= 1, got {sizes}")
    return sizes


def _check_dtype(dtype) -> np.dtype:
    dtype = np.dtype(dtype)
    if dtype not in (np.float32, np.float64):
        raise ConfigError(f"the network computes in float32 or float64, not {dtype}")
    return dtype


def _check_penalty(value, name: str) -> float:
    value = float(value)
    if not np.isfinite(value) or value < 0:
        raise ConfigError(f"{name} must be a finite number >= 0, got {value}")
    return value
