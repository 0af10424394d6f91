"""Whether a person is drawing now, for the training process (see nnviz.appmodel.blas_share)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer

PEN_IDLE_MS = 1500  # this long after the last pen move, the person has stopped drawing (a rest between strokes is shorter)


class PenActivity(QObject):
    """``touch()`` at every pen move; ``tell(True)`` once when drawing starts, ``tell(False)`` once it has stopped."""

    def __init__(self, tell: Callable[[bool], None], parent: QObject, idle_ms: int = PEN_IDLE_MS):
        super().__init__(parent)
        self._tell = tell
        self._active = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._stopped)

    def is_active(self) -> bool:
        return self._active

    def touch(self) -> None:
        self._idle.start()
        if not self._active:
            self._active = True
            self._tell(True)

    def _stopped(self) -> None:
        self._active = False
        self._tell(False)
