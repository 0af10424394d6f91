"""What the window remembers between sessions (QSettings): its size and layout, the theme and hidden
panels, the last hyperparameters and architecture of the training panel, and which Inspect tab was open.

Stored as an INI file in the user's config folder. A value that cannot be read back (an older format, a
hand edit) is skipped: remembering is a convenience and must never stop the window from opening.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

from nnviz.appmodel.lesson_setup import lesson_from_settings, settings_from_lesson
from nnviz.app.theme import DARK, THEMES
from nnviz.appmodel.training_session import TrainingSettings
from nnviz.errors import NnvizError
from nnviz.lessons.lesson_file import LessonFile


def store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "nnviz", "nnviz")


def save_window(window) -> None:
    """Remember the window's layout and set-up. Never raises: closing must not fail over a setting."""
    try:
        settings = store()
        settings.setValue("window/geometry", window.saveGeometry())
        for name, splitter in window.splitters().items():
            settings.setValue(f"splitters/{name}", splitter.saveState())
        view = window.view_settings()
        settings.setValue("view/theme", view.theme)
        settings.setValue("view/hidden_panels", json.dumps(list(view.hidden)))
        lesson = lesson_from_settings(window.training_panel.settings(), window.inspection.visible_tabs())
        settings.setValue("training/setup", json.dumps(lesson.to_dict()))
        settings.sync()
    except (NnvizError, OSError, TypeError, ValueError):  # e.g. a model wider than a lesson file allows
        pass


def restored_training(settings: QSettings | None = None) -> tuple[TrainingSettings, tuple[str, ...]] | None:
    """The training panel's last settings and Inspect tabs, or None when there are none (or unreadable)."""
    text = (settings or store()).value("training/setup")
    if not isinstance(text, str):
        return None
    try:
        doc = json.loads(text)
        lesson = LessonFile.from_dict(doc) if isinstance(doc, dict) else None
        return None if lesson is None else (settings_from_lesson(lesson), lesson.panels)
    except (ValueError, TypeError, NnvizError):
        return None


@dataclass(frozen=True)
class ViewSettings:
    """The view as the window was closed: the everyday theme and the panels hidden from it."""

    theme: str = DARK
    hidden: tuple[str, ...] = ()


def restored_view(settings: QSettings | None = None) -> ViewSettings:
    """The remembered view; a part that is missing or unreadable keeps its default."""
    settings = settings or store()
    theme = settings.value("view/theme")
    try:
        hidden = json.loads(settings.value("view/hidden_panels", "[]", str))
    except ValueError:
        hidden = None
    if not (isinstance(hidden, list) and all(isinstance(key, str) for key in hidden)):
        hidden = []
    return ViewSettings(theme=theme if theme in THEMES else DARK, hidden=tuple(hidden))


def restore_geometry(window) -> bool:
    """The window's size and place as they were; False when nothing (readable) was stored."""
    geometry = store().value("window/geometry")
    return isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)


def restore_splitters(window) -> None:
    """Splitter positions as they were (call once the window is shown: before, its layout redistributes)."""
    settings = store()
    for name, splitter in window.splitters().items():
        state = settings.value(f"splitters/{name}")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
