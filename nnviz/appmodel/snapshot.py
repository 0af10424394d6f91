"""Immutable messages that cross from the training process to the window.

The training process owns the live network; the window only ever sees these frozen records, whose arrays are
private read-only copies. That is what makes it safe for the UI to draw them while training goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from nnviz.nn import MLP


def frozen_copy(array: np.ndarray) -> np.ndarray:
    """A private copy that nobody can write to, so a snapshot stays what it was when taken."""
    copy = np.array(array, copy=True)
    copy.setflags(write=False)
    return copy


class FrozenOnArrival:
    """Arrays stay read-only when a record arrives from the training process: unpickling makes writable
    copies, so they are frozen again as the record is rebuilt."""

    def __setstate__(self, state: dict) -> None:
        for value in state.values():
            for array in value if isinstance(value, tuple) else (value,):
                if isinstance(array, np.ndarray):
                    array.setflags(write=False)
        self.__dict__.update(state)


@dataclass(frozen=True)
class Architecture:
    """The shape of a network the user can choose in the training panel."""

    hidden: tuple[int, ...] = (256, 128, 64)
    activation: str = "relu"
    n_in: int = 784
    n_out: int = 10

    @property
    def sizes(self) -> tuple[int, ...]:
        return (self.n_in, *self.hidden, self.n_out)


@dataclass(frozen=True)
class NetworkSnapshot(FrozenOnArrival):
    """The network's parameters at one moment: enough to run a forward pass in the UI thread."""

    sizes: tuple[int, ...]
    activation: str
    output: str
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    step: int = 0
    epoch: int = 0
    metadata: dict = field(default_factory=dict, compare=False)
    gradients: tuple[np.ndarray, ...] = ()  # dLoss/dW of the last training step; empty before any step

    @classmethod
    def of(cls, net: MLP, step: int = 0, epoch: int = 0) -> "NetworkSnapshot":
        return cls(
            sizes=tuple(net.sizes), activation=net.activation, output=net.output,
            weights=tuple(frozen_copy(w) for w in net.weights),
            biases=tuple(frozen_copy(b) for b in net.biases),
            step=step, epoch=epoch, metadata=dict(net.metadata),
            gradients=tuple(frozen_copy(g) for g in net.last_weight_gradients) if step else (),
        )

    def to_network(self) -> MLP:
        """A fresh MLP holding these parameters, for forward passes in the UI thread."""
        net = MLP(self.sizes, activation=self.activation, output=self.output, dtype=self.weights[0].dtype)
        net.weights = self.weights
        net.biases = self.biases
        net.metadata = dict(self.metadata)
        return net


class RunState(StrEnum):
    """Where a run is. The window decides by these, never by the words of a status line (which are in the
    language the line was made in); being strings, they print and compare as "running" etc."""

    IDLE = "idle"
    LOADING = "loading"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"
    DIVERGED = "diverged"
    ERROR = "error"

    @property
    def under_way(self) -> bool:
        """Training or loading its data: Start/Pause pauses, the button says Pause."""
        return self in (RunState.RUNNING, RunState.LOADING)


@dataclass(frozen=True)
class Note:
    """What a status or a failure has to say beyond its state, as a kind and its particulars: the window words
    it in its own language (:func:`nnviz.app.widgets.run_progress.note_text`), never the model. Kinds:
    "diverged" (the engine's account), "problem" (a message from the engine or the model, said as it is),
    "bug" (exception type, message), "cannot-build" (why), "cannot-read-mnist" (exception type, message)."""

    kind: str
    args: tuple = ()


@dataclass(frozen=True)
class TrainingStatus:
    """Where a run is: what the progress bar and the curves need. ``new_network``: the layer sizes of the
    network a reset has just built (shown as "new network: 784-32-10"), else empty."""

    state: RunState
    epoch: int = 0
    epochs: int = 0
    step: int = 0
    epoch_fraction: float = 0.0
    samples_per_s: float = 0.0
    eta_s: float = float("nan")
    loss: float = float("nan")
    lr: float = float("nan")
    note: Note | None = None
    new_network: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "state", RunState(self.state))  # "running" given as a plain string too


@dataclass(frozen=True)
class LossPoints(FrozenOnArrival):
    """Training-loss points produced since the previous message (x in epochs, as a float)."""

    progress: np.ndarray
    loss: np.ndarray


@dataclass(frozen=True)
class EpochResult:
    """One finished epoch: what the accuracy and test-loss curves add (None: no test set)."""

    epoch: int
    loss: float
    train_accuracy: float
    test_accuracy: float | None
    seconds: float
    test_loss: float | None = None
