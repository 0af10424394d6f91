"""What the status bar says about the network in use: where it came from, its shape, how much it has been trained
in the window and how well it reads the test digits.

It is always worded from the facts of now (the newest snapshot's step count, the last epoch's accuracy), in the
window's language when it is shown: a Reset never leaves "trained in the window · 3,752 steps" behind, and a
window rebuilt in Chinese never shows the English words of the one before.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

FILE, NEW, UNTRAINED = "file", "new", "untrained"


@dataclass(frozen=True)
class ModelOrigin:
    """Where the network in use came from: a model file (``name``, and the test accuracy saved with it), a
    Reset, or nothing (no model file could be read: an untrained network)."""

    kind: str
    name: str = ""
    file_accuracy: float | None = None


def describe(origin: ModelOrigin, sizes, steps: int, accuracy: float | None) -> str:
    """"mnist-mlp.npz · 784-256-128-64-10 · 98.9 % on the test digits", "new network (Reset) · 784-32-10 ·
    steps trained here: 1,234 · 91.0 % on the test digits": ``steps`` trained in the window since the network came
    in, ``accuracy`` of the last epoch of that training (None: not measured yet)."""
    if origin.kind == FILE:
        source = origin.name
    elif origin.kind == NEW:
        source = QCoreApplication.translate("ModelDescription", "new network (Reset)")
    else:
        source = QCoreApplication.translate("ModelDescription", "untrained network")
    parts = [source, "-".join(map(str, sizes))]
    if steps:
        parts.append(QCoreApplication.translate("ModelDescription", "steps trained here: {0}").format(f"{steps:,}"))
    elif accuracy is None:  # what the file says holds until training changes the network
        accuracy = origin.file_accuracy
    if accuracy is not None:
        parts.append(QCoreApplication.translate("ModelDescription", "{0} % on the test digits").format(
            f"{100 * accuracy:.1f}"))
    return " · ".join(parts)
