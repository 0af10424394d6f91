"""The training loop, as a generator: it yields what happened and the caller decides how to show it.

``train(...)`` runs mini-batch gradient descent epoch by epoch and yields a :class:`StepRecord` after
every step and an :class:`EpochRecord` after every epoch. It never prints and never sleeps: the CLI
draws a progress bar from the records, the window's training process turns them into throttled messages.
Stop it by returning True from ``should_stop`` or by closing the generator.

A run can be steered while it goes: ``get_config`` is asked for the current :class:`TrainConfig`
before every step, so a new learning rate, optimizer, batch size or penalty takes effect at the next
step without a reset.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from typing import Callable, Iterator

import numpy as np

from nnviz.errors import ConfigError, DivergenceError
from nnviz.nn.evaluation import loss_and_accuracy
from nnviz.nn.optimizers import OPTIMIZERS, Optimizer, make_optimizer
from nnviz.nn.prefetch import EpochSamples, prefetch_executor
from nnviz.nn.schedules import SCHEDULES, Schedule


@dataclass(frozen=True)
class TrainConfig:
    """Hyperparameters of a run. ``lr`` is the base learning rate that the schedule scales."""

    epochs: int = 8
    batch_size: int = 128
    optimizer: str = "adam"
    lr: float = 1e-3
    weight_decay: float | None = None
    l1: float = 0.0
    l2: float = 0.0
    schedule: str = "cosine"
    warmup: float = 0.0
    gamma: float = 0.5
    step_size: float = 1.0
    seed: int = 0
    augment: bool = False

    def __post_init__(self):
        if not isinstance(self.epochs, (int, np.integer)) or self.epochs < 1:
            raise ConfigError(f"the number of epochs must be a whole number >= 1, got {self.epochs}")
        if not isinstance(self.batch_size, (int, np.integer)) or self.batch_size < 1:
            raise ConfigError(f"the batch size must be a whole number >= 1, got {self.batch_size}")
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(f"unknown optimizer {self.optimizer!r}; choose one of: {', '.join(OPTIMIZERS)}")
        if self.schedule not in SCHEDULES:
            raise ConfigError(f"unknown schedule {self.schedule!r}; choose one of: {', '.join(SCHEDULES)}")
        self.make_optimizer()  # validates lr and weight decay with the optimizer's own checks
        self.make_schedule()
        for name in ("l1", "l2"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
                raise ConfigError(f"{name} must be a finite number >= 0, got {value}")

    def make_optimizer(self) -> Optimizer:
        return make_optimizer(self.optimizer, lr=self.lr, weight_decay=self.weight_decay)

    def make_schedule(self) -> Schedule:
        return Schedule(
            self.schedule, total=float(self.epochs), gamma=self.gamma, step_size=self.step_size,
            warmup=self.warmup,
        )

    def replace(self, **changes) -> "TrainConfig":
        return replace(self, **changes)


@dataclass(frozen=True)
class StepRecord:
    """One optimisation step. ``epoch`` counts from 1; ``progress`` is epochs done as a float."""

    epoch: int
    step: int
    loss: float
    lr: float
    samples_per_s: float
    progress: float
    batch_accuracy: float


@dataclass(frozen=True)
class EpochRecord:
    """The end of an epoch: mean training loss and running accuracy; test accuracy and test loss (the same
    loss as the training loss, penalties included, over the whole test set) if a test set was given."""

    epoch: int
    step: int
    loss: float
    train_accuracy: float
    test_accuracy: float | None
    seconds: float
    lr: float
    test_loss: float | None = None


def _guarded_step(net, xb, yb, optimizer, last_good: np.ndarray, where: str) -> float:
    """One training step; a loss that is not finite puts ``last_good`` back and raises DivergenceError."""
    with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported here, not warned
        loss = net.train_step(xb, yb, optimizer)
    if not math.isfinite(loss):
        net.params[...] = last_good
        raise DivergenceError(
            f"training diverged {where}: the loss became {loss} with learning rate {optimizer.lr:.3g}, which is "
            f"too high. The weights were restored to the last finite ones; try a learning rate about 10x smaller."
        )
    return loss


def _require_finite_weights(net, last_good: np.ndarray, epoch: int) -> None:
    if not np.all(np.isfinite(net.params)):
        net.params[...] = last_good
        raise DivergenceError(
            f"training diverged in epoch {epoch}: the weights stopped being finite. They were restored "
            f"to the last finite ones; the learning rate is too high, try one about 10x smaller."
        )


def train(net, X: np.ndarray, y: np.ndarray, config: TrainConfig = TrainConfig(), *,
          X_test: np.ndarray | None = None, y_test: np.ndarray | None = None,
          augment: Callable[[np.ndarray, np.random.Generator], np.ndarray] | None = None,
          should_stop: Callable[[], bool] | None = None, get_config: Callable[[], TrainConfig] | None = None,
          ) -> Iterator[StepRecord | EpochRecord]:
    """Train ``net`` in place on ``X`` (n, n_in) and labels ``y`` (n,); yield a record per step and per epoch.

    ``augment(batch, rng)`` (used when ``config.augment``) returns a distorted copy of a batch.
    Raises :class:`DivergenceError`, with the weights restored to the last ones that gave a finite loss,
    when the loss stops being finite.
    """
    if len(X) != len(y) or len(X) == 0:
        raise ConfigError(f"need as many labels as samples (and at least one), got {len(X)} and {len(y)}")
    X = np.ascontiguousarray(X, dtype=net.dtype)
    n = len(X)
    rng = np.random.default_rng(config.seed)
    optimizer, schedule = config.make_optimizer(), config.make_schedule()
    net.l1, net.l2 = config.l1, config.l2
    last_good, candidate = net.params.copy(), np.empty_like(net.params)
    step, seen, epoch = 0, 0, 0
    tested = X_test is not None and y_test is not None
    executor, samples = prefetch_executor() if augment else None, None
    try:
        while epoch < config.epochs:  # re-read each epoch: the number of epochs may be edited mid-run
            epoch += 1
            start = time.perf_counter()
            order = rng.permutation(n)
            samples = EpochSamples(X, order, augment, rng, executor) if augment and config.augment else None
            position, loss_sum, correct, batches = 0, 0.0, 0, 0
            while position < n:
                if should_stop is not None and should_stop():
                    return
                if get_config is not None:
                    config, optimizer, schedule = _apply_changes(config, get_config(), net, optimizer, schedule)
                idx = order[position : position + config.batch_size]
                xb = samples.take(position, len(idx)) if samples is not None else X[idx]
                optimizer.lr = config.lr * schedule(seen / n)
                np.copyto(candidate, net.params)
                loss = _guarded_step(net, xb, y[idx], optimizer, last_good, f"at epoch {epoch}, step {step + 1}")
                last_good, candidate = candidate, last_good
                position, seen, step, batches = position + len(idx), seen + len(idx), step + 1, batches + 1
                loss_sum, correct = loss_sum + loss, correct + net.last_batch_correct
                elapsed = time.perf_counter() - start
                yield StepRecord(
                    epoch=epoch, step=step, loss=loss, lr=optimizer.lr,
                    samples_per_s=position / elapsed if elapsed > 0 else 0.0,
                    progress=seen / n, batch_accuracy=net.last_batch_correct / len(idx),
                )
            _require_finite_weights(net, last_good, epoch)
            test_loss, test_acc = loss_and_accuracy(net, X_test, y_test) if tested else (None, None)
            yield EpochRecord(epoch=epoch, step=step, loss=loss_sum / batches, train_accuracy=correct / n,
                              test_accuracy=test_acc, seconds=time.perf_counter() - start, lr=optimizer.lr,
                              test_loss=test_loss)
    finally:
        if samples is not None:
            samples.cancel()
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _apply_changes(old: TrainConfig, new: TrainConfig, net, optimizer: Optimizer, schedule: Schedule):
    """Carry hyperparameter edits made during a run into the live optimizer, schedule and network."""
    if new is old or new == old:  # called at every step: the identity test makes the usual case free
        return old, optimizer, schedule
    if new.optimizer != old.optimizer:
        optimizer = new.make_optimizer()
    elif new.weight_decay != old.weight_decay:
        optimizer.weight_decay = new.make_optimizer().weight_decay
    if (new.schedule, new.epochs, new.gamma, new.step_size, new.warmup) != (
        old.schedule, old.epochs, old.gamma, old.step_size, old.warmup
    ):
        schedule = new.make_schedule()
    net.l1, net.l2 = new.l1, new.l2
    return new, optimizer, schedule
