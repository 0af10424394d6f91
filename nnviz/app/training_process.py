"""The window's one object that speaks to the training process (:mod:`nnviz.appmodel.training_child`).

Commands go out as messages; what the child sends comes back as the Qt signals below, always emitted in
the GUI thread, in the order the child sent them. Nothing here waits for the child: a sender thread starts
it and writes to the pipe, a reader thread reads the pipe and the snapshot board, so the pen is never held
up by training, a slow start or a large message.

The child starts with the first command that needs it (start, step, reset, a correction, ...); settings
given before that travel with its start. If it dies (a crash, killed, or it could not start), ``crashed``
says so with the details, the window keeps drawing with the last weights it has, and :meth:`restart`
starts a new child from them. :meth:`shutdown` ends the child within a second and leaves nothing behind
(no process, no shared-memory segment).
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import queue
import threading
import traceback
from typing import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from nnviz.app.i18n import current_language
from nnviz.appmodel import training_child
from nnviz.appmodel.snapshot import Architecture, NetworkSnapshot
from nnviz.appmodel.snapshot_board import SnapshotBoard, unlink
from nnviz.appmodel.teaching_messages import TeachRequest
from nnviz.appmodel.training_child import ChildStart
from nnviz.appmodel.training_session import MnistLoader, TrainingData, TrainingSettings
from nnviz.nn import TrainConfig

SHUTDOWN_S = 1.0
_KILL_WAIT_S = 0.5
_SIGNALS = {"snapshot": "snapshotReady", "status": "statusChanged", "points": "lossPoints", "epoch": "epochFinished",
            "replaced": "networkReplaced", "moment": "momentKept", "missing": "dataMissing", "failed": "failed", "taught": "taught",
            "reported": "reported"}


def _describe_end(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return QCoreApplication.translate("TrainingProcess", "the training process was ended by signal {0}").format(-exitcode)
    return QCoreApplication.translate("TrainingProcess", "the training process ended unexpectedly (exit code {0})").format(exitcode)


class TrainingProcess(QObject):
    """Commands are methods; signals carry the child's immutable records to the window."""

    snapshotReady = Signal(object)  # NetworkSnapshot, a few a second, newest only
    statusChanged = Signal(object)  # TrainingStatus
    lossPoints = Signal(object)  # LossPoints: every point since the previous emission
    epochFinished = Signal(object)  # EpochResult
    momentKept = Signal(object)  # Moment of the timeline (the start, the first epoch densely, every epoch's end)
    networkReplaced = Signal(object)  # NetworkSnapshot of a new network (reset, opened file): curves start over
    dataMissing = Signal(str)  # MNIST is not where it was looked for: the message says where
    failed = Signal(object, str)  # Note (worded by the window), details (a traceback when it is a bug)
    taught = Signal(object)  # TeachOutcome or TeachFailure
    reported = Signal(str, object)  # name, value: an answer to report()
    crashed = Signal(str, str)  # the child died or could not start: message, details
    _received = Signal(int, object)  # from the reader thread: (generation, message)

    def __init__(self, settings: TrainingSettings = TrainingSettings(), *, network: NetworkSnapshot | None = None,
                 load_data: Callable[[], TrainingData] | None = None, parent: QObject | None = None,
                 nice: int = training_child.NICE):
        super().__init__(parent)
        self._start = ChildStart(settings, network, load_data or MnistLoader(),
                                 current_language(), nice=nice)
        self._received.connect(self._dispatch)
        self._generation = 0
        self._child: _Child | None = None
        self._fatal: tuple[str, str] | None = None
        self._closing = False

    # ------------------------------------------------------------------ commands
    def start(self) -> None:
        self._send("start")

    def pause(self) -> None:
        self._send_if_running("pause")

    def step(self) -> None:
        self._send("step")

    def stop(self) -> None:
        self._send_if_running("stop")

    def reset(self) -> None:
        self._send("reset")

    def undo_reset(self) -> None:
        self._send_if_running("undo_reset")

    def set_speed(self, steps_per_s: float | None) -> None:
        self._remember(speed=steps_per_s)
        self._send_if_running("set_speed", steps_per_s)

    def set_publish_rate(self, hz: float | None) -> None:
        """Snapshots up to ``hz`` times a second while the window films (None: the usual rate)."""
        self._remember(publish_hz=hz)
        self._send_if_running("set_publish_rate", hz)

    def set_config(self, config: TrainConfig) -> None:
        self._remember(settings=dataclasses.replace(self._start.settings, config=config))
        self._send_if_running("set_config", config)

    def set_architecture(self, architecture: Architecture) -> None:
        self._remember(settings=dataclasses.replace(self._start.settings, architecture=architecture))
        self._send_if_running("set_architecture", architecture)

    def set_network(self, snapshot: NetworkSnapshot) -> None:
        self._remember(network=snapshot)
        self._send("set_network", snapshot)

    def set_data_loader(self, load_data: Callable[[], TrainingData]) -> None:
        self._remember(load_data=load_data)
        self._send_if_running("set_data_loader", load_data)

    def set_data(self, data: TrainingData) -> None:
        self._send("set_data", data)

    def set_extra(self, extra: tuple[np.ndarray, np.ndarray] | None) -> None:
        """Train on a person's examples (images, labels) too, from the next run on; None: MNIST alone."""
        self._remember(extra=extra)
        self._send_if_running("set_extra", extra)

    def set_language(self, language: str) -> None:
        """Status lines from now on in this language (the window was rebuilt in it)."""
        self._remember(language=language)
        self._send_if_running("set_language", language)

    def set_drawing(self, drawing: bool) -> None:
        """A person is drawing (or has stopped): training then leaves a core to the window."""
        self._send_if_running("set_drawing", drawing)

    def teach(self, request: TeachRequest) -> None:
        """Learn these drawings between two training steps; the child answers with ``taught``."""
        self._send("teach", request)

    def restore_weights(self, snapshot: NetworkSnapshot) -> None:
        """Put these weights back into the live network (undo a correction)."""
        self._send("restore_weights", snapshot)

    def report(self, name: str) -> None:
        """Ask the child about its live network ("config", "network", "training_labels"); ``reported`` answers."""
        self._send("report", name)

    # ------------------------------------------------------------------ the child's life
    def is_running(self) -> bool:
        """A child is there (started, not ended)."""
        return self._child is not None and not self._child.ended.is_set()

    def pid(self) -> int | None:
        return self._child.pid() if self._child is not None else None

    def launch(self) -> None:
        """Start the child now, if it is not running (it also starts with the first command that needs it)."""
        if self._closing or self.is_running():
            return
        if self._child is not None:
            self._child.clean_up()
        self._generation += 1
        self._fatal = None
        self._child = _Child(self._start, self._generation, self._deliver)

    def restart(self, network: NetworkSnapshot | None = None) -> None:
        """A new child (after a crash), training ``network`` (the weights the window still has)."""
        if network is not None:
            self._remember(network=network)
        self.shutdown()
        self._closing = False
        self.launch()

    def shutdown(self, timeout_s: float = SHUTDOWN_S) -> bool:
        """End the child (asked to stop, then terminated, then killed); True if it ended within ``timeout_s``.
        Its shared memory is removed in any case."""
        self._closing = True
        return self._child is None or self._child.end(timeout_s)

    # ------------------------------------------------------------------ internals
    def _remember(self, **changes) -> None:
        self._start = dataclasses.replace(self._start, **changes)

    def _send(self, *message) -> None:
        if self._closing:
            return
        self.launch()
        self._child.send(message)

    def _send_if_running(self, *message) -> None:
        if self.is_running():
            self._child.send(message)

    def _deliver(self, generation: int, message: tuple) -> None:
        """Called in the reader thread."""
        try:
            self._received.emit(generation, message)
        except RuntimeError:  # this object was deleted: the window is gone
            pass

    @Slot(int, object)
    def _dispatch(self, generation: int, message: tuple) -> None:
        if generation != self._generation:
            return  # from a child that has been replaced
        kind, *payload = message
        if kind in _SIGNALS:
            getattr(self, _SIGNALS[kind]).emit(*payload)
            if kind == "replaced":
                self._remember(network=payload[0])
        elif kind == "fatal":
            self._fatal = (payload[0], payload[1])
        elif kind == "ended" and not self._closing:
            self.crashed.emit(*(self._fatal or (_describe_end(payload[0]), "")))


class _Child:
    """One child process with its sender and reader threads."""

    def __init__(self, start: ChildStart, generation: int, deliver: Callable[[int, tuple], None]):
        self._generation, self._deliver = generation, deliver
        self._outgoing: queue.SimpleQueue = queue.SimpleQueue()
        self._process = None
        self._conn = None
        self._boards: list[str] = []
        self._lock = threading.Lock()
        self.ended = threading.Event()
        threading.Thread(target=self._send_all, args=(start,), name="nnviz-training-sender", daemon=True).start()

    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def send(self, message: tuple) -> None:
        self._outgoing.put(message)

    def _send_all(self, start: ChildStart) -> None:
        context = multiprocessing.get_context("spawn")
        try:
            self._conn, child_end = context.Pipe()
            process = context.Process(target=training_child.main, args=(child_end, start), name="nnviz-training",
                                      daemon=True)
            process.start()
            child_end.close()
            self._process = process
        except Exception as error:  # could not start: the window says so, with Restart
            self._deliver(self._generation, ("fatal", str(error) or type(error).__name__, traceback.format_exc()))
            self._deliver(self._generation, ("ended", None))
            self.ended.set()
            return
        threading.Thread(target=self._read_all, name="nnviz-training-reader", daemon=True).start()
        while (message := self._outgoing.get()) is not None:
            try:
                self._conn.send(message)
            except (OSError, ValueError):  # the child is gone: the reader reports it
                return

    def _read_all(self) -> None:
        board: SnapshotBoard | None = None
        while True:
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                break
            if message[0] == "board":
                board = self._attach(board, *message[1:])
            elif message[0] == "snapshot":
                read = board.read() if board is not None else None
                if read is not None and read[0] == message[1]:  # else a newer one is announced after this
                    self._deliver(self._generation, ("snapshot", read[1]))
            else:
                self._deliver(self._generation, message)
        if board is not None:
            board.close()
        self._process.join()
        self.clean_up()
        self.ended.set()
        self._deliver(self._generation, ("ended", self._process.exitcode))

    def _attach(self, old: SnapshotBoard | None, name: str, layout) -> SnapshotBoard | None:
        with self._lock:
            self._boards.append(name)
        if old is not None:
            old.close()
        try:
            return SnapshotBoard.attach(name, layout)
        except FileNotFoundError:  # already replaced by a newer one, announced next
            return None

    def clean_up(self) -> None:
        """Remove the boards a child that was killed could not remove itself."""
        with self._lock:
            names, self._boards = self._boards, []
        for name in names:
            unlink(name)

    def end(self, timeout_s: float) -> bool:
        """Ask the child to stop; terminate, then kill it if it has not ended within ``timeout_s``. (Only the
        reader thread waits for the process itself: two threads reaping one child race.)"""
        self._outgoing.put(("shutdown",))
        self._outgoing.put(None)
        ended = self.ended.wait(timeout_s)
        if not ended and self._process is not None:
            self._process.terminate()
            if not self.ended.wait(_KILL_WAIT_S):
                self._process.kill()
                self.ended.wait(_KILL_WAIT_S)
        self.clean_up()
        return ended
