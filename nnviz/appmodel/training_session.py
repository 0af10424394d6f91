"""The training run that the training process drives, in plain Python (no Qt), so it is unit-tested directly.

A :class:`TrainingSession` owns the live network and one run of :func:`nnviz.nn.train` at a time. The
training process (:mod:`nnviz.appmodel.training_service`) calls :meth:`~TrainingSession.advance` in short
bursts (a few tens of milliseconds) and returns to its command loop in between, so commands (pause, step,
new hyperparameters) are handled within one burst. Everything the window needs comes out as the frozen records of :mod:`nnviz.appmodel.snapshot`:

    session = TrainingSession(Architecture(), TrainConfig(epochs=2), TrainingData.from_mnist(load_mnist()))
    session.start()
    while session.state == "running":
        session.advance(0.02)
        points = session.take_points()  # every loss point since the last call, none dropped
    print(session.take_epochs()[-1].test_accuracy)

Hyperparameters set with :meth:`~TrainingSession.set_config` take effect at the next step (the engine asks
``get_config`` before every step). The architecture, and the seed the network is initialised with, take
effect at :meth:`~TrainingSession.reset`.
"""

from __future__ import annotations

import math
import time
import traceback
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from nnviz.appmodel.snapshot import (Architecture, EpochResult, LossPoints, NetworkSnapshot, Note, RunState,
                                     TrainingStatus)
from nnviz.appmodel.timeline import Moment, MomentSchedule
from nnviz.data.personal_examples import TRAINING_COPIES
from nnviz.errors import ConfigError, DivergenceError, NnvizError
from nnviz.appmodel.wording import translate
from nnviz.nn import MLP, EpochRecord, StepRecord, TrainConfig, train


RATE_HALF_LIFE_S = 3.0  # samples/s (and so the ETA) is averaged over a few seconds of training time
IDLE, LOADING, RUNNING, PAUSED = RunState.IDLE, RunState.LOADING, RunState.RUNNING, RunState.PAUSED
FINISHED, STOPPED, DIVERGED, ERROR = RunState.FINISHED, RunState.STOPPED, RunState.DIVERGED, RunState.ERROR


@dataclass(frozen=True)
class TrainingSettings:
    """What the training panel edits: the network's shape and the run's hyperparameters.

    ``config.seed`` seeds both the network's initial weights (at reset) and the shuffling of a run.
    """

    architecture: Architecture = Architecture()
    config: TrainConfig = TrainConfig()


def architecture_of(net) -> Architecture:
    """The architecture of an MLP or of a NetworkSnapshot (both have sizes and activation)."""
    return Architecture(hidden=tuple(net.sizes[1:-1]), activation=net.activation, n_in=net.sizes[0],
                        n_out=net.sizes[-1])


def build_network(architecture: Architecture, seed: int) -> MLP:
    return MLP(architecture.sizes, activation=architecture.activation, seed=seed)


@dataclass(frozen=True)
class TrainingData:
    """Training and test arrays: x (n, 784) float32 in [0, 1], y (n,) int64."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray | None = None
    y_test: np.ndarray | None = None

    @classmethod
    def from_mnist(cls, data, limit: int | None = None, test_limit: int | None = None) -> "TrainingData":
        """The arrays of an :class:`~nnviz.data.MnistData`, optionally only the first ``limit`` training and
        ``test_limit`` test digits (tests, quick demos)."""
        return cls(data.x_train[:limit], data.y_train[:limit], data.x_test[:test_limit], data.y_test[:test_limit])

    @property
    def n_train(self) -> int:
        return len(self.x_train)

    def with_extra(self, images: np.ndarray, labels: np.ndarray, copies: int = TRAINING_COPIES) -> "TrainingData":
        """These training digits plus a person's own examples, each ``copies`` times; the test digits stay."""
        images = np.asarray(images, np.float32).reshape(-1, self.x_train.shape[1])
        return TrainingData(np.concatenate([self.x_train, np.repeat(images, copies, axis=0)]),
                            np.concatenate([self.y_train, np.repeat(np.asarray(labels, self.y_train.dtype), copies)]),
                            self.x_test, self.y_test)


@dataclass(frozen=True)
class MnistLoader:
    """Reads MNIST from ``data_dir`` (see nnviz.data.resolve_data_dir) when called, optionally only the first
    ``limit`` training and ``test_limit`` test digits. A plain value, so that it can be sent to the training
    process, which reads the digits itself rather than receiving them."""

    data_dir: str | None = None
    limit: int | None = None
    test_limit: int | None = None

    def __call__(self) -> TrainingData:
        from nnviz.data import load_mnist

        return TrainingData.from_mnist(load_mnist(self.data_dir), self.limit, self.test_limit)


def mnist_loader(data_dir: str | None, limit: int | None = None, test_limit: int | None = None) -> MnistLoader:
    return MnistLoader(data_dir, limit, test_limit)


def default_augment(batch: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    from nnviz.data import augment_batch

    return augment_batch(batch, rng)


@dataclass
class _PointBuffer:
    """Loss points produced since the last take; nothing is dropped."""

    x: list[float] = field(default_factory=list)
    loss: list[float] = field(default_factory=list)

    def take(self) -> LossPoints | None:
        if not self.x:
            return None
        points = LossPoints(progress=np.array(self.x, np.float64), loss=np.array(self.loss, np.float64))
        for array in (points.progress, points.loss):
            array.setflags(write=False)
        self.x, self.loss = [], []
        return points


class TrainingSession:
    """The live network and its current run. Not thread-safe: one thread (the training process's loop) calls it,
    except :meth:`request_stop`, which any thread may call."""

    def __init__(self, architecture: Architecture = Architecture(), config: TrainConfig = TrainConfig(),
                 data: TrainingData | None = None, *, net: MLP | None = None,
                 augment: Callable[[np.ndarray, np.random.Generator], np.ndarray] | None = default_augment):
        self.architecture = architecture
        self._config = config
        self.data = data
        self._augment = augment
        self.net = net if net is not None else build_network(architecture, config.seed)
        self.state = IDLE
        self.note: Note | None = None  # what the status has to say beyond its state
        self.details = ""  # a traceback, for errors that are bugs rather than user mistakes
        self._run = None  # the train() generator of the current run, if any
        self._stop_requested = False
        self._yield_requested = False
        self._new_network: tuple[int, ...] = ()
        self._before_reset = None  # (net, architecture, steps, epochs, x) that the last reset replaced
        self._points = _PointBuffer()
        self._epochs: list[EpochResult] = []
        self._clear_history()

    # ------------------------------------------------------------------ settings
    @property
    def config(self) -> TrainConfig:
        return self._config

    def set_config(self, config: TrainConfig) -> None:
        """New hyperparameters; a running run picks them up at its next step."""
        self._config = config

    def set_architecture(self, architecture: Architecture) -> None:
        """The shape the next :meth:`reset` builds; the current network is left alone."""
        self.architecture = architecture

    def set_data(self, data: TrainingData) -> None:
        self.data = data

    # ------------------------------------------------------------------ network
    def reset(self) -> None:
        """End the run and start over with a new network from the architecture and the config's seed. The
        network it replaces is kept for :meth:`undo_reset` until the next run starts."""
        net = build_network(self.architecture, self._config.seed)  # raises ConfigError before anything changes
        self._end_run(IDLE)
        before = (self.net, self.architecture, self._steps, self._epochs_done, self._x)
        self.net = net
        self._clear_history()
        self._new_network = tuple(net.sizes)
        self._before_reset = before

    def can_undo_reset(self) -> bool:
        return self._before_reset is not None

    def undo_reset(self) -> bool:
        """Bring back the network the last reset replaced, where it was (steps, epochs, the curve's position);
        the run had ended, so the next start begins a new one. False if there is nothing to bring back."""
        if self._before_reset is None:
            return False
        self._end_run(IDLE)
        net, architecture, steps, epochs, x = self._before_reset
        self._before_reset = None
        self._clear_history()
        self.net, self.architecture = net, architecture
        self._steps, self._epochs_done, self._x = steps, epochs, x
        return True

    def set_network(self, net: MLP) -> None:
        """Train ``net`` from now on (e.g. a model file the user opened); the curves start over."""
        self._before_reset = None
        self._end_run(IDLE)
        self.net = net
        self.architecture = architecture_of(net)
        self._clear_history()

    def adopt_weights(self, net: MLP) -> None:
        """Take ``net``'s weights into the live network, in place: what a person taught it (or the undo of
        that). The run, the optimizer's state, the step count and the curves go on as they were."""
        if tuple(net.sizes) != tuple(self.net.sizes):
            raise ConfigError(f"weights of a {'-'.join(map(str, net.sizes))} network do not fit the "
                              f"{'-'.join(map(str, self.net.sizes))} network being trained")
        for mine, theirs in zip([*self.net.weights, *self.net.biases], [*net.weights, *net.biases]):
            mine[...] = theirs

    def snapshot(self) -> NetworkSnapshot:
        return NetworkSnapshot.of(self.net, step=self._steps, epoch=self._epochs_done)

    # ------------------------------------------------------------------ commands
    def start(self) -> None:
        """Run (or resume) training; :meth:`advance` then does the work."""
        self._require_data()
        self._before_reset = None  # training the new network: the old one is gone for good
        self._stop_requested = False
        self._set_state(RUNNING)

    def pause(self) -> None:
        if self.state == RUNNING:
            self._set_state(PAUSED)

    def stop(self) -> None:
        """End the run; the network keeps its weights and the next start begins a new run."""
        if self._run is not None or self.state in (RUNNING, PAUSED):
            self._end_run(STOPPED)

    def request_yield(self) -> None:
        """Thread-safe: make a running burst return after its current step, so that a message waiting for
        the training thread (a correction to teach) is handled at once; the run goes on after it."""
        self._yield_requested = True

    def request_stop(self) -> None:
        """Thread-safe: make a running burst return after its current step (closing the window)."""
        self._stop_requested = True

    def step(self) -> bool:
        """Train on exactly one batch and stay paused; False if the run ended without a step."""
        self._require_data()
        self._stop_requested = False
        if self.state != PAUSED:
            self._set_state(PAUSED)
        return self._pull(until=math.inf, max_steps=1, stop_at_epoch=False) > 0

    def advance(self, budget_s: float, max_steps: int | None = None) -> int:
        """While running, train for about ``budget_s`` seconds (at least one step), returning early at
        the end of an epoch so that the epoch's result follows exactly its loss points. Returns the
        number of steps done."""
        if self.state != RUNNING:
            return 0
        return self._pull(until=time.perf_counter() + budget_s, max_steps=max_steps, stop_at_epoch=True)

    # ------------------------------------------------------------------ results
    def take_points(self) -> LossPoints | None:
        """Every training-loss point since the previous call (x in epochs since the reset), or None."""
        return self._points.take()

    def take_moments(self) -> list[Moment]:
        """The moments of the timeline kept since the previous call (see nnviz.appmodel.timeline)."""
        moments, self._moments = self._moments, []
        return moments

    def take_epochs(self) -> list[EpochResult]:
        epochs, self._epochs = self._epochs, []
        return epochs

    @property
    def steps(self) -> int:
        return self._steps

    @property
    def position(self) -> float:
        """Epochs trained since the reset (or since the network was set), as a float."""
        return self._x

    def status(self) -> TrainingStatus:
        config, progress = self._config, self._run_progress
        if self.state == FINISHED:
            epoch, fraction = config.epochs, 1.0
        elif progress > 0 or self._run is not None:
            epoch = min(config.epochs, int(progress) + 1)
            fraction = progress - (epoch - 1)
        else:
            epoch, fraction = 0, 0.0
        remaining = max(0.0, config.epochs - progress) * (self.data.n_train if self.data else 0)
        eta = remaining / self._rate if self._rate > 0 and self.state == RUNNING else float("nan")
        return TrainingStatus(
            state=self.state, epoch=epoch, epochs=config.epochs, step=self._steps, epoch_fraction=fraction,
            samples_per_s=self._rate, eta_s=eta, loss=self._last_loss, lr=self._last_lr, note=self.note,
            new_network=self._new_network,
        )

    # ------------------------------------------------------------------ internals
    def _clear_history(self) -> None:
        self._steps = 0
        self._epochs_done = 0
        self._x = 0.0  # where the loss curve is, in epochs since the reset
        self._run_start_x = 0.0
        self._run_progress = 0.0
        self._rate = 0.0
        self._last_loss = float("nan")
        self._last_lr = float("nan")
        self._points = _PointBuffer()
        self._epochs = []
        self._moments: list[Moment] = []
        self._schedule = MomentSchedule()

    def _require_data(self) -> None:
        if self.data is None:
            raise ConfigError(translate("TrainingSession", "no training data: load MNIST first"))

    def _set_state(self, state: RunState, note: Note | None = None) -> None:
        self.state, self.note, self.details = state, note, ""
        self._new_network = ()  # said once, by the status right after the reset

    def _new_run(self):
        data = self.data
        self._run_start_x = self._x
        self._run_progress = 0.0
        return train(
            self.net, data.x_train, data.y_train, self._config, X_test=data.x_test, y_test=data.y_test,
            augment=self._augment, should_stop=lambda: self._stop_requested, get_config=lambda: self._config,
        )

    def _end_run(self, state: RunState, note: Note | None = None) -> None:
        if self._run is not None:
            self._run.close()  # runs train()'s clean-up (its augmentation thread)
            self._run = None
        self._set_state(state, note)

    def _pull(self, until: float, max_steps: int | None, stop_at_epoch: bool) -> int:
        """Take records from the run until the deadline, ``max_steps`` steps, or (``stop_at_epoch``) an
        epoch's end."""
        if self._run is None:
            self._run = self._new_run()
            if self._steps == 0:
                self._keep_moment()  # the network before its first step
        self._yield_requested = False
        steps, started = 0, time.perf_counter()
        try:
            while True:
                record = next(self._run)
                if isinstance(record, StepRecord):
                    self._record_step(record)
                    steps += 1
                    if (max_steps is not None and steps >= max_steps) or time.perf_counter() >= until \
                            or self._yield_requested:
                        break
                elif isinstance(record, EpochRecord):
                    self._record_epoch(record)
                    if stop_at_epoch:
                        break
        except StopIteration:
            self._run = None
            if self._stop_requested:
                self._set_state(STOPPED)
            else:
                self._set_state(FINISHED)
        except DivergenceError as error:  # the engine restored the last finite weights
            self._run = None
            self._set_state(DIVERGED, Note("diverged", (str(error),)))
        except NnvizError as error:
            self._run = None
            self._set_state(ERROR, Note("problem", (str(error),)))
        except Exception as error:  # a bug: say so, keep the window usable, keep the details
            self._run = None
            self._set_state(ERROR, Note("bug", (type(error).__name__, str(error))))
            self.details = traceback.format_exc()
        self._update_rate(steps, time.perf_counter() - started)
        return steps

    def _record_step(self, record: StepRecord) -> None:
        self._steps += 1
        self._run_progress = record.progress
        self._x = self._run_start_x + record.progress
        self._last_loss, self._last_lr = record.loss, record.lr
        self._points.x.append(self._x)
        self._points.loss.append(record.loss)
        if self._schedule.keep_step(self._steps, self._epochs_done, self._x):
            self._keep_moment()

    def _record_epoch(self, record: EpochRecord) -> None:
        self._epochs_done += 1
        self._epochs.append(EpochResult(
            epoch=self._epochs_done, loss=record.loss, train_accuracy=record.train_accuracy,
            test_accuracy=record.test_accuracy, seconds=record.seconds, test_loss=record.test_loss,
        ))
        self._keep_moment()

    def _keep_moment(self) -> None:
        self._moments.append(Moment(self._x, self.snapshot()))

    def _update_rate(self, steps: int, seconds: float) -> None:
        """Samples per second of training time only (pauses do not count), averaged over a few seconds."""
        samples = steps * min(self._config.batch_size, self.data.n_train if self.data else 1)
        self._rate = smoothed_rate(self._rate, samples, seconds)


def smoothed_rate(rate: float, samples: int, seconds: float, half_life_s: float = RATE_HALF_LIFE_S) -> float:
    """``rate`` (samples/s; 0: none measured yet) moved towards the rate of ``samples`` done in ``seconds``, by as
    much as an exponential average over ``half_life_s`` of training time does: the ETA glides when the speed
    changes (augmentation from the next epoch, an epoch's evaluation) instead of jumping from 0:17 to 4:08."""
    if samples == 0 or seconds <= 0:
        return rate
    measured = samples / seconds
    if rate == 0:
        return measured
    weight = 1.0 - math.exp(-seconds / half_life_s * math.log(2))
    return rate + weight * (measured - rate)
