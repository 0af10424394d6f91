"""File → Record and ``nnviz --record``: films of the window or of one panel, as GIF or MP4."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from nnviz.appmodel.training_session import mnist_loader
from test_launch import run_nnviz
from window_helpers import DIGITS, draw, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot, mnist_dir):
    window = make_window(qtbot, load_training_data=mnist_loader(str(mnist_dir), 256, 64))
    draw(window.canvas, DIGITS[1][0])
    return window


def film_ms(gif) -> int:
    """How long a GIF plays (Pillow stores a frame like the one before as a longer showing of that one)."""
    total = 0
    for index in range(gif.n_frames):
        gif.seek(index)
        total += gif.info["duration"]
    return total


def film_for(qtbot, window, widget, path, seconds=0.6):
    assert window.start_recording(widget, path)
    deadline = time.monotonic() + seconds
    qtbot.waitUntil(lambda: time.monotonic() >= deadline, timeout=int(1000 * seconds) + 2000)
    return window.stop_recording()


def test_the_whole_window_is_filmed_frame_by_frame_into_a_gif(window, qtbot, tmp_path):
    title = window.windowTitle()
    assert window.start_recording(window, tmp_path / "w.gif")
    assert window.windowTitle().startswith("●") and window.recorder.recording()  # the mark is not in the film
    window.stop_recording()
    summary = film_for(qtbot, window, window, tmp_path / "w.gif")
    assert window.windowTitle() == title and not window.recorder.recording()
    with Image.open(summary.path) as gif:
        assert gif.size == summary.size == (window.width(), window.height()) and summary.frames >= 4
        assert film_ms(gif) == 100 * summary.frames  # 10 a second; a frame like the one before lengthens it


def test_a_panel_is_filmed_alone(window, qtbot, tmp_path):
    panel = window.panels["network"]
    summary = film_for(qtbot, window, panel, tmp_path / "p.gif")
    with Image.open(summary.path) as gif:
        assert gif.size == (panel.width(), panel.height()) != (window.width(), window.height())


def test_an_mp4_is_filmed_too(window, qtbot, tmp_path):
    summary = film_for(qtbot, window, window, tmp_path / "w.mp4")
    assert summary.path.stat().st_size > 1000 and summary.frames >= 4


def test_a_bad_name_says_why_and_films_nothing(window, tmp_path):
    assert not window.start_recording(window, tmp_path / "film.avi")
    assert not window.recorder.recording() and "gif" in window.banner.text()


def test_the_film_shows_what_changes(window, qtbot, tmp_path):
    assert window.start_recording(window, tmp_path / "draw.gif")
    draw(window.canvas, DIGITS[7][0])
    QApplication.processEvents()
    qtbot.wait(300)
    summary = window.stop_recording()
    with Image.open(summary.path) as gif:
        first = np.asarray(gif.convert("RGB"))
        gif.seek(gif.n_frames - 1)
        last = np.asarray(gif.convert("RGB"))
    assert not np.array_equal(first, last)  # the 1 became a 7


def test_record_from_the_command_line(tmp_path):
    out = tmp_path / "film.gif"
    result = run_nnviz("--record", str(out), "--seconds", "1.5", "--size", "640x480")
    assert result.returncode == 0, result.stderr
    frames = int(result.stdout.split(": ")[2].split()[0])  # "nnviz: wrote PATH: 15 frames of 640x480 in ..."
    with Image.open(out) as gif:
        assert gif.size == (640, 480) and frames >= 12 and film_ms(gif) == 100 * frames


@pytest.mark.parametrize("args, words", [
    (("--record", "nowhere/film.gif"), "does not exist"),
    (("--record", "film.avi"), "a .gif or an .mp4"),
    (("--record", "film.gif", "--seconds", "0"), "seconds must be above 0"),
    (("--train",), "--train goes with --record"),
])
def test_bad_record_options_are_one_line_and_exit_2(tmp_path, args, words):
    result = run_nnviz(*args)
    assert result.returncode == 2 and words in result.stderr and len(result.stderr.strip().splitlines()) == 1
