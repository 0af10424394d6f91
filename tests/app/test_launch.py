"""Starting the window from the command line: --screenshot, --size, --log-predictions, a missing model."""

from __future__ import annotations

import os
import struct
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from nnviz.app.launch import has_display, prediction_line, take_screenshot
from nnviz.app.main_window import MainWindow
from nnviz.appmodel.app_options import AppOptions
from nnviz.resources import asset_path

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def run_nnviz(*args, timeout=120):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "nnviz", *args], capture_output=True, text=True, timeout=timeout,
                          env=env)


def test_screenshot_with_the_sample_digit_and_logged_prediction(tmp_path):
    out = tmp_path / "shot.png"
    result = run_nnviz("--screenshot", str(out), "--size", "1280x720", "--log-predictions")
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1280, 720)  # offscreen by itself (no display here), at the asked size
    assert result.stdout.splitlines()[0].startswith("prediction: 7 (")  # the sample digit is a 7
    assert "Traceback" not in result.stderr


def test_a_missing_model_still_gives_a_window(tmp_path):
    out = tmp_path / "shot.png"
    result = run_nnviz("--screenshot", str(out), "--size", "1920x1080", "--model", str(tmp_path / "none.npz"))
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1920, 1080)


def test_take_screenshot_in_process(qtbot, tmp_path):
    window = MainWindow(AppOptions(size=(1280, 720)))
    qtbot.addWidget(window)
    out = tmp_path / "shot.png"
    assert take_screenshot(window, str(out)) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
    assert window.prediction().startswith("7 (")
    assert not window.training.is_running()  # closed, thread ended


def test_the_sample_digit_ships():
    assert asset_path("sample_digit.png").exists()


def test_prediction_lines():
    assert prediction_line("7 (96 %)") == "prediction: 7 (96 %)"
    assert prediction_line("") == "prediction: none"


def test_has_display(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert has_display() is (not sys.platform.startswith("linux"))
    monkeypatch.setenv("DISPLAY", ":0")
    assert has_display()


def test_log_predictions_prints_each_change_and_none_when_cleared(qtbot, capsys):
    from nnviz.app.launch import print_prediction

    window = MainWindow(AppOptions(size=(1280, 720), log_predictions=True))
    qtbot.addWidget(window)
    window.predictionTextChanged.connect(print_prediction)
    window.canvas.load_image_file(asset_path("sample_digit.png"))
    window.canvas.load_image_file(asset_path("sample_digit.png"))  # the same again: no new line
    window.canvas.clear()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("prediction: 7 (") and lines[0].endswith(" %)")
    assert lines[1] == "prediction: none"
