"""Playing a lesson's training generator in the window: a few epochs per timer tick, Play/Pause and Restart.

The lessons' networks are tiny (a handful of neurons), so an epoch costs well under a millisecond to a
few milliseconds and runs in the window's own thread between paints.
"""

from __future__ import annotations

from typing import Callable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

TICK_MS = 30


class Player(QObject):
    """``make()`` returns a fresh generator; every tick takes ``per_tick`` items and emits the last one."""

    advanced = Signal(object)  # the newest item the generator yielded
    finished = Signal()

    def __init__(self, make: Callable[[], Iterator], per_tick: int = 5, parent: QObject | None = None):
        super().__init__(parent)
        self._make = make
        self.per_tick = per_tick
        self._items = make()
        self.done = False  # the generator has ended (until restart)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(lambda: self.tick())

    def play(self) -> None:
        self._timer.start()

    def pause(self) -> None:
        self._timer.stop()

    def is_playing(self) -> bool:
        return self._timer.isActive()

    def restart(self) -> None:
        self._items = self._make()
        self.done = False

    def step(self) -> None:
        """Advance by one item (one epoch): the Step button, and the first picture of a lesson."""
        self.tick(1)

    def tick(self, count: int | None = None) -> None:
        """Advance by ``count`` items (``per_tick`` when None: a frame of Play)."""
        last = None
        for _ in range(count or self.per_tick):
            try:
                last = next(self._items)
            except StopIteration:
                self.done = True
                self.pause()
                self.finished.emit()
                break
        if last is not None:
            self.advanced.emit(last)


class PlayerControls(QWidget):
    """Play/Pause, Step, Restart and a speed box for a :class:`Player` that yields ``unit``: "epochs" or "steps"."""

    def __init__(self, player: Player, unit: str = "epochs", parent: QWidget | None = None):
        super().__init__(parent)
        self.player = player
        self.play_button = QPushButton()
        self.play_button.setObjectName("playButton")
        self.play_button.clicked.connect(self.toggle)
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setObjectName("stepButton")
        self.step_button.clicked.connect(player.step)
        self.restart_button = QPushButton(self.tr("Restart"))
        self.restart_button.setObjectName("restartButton")
        self.restart_button.clicked.connect(self.restart)
        self.speed = QSpinBox()
        self.speed.setRange(1, 500)
        self.speed.setValue(player.per_tick)
        per_frame = {"epochs": self.tr(" epochs per frame"), "steps": self.tr(" steps per frame")}
        self.speed.setSuffix(per_frame[unit])
        self.speed.valueChanged.connect(lambda value: setattr(player, "per_tick", value))
        player.finished.connect(lambda: self._show_playing(False))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.play_button, self.step_button, self.restart_button, QLabel(self.tr("speed")), self.speed):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._show_playing(False)

    def toggle(self) -> None:
        if self.player.is_playing():
            self.player.pause()
        else:
            self.player.play()
        self._show_playing(self.player.is_playing())

    def _show_playing(self, playing: bool) -> None:
        self.play_button.setText(self.tr("❚❚ Pause") if playing else self.tr("▶ Play"))

    def restart(self) -> None:
        self.player.restart()
        self.player.step()
