"""Teach it: a person corrects a misread drawing and watches the network learn from it.

A click on the right digit under the probability bars (or Shift+digit) keeps the drawing in the person's
own examples (a small file in their data folder) and asks the training side to learn it, between two
training steps if a run is going on. The answer comes back as frozen data: the window shows the new
network, the bars as they were before (dashed), the connections that changed most, and one sentence of
what happened. Ctrl+Z right after takes the correction back: the exact weights from before return.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from nnviz.appmodel.teaching_messages import TeachFailure, TeachOutcome, TeachRequest
from nnviz.data.personal_examples import PersonalExample, PersonalSet
from nnviz.errors import DataFileError

EXAMPLES_FILE = "my-examples.npz"
MESSAGE_MS = 12_000


def personal_set_path() -> Path:
    """Where a person's corrected drawings are kept: their data folder (XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("nnviz", appauthor=False) / EXAMPLES_FILE


class Teaching(QObject):
    """The window's side of teaching. ``window`` gives it the drawing, the network it is read with and a
    place to say things; ``training`` (a TrainingProcess) takes the requests."""

    examplesChanged = Signal()
    outcomeShown = Signal(object)  # TeachOutcome or TeachFailure, once shown

    def __init__(self, window, training, path: Path | None = None):
        super().__init__(window)
        self._window = window
        self._training = training
        self._path = Path(path) if path is not None else personal_set_path()
        self._examples = self._load()
        self._undo: list[tuple[TeachOutcome, PersonalSet]] = []  # corrections Ctrl+Z takes back, newest last
        self._armed = 0  # how many of them come before the canvas's strokes in Ctrl+Z's order
        self._waiting: list[TeachRequest] = []
        self._seed = 0
        window.canvas.strokeFinished.connect(self._disarm)

    # ------------------------------------------------------------------ the personal set
    def examples(self) -> PersonalSet:
        return self._examples

    def path(self) -> Path:
        return self._path

    def set_examples(self, examples: PersonalSet) -> bool:
        """Keep ``examples`` (relabelled, deleted, imported) and write them; False (and said) if it failed."""
        try:
            examples.save(self._path)
        except DataFileError as error:
            self._window.banner.show_message(str(error), "error", kind="examples")
            return False
        self._examples = examples
        self.examplesChanged.emit()
        return True

    def _load(self) -> PersonalSet:
        """The set in the data folder; a damaged file is moved aside (never lost) and the window says so."""
        if not self._path.exists():
            return PersonalSet()
        try:
            return PersonalSet.load(self._path)
        except DataFileError as error:
            stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
            aside = self._path.with_name(f"{self._path.stem}.damaged-{stamp}{self._path.suffix}")
            try:
                shutil.move(self._path, aside)
                where = self.tr("It was kept as {0}.").format(aside)
            except OSError as move_error:
                where = self.tr("It could not be moved aside ({0}).").format(move_error)
            self._window.banner.show_message(
                self.tr("Your examples could not be read: {0} {1} New corrections go into a new file.").format(
                    error, where), "error", kind="examples")
            return PersonalSet()

    # ------------------------------------------------------------------ teaching
    def busy(self) -> bool:
        """A request is on its way: the next waits for its answer."""
        return bool(self._waiting)

    def correct(self, label: int) -> bool:
        """"This drawing is a ``label``": keep it and learn it. False when there is nothing drawn."""
        prepared = self._window.current_input()
        image = None if prepared is None or prepared.is_empty else prepared.image
        if image is None:
            self._window.statusBar().showMessage(self.tr("Draw a digit first, then say which digit it is."), 5000)
            return False
        example = PersonalExample(image, int(label), self._window.canvas.strokes())
        self.set_examples(self._examples.added(example))
        self._send(TeachRequest(image.reshape(1, -1), np.array([label]), seed=self._next_seed()))
        return True

    def learn_all(self) -> bool:
        """Learn every kept example at once (e.g. after importing a class's file)."""
        if not len(self._examples):
            self._window.statusBar().showMessage(self.tr("No examples kept yet: correct a misread drawing first."),
                                                 5000)
            return False
        self._send(TeachRequest(self._examples.images, self._examples.labels, seed=self._next_seed(),
                                correction=False))
        return True

    def _next_seed(self) -> int:
        self._seed += 1
        return self._seed

    def _send(self, request: TeachRequest) -> None:
        self._waiting.append(request)
        self._window.statusBar().showMessage(self.tr("learning your drawing…"))
        self._training.teach(request)

    @Slot(object)
    def on_outcome(self, outcome: TeachOutcome | TeachFailure) -> None:
        """The training side's answer (the window forwards its training process's ``taught``)."""
        if outcome.request in self._waiting:
            self._waiting.remove(outcome.request)
        if isinstance(outcome, TeachFailure):
            self._window.banner.show_message(self.tr("Could not learn that: {0}").format(outcome.message), "error",
                                             kind="examples")
            self.outcomeShown.emit(outcome)
            return
        if outcome.request.correction:
            self._undo.append((outcome, self._examples.without(len(self._examples) - 1)))
            self._armed += 1
        self._window.show_taught_network(outcome.snapshot, before=outcome.before[-1] if outcome.request.correction
                                         else None)
        self._window.network_view.show_changes(outcome.weight_change)
        self._window.statusBar().showMessage(self.sentence(outcome), MESSAGE_MS)
        self.outcomeShown.emit(outcome)

    def sentence(self, outcome: TeachOutcome) -> str:
        """What happened, in one line for the status bar."""
        request = outcome.request
        if request.correction:
            what = self.tr("{0} steps on your {1}").format(outcome.steps, int(request.labels[0]))
        else:
            what = self.tr("{0} steps on your {1} examples").format(outcome.steps, len(request.labels))
        if outcome.replay_per_step:
            mixed = self.tr("mixed with the {0} MNIST digits it found hardest ({1} different ones), so it does "
                            "not forget").format(outcome.replay_per_step, outcome.replayed)
        else:
            mixed = self.tr("without MNIST digits to mix in (MNIST is not loaded): it may forget a little")
        read = outcome.after.argmax(axis=1)
        if request.correction and outcome.corrected:
            result = self.tr("it now reads a {0} ({1:.0f} %)").format(int(read[-1]), 100 * outcome.after[-1].max())
        elif request.correction:
            result = self.tr("it still reads a {0}: correct it once more, or draw it more clearly").format(int(read[-1]))
        else:
            result = self.tr("it reads {0} of {1} right").format(int((read == request.labels).sum()), len(read))
        undo = self.tr(" · Ctrl+Z undoes it") if request.correction else ""
        return f"{what}, {mixed}: {result}{undo}"

    # ------------------------------------------------------------------ undo
    def can_undo(self) -> bool:
        """Ctrl+Z would take back a correction (none drawn since it)."""
        return self._armed > 0 and bool(self._undo)

    def undo(self) -> bool:
        """Take back the last correction: its exact previous weights, and its example."""
        if not self.can_undo():
            return False
        outcome, examples = self._undo.pop()
        self._armed -= 1
        self.set_examples(examples)
        self._training.restore_weights(outcome.previous)
        self._window.show_taught_network(outcome.previous, before=None)
        self._window.network_view.show_changes(None)
        self._window.statusBar().showMessage(self.tr("correction undone: the weights from before are back"), 5000)
        return True

    @Slot()
    def _disarm(self) -> None:
        """A new stroke: Ctrl+Z takes back strokes first again."""
        self._armed = 0
