"""Earlier runs, kept to compare with the current one: their curves, the settings they started with, and what
set them apart.

A run is what the curves showed between two new networks (a reset, an opened model). When a new network
replaces it, the window keeps it as an :class:`EarlierRun` in :class:`EarlierRuns` (at most ``limit``, the
oldest go first); the loss plot draws them faintly, named by :func:`differences` from the current run.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from nnviz.appmodel.snapshot import EpochResult, LossPoints
from nnviz.appmodel.training_session import TrainingSettings

DEFAULT_LIMIT = 3
LIMITS = (1, 2, 3, 5, 8)  # how many earlier runs a person can choose to keep


@dataclass(frozen=True)
class RunCurves:
    """The curves of one run: training loss per step, test loss and test accuracy (0..1) per epoch, x in epochs."""

    loss_x: np.ndarray
    loss: np.ndarray
    epoch_x: np.ndarray
    test_loss: np.ndarray  # NaN where an epoch had none
    test_accuracy: np.ndarray  # NaN where an epoch had none

    @classmethod
    def of(cls, history: list[LossPoints | EpochResult]) -> "RunCurves":
        """The curves drawn from the messages of a run, in the order they came (as the loss plot draws them)."""
        xs, losses, epochs, last_x = [], [], [], 0.0
        for message in history:
            if isinstance(message, LossPoints):
                xs.append(np.asarray(message.progress, np.float64))
                losses.append(np.asarray(message.loss, np.float64))
                if len(message.progress):
                    last_x = float(message.progress[-1])
            else:
                epochs.append((last_x if xs else float(message.epoch), _nan(message.test_loss),
                               _nan(message.test_accuracy)))
        loss_x = np.concatenate(xs) if xs else np.zeros(0)
        loss = np.concatenate(losses) if losses else np.zeros(0)
        epoch_x, test_loss, accuracy = (np.array(column, np.float64) for column in zip(*epochs)) if epochs \
            else (np.zeros(0),) * 3
        return cls(loss_x, loss, epoch_x, test_loss, accuracy)

    def __len__(self) -> int:
        return len(self.loss)

    def equals(self, other: "RunCurves") -> bool:
        """The same curves, value for value (what the same seed must give)."""
        return all(np.array_equal(a, b, equal_nan=True) for a, b in zip(dataclasses.astuple(self),
                                                                       dataclasses.astuple(other)))


def _nan(value: float | None) -> float:
    return float("nan") if value is None else float(value)


@dataclass(frozen=True)
class EarlierRun:
    """A run that a new network replaced. ``number``: 1, 2, 3, ... in the order runs began in the window;
    ``changed_midway``: its hyperparameters were changed while it ran, or ``from_reset`` is False (it began from a
    network Reset had not made): then the same seed will not repeat it."""

    number: int
    settings: TrainingSettings
    curves: RunCurves
    changed_midway: bool = False
    from_reset: bool = True
    shown: bool = True


def differences(run: TrainingSettings, current: TrainingSettings) -> list[tuple[str, str]]:
    """What sets ``run`` apart from ``current``, as (what, the run's value): optimizer, learning rate,
    activation, batch size, architecture; the seed or "other settings" if nothing of these differs."""
    config, now = run.config, current.config
    found = []
    if config.optimizer != now.optimizer:
        found.append(("optimizer", config.optimizer))
    if config.lr != now.lr:
        found.append(("lr", f"{config.lr:g}"))
    if run.architecture.activation != current.architecture.activation:
        found.append(("activation", run.architecture.activation))
    if config.batch_size != now.batch_size:
        found.append(("batch", str(config.batch_size)))
    if run.architecture.sizes != current.architecture.sizes:
        found.append(("architecture", "-".join(map(str, run.architecture.sizes))))
    if not found and config.seed != now.seed:
        found.append(("seed", str(config.seed)))
    if not found and run != current:
        found.append(("other", ""))
    return found


class EarlierRuns:
    """The earlier runs kept, oldest first; at most ``limit``."""

    def __init__(self, limit: int = DEFAULT_LIMIT):
        self._runs: list[EarlierRun] = []
        self.limit = limit

    def add(self, run: EarlierRun) -> None:
        self._runs.append(run)
        self._trim()

    def set_limit(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"keep at least one earlier run, not {limit}")
        self.limit = limit
        self._trim()

    def _trim(self) -> None:
        del self._runs[:max(0, len(self._runs) - self.limit)]

    def remove(self, number: int) -> EarlierRun | None:
        """Forget run ``number``; the run, or None if there was none."""
        for run in self._runs:
            if run.number == number:
                self._runs.remove(run)
                return run
        return None

    def clear(self) -> None:
        self._runs = []

    def set_shown(self, number: int, shown: bool) -> None:
        self._runs = [dataclasses.replace(run, shown=shown) if run.number == number else run for run in self._runs]

    def get(self, number: int) -> EarlierRun | None:
        return next((run for run in self._runs if run.number == number), None)

    @property
    def runs(self) -> tuple[EarlierRun, ...]:
        return tuple(self._runs)

    def __len__(self) -> int:
        return len(self._runs)
