"""Teaching the network a person's own digits: a short fine-tune on a few corrected drawings that does
not make it forget what it knew.

A drawing the network misread, with the label its writer gives it, is learnt by :data:`TeachConfig.steps`
steps of gradient descent on a batch of the corrected drawings plus a few digits the network already
knows (replay). Three choices keep MNIST from being forgotten; each was measured on the pen-digit
training writers with ``bench/teach.py --writers training --splits 3 --compare`` (the figures below: a
writer's misread digits from one half of their digits taught in one call, MNIST test accuracy after):

- **Replay the digits the network finds hardest now.** Each step draws ``candidates`` replay digits at
  random and keeps the ``replay`` whose loss under the current weights is highest (as in "maximally
  interfered retrieval", Aljundi et al. 2019). Those are the digits the correction is pushing over a
  decision boundary, so replaying them repairs what a random sample rarely touches: the same 16 digits
  a step, chosen at random instead, cost 0.21 MNIST points instead of 0.05.
- **Steps of bounded length.** The gradient is clipped to norm ``max_grad_norm`` before the update, so
  with plain SGD no step moves the weights further than ``lr * max_grad_norm``. A drawing the network
  misreads badly has a huge loss; unclipped, its first steps land far from the MNIST solution (0.78
  points lost on average, 22 for one writer).
- **No momentum, a fixed number of steps.** Momentum carries the weights past the point where the
  drawing is learnt and the replay must then repair the damage; stopping as soon as the drawings are
  read right stops before it has. Both forgot more.

:func:`teach` is the contract (a new network); :func:`teach_and_report` also returns what the window
shows: the probabilities before and after, how much each weight moved, which replay digits were used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnviz.errors import ConfigError, DivergenceError
from nnviz.nn.mlp import MLP
from nnviz.nn.optimizers import OPTIMIZERS, make_optimizer

MAX_STEPS = 10_000


@dataclass(frozen=True)
class TeachConfig:
    """How :func:`teach` learns; the defaults are what the window uses (see the module docstring).

    steps: gradient steps. lr: learning rate. optimizer: one of :data:`~nnviz.nn.optimizers.OPTIMIZERS`.
    max_grad_norm: each step's gradient (all layers together) is scaled down to at most this norm;
    None: not clipped. replay: replay digits in each step's batch (0: none). candidates: replay digits
    drawn at random each step, of which the ``replay`` hardest join the batch. examples_per_step: at most
    this many of the taught drawings go into one step (a random subset when there are more), so teaching
    a whole personal set costs no more per step than a few corrections.
    """

    steps: int = 30
    lr: float = 0.05
    optimizer: str = "sgd"
    max_grad_norm: float | None = 1.0
    replay: int = 16
    candidates: int = 256
    examples_per_step: int = 64

    def __post_init__(self):
        for name, low in (("steps", 1), ("replay", 0), ("candidates", 0), ("examples_per_step", 1)):
            value = getattr(self, name)
            if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or not low <= value <= MAX_STEPS:
                raise ConfigError(f"TeachConfig.{name} must be a whole number from {low} to {MAX_STEPS}, got {value!r}")
        if self.candidates < self.replay:
            raise ConfigError(f"TeachConfig.candidates ({self.candidates}) must be at least replay ({self.replay}): "
                              f"the replayed digits are the hardest of the candidates")
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(f"unknown optimizer {self.optimizer!r}; choose one of: {', '.join(OPTIMIZERS)}")
        self.make_optimizer()  # the optimizer's own check of the learning rate
        if self.max_grad_norm is not None and not (
            isinstance(self.max_grad_norm, (int, float)) and math.isfinite(self.max_grad_norm) and self.max_grad_norm > 0
        ):
            raise ConfigError(f"TeachConfig.max_grad_norm must be a finite number > 0 or None, got {self.max_grad_norm!r}")

    def make_optimizer(self):
        return make_optimizer(self.optimizer, lr=self.lr)


@dataclass(frozen=True, eq=False)
class TeachResult:
    """What one :func:`teach_and_report` did, for the window to show.

    net: the taught network (new; the one passed in is unchanged). labels: (n,) the taught labels.
    before, after: (n, n_out) the network's probabilities for the taught drawings, before and after.
    W_change, b_change: per layer, after - before: (n_in, n_out) and (n_out,) float arrays.
    steps: gradient steps taken. replay_per_step: replay digits in each step (0 without replay).
    replayed: (k,) sorted indices into the replay set of the digits that went into at least one step.
    """

    net: MLP
    labels: np.ndarray
    before: np.ndarray
    after: np.ndarray
    W_change: tuple[np.ndarray, ...]
    b_change: tuple[np.ndarray, ...]
    steps: int
    replay_per_step: int
    replayed: np.ndarray

    @property
    def examples(self) -> int:
        """How many drawings were taught."""
        return len(self.labels)

    @property
    def read_before(self) -> np.ndarray:
        """(n,) what the network read in each taught drawing before."""
        return self.before.argmax(axis=1)

    @property
    def read_after(self) -> np.ndarray:
        """(n,) what it reads in them now."""
        return self.after.argmax(axis=1)

    @property
    def corrected(self) -> np.ndarray:
        """(n,) bool: the drawing is now read as its label."""
        return self.read_after == self.labels

    def largest_change(self) -> float:
        """The largest |change| of any weight: a colour scale for the changes that fits every layer."""
        return max(float(np.abs(w).max()) for w in self.W_change)


def teach(net: MLP, images, labels, *, replay=None, seed: int | np.random.Generator = 0,
          config: TeachConfig = TeachConfig()) -> MLP:
    """A copy of ``net`` that has learnt to read ``images`` (n, n_in) float in [0, 1], as ``to_mnist`` makes
    them, as ``labels`` (n,) ints; ``net`` itself is left unchanged.

    ``replay``: an optional ``(X, y)`` of earlier training data (MNIST's training set, say, with the
    user's earlier corrections), mixed into every step so that what the network knew is kept. The same
    ``seed`` gives the same network. Raises :class:`ConfigError` for inputs that cannot be taught.
    """
    return teach_and_report(net, images, labels, replay=replay, seed=seed, config=config).net


def teach_and_report(net: MLP, images, labels, *, replay=None, seed: int | np.random.Generator = 0,
                     config: TeachConfig = TeachConfig()) -> TeachResult:
    """:func:`teach`, and what it changed (:class:`TeachResult`)."""
    if not isinstance(config, TeachConfig):
        raise ConfigError(f"config must be a TeachConfig, got {type(config).__name__}")
    if net.output != "softmax" or net.loss_name != "ce":
        raise ConfigError(f"teach corrects a classifier: it needs a network with a softmax output and cross-entropy "
                          f"loss, not {net.output} with {net.loss_name}")
    X, y = _checked_set(net, images, labels, "taught drawings")
    replay_set = _checked_replay(net, replay) if replay is not None and config.replay else None
    rng = np.random.default_rng(seed)
    taught = net.copy()
    params = [*taught.weights, *taught.biases]
    optimizer = config.make_optimizer()
    replayed: list[np.ndarray] = []
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run is reported below, not warned about
        for _ in range(config.steps):
            xb, yb = _examples_for_step(X, y, config.examples_per_step, rng)
            if replay_set is not None:
                chosen = _hardest(taught, *replay_set, config, rng)
                replayed.append(chosen)
                xb, yb = np.concatenate([xb, replay_set[0][chosen]]), np.concatenate([yb, replay_set[1][chosen]])
            dW, db = taught.gradients(xb, yb)
            grads = [*dW, *db]
            _clip(grads, config.max_grad_norm)
            optimizer.update(params, grads)
    if not np.all(np.isfinite(taught.params)):
        raise DivergenceError(f"teaching diverged: the weights stopped being finite with learning rate {config.lr}; "
                              f"try one about 10x smaller")
    return TeachResult(
        net=taught, labels=y, before=net.predict_proba(X), after=taught.predict_proba(X),
        W_change=tuple(a - b for a, b in zip(taught.weights, net.weights)),
        b_change=tuple(a - b for a, b in zip(taught.biases, net.biases)),
        steps=config.steps, replay_per_step=0 if replay_set is None else min(config.replay, len(replay_set[1])),
        replayed=np.unique(np.concatenate(replayed)) if replayed else np.empty(0, np.int64),
    )


def _examples_for_step(X, y, limit: int, rng: np.random.Generator):
    if len(y) <= limit:
        return X, y
    pick = rng.choice(len(y), size=limit, replace=False)
    return X[pick], y[pick]


def _hardest(net: MLP, X: np.ndarray, y: np.ndarray, config: TeachConfig, rng: np.random.Generator) -> np.ndarray:
    """Indices of the ``config.replay`` replay digits with the highest loss among ``config.candidates``
    drawn at random (all of them when the replay set is that small)."""
    candidates = np.arange(len(y)) if len(y) <= config.candidates else rng.integers(0, len(y), config.candidates)
    drawn = X[candidates]
    if not np.all(np.isfinite(drawn)):
        raise ConfigError("the replay digits contain NaN or infinite values; pass images in [0, 1]")
    p = net.predict_proba(drawn)[np.arange(len(candidates)), y[candidates]]
    keep = min(config.replay, len(candidates))
    # The lowest probability of the right label is the highest cross-entropy loss.
    return candidates[np.argpartition(p, keep - 1)[:keep]] if keep < len(candidates) else candidates


def _clip(grads: list[np.ndarray], max_norm: float | None) -> None:
    """Scale ``grads`` in place so that together they have at most norm ``max_norm``."""
    if max_norm is None:
        return
    norm = math.sqrt(sum(float(np.dot(g.ravel(), g.ravel())) for g in grads))
    if norm > max_norm:
        for g in grads:
            g *= max_norm / norm


def _checked_set(net: MLP, images, labels, what: str) -> tuple[np.ndarray, np.ndarray]:
    """``images`` as (n, n_in) float in [0, 1] and ``labels`` as (n,) int64 classes, or one clear ConfigError."""
    n_in, n_out = net.sizes[0], net.sizes[-1]
    try:
        X = np.asarray(images, dtype=net.dtype)
        y = np.asarray(labels)
    except (TypeError, ValueError):
        raise ConfigError(f"the {what} must be an (n, {n_in}) array of numbers and n labels") from None
    if X.ndim != 2 or X.shape[1] != n_in:
        raise ConfigError(f"the {what} must be an array of shape (n, {n_in}), one row per drawing as to_mnist "
                          f"makes it (flattened), got shape {X.shape}")
    if len(X) == 0:
        raise ConfigError(f"there is nothing to teach: no {what}")
    if y.ndim != 1 or len(y) != len(X):
        raise ConfigError(f"the {what} need one label each: got {len(X)} drawings and labels of shape {y.shape}")
    if not np.all(np.isfinite(X)):
        raise ConfigError(f"the {what} contain NaN or infinite values")
    if X.min() < 0 or X.max() > 1:
        raise ConfigError(f"the {what} must have values in [0, 1] as to_mnist makes them, got {X.min():.3g}..{X.max():.3g}")
    return X, _checked_labels(y, n_out, what)


def _checked_labels(y: np.ndarray, n_out: int, what: str) -> np.ndarray:
    integral = y.dtype.kind in "iu" or (y.dtype.kind == "f" and np.all(np.isfinite(y)) and np.all(y == np.round(y)))
    if not integral:
        raise ConfigError(f"the labels of the {what} must be whole numbers 0-{n_out - 1}, got {y.dtype} values")
    y = y.astype(np.int64)
    if y.size and (y.min() < 0 or y.max() >= n_out):
        bad = y[(y < 0) | (y >= n_out)][0]
        raise ConfigError(f"the labels of the {what} must be digits 0-{n_out - 1}, got {bad}")
    return y


def _checked_replay(net: MLP, replay) -> tuple[np.ndarray, np.ndarray]:
    """The replay set as (X, y): shapes and labels checked here; values where they are drawn (a full scan of
    60,000 digits would cost more than the teaching)."""
    try:
        X, y = replay
    except (TypeError, ValueError):
        raise ConfigError("replay must be a pair (images, labels)") from None
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim != 2 or X.shape[1] != net.sizes[0] or X.dtype.kind != "f":
        raise ConfigError(f"the replay images must be a float array of shape (m, {net.sizes[0]}), got {X.dtype} {X.shape}")
    if len(X) == 0 or y.shape != (len(X),):
        raise ConfigError(f"the replay set needs at least one image and one label per image, got {len(X)} images "
                          f"and labels of shape {y.shape}")
    return X, _checked_labels(y, net.sizes[-1], "replay digits")
