"""Work off the GUI thread, one helper for all of it: reading the test digits, an evaluation, a knock-out
study, the hidden-layer map, a download (the training itself has a process of its own).

In the style of superqt's thread workers: :meth:`BackgroundTask.start` runs ``job(progress)`` on a daemon
thread; progress, then the result, the error or the cancellation come back as signals on the GUI thread.
Starting again supersedes the run under way: whatever it still reports is dropped as stale, so a view never
shows an answer about a network that is gone. NumPy releases the GIL in its heavy loops, so the window stays
smooth meanwhile.
"""

from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QObject, Signal

PROGRESS, RESULT, ERROR, CANCELLED = range(4)


class Cancelled(Exception):
    """Raised inside a job by its progress report once :meth:`BackgroundTask.cancel` was asked."""


class Progress:
    """What a job is given: call it with (done, total[, detail]) to report (it raises Cancelled once the
    run is cancelled); ``cancelled()`` for code that checks by itself (a download between chunks)."""

    def __init__(self, report: Callable[[int, int, object], None], stop: threading.Event):
        self._report, self._stop = report, stop

    def __call__(self, done: int, total: int, detail: object = None) -> None:
        if self._stop.is_set():
            raise Cancelled
        self._report(int(done), int(total), detail)

    def cancelled(self) -> bool:
        return self._stop.is_set()


class BackgroundTask(QObject):
    """One kind of job, newest first. ``progressed(done, total, detail)``; then exactly one of
    ``succeeded(result)``, ``failed(error)`` (an exception, never lost) or ``cancelled()``."""

    progressed = Signal(int, int, object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    _reported = Signal(int, int, object)  # run, what, payload: from the worker thread, queued to the GUI thread

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._name = name
        self._run = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._running = False
        self._reported.connect(self._deliver)

    def start(self, job: Callable[[Progress], object]) -> None:
        """Run ``job`` in the background; a run still under way is told to stop and its answer dropped."""
        self.drop()
        self._run += 1
        self._stop = threading.Event()
        self._running = True
        self._thread = threading.Thread(target=self._work, args=(self._run, job, self._stop), name=self._name,
                                        daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the run to stop; ``cancelled`` follows once it has (a download first removes its partial file)."""
        self._stop.set()

    def drop(self) -> None:
        """Forget the run under way (its network is gone): it is told to stop and nothing more is heard of it."""
        if self._running:
            self._stop.set()
            self._run += 1
            self._running = False

    def running(self) -> bool:
        return self._running

    def stopping(self) -> bool:
        return self._running and self._stop.is_set()

    def wait(self, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` for the thread (the window closing); True if it has ended."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout_s)
        return thread is None or not thread.is_alive()

    def _work(self, run: int, job: Callable[[Progress], object], stop: threading.Event) -> None:
        def report(done: int, total: int, detail: object) -> None:
            self._send(run, PROGRESS, (done, total, detail))

        try:
            what, payload = RESULT, job(Progress(report, stop))
        except Cancelled:
            what, payload = CANCELLED, None
        except Exception as exc:  # handed to the GUI, which reports it
            what, payload = ERROR, exc
        self._send(run, what, payload)

    def _send(self, run: int, what: int, payload: object) -> None:
        try:
            self._reported.emit(run, what, payload)
        except RuntimeError:  # the task was deleted meanwhile (its window closed): nobody to tell
            pass

    def _deliver(self, run: int, what: int, payload: object) -> None:
        if run != self._run:
            return  # stale: from a run that was superseded or dropped
        if what == PROGRESS:
            self.progressed.emit(*payload)
            return
        self._running = False
        if what == RESULT:
            self.succeeded.emit(payload)
        elif what == ERROR:
            self.failed.emit(payload)
        else:
            self.cancelled.emit()


def shared_loader(load: Callable[[], object]) -> Callable[[], object]:
    """``load`` run at most once, whoever asks first (the Inspect panel's views for the test digits); the
    others wait for it and get the same arrays. A failure is not remembered: after a download the next call
    tries again."""
    lock = threading.Lock()
    loaded: list = []

    def load_once():
        with lock:
            if not loaded:
                loaded.append(load())
            return loaded[0]

    return load_once
