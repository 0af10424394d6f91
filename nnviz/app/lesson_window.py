"""The window of a built-in lesson (``nnviz --lesson NAME``): a title, a short explanation, the lesson's view.

Lessons are opened by name (see :data:`nnviz.lessons.LESSONS`) or from a ``.nnviz`` lesson file. A lesson
whose view is not built yet, or a name that is no lesson, is a clear error, never the wrong window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from nnviz.app.clicker import Clicker
from nnviz.appmodel.lesson_setup import WINDOW_LESSON
from nnviz.app.lesson_views import VIEWS
from nnviz.app.painting import legible_font
from nnviz.app.theme import theme_window
from nnviz.errors import ConfigError


def lesson_name(name_or_file: str) -> str:
    """The lesson to open: a built-in name, or the one a ``.nnviz`` file names (the file is validated);
    ``"mnist"`` for a file that sets up the main window."""
    from nnviz.lessons import LESSONS
    from nnviz.lessons.lesson_file import LessonFile

    path = Path(name_or_file)
    if path.is_dir():
        raise ConfigError(QCoreApplication.translate(
            "LessonWindow", "{0} is a folder; give a lesson name or a .nnviz lesson file").format(name_or_file))
    if name_or_file.endswith(".nnviz") or path.is_file():
        name = LessonFile.load(name_or_file).lesson
        if name == WINDOW_LESSON:
            return name  # a set-up of the main window
    elif name_or_file == WINDOW_LESSON:
        raise ConfigError(QCoreApplication.translate(
            "LessonWindow", "'mnist' is the main window itself: run nnviz without --lesson, or give a .nnviz file"))
    else:
        name = name_or_file
    if name not in LESSONS:
        raise ConfigError(QCoreApplication.translate(
            "LessonWindow", "unknown lesson {0}; choose one of: {1}").format(repr(name), ", ".join(LESSONS)))
    if name not in VIEWS:
        raise ConfigError(QCoreApplication.translate(
            "LessonWindow", "the lesson {0} has no view in the window yet; lessons with one: {1} (all of them run "
            "from Python: import nnviz.lessons)").format(repr(name), ", ".join(VIEWS)))
    return name


class LessonWindow(QMainWindow):
    """One lesson: its title, explanation and view. A clicker steps it (a lesson that trains: one epoch or step
    each; at its end, or in a lesson without steps, the next lesson) and goes back to the lesson before."""

    def __init__(self, name: str, size: tuple[int, int] = (1280, 720)):
        super().__init__()
        self.setObjectName("lessonWindow")
        if not QApplication.instance().styleSheet():  # inside nnviz the application's theme applies
            theme_window(self)
        self.clicker = Clicker(self, self.clicker_step)
        self.show_lesson(name)
        self.resize(*size)

    def show_lesson(self, name: str) -> None:
        """Show lesson ``name`` (one of VIEWS) in this window, in place of the one shown."""
        self.name = name
        self.view = VIEWS[name]()
        self.setWindowTitle(self.tr("nnviz lesson: {0}").format(self.view.title))
        title = QLabel(self.view.title)
        title.setObjectName("lessonTitle")
        title.setFont(legible_font(self, 1.6, bold=True))
        explanation = QLabel(self.view.explanation)
        explanation.setObjectName("lessonExplanation")
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.RichText)
        explanation.setFont(legible_font(self, 1.15))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)  # the lesson shown before goes with its widget

    def clicker_step(self, delta: int) -> bool:
        """Next: a step of the lesson's training while it has one to take, else the next lesson; back: the
        lesson before."""
        player = getattr(self.view, "player", None)
        if delta > 0 and player is not None and not player.done:
            player.step()
            return True
        names = list(VIEWS)
        index = names.index(self.name) + (1 if delta > 0 else -1)
        if not 0 <= index < len(names):
            return False
        self.show_lesson(names[index])
        return True
