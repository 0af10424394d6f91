"""Measuring a trained network: predictions in memory-friendly chunks, accuracy, confusion counts."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CHUNK = 4096


def predict_proba_batched(net, X: np.ndarray, chunk: int = CHUNK, progress=None) -> np.ndarray:
    """``net.predict_proba`` over ``X`` (n, n_in) in chunks, so 60,000 rows never need 60,000 x 256 floats at once;
    ``progress(done, total)`` is told after each chunk (a progress bar; it may raise to stop)."""
    parts = []
    for i in range(0, len(X), chunk):
        parts.append(net.predict_proba(X[i : i + chunk]))
        if progress is not None:
            progress(min(i + chunk, len(X)), len(X))
    return np.concatenate(parts) if parts else np.empty((0, net.sizes[-1]), net.dtype)


def accuracy(net, X: np.ndarray, y: np.ndarray) -> float:
    """Fraction of rows of ``X`` whose predicted class equals ``y``."""
    if len(y) == 0:
        return float("nan")
    return float(np.mean(predict_proba_batched(net, X).argmax(axis=1) == y))


def loss_and_accuracy(net, X: np.ndarray, y: np.ndarray, chunk: int = CHUNK) -> tuple[float, float]:
    """``(mean loss, accuracy)`` of ``net`` over ``X`` (n, n_in), ``y`` (n,) from one forward pass in chunks:
    the loss is the one training minimises (``net.loss``: its loss function plus the weight penalties),
    so a test-loss curve can be read against the training loss."""
    if len(y) == 0:
        return float("nan"), float("nan")
    y = np.asarray(y)
    data_loss, correct = 0.0, 0
    for i in range(0, len(X), chunk):
        trace = net.forward(X[i : i + chunk])
        data_loss += len(trace.output) * net.trace_loss(trace, y[i : i + chunk], l1=0.0, l2=0.0)
        correct += int(np.count_nonzero(trace.output.argmax(axis=1) == y[i : i + chunk]))
    return data_loss / len(y) + net.penalty(), correct / len(y)


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int = 10) -> np.ndarray:
    """(n_classes, n_classes) int64 counts: row = true class, column = predicted class."""
    return np.bincount(
        np.asarray(y_true) * n_classes + np.asarray(y_pred), minlength=n_classes * n_classes
    ).reshape(n_classes, n_classes)


def per_class_accuracy(confusion: np.ndarray) -> np.ndarray:
    """Recall of each class (NaN for a class with no samples)."""
    totals = confusion.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(confusion) / np.maximum(totals, 1), np.nan)


@dataclass(frozen=True)
class Evaluation:
    """A network's answers on a labelled set: what the evaluation view and ``nnviz report`` show.

    proba: (n, 10) the network's probabilities; y_true, predicted: (n,); confusion: (10, 10) counts.
    """

    y_true: np.ndarray
    proba: np.ndarray
    predicted: np.ndarray
    confusion: np.ndarray

    @property
    def accuracy(self) -> float:
        return float(np.trace(self.confusion) / max(1, self.confusion.sum()))

    @property
    def per_class(self) -> np.ndarray:
        return per_class_accuracy(self.confusion)

    @property
    def confidence(self) -> np.ndarray:
        """(n,) the probability the network gave its own answer."""
        return self.proba[np.arange(len(self.predicted)), self.predicted]

    def cell(self, true: int, predicted: int) -> np.ndarray:
        """Indices of the samples of class ``true`` read as ``predicted``, most confident first."""
        rows = np.flatnonzero((self.y_true == true) & (self.predicted == predicted))
        return rows[np.argsort(-self.confidence[rows], kind="stable")]

    def mistakes(self) -> np.ndarray:
        """Indices of every wrong answer, the most confident (the most surprising) first."""
        rows = np.flatnonzero(self.y_true != self.predicted)
        return rows[np.argsort(-self.confidence[rows], kind="stable")]


def evaluate(net, X: np.ndarray, y: np.ndarray, progress=None) -> Evaluation:
    """Run ``net`` over the labelled set ``X`` (n, n_in), ``y`` (n,); ``progress`` as in predict_proba_batched."""
    proba = predict_proba_batched(net, X, progress=progress)
    predicted = proba.argmax(axis=1)
    y = np.asarray(y)
    return Evaluation(y_true=y, proba=proba, predicted=predicted,
                      confusion=confusion_matrix(y, predicted, proba.shape[1]))
