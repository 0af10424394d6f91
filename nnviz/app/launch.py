"""Starting the window: ``nnviz`` with no command ends up in :func:`run_app`.

Besides the interactive window this serves scripted uses: ``--screenshot PATH`` renders the window
(offscreen when there is no display) with the sample digit from ``assets/`` drawn on the canvas and
exits, ``--record PATH --seconds N [--train]`` films it the same way, and ``--log-predictions`` prints every change of the prediction to stdout for end-to-end tests
that drive a real mouse (with the canvas's place on the screen, so they know where to draw, and every
change of the training state).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time

from nnviz.appmodel.app_options import AppOptions
from nnviz.data.preprocess import warm_up as warm_up_preprocessing
from nnviz.errors import DataFileError, NnvizError

SAMPLE_DIGIT = "sample_digit.png"
SCREENSHOT_TIMEOUT_S = 10.0
TRAINING_WAIT_S = 60.0  # --record --train: how long MNIST may take to be read before filming starts anyway
TRAINING_LAUNCH_MS = 500  # the training process starts this soon after the window shows, so Start answers at once
def has_display() -> bool:
    """Whether a window could be shown on screen (on Linux: an X11 or Wayland display is set)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def prediction_line(text: str) -> str:
    """What --log-predictions prints: 'prediction: 7 (96 %)', or 'prediction: none' for an empty canvas."""
    return f"prediction: {text or 'none'}"


def run_app(options: AppOptions) -> int:
    if options.scripted and not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    lesson = None
    if options.lesson:
        from nnviz.app.lesson_window import lesson_name

        lesson = lesson_name(options.lesson)  # a wrong name or file is one clear line, before Qt starts
    if not has_display() and not os.environ.get("QT_QPA_PLATFORM"):
        raise NnvizError("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); run nnviz "
                         "in a desktop session, or use --screenshot PATH to render the window to a picture")
    warm_up = threading.Thread(target=warm_up_preprocessing, name="nnviz-warm-up", daemon=True)
    warm_up.start()  # alongside Qt's start-up
    try:
        return _open_window(options, lesson, warm_up)
    finally:
        warm_up.join()  # a daemon thread still importing when the interpreter exits can crash it


def _open_window(options: AppOptions, lesson: str | None, warm_up: threading.Thread) -> int:
    import nnviz.app  # noqa: F401  (applies the Qt work-arounds before anything else touches Qt)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from nnviz import __version__
    from nnviz.app.i18n import install_language, remembered_language
    from nnviz.appmodel.lesson_setup import WINDOW_LESSON
    from nnviz.app.main_window import MainWindow
    from nnviz.app.theme import apply_theme

    QApplication.setApplicationName("nnviz")
    QApplication.setOrganizationName("nnviz")
    QApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    install_language(options.language or remembered_language())
    if lesson is not None and lesson != WINDOW_LESSON:
        return run_lesson(app, lesson, options)
    window = MainWindow(options)
    if lesson is not None:  # a .nnviz set-up of this window
        window.open_lesson_file(options.lesson)
    if options.present:  # a screenshot keeps the size asked for
        window.set_presenting(True, full_screen=not options.scripted)
    if options.log_predictions:
        log_changes(window)
    warm_up.join()  # before the window takes input: a stroke blocked by an import loses its mouse moves
    if options.screenshot:
        return _deleted_after(window, take_screenshot(window, options.screenshot))
    if options.record:
        return _deleted_after(window, record_film(window, options))
    window.show()
    freeze_startup_objects()
    QTimer.singleShot(TRAINING_LAUNCH_MS, window.training, window.training.launch)  # Start then answers at once
    if options.log_predictions:
        _wait_until_shown(window)
        print(canvas_line(window.canvas), flush=True)
    return app.exec()


def freeze_startup_objects() -> None:
    """Keep the tens of thousands of objects made at start-up (Qt wrappers, pyqtgraph, modules) out of Python's
    full garbage collections: each of those otherwise scans them all and stops the window for about 70 ms
    every few seconds while a person draws (the diagram makes thousands of short-lived lines a second)."""
    gc.collect()
    gc.freeze()


def run_lesson(app, lesson: str, options: AppOptions) -> int:
    """``nnviz --lesson NAME|FILE``: the lesson's own window (or its screenshot)."""
    from nnviz.app.lesson_window import LessonWindow

    window = LessonWindow(lesson, options.size)
    window.show()
    if options.record:
        _wait_until_shown(window)
        return _deleted_after(window, film(window, options.record, options.seconds))
    if options.screenshot:
        _wait_until_shown(window)
        return _deleted_after(window, save_grab(window, options.screenshot))
    return app.exec()


def save_grab(window, path: str) -> int:
    """Render ``window`` to the PNG ``path``, close it; 0, or 2 with one line on stderr."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    ok = window.grab().save(str(path), "PNG")
    window.close()
    QApplication.processEvents()
    if not ok:
        print(f"nnviz: error: could not write the screenshot to {path}", file=sys.stderr)
        return 2
    return 0


def log_changes(window) -> None:
    """--log-predictions: print what ``window`` reads and where its training is, and go on with the window that
    takes over from it (a switch of language)."""
    window.predictionTextChanged.connect(print_prediction)
    window.trainingStateChanged.connect(print_training_state)
    window.momentShown.connect(print_moment)
    window.replacedBy.connect(log_changes)


def _deleted_after(window, code: int) -> int:
    """Delete ``window`` now and pass ``code`` on: the process is about to exit, and a window left to the
    interpreter's teardown (in whatever order it destroys Qt's objects) can crash it."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return code


def print_prediction(text: str) -> None:
    print(prediction_line(text), flush=True)


def print_training_state(state: str) -> None:
    print(f"training: {state}", flush=True)


def print_moment(epochs: float, step: int) -> None:
    """'timeline: epoch 0.25, step 117' when the window rewinds to a moment, 'timeline: live' when it comes back."""
    print("timeline: live" if step < 0 else f"timeline: epoch {epochs:.2f}, step {step}", flush=True)


def canvas_line(canvas) -> str:
    """'canvas: x y width height': the drawing area in global screen pixels (where a real mouse draws)."""
    rect = canvas.drawing_rect()
    top_left = canvas.mapToGlobal(rect.topLeft())
    return f"canvas: {round(top_left.x())} {round(top_left.y())} {round(rect.width())} {round(rect.height())}"


def take_screenshot(window, path: str) -> int:
    """Show ``window`` with the sample digit drawn, wait for the prediction, save it to ``path`` (PNG)."""
    show_with_sample_digit(window)
    return save_grab(window, path)


def record_film(window, options: AppOptions) -> int:
    """``--record``: the window with the sample digit, (``--train``) training once it is under way, filmed for
    ``options.seconds`` as File → Record films it."""
    show_with_sample_digit(window)
    if options.train:
        window.training.launch()
        window.start_training()
        if not _process_events_until(lambda: window.training_panel.status().state == "running", TRAINING_WAIT_S):
            print("nnviz: warning: training did not start; filming the window as it is", file=sys.stderr)
    summary = None
    if window.start_recording(window, options.record):
        _process_events_for(options.seconds)
        summary = window.stop_recording()
    problem = window.banner.text()
    window.close()
    return _film_written(summary, options.seconds, problem)


def film(window, path: str, seconds: float) -> int:
    """Film ``window`` (a lesson's) for ``seconds`` into ``path``, close it."""
    from nnviz.app.recorder import Recorder

    recorder = Recorder(window)
    summary, problem = None, ""
    try:
        recorder.start(window, path)
        _process_events_for(seconds)
        summary = recorder.stop()
    except NnvizError as error:
        problem = str(error)
    window.close()
    return _film_written(summary, seconds, problem)


def _film_written(summary, seconds: float, problem: str) -> int:
    """0 with one line on stdout about the film, or 2 with the problem on stderr."""
    if summary is None:
        print(f"nnviz: error: {problem or 'the film could not be written'}", file=sys.stderr)
        return 2
    print(f"nnviz: wrote {summary.path}: {summary.frames} frames of {summary.size[0]}x{summary.size[1]} in "
          f"{seconds:g} s, {summary.bytes / 1e6:.1f} MB", flush=True)
    return 0


def _process_events_for(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    _process_events_until(lambda: time.monotonic() >= deadline, seconds + 1.0)


def show_with_sample_digit(window) -> None:
    """Show ``window`` with the sample digit from ``assets/`` on its canvas, read and drawn."""
    from nnviz.resources import asset_path

    window.show()
    _wait_until_shown(window)
    try:
        window.canvas.load_image_file(asset_path(SAMPLE_DIGIT))
    except DataFileError as error:
        print(f"nnviz: warning: no sample digit for the screenshot ({error})", file=sys.stderr)
    _process_events_until(lambda: bool(window.prediction()) or window.canvas.is_empty())
    window.apply_pending()


def _wait_until_shown(window) -> bool:
    """Process events until ``window`` is on the screen (exposed), or the timeout passes."""
    return _process_events_until(lambda: window.isVisible() and window.windowHandle() is not None
                                 and window.windowHandle().isExposed())


def _process_events_until(done, timeout_s: float = SCREENSHOT_TIMEOUT_S) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return True
