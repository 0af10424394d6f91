"""The training worker: one long-lived QThread that owns the live network and trains it in short bursts.

:class:`TrainingWorker` lives in that thread and drives a :class:`~nnviz.app.training_session.TrainingSession`.
Training runs in bursts of about :data:`BURST_S` seconds chained by a zero-delay single-shot timer, so
the thread's event loop gets control back between bursts and queued commands (start, pause, step,
stop, reset, new hyperparameters) take effect within one burst instead of after a whole run.

What the window sees are immutable records (:mod:`nnviz.app.snapshot`), published at most
:data:`PUBLISH_HZ` times a second however fast training goes: the newest network snapshot and status
(stale ones are never produced), and every loss point since the previous publication (none dropped).
Epoch results go out as soon as an epoch ends, right after the loss points that led to them.

:class:`TrainingThread` is the window's handle: it starts the thread, forwards commands as queued
signals, and shuts the thread down within a second when the window closes.
"""

from __future__ import annotations

import dataclasses
import math
import threading
import time
from typing import Callable

import numpy as np

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from nnviz.app.snapshot import Architecture, NetworkSnapshot, TrainingStatus
from nnviz.app.teaching_messages import TeachFailure, TeachRequest, teach_session
from nnviz.app.training_session import (
    ERROR,
    IDLE,
    LOADING,
    RUNNING,
    TrainingData,
    TrainingSession,
    TrainingSettings,
    set_translator,
)
from nnviz.errors import DataFileError, NnvizError
from nnviz.nn import MLP, TrainConfig

set_translator(QCoreApplication.translate)  # the session's status lines in the window's language
BURST_S = 0.05  # a command (pause, stop, new settings) waits at most this long; shorter bursts cost ~1 % of speed
MIN_PACED_MS = 50  # a paced run takes a few steps every 50 ms rather than one every few milliseconds
PUBLISH_HZ = 5.0  # at most as often as the window reads snapshots (SNAPSHOT_REFRESH_S); each wake-up of the GUI costs training
SHUTDOWN_S = 1.0


def mnist_loader(data_dir: str | None, limit: int | None = None,
                 test_limit: int | None = None) -> Callable[[], TrainingData]:
    """A function that reads MNIST from ``data_dir`` (see nnviz.data.resolve_data_dir), optionally only
    the first ``limit`` training and ``test_limit`` test digits."""

    def load() -> TrainingData:
        from nnviz.data import load_mnist

        return TrainingData.from_mnist(load_mnist(data_dir), limit, test_limit)

    return load


def call_in_thread(function: Callable[[], object], deliver, name: str) -> None:
    """Run ``function`` on a plain daemon thread and emit ``deliver(result, error)`` (one of them None), which
    Qt queues to the receiver's thread. An exception is delivered, never lost; if the receiver is gone
    meanwhile (the window closed), nothing happens."""

    def run() -> None:
        try:
            result, error = function(), None
        except Exception as exc:  # handed to the receiver, which reports it
            result, error = None, exc
        try:
            deliver.emit(result, error)
        except RuntimeError:  # the receiving QObject was deleted
            pass

    threading.Thread(target=run, name=name, daemon=True).start()


def shared_loader(load: Callable[[], TrainingData]) -> Callable[[], TrainingData]:
    """``load`` run at most once, whoever asks first (the worker to train, the Inspect panel for the test
    digits); the others wait for it and get the same arrays. A failure is not remembered: after a
    download the next call tries again."""
    lock = threading.Lock()
    loaded: list[TrainingData] = []

    def load_once() -> TrainingData:
        with lock:
            if not loaded:
                loaded.append(load())
            return loaded[0]

    return load_once


class TrainingWorker(QObject):
    """Lives in the training thread. Slots are commands; signals carry immutable records to the window."""

    snapshotReady = Signal(object)  # NetworkSnapshot, <= PUBLISH_HZ, newest only
    statusChanged = Signal(object)  # TrainingStatus
    lossPoints = Signal(object)  # LossPoints: every point since the previous emission
    epochFinished = Signal(object)  # EpochResult
    networkReplaced = Signal(object)  # NetworkSnapshot of a new network (reset, opened file): curves start over
    dataMissing = Signal(str)  # MNIST is not where it was looked for: the message says where
    failed = Signal(str, str)  # message, details (a traceback when it is a bug)
    taught = Signal(object)  # TeachOutcome: a correction learnt (or TeachFailure)
    _dataArrived = Signal(object, object)  # from the loading thread: TrainingData or None, error or None

    def __init__(self, settings: TrainingSettings = TrainingSettings(), *, network: MLP | None = None,
                 load_data: Callable[[], TrainingData] | None = None, burst_s: float = BURST_S):
        super().__init__()
        self.session = TrainingSession(settings.architecture, settings.config, None, net=network)
        self._load_data = load_data or mnist_loader(None)
        self._burst_s = burst_s
        self._burst_timer = QTimer(self)
        self._burst_timer.setSingleShot(True)
        self._burst_timer.setInterval(0)
        self._speed: float | None = None  # steps a second at most (None: as fast as possible)
        self._credit = 0.0  # steps the pace allows that a burst has not taken yet
        self._burst_timer.timeout.connect(self._burst)
        self._last_publish = -math.inf
        self._published_step = -1
        self._after_load: str | None = None  # "start" or "step" once MNIST has been read
        self._teach_waiting: list[TeachRequest] = []  # to teach once MNIST (the replay) has been read
        self._base_data: TrainingData | None = None  # MNIST as read, without the person's examples
        self._extra: tuple[np.ndarray, np.ndarray] | None = None  # (images, labels) trained on with it
        self._loading = False
        self._closed = False
        self._dataArrived.connect(self._on_data)

    # ------------------------------------------------------------------ commands (slots)
    @Slot()
    def start(self) -> None:
        if self._closed or not self._have_data("start"):
            return
        self.session.start()
        self._publish(force=True)
        self._burst_timer.start()

    @Slot()
    def pause(self) -> None:
        if self._closed:
            return
        self._after_load = None
        self._burst_timer.stop()
        self.session.pause()
        self._publish(force=True)

    @Slot()
    def step(self) -> None:
        """Exactly one batch, then paused."""
        if self._closed or not self._have_data("step"):
            return
        self._burst_timer.stop()
        self.session.step()
        self._publish(force=True)
        self._report_failure()

    @Slot()
    def stop(self) -> None:
        if self._closed:
            return
        self._after_load = None
        self._burst_timer.stop()
        self.session.stop()
        self._publish(force=True)

    @Slot()
    def reset(self) -> None:
        """A new network from the current architecture and seed; the run ends and the curves start over."""
        if self._closed:
            return
        self._burst_timer.stop()
        self._after_load = None
        try:
            self.session.reset()
        except NnvizError as error:
            self.failed.emit(self.tr("cannot build that network: {0}").format(error), "")
            return
        self._network_replaced()

    @Slot()
    def undo_reset(self) -> None:
        """The network the last reset replaced comes back (see TrainingSession.undo_reset)."""
        if self._closed:
            return
        self._burst_timer.stop()
        self._after_load = None
        if self.session.undo_reset():
            self._network_replaced()

    @Slot(object)
    def set_speed(self, steps_per_s: float | None) -> None:
        """At most this many training steps a second (None: as fast as possible), so that a lecturer can
        narrate the first steps of a run; the bursts keep the worker answering commands as before."""
        self._speed = steps_per_s if steps_per_s and steps_per_s > 0 else None
        self._burst_timer.setInterval(0 if self._speed is None else max(MIN_PACED_MS, round(1000 / self._speed)))

    def speed(self) -> float | None:
        return self._speed

    def _paced_steps(self) -> int | None:
        """How many steps this burst may take: as many as the speed allows since the last one (fractions carried
        over), or any number (None) at full speed."""
        if self._speed is None:
            return None
        self._credit += self._speed * self._burst_timer.interval() / 1000
        steps = max(1, int(self._credit))
        self._credit = max(0.0, self._credit - steps)
        return steps

    def _status(self) -> TrainingStatus:
        """The session's status; paced, with the speed and the time left at the pace, not at full speed."""
        status = self.session.status()
        if self._speed is None or status.samples_per_s <= 0:
            return status
        paced = min(status.samples_per_s, self._speed * min(self.session.config.batch_size,
                                                            self.session.data.n_train if self.session.data else 1))
        remaining = status.eta_s * status.samples_per_s if math.isfinite(status.eta_s) else float("nan")
        return dataclasses.replace(status, samples_per_s=paced, eta_s=remaining / paced)

    @Slot(object)
    def set_config(self, config: TrainConfig) -> None:
        """Applied by the running run at its next step."""
        if not self._closed:
            self.session.set_config(config)
            if self.session.state != RUNNING:
                self._publish(force=True)

    @Slot(object)
    def set_architecture(self, architecture: Architecture) -> None:
        """Used by the next reset."""
        if not self._closed:
            self.session.set_architecture(architecture)

    @Slot(object)
    def set_network(self, snapshot: NetworkSnapshot) -> None:
        """Train this network from now on (a model file the window opened)."""
        if self._closed:
            return
        self._burst_timer.stop()
        self._after_load = None
        self.session.set_network(snapshot.to_network())
        self._network_replaced()

    @Slot(object)
    def set_data(self, data: TrainingData) -> None:
        if not self._closed:
            self._base_data = data
            self._combine_data()

    @Slot(object)
    def set_extra(self, extra: tuple[np.ndarray, np.ndarray] | None) -> None:
        """Train on these (images, labels) too, from the next run on (None: MNIST alone)."""
        if not self._closed:
            self._extra = extra
            self._combine_data()

    def _combine_data(self) -> None:
        data = self._base_data
        if data is not None and self._extra is not None and len(self._extra[1]):
            data = data.with_extra(*self._extra)
        if data is not None:
            self.session.set_data(data)

    @Slot(object)
    def set_data_loader(self, load_data: Callable[[], TrainingData]) -> None:
        """Where MNIST comes from next time it is needed (e.g. after a download into another folder)."""
        if not self._closed:
            self._load_data = load_data

    @Slot(object)
    def teach(self, request: TeachRequest) -> None:
        """Learn the drawings of ``request`` now, between two bursts; MNIST's training digits, read first
        if they are not yet, are mixed in so nothing is forgotten (without them if they cannot be read)."""
        if self._closed:
            return
        if self.session.data is None and not self._teach_waiting:
            self._teach_waiting.append(request)
            self._read_data()
        elif self.session.data is None:
            self._teach_waiting.append(request)
        else:
            self._teach_now(request)

    def _teach_now(self, request: TeachRequest) -> None:
        try:
            outcome = teach_session(self.session, request)
        except NnvizError as error:
            self.taught.emit(TeachFailure(request, str(error)))
            return
        self._published_step = self.session.steps
        self.taught.emit(outcome)

    @Slot(object)
    def restore_weights(self, snapshot: NetworkSnapshot) -> None:
        """Put back the weights of ``snapshot`` (undoing a correction); the run goes on from them."""
        if self._closed:
            return
        try:
            self.session.adopt_weights(snapshot.to_network())
        except NnvizError as error:
            self.failed.emit(str(error), "")
            return
        self.snapshotReady.emit(self.session.snapshot())

    @Slot(object)
    def call(self, function: Callable[[], object]) -> None:
        """Run ``function`` here, in the training thread, between two bursts (see TrainingThread.call_in_worker)."""
        function()

    @Slot()
    def shutdown(self) -> None:
        """End the run, hand this object back to the main thread and end the training thread's loop."""
        if self._closed:
            return
        self._closed = True
        self._burst_timer.stop()
        self.session.stop()
        thread = self.thread()
        app = QCoreApplication.instance()
        if app is not None and thread is not app.thread():
            self.moveToThread(app.thread())  # so it can be deleted there; commands still queued are ignored
        thread.quit()

    # ------------------------------------------------------------------ training
    def _burst(self) -> None:
        if self._closed:
            return
        self.session.advance(self._burst_s, max_steps=self._paced_steps())
        running = self.session.state == RUNNING
        self._publish(force=not running)
        if running:
            self._burst_timer.start()
        else:
            self._report_failure()

    def _publish(self, force: bool = False) -> None:
        """Send what changed, at most PUBLISH_HZ times a second (at once with ``force`` or an epoch's end)."""
        epochs = self.session.take_epochs()
        now = time.monotonic()
        if not (force or epochs) and now - self._last_publish < 1.0 / PUBLISH_HZ:
            return
        self._last_publish = now
        points = self.session.take_points()
        if points is not None:
            self.lossPoints.emit(points)
        for result in epochs:
            self.epochFinished.emit(result)
        if self.session.steps != self._published_step:
            self._published_step = self.session.steps
            self.snapshotReady.emit(self.session.snapshot())
        self.statusChanged.emit(self._status())

    def _report_failure(self) -> None:
        if self.session.state == ERROR:
            self.failed.emit(self.session.message, self.session.details)

    def _network_replaced(self) -> None:
        self._published_step = self.session.steps
        self.networkReplaced.emit(self.session.snapshot())
        self.statusChanged.emit(self._status())

    # ------------------------------------------------------------------ data
    def _have_data(self, then: str) -> bool:
        """True if MNIST is in memory; otherwise start reading it (in a plain thread, so that this one
        stays responsive, e.g. to closing the window) and do ``then`` when it has arrived."""
        if self.session.data is not None:
            return True
        self._after_load = then
        self._read_data()
        return False

    def _read_data(self) -> None:
        if not self._loading:
            self._loading = True
            self.statusChanged.emit(TrainingStatus(state=LOADING, epochs=self.session.config.epochs,
                                                   message=self.tr("reading MNIST…")))
            call_in_thread(self._load_data, self._dataArrived, "nnviz-load-mnist")

    @Slot(object, object)
    def _on_data(self, data: TrainingData | None, error: Exception | None) -> None:
        self._loading = False
        if self._closed:
            return
        then, self._after_load = self._after_load, None
        if data is not None:
            self._base_data = data
            self._combine_data()
        for request in self._teach_waiting:  # with MNIST as replay, or without it if it could not be read
            self._teach_now(request)
        self._teach_waiting = []
        if data is None:
            status = TrainingStatus(state=IDLE, epochs=self.session.config.epochs, message=str(error))
            self.statusChanged.emit(status)
            if isinstance(error, DataFileError):
                self.dataMissing.emit(str(error))
            elif isinstance(error, NnvizError):
                self.failed.emit(str(error), "")
            else:
                import traceback

                details = "".join(traceback.format_exception(error))
                self.failed.emit(self.tr("could not read MNIST: {0}: {1}").format(type(error).__name__, error), details)
            return
        self.statusChanged.emit(self._status())
        if then == "start":
            self.start()
        elif then == "step":
            self.step()


class TrainingThread(QObject):
    """The window's handle on the worker: owns the QThread, sends commands as queued signals."""

    startRequested = Signal()
    pauseRequested = Signal()
    stepRequested = Signal()
    stopRequested = Signal()
    resetRequested = Signal()
    undoResetRequested = Signal()
    speedChanged = Signal(object)
    shutdownRequested = Signal()
    configChanged = Signal(object)
    architectureChanged = Signal(object)
    networkChanged = Signal(object)
    dataLoaderChanged = Signal(object)
    teachRequested = Signal(object)
    weightsRestoreRequested = Signal(object)
    extraChanged = Signal(object)
    _callRequested = Signal(object)

    def __init__(self, worker: TrainingWorker, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self.thread = QThread(self)
        self.thread.setObjectName("nnviz-training")
        worker.moveToThread(self.thread)
        for signal, slot in (
            (self.startRequested, worker.start), (self.pauseRequested, worker.pause),
            (self.stepRequested, worker.step), (self.stopRequested, worker.stop),
            (self.resetRequested, worker.reset), (self.shutdownRequested, worker.shutdown),
            (self.undoResetRequested, worker.undo_reset), (self.speedChanged, worker.set_speed),
            (self.configChanged, worker.set_config), (self.architectureChanged, worker.set_architecture),
            (self.networkChanged, worker.set_network), (self.dataLoaderChanged, worker.set_data_loader),
            (self.teachRequested, worker.teach), (self.weightsRestoreRequested, worker.restore_weights),
            (self.extraChanged, worker.set_extra),
        ):
            signal.connect(slot)
        self._callRequested.connect(worker.call, Qt.ConnectionType.BlockingQueuedConnection)
        self.thread.start()

    def start(self) -> None:
        self.startRequested.emit()

    def pause(self) -> None:
        self.pauseRequested.emit()

    def step(self) -> None:
        self.stepRequested.emit()

    def stop(self) -> None:
        self.stopRequested.emit()

    def reset(self) -> None:
        self.resetRequested.emit()

    def undo_reset(self) -> None:
        self.undoResetRequested.emit()

    def set_speed(self, steps_per_s: float | None) -> None:
        self.speedChanged.emit(steps_per_s)

    def set_config(self, config: TrainConfig) -> None:
        self.configChanged.emit(config)

    def set_architecture(self, architecture: Architecture) -> None:
        self.architectureChanged.emit(architecture)

    def set_network(self, snapshot: NetworkSnapshot) -> None:
        self.networkChanged.emit(snapshot)

    def set_data_loader(self, load_data: Callable[[], TrainingData]) -> None:
        self.dataLoaderChanged.emit(load_data)

    def teach(self, request: TeachRequest) -> None:
        """Learn these drawings between two training steps; the worker answers with ``taught``."""
        self.teachRequested.emit(request)
        self.worker.session.request_yield()  # the burst going on ends after its step: the click is answered soon

    def restore_weights(self, snapshot: NetworkSnapshot) -> None:
        """Put these weights back into the live network (undo a correction)."""
        self.weightsRestoreRequested.emit(snapshot)

    def set_extra(self, extra: tuple[np.ndarray, np.ndarray] | None) -> None:
        """Train on a person's examples (images, labels) too, from the next run on; None: MNIST alone."""
        self.extraChanged.emit(extra)

    def call_in_worker(self, function: Callable[[], object]) -> None:
        """Run ``function`` in the training thread between two of its bursts and wait for it (at most a burst):
        nothing the worker emits can happen while it runs (e.g. switching who listens to the worker). A
        thread that has ended runs nothing any more: then it runs here."""
        if self.thread.isRunning():
            self._callRequested.emit(function)
        else:
            function()

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def shutdown(self, timeout_s: float = SHUTDOWN_S) -> bool:
        """Stop training and end the thread; True if it ended within ``timeout_s``."""
        if not self.thread.isRunning():
            return True
        self.worker.session.request_stop()  # a flag read between steps: a running burst ends after this step
        self.shutdownRequested.emit()
        if self.thread.wait(int(timeout_s * 1000)):
            return True
        self.thread.quit()  # the worker is stuck in a long step: end the loop as soon as it returns
        return self.thread.wait()
