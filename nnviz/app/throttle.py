"""Rate-limit an expensive redraw: run it at most every ``interval`` seconds, always on the newest state (and,
with :class:`Soon`, put off work to the next turn of the event loop, once however often it was asked for)."""

from __future__ import annotations

import math
import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    """``request()`` runs ``action`` at once if it has not run for ``interval`` seconds, otherwise once when
    the interval is over. The action reads the widget's newest state when it runs, so the requests in
    between are merged and none is lost: the newest one wins."""

    def __init__(self, interval: float, action: Callable[[], None], parent: QObject):
        super().__init__(parent)
        self._interval = interval
        self._action = action
        self._last = -math.inf
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)

    def request(self) -> None:
        wait = self._wait_s()
        if wait <= 0:
            self._run()
        elif not self._timer.isActive():
            self._timer.start(math.ceil(wait * 1000))

    @property
    def interval(self) -> float:
        return self._interval

    def set_interval(self, interval: float) -> None:
        """A new minimum time between runs; a pending run is rescheduled to it (sooner, or later)."""
        self._interval = interval
        if self._timer.isActive():
            self._timer.start(max(0, math.ceil(self._wait_s() * 1000)))

    def _wait_s(self) -> float:
        """How long until the action may run again (<= 0: now)."""
        return self._last + self._interval - time.monotonic()

    def pending(self) -> bool:
        return self._timer.isActive()

    def cancel(self) -> None:
        """Forget a pending run (the caller has just done the work itself)."""
        self._timer.stop()

    def flush(self) -> None:
        """Run a pending action now."""
        if self._timer.isActive():
            self._run()

    def _run(self) -> None:
        self._timer.stop()
        self._last = time.monotonic()
        self._action()


class Soon(QObject):
    """``request()`` runs ``action`` once on the next turn of the event loop, however often it was asked before:
    for work that must not run inside the layout pass or event that asked for it (re-arranging widgets)."""

    def __init__(self, action: Callable[[], None], parent: QObject):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(action)

    def request(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
