"""The training process: the window starts it (``multiprocessing``'s "spawn"), and it trains the live network.

Training in its own process gives it its own interpreter lock and lets the operating system serve the pen
first: the child lowers its own scheduling priority, so on two cores the window's event loop never waits
for a training step, while BLAS in the child keeps its threads.

The window talks to it through one duplex pipe. Commands come in as ``(name, *arguments)`` and are the
methods of :class:`~nnviz.appmodel.training_service.TrainingService`, plus ``set_language``,
``set_drawing`` (see :mod:`nnviz.appmodel.blas_share`) and ``shutdown``. What the service sends goes out as ``(kind, *payload)``, except network snapshots: those are
written to a :class:`~nnviz.appmodel.snapshot_board.SnapshotBoard` in shared memory, and only their number
goes through the pipe (``("snapshot", number)``, after ``("board", name, layout)`` whenever the board is
new). A failure before the service runs is sent as ``("fatal", message, details)``.

The child ends when told (``shutdown``) and when the window is gone (its end of the pipe closes), and removes
its board either way.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import traceback
from dataclasses import dataclass
from typing import Callable

import numpy as np

from nnviz.appmodel.blas_share import BlasShare
from nnviz.appmodel.catalogue import load_catalogue, translator
from nnviz.appmodel.snapshot import NetworkSnapshot
from nnviz.appmodel.snapshot_board import BoardLayout, SnapshotBoard
from nnviz.appmodel.training_service import TrainingService
from nnviz.appmodel.training_session import MnistLoader, TrainingData, TrainingSettings
from nnviz.appmodel.wording import set_translator

NICE = 10  # how much lower than the window the child runs (POSIX nice; below normal on Windows)
TRANSLATED_CONTEXTS = ("TrainingSession",)  # the model's own error messages (network limits, missing data)
COMMANDS = frozenset({
    "start", "pause", "step", "stop", "reset", "undo_reset", "set_speed", "set_publish_rate", "set_config",
    "set_architecture",
    "set_network", "set_data", "set_extra", "set_data_loader", "teach", "restore_weights", "report",
})
_DONE = "_done"  # a background job finished: (_DONE, callback, result, error), put on the inbox by its thread


@dataclass(frozen=True)
class ChildStart:
    """Everything the child needs to begin where the window is."""

    settings: TrainingSettings
    network: NetworkSnapshot | None = None
    load_data: Callable[[], TrainingData] = MnistLoader()
    language: str = "en"
    speed: float | None = None
    publish_hz: float | None = None  # while the window films (see TrainingService.set_publish_rate)
    extra: tuple[np.ndarray, np.ndarray] | None = None
    nice: int = NICE


def lower_priority(increment: int) -> None:
    """Below the window, so that the pen is served first whatever training does."""
    if increment <= 0:
        return
    try:
        if hasattr(os, "nice"):
            os.nice(increment)
        elif sys.platform == "win32":
            import ctypes

            below_normal = 0x4000
            ctypes.windll.kernel32.SetPriorityClass(ctypes.windll.kernel32.GetCurrentProcess(), below_normal)
    except OSError:  # not allowed here: train at the window's priority
        pass


def use_language(language: str) -> None:
    set_translator(translator(load_catalogue(language, TRANSLATED_CONTEXTS)))


class Outbox:
    """What the service sends, into the pipe; snapshots onto the board."""

    def __init__(self, conn):
        self._conn = conn
        self._board: SnapshotBoard | None = None
        self.broken = False  # the window is gone

    def send(self, kind: str, *payload) -> None:
        if kind == "snapshot":
            payload = (self._on_board(payload[0]),)
        self._put((kind, *payload))

    def _on_board(self, snapshot: NetworkSnapshot) -> int:
        if self._board is None or not self._board.fits(snapshot):
            old, self._board = self._board, SnapshotBoard.create(BoardLayout.of(snapshot))
            self._put(("board", self._board.name, self._board.layout))
            if old is not None:
                old.close()  # the window's mapping of it stays valid until it lets go
        return self._board.write(snapshot)

    def _put(self, message: tuple) -> None:
        if self.broken:
            return
        try:
            self._conn.send(message)
        except (OSError, EOFError, ValueError):
            self.broken = True

    def close(self) -> None:
        if self._board is not None:
            self._board.close()
            self._board = None


def _listen(conn, inbox: queue.SimpleQueue, service: TrainingService) -> None:
    """The inbox's thread: every message from the window, in order; a correction or the end cuts the running
    burst short. The window gone counts as ``shutdown``."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            inbox.put(("shutdown",))
            return
        if message[0] == "teach":
            service.session.request_yield()
        elif message[0] == "shutdown":
            service.session.request_stop()
        inbox.put(message)
        if message[0] == "shutdown":
            return


def _handle(service: TrainingService, share: BlasShare, message: tuple) -> None:
    name, *arguments = message
    if name == _DONE:
        callback, result, error = arguments
        callback(result, error)
    elif name == "shutdown":
        service.shutdown()
    elif name == "set_language":
        use_language(*arguments)
    elif name == "set_drawing":
        share.set(*arguments)
    elif name in COMMANDS and not service.closed:
        getattr(service, name)(*arguments)


def serve(conn, start: ChildStart) -> None:
    """The command loop, until ``shutdown`` or the window is gone."""
    outbox = Outbox(conn)
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def background(work, done) -> None:
        def run() -> None:
            try:
                result, error = work(), None
            except Exception as exc:  # reported by the service
                result, error = None, exc
            inbox.put((_DONE, done, result, error))

        threading.Thread(target=run, name="nnviz-load-data", daemon=True).start()

    network = start.network.to_network() if start.network is not None else None
    service = TrainingService(outbox.send, start.settings, network=network, load_data=start.load_data,
                              background=background)
    service.set_speed(start.speed)
    service.set_publish_rate(start.publish_hz)
    if start.extra is not None:
        service.set_extra(start.extra)
    share = BlasShare()
    threading.Thread(target=_listen, args=(conn, inbox, service), name="nnviz-inbox", daemon=True).start()
    try:
        while not (service.closed or outbox.broken):
            try:
                message = inbox.get(timeout=service.next_burst_in())
            except queue.Empty:
                message = None
            while message is not None:
                _handle(service, share, message)
                message = None if inbox.empty() else inbox.get()
            if service.next_burst_in() == 0.0:
                service.burst()
    finally:
        share.set(False)
        outbox.close()


def main(conn, start: ChildStart) -> None:
    """The child process's target."""
    try:
        lower_priority(start.nice)
        use_language(start.language)
        serve(conn, start)
    except BaseException as error:  # the window shows it, with the traceback as details
        try:
            conn.send(("fatal", f"{type(error).__name__}: {error}", traceback.format_exc()))
        except (OSError, ValueError):
            pass
        raise
    finally:
        conn.close()
