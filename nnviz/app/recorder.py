"""Filming a widget (the whole window or one panel): grabbed on the GUI thread at a steady rate, encoded in
the background (:class:`nnviz.appmodel.film.FilmWriter`), so drawing and training keep their speed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from nnviz.app.painting import rgba_array
from nnviz.appmodel.film import FilmSummary, FilmWriter

FPS = 10  # frames a second: smooth enough for a slide, few enough that a GIF stays small


class Recorder(QObject):
    """``start(widget, path)`` films ``widget`` until ``stop()``; ``stopped`` carries the :class:`FilmSummary`."""

    started = Signal(str)  # the film's path
    stopped = Signal(object)  # FilmSummary

    def __init__(self, parent: QObject | None = None, fps: float = FPS):
        super().__init__(parent)
        self.fps = fps
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(round(1000 / fps))
        self._timer.timeout.connect(self._grab)
        self._writer: FilmWriter | None = None
        self._target: QWidget | None = None

    def recording(self) -> bool:
        return self._writer is not None

    def target(self) -> QWidget | None:
        return self._target

    def start(self, widget: QWidget, path) -> None:
        """Raises DataFileError for a name that cannot be a film (see :func:`~nnviz.appmodel.film.check_film_path`)."""
        if self.recording():
            self.stop()
        self._writer = FilmWriter(path, self.fps)
        self._target = widget
        self._grab()
        self._timer.start()
        self.started.emit(str(self._writer.path))

    def stop(self) -> FilmSummary | None:
        """Finish the film (raises DataFileError if it could not be written); None when nothing was filmed."""
        if self._writer is None:
            return None
        self._timer.stop()
        writer, self._writer, self._target = self._writer, None, None
        summary = writer.close()
        self.stopped.emit(summary)
        return summary

    def _grab(self) -> None:
        target = self._target
        if target is None or self._writer is None:
            return
        image = target.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
        self._writer.add(rgba_array(image)[..., :3].copy())
