"""File → Record: a film (GIF or MP4) of the whole window or of one panel, for slides and lectures.

The window's title says it is recording (a mark the film does not show: the title bar is not filmed); the
same action (Ctrl+Shift+R) stops and saves it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from nnviz.app.recorder import Recorder
from nnviz.appmodel.film import FORMATS, FilmSummary
from nnviz.errors import DataFileError

RECORD_SHORTCUT = "Ctrl+Shift+R"


class Filming:
    """The window's recorder and its File menu entry."""

    def _build_record_action(self, file) -> None:
        self.recorder = Recorder(self)
        self.recorder.stopped.connect(self._film_saved)
        self.record_action = self._action(file, self.tr("&Record a film…"), self.toggle_recording, RECORD_SHORTCUT,
                                          self.tr("Film the window or one panel as an animated GIF or an MP4, "
                                                  "until you choose Stop recording"))

    def toggle_recording(self) -> None:
        if self.recorder.recording():
            self.stop_recording()
            return
        target = self._ask_film_target()
        if target is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Record a film"), "nnviz-film.gif",
                                              self.tr("Animated GIF (*.gif);;MP4 video (*.mp4)"))
        if path:
            self.start_recording(target, path if path.lower().endswith(FORMATS) else path + ".gif")

    def _ask_film_target(self) -> QWidget | None:
        """The whole window, or one of the panels on show."""
        panels = [panel for panel in self.panels.values() if panel.is_shown()]
        names = [self.tr("The whole window")] + [panel.title() for panel in panels]
        name, ok = QInputDialog.getItem(self, self.tr("Record a film"), self.tr("What to film:"), names, 0, False)
        if not ok:
            return None
        return self if name == names[0] else panels[names.index(name) - 1]

    def start_recording(self, widget: QWidget, path) -> bool:
        """Film ``widget`` into ``path`` (.gif or .mp4); False, with the reason in the banner, if it cannot."""
        try:
            self.recorder.start(widget, path)
        except DataFileError as error:
            self.banner.show_message(str(error), "warning", [], kind="film")
            return False
        self.refresh_policy.set_film_rate(self.recorder.fps)  # then most frames show a change while training
        self.training.set_publish_rate(self.recorder.fps)  # a new status (at least) before every frame
        self.share_cores()
        self._untitled = self.windowTitle()
        self.setWindowTitle(self.tr("● Recording — {0}").format(self._untitled))
        self.record_action.setText(self.tr("Stop &recording"))
        return True

    def stop_recording(self) -> FilmSummary | None:
        try:
            return self.recorder.stop()
        except DataFileError as error:
            self._film_ended()
            self.banner.show_message(str(error), "error", [], kind="film")
            return None

    def _film_saved(self, summary: FilmSummary) -> None:
        self._film_ended()
        self.statusBar().showMessage(self.tr("saved the film {0}: {1} frames, {2} × {3}, {4} MB").format(
            summary.path, summary.frames, *summary.size, f"{summary.bytes / 1e6:.1f}"), 10000)

    def _film_ended(self) -> None:
        self.refresh_policy.set_film_rate(None)
        self.training.set_publish_rate(None)
        self.share_cores()
        if self.windowTitle().startswith("●"):
            self.setWindowTitle(self._untitled)
        self.record_action.setText(self.tr("&Record a film…"))
