"""What the training side does with the window's commands, without Qt: the heart of the training process.

A :class:`TrainingService` owns the live network (a :class:`~nnviz.appmodel.training_session.TrainingSession`)
and answers commands (start, pause, step, stop, reset, new settings, a correction to teach). Its host (the
loop of :mod:`nnviz.appmodel.training_child`) calls :meth:`~TrainingService.burst` whenever
:meth:`~TrainingService.next_burst_in` says one is due: training goes in bursts of about :data:`BURST_S`
seconds, so a command waits at most one burst.

What goes out is handed to ``send(kind, *payload)`` as the frozen records of :mod:`nnviz.appmodel.snapshot`,
at most :data:`PUBLISH_HZ` times a second however fast training goes: the newest snapshot and status (stale
ones are never produced), and every loss point since the previous publication (none dropped). Epoch results
go out as soon as an epoch ends, right after the loss points that led to them. The kinds:

``snapshot`` NetworkSnapshot · ``status`` TrainingStatus · ``points`` LossPoints · ``epoch`` EpochResult ·
``moment`` a Moment of the timeline (nnviz.appmodel.timeline) ·
``replaced`` NetworkSnapshot of a new network (reset, opened file: the curves start over) · ``missing`` where
MNIST was looked for · ``failed`` Note, details · ``taught`` TeachOutcome or TeachFailure · ``reported``
name, value (see :meth:`~TrainingService.report`).
"""

from __future__ import annotations

import dataclasses
import math
import time
import traceback
from typing import Callable

import numpy as np

from nnviz.appmodel.snapshot import Architecture, NetworkSnapshot, Note, TrainingStatus
from nnviz.appmodel.teaching_messages import TeachFailure, TeachRequest, teach_session
from nnviz.appmodel.training_session import (
    ERROR, IDLE, LOADING, RUNNING, MnistLoader, TrainingData, TrainingSession, TrainingSettings,
)
from nnviz.errors import DataFileError, NnvizError
from nnviz.nn import MLP, TrainConfig

BURST_S = 0.05  # a command (pause, stop, new settings) waits at most this long; shorter bursts cost ~1 % of speed
MIN_PACED_S = 0.05  # a paced run takes a few steps every 50 ms rather than one every few milliseconds
PUBLISH_HZ = 5.0  # at most as often as the window reads snapshots; each wake-up of the window costs it time
MAX_PUBLISH_HZ = 30.0  # while the window films, at most this often

REPORTS = {  # what report() can tell
    "config": lambda session: session.config,
    "network": lambda session: session.snapshot(),
    "training_labels": lambda session: None if session.data is None else session.data.y_train,
}

Send = Callable[..., None]
# run_in_background(work, done): run work() off the loop, then done(result, error) back in the loop
Background = Callable[[Callable[[], object], Callable[[object, Exception | None], None]], None]


def run_now(work: Callable[[], object], done: Callable[[object, Exception | None], None]) -> None:
    """A Background that does not go to the background (tests, notebooks)."""
    try:
        result, error = work(), None
    except Exception as exc:  # handed to done, which reports it
        result, error = None, exc
    done(result, error)


class TrainingService:
    """Commands are methods; what happens goes to ``send``. Used from one thread only (the loop's)."""

    def __init__(self, send: Send, settings: TrainingSettings = TrainingSettings(), *, network: MLP | None = None,
                 load_data: Callable[[], TrainingData] | None = None, background: Background = run_now,
                 burst_s: float = BURST_S):
        self.session = TrainingSession(settings.architecture, settings.config, None, net=network)
        self._send, self._background = send, background
        self._load_data = load_data or MnistLoader()
        self._burst_s = burst_s
        self._speed: float | None = None  # steps a second at most (None: as fast as possible)
        self._credit = 0.0  # steps the pace allows that a burst has not taken yet
        self._due: float | None = None  # when the next burst runs (monotonic), None: no run going on
        self._last_publish = -math.inf
        self._publish_hz = PUBLISH_HZ
        self._published_step = -1
        self._after_load: str | None = None  # "start" or "step" once MNIST has been read
        self._teach_waiting: list[TeachRequest] = []  # to teach once MNIST (the replay) has been read
        self._base_data: TrainingData | None = None  # MNIST as read, without the person's examples
        self._extra: tuple[np.ndarray, np.ndarray] | None = None  # (images, labels) trained on with it
        self._loading = False
        self.closed = False

    # ------------------------------------------------------------------ the loop's side
    def next_burst_in(self) -> float | None:
        """Seconds until the next burst is due (0: now), or None while no run goes on."""
        return None if self._due is None or self.closed else max(0.0, self._due - time.monotonic())

    def burst(self) -> None:
        if self.closed or self._due is None:
            return
        self.session.advance(self._burst_s, max_steps=self._paced_steps())
        running = self.session.state == RUNNING
        self._publish(force=not running)
        self._due = time.monotonic() + self._interval() if running else None
        if not running:
            self._report_failure()

    # ------------------------------------------------------------------ commands
    def start(self) -> None:
        if self.closed or not self._have_data("start"):
            return
        self.session.start()
        self._publish(force=True)
        self._due = time.monotonic()

    def pause(self) -> None:
        self._halt()
        self.session.pause()
        self._publish(force=True)

    def step(self) -> None:
        """Exactly one batch, then paused."""
        if self.closed or not self._have_data("step"):
            return
        self._due = None
        self.session.step()
        self._publish(force=True)
        self._report_failure()

    def stop(self) -> None:
        self._halt()
        self.session.stop()
        self._publish(force=True)

    def reset(self) -> None:
        """A new network from the current architecture and seed; the run ends and the curves start over."""
        self._halt()
        try:
            self.session.reset()
        except NnvizError as error:
            self._send("failed", Note("cannot-build", (str(error),)), "")
            return
        self._network_replaced()

    def undo_reset(self) -> None:
        """The network the last reset replaced comes back (see TrainingSession.undo_reset)."""
        self._halt()
        if self.session.undo_reset():
            self._network_replaced()

    def set_speed(self, steps_per_s: float | None) -> None:
        """At most this many training steps a second (None: as fast as possible), so that a lecturer can
        narrate the first steps of a run."""
        self._speed = steps_per_s if steps_per_s and steps_per_s > 0 else None

    def set_publish_rate(self, hz: float | None) -> None:
        """Send snapshots and statuses up to ``hz`` times a second (a film wants one per frame); None: the usual
        PUBLISH_HZ."""
        self._publish_hz = max(PUBLISH_HZ, min(float(hz), MAX_PUBLISH_HZ)) if hz else PUBLISH_HZ

    def publish_rate(self) -> float:
        return self._publish_hz

    def set_config(self, config: TrainConfig) -> None:
        """Applied by the running run at its next step."""
        self.session.set_config(config)
        if self.session.state != RUNNING:
            self._publish(force=True)

    def set_architecture(self, architecture: Architecture) -> None:
        """Used by the next reset."""
        self.session.set_architecture(architecture)

    def set_network(self, snapshot: NetworkSnapshot) -> None:
        """Train this network from now on (a model file the window opened)."""
        self._halt()
        self.session.set_network(snapshot.to_network())
        self._network_replaced()

    def set_data(self, data: TrainingData) -> None:
        self._base_data = data
        self._combine_data()

    def set_extra(self, extra: tuple[np.ndarray, np.ndarray] | None) -> None:
        """Train on these (images, labels) too, from the next run on (None: MNIST alone)."""
        self._extra = extra
        self._combine_data()

    def set_data_loader(self, load_data: Callable[[], TrainingData]) -> None:
        """Where MNIST comes from next time it is needed (e.g. after a download into another folder)."""
        self._load_data = load_data

    def teach(self, request: TeachRequest) -> None:
        """Learn the drawings of ``request`` now, between two bursts; MNIST's training digits, read first
        if they are not yet, are mixed in so nothing is forgotten (without them if they cannot be read)."""
        self._teach_waiting.append(request)
        if self.session.data is not None:
            self._teach_waiting_ones()
        else:
            self._read_data()

    def restore_weights(self, snapshot: NetworkSnapshot) -> None:
        """Put back the weights of ``snapshot`` (undoing a correction); the run goes on from them."""
        try:
            self.session.adopt_weights(snapshot.to_network())
        except NnvizError as error:
            self._send("failed", Note("problem", (str(error),)), "")
            return
        self._send("snapshot", self.session.snapshot())

    def report(self, name: str) -> None:
        """Send ``("reported", name, value)``: what the live network is, which the window cannot look at
        (names in REPORTS; tests ask this way, and so can a status view)."""
        self._send("reported", name, REPORTS[name](self.session))

    def shutdown(self) -> None:
        """End the run; nothing is done or sent any more."""
        self.session.stop()
        self.closed = True
        self._due = None

    # ------------------------------------------------------------------ pacing and publishing
    def _halt(self) -> None:
        self._after_load = None
        self._due = None

    def _interval(self) -> float:
        return 0.0 if self._speed is None else max(MIN_PACED_S, 1.0 / self._speed)

    def _paced_steps(self) -> int | None:
        """How many steps this burst may take: as many as the speed allows since the last one (fractions carried
        over), or any number (None) at full speed."""
        if self._speed is None:
            return None
        self._credit += self._speed * self._interval()
        steps = max(1, int(self._credit))
        self._credit = max(0.0, self._credit - steps)
        return steps

    def status(self) -> TrainingStatus:
        """The session's status; paced, with the speed and the time left at the pace, not at full speed."""
        status = self.session.status()
        if self._speed is None or status.samples_per_s <= 0:
            return status
        paced = min(status.samples_per_s, self._speed * min(self.session.config.batch_size,
                                                            self.session.data.n_train if self.session.data else 1))
        remaining = status.eta_s * status.samples_per_s if math.isfinite(status.eta_s) else float("nan")
        return dataclasses.replace(status, samples_per_s=paced, eta_s=remaining / paced)

    def _publish(self, force: bool = False) -> None:
        """Send what changed, at most PUBLISH_HZ times a second (at once with ``force`` or an epoch's end)."""
        epochs = self.session.take_epochs()
        now = time.monotonic()
        if not (force or epochs) and now - self._last_publish < 1.0 / self._publish_hz:
            return
        self._last_publish = now
        for moment in self.session.take_moments():
            self._send("moment", moment)
        points = self.session.take_points()
        if points is not None:
            self._send("points", points)
        for result in epochs:
            self._send("epoch", result)
        if self.session.steps != self._published_step:
            self._published_step = self.session.steps
            self._send("snapshot", self.session.snapshot())
        self._send("status", self.status())

    def _report_failure(self) -> None:
        if self.session.state == ERROR:
            self._send("failed", self.session.note, self.session.details)

    def _network_replaced(self) -> None:
        self._published_step = self.session.steps
        self._send("replaced", self.session.snapshot())
        self._send("status", self.status())

    # ------------------------------------------------------------------ data
    def _combine_data(self) -> None:
        data = self._base_data
        if data is not None and self._extra is not None and len(self._extra[1]):
            data = data.with_extra(*self._extra)
        if data is not None:
            self.session.set_data(data)

    def _have_data(self, then: str) -> bool:
        """True if MNIST is in memory; otherwise start reading it (in the background, so that commands are
        still answered, e.g. closing the window) and do ``then`` when it has arrived."""
        if self.session.data is not None:
            return True
        self._after_load = then
        self._read_data()
        return False

    def _read_data(self) -> None:
        if not self._loading:
            self._loading = True
            self._send("status", TrainingStatus(state=LOADING, epochs=self.session.config.epochs))
            self._background(self._load_data, self._on_data)

    def _teach_waiting_ones(self) -> None:
        for request in self._teach_waiting:
            try:
                outcome = teach_session(self.session, request)
            except NnvizError as error:
                self._send("taught", TeachFailure(request, str(error)))
                continue
            self._published_step = self.session.steps
            self._send("taught", outcome)
        self._teach_waiting = []

    def _on_data(self, data: TrainingData | None, error: Exception | None) -> None:
        self._loading = False
        if self.closed:
            return
        then, self._after_load = self._after_load, None
        if data is not None:
            self._base_data = data
            self._combine_data()
        self._teach_waiting_ones()  # with MNIST as replay, or without it if it could not be read
        if data is None:
            self._send("status", TrainingStatus(state=IDLE, epochs=self.session.config.epochs,
                                                note=Note("problem", (str(error),))))
            self._report_load_error(error)
            return
        self._send("status", self.status())
        if then == "start":
            self.start()
        elif then == "step":
            self.step()

    def _report_load_error(self, error: Exception) -> None:
        if isinstance(error, DataFileError):
            self._send("missing", str(error))
        elif isinstance(error, NnvizError):
            self._send("failed", Note("problem", (str(error),)), "")
        else:
            details = "".join(traceback.format_exception(error))
            self._send("failed", Note("cannot-read-mnist", (type(error).__name__, str(error))), details)
