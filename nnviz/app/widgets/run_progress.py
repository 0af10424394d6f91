"""What the training panel's progress bar and pace box say about a run, and what a status or failure notes,
in the window's language (the model only hands over states and :class:`~nnviz.appmodel.snapshot.Note`)."""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nnviz.appmodel.snapshot import Note, RunState, TrainingStatus

PROGRESS_STEPS = 1000


SESSION, WORKER = "TrainingSession", "TrainingWorker"
NOTES = {  # kind -> (context, words), filled in with the note's particulars; "problem" is said as it is
    "diverged": (SESSION, QT_TRANSLATE_NOOP("TrainingSession", "{0} Lower the learning rate, then press Start to go on.")),
    "bug": (SESSION, QT_TRANSLATE_NOOP("TrainingSession", "training stopped by an internal error: {0}: {1}")),
    "cannot-build": (WORKER, QT_TRANSLATE_NOOP("TrainingWorker", "cannot build that network: {0}")),
    "cannot-read-mnist": (WORKER, QT_TRANSLATE_NOOP("TrainingWorker", "could not read MNIST: {0}: {1}")),
}


def note_text(note: Note | None) -> str:
    """A note in the window's language ("" for none)."""
    if note is None:
        return ""
    if note.kind == "problem":
        return str(note.args[0])
    context, words = NOTES[note.kind]
    return QCoreApplication.translate(context, words).format(*note.args)


def format_duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "–"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def progress_text(status: TrainingStatus) -> str:
    """What the progress bar says for a status (no '%': QProgressBar would read it as a placeholder)."""
    state = status.state
    if state == RunState.IDLE:
        if status.new_network:
            return QCoreApplication.translate("TrainingSession", "new network: {0}").format(
                "-".join(map(str, status.new_network)))
        return QCoreApplication.translate("TrainingPanel", "ready: press Start (Space)")
    if state == RunState.LOADING:
        return QCoreApplication.translate("TrainingPanel", "reading MNIST…")
    if state == RunState.FINISHED:
        return QCoreApplication.translate(
            "TrainingPanel", "finished {0} epochs · press Start for more, Reset for a new network"
        ).format(status.epochs)
    if state == RunState.DIVERGED:
        return QCoreApplication.translate("TrainingPanel", "diverged: lower the learning rate, then Start")
    if state == RunState.ERROR:
        return QCoreApplication.translate("TrainingPanel", "stopped by an error (see the message above)")
    epoch = QCoreApplication.translate("TrainingPanel", "epoch {0}/{1}").format(max(1, status.epoch), status.epochs)
    if state == RunState.STOPPED:
        return QCoreApplication.translate("TrainingPanel", "stopped in {0} · Start begins a new run").format(epoch)
    if state == RunState.PAUSED:
        return QCoreApplication.translate("TrainingPanel", "paused in {0} · step {1}").format(
            epoch, f"{status.step:,}")
    rate = (QCoreApplication.translate("TrainingPanel", "{0} samples/s").format(f"{status.samples_per_s:,.0f}")
            if status.samples_per_s > 0 else QCoreApplication.translate("TrainingPanel", "measuring speed…"))
    return QCoreApplication.translate("TrainingPanel", "{0} · ETA {1} · {2}").format(
        epoch, format_duration(status.eta_s), rate)


def speed_text(steps_per_s: float | None) -> str:
    """'full speed', '20 steps/s', '1 step/s': what the pace box says (no caption needed)."""
    if steps_per_s is None:
        return QCoreApplication.translate("TrainingPanel", "full speed")
    if steps_per_s == 1:
        return QCoreApplication.translate("TrainingPanel", "1 step/s")
    return QCoreApplication.translate("TrainingPanel", "{0} steps/s").format(f"{steps_per_s:g}")


def progress_value(status: TrainingStatus) -> int:
    if status.state == RunState.FINISHED:
        return PROGRESS_STEPS
    if status.epochs <= 0 or status.epoch <= 0:
        return 0
    done = (status.epoch - 1 + min(1.0, max(0.0, status.epoch_fraction))) / status.epochs
    return int(round(PROGRESS_STEPS * min(1.0, done)))
