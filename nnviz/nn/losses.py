"""Output functions, losses, and the gradient of the loss with respect to the output layer's z.

Softmax with cross-entropy and sigmoid with binary cross-entropy are computed from ``z`` (log-sum-exp
and softplus), so they stay finite for any logits. Their gradients fuse into ``(a - y) / size``, which
is why :func:`output_delta` takes ``z`` and ``a`` together rather than chaining two Jacobians.
"""

from __future__ import annotations

import numpy as np

from nnviz.errors import ConfigError
from nnviz.nn.activations import Identity, sigmoid


def softmax(z: np.ndarray, axis: int = -1, out: np.ndarray | None = None) -> np.ndarray:
    """e^z / sum(e^z), shifted by max(z) first so that e^z cannot overflow."""
    z = np.asarray(z)
    if out is None:
        out = np.empty_like(z, dtype=np.result_type(z.dtype, np.float32))
    np.subtract(z, z.max(axis=axis, keepdims=True), out=out)
    np.exp(out, out=out)
    out /= out.sum(axis=axis, keepdims=True)
    return out


def log_softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """log softmax(z) = z - logsumexp(z), never log(0)."""
    shifted = z - z.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def softplus(z: np.ndarray) -> np.ndarray:
    """log(1 + e^z) without overflow."""
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


OUTPUTS = ("softmax", "sigmoid", "identity")
LOSSES = ("ce", "mse", "bce")
DEFAULT_LOSS = {"softmax": "ce", "sigmoid": "bce", "identity": "mse"}
ALLOWED_LOSSES = {"softmax": ("ce", "mse"), "sigmoid": ("bce", "mse"), "identity": ("mse",)}


def check_output_and_loss(output: str, loss: str | None) -> str:
    """The loss to use with ``output`` (its natural one when ``loss`` is None)."""
    if output not in OUTPUTS:
        raise ConfigError(f"unknown output {output!r}; choose one of: {', '.join(OUTPUTS)}")
    if loss is None:
        return DEFAULT_LOSS[output]
    if loss not in ALLOWED_LOSSES[output]:
        raise ConfigError(
            f"loss {loss!r} does not fit a {output} output; use one of: "
            f"{', '.join(ALLOWED_LOSSES[output])}"
        )
    return loss


def output_forward(output: str, z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """The output layer's activation: softmax, sigmoid or identity."""
    if output == "softmax":
        return softmax(z, out=out)
    if output == "sigmoid":
        return sigmoid(z, out)
    return Identity().forward(z, out)


def as_targets(y: np.ndarray, like: np.ndarray) -> np.ndarray:
    """Targets shaped like the output ``like``: integer labels become one-hot rows."""
    y = np.asarray(y)
    if y.ndim == 1 and like.ndim == 2 and like.shape[1] == 1:
        return y.reshape(-1, 1).astype(like.dtype, copy=False)
    if y.ndim == 1:
        labels = check_labels(y, like.shape[1])
        onehot = np.zeros_like(like)
        onehot[np.arange(len(labels)), labels] = 1
        return onehot
    if y.shape != like.shape:
        raise ConfigError(f"targets have shape {y.shape} but the network outputs {like.shape}")
    return y.astype(like.dtype, copy=False)


def check_labels(y: np.ndarray, n_classes: int) -> np.ndarray:
    """``y`` as integer class labels in [0, n_classes), or a clear error."""
    y = np.asarray(y)
    if y.dtype.kind not in "iu":
        if y.dtype.kind == "f" and np.all(np.isfinite(y)) and np.all(y == np.round(y)):
            y = y.astype(np.int64)
        else:
            raise ConfigError("class labels must be integers 0..n_classes-1")
    if y.size and (y.min() < 0 or y.max() >= n_classes):
        raise ConfigError(f"class labels must lie in 0..{n_classes - 1}, got {y.min()}..{y.max()}")
    return y


def loss_value(loss: str, output: str, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> float:
    """Mean loss of a batch: cross-entropy over samples, MSE and BCE over all elements."""
    if loss == "ce":
        labels = check_labels(y, z.shape[1]) if np.asarray(y).ndim == 1 else None
        logp = log_softmax(z)
        if labels is not None:
            return float(-logp[np.arange(len(labels)), labels].mean())
        return float(-(as_targets(y, a) * logp).sum(axis=1).mean())
    target = as_targets(y, a)
    if loss == "mse":
        return float(np.mean((a - target) ** 2))
    # bce from z: mean(softplus(z) - y z) == mean(-(y log a + (1 - y) log(1 - a)))
    return float(np.mean(softplus(z) - target * z))


def output_delta(
    loss: str, output: str, z: np.ndarray, a: np.ndarray, y: np.ndarray, out: np.ndarray | None = None
) -> np.ndarray:
    """dLoss/dz of the output layer, for a batch-mean loss.

    The fused cases (softmax+ce, sigmoid+bce, identity+mse) are ``(a - y) / size`` up to a factor;
    the others multiply dLoss/da by the output's Jacobian (softmax's is not diagonal).
    """
    if out is None:
        out = np.empty_like(a)
    n = a.shape[0]
    if loss == "ce" and np.asarray(y).ndim == 1:
        out[...] = a
        out[np.arange(n), y] -= 1
        out /= n
        return out
    target = as_targets(y, a)
    np.subtract(a, target, out=out)
    if loss == "ce" or loss == "bce":
        out /= n if loss == "ce" else a.size
        return out
    out *= 2.0 / a.size  # mse: d/da of mean((a - y)^2)
    if output == "sigmoid":
        out *= a * (1 - a)
    elif output == "softmax":
        out -= (out * a).sum(axis=1, keepdims=True)
        out *= a
    return out
