"""The drawing window: real mouse strokes on the canvas are read by the shipped model, live."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QMouseEvent

from nnviz.app.drawing_window import EMPTY_TEXT, DrawingWindow
from nnviz.resources import shipped_model_path

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
LEFT = Qt.MouseButton.LeftButton


def send(canvas, kind, logical, button, buttons):
    rect = canvas.drawing_rect()
    scale = rect.width() / 280
    point = QPointF(rect.left() + logical[0] * scale, rect.top() + logical[1] * scale)
    event = QMouseEvent(kind, point, QPointF(canvas.mapToGlobal(point)), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas, event)


def draw(canvas, points):
    """One stroke through ``points`` given in the canvas's 280x280 logical pixels."""
    send(canvas, QEvent.Type.MouseButtonPress, points[0], LEFT, LEFT)
    for p in points[1:]:
        send(canvas, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, LEFT)
    send(canvas, QEvent.Type.MouseButtonRelease, points[-1], LEFT, Qt.MouseButton.NoButton)


def polyline(*corners, steps=15):
    points = []
    for a, b in zip(corners, corners[1:]):
        points += [tuple(np.array(a) + (np.array(b) - np.array(a)) * t) for t in np.linspace(0, 1, steps)]
    return points


DIGITS = {
    1: [polyline((145, 35), (135, 245))],
    7: [polyline((70, 60), (210, 60), (120, 245))],
    0: [[(140 + 62 * np.sin(t), 140 - 95 * np.cos(t)) for t in np.linspace(0, 2 * np.pi, 48)]],
}


@pytest.fixture
def window(qtbot):
    win = DrawingWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.mark.parametrize("digit", sorted(DIGITS))
def test_drawn_digits_are_read_correctly(window, digit):
    assert window.prediction.text() == EMPTY_TEXT
    for stroke in DIGITS[digit]:
        draw(window.canvas, stroke)
    assert window.prediction.text().startswith(f"{digit} (")
    p = window.probabilities.probabilities()
    assert p.argmax() == digit and p.sum() == pytest.approx(1, abs=1e-4)


def test_prediction_updates_while_the_pen_moves(window, qtbot):
    seen = []
    window.predictionChanged.connect(seen.append)
    points = DIGITS[7][0]
    send(window.canvas, QEvent.Type.MouseButtonPress, points[0], LEFT, LEFT)
    for p in points[1:]:
        send(window.canvas, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, LEFT)
    assert seen and window.prediction.text() != EMPTY_TEXT  # before any release
    send(window.canvas, QEvent.Type.MouseButtonRelease, points[-1], LEFT, Qt.MouseButton.NoButton)


def test_escape_clears_and_ctrl_z_undoes(window, qtbot):
    draw(window.canvas, DIGITS[1][0])
    draw(window.canvas, polyline((60, 200), (220, 200)))
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.prediction.text().startswith("1 (")
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.canvas.is_empty() and window.prediction.text() == EMPTY_TEXT
    assert window.probabilities.probabilities() is None


def test_a_missing_model_still_opens_and_says_why(qtbot, tmp_path):
    win = DrawingWindow(tmp_path / "missing.npz")
    qtbot.addWidget(win)
    assert win.net is None
    assert "does not exist" in win.statusBar().currentMessage()
    assert win.load_model(shipped_model_path())
    assert "784-256-128-64-10" in win.statusBar().currentMessage()


def test_screenshot_command_writes_a_png(tmp_path):
    out = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "nnviz", "--screenshot", str(out), "--size", "1280x720"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:4] == b"\x89PNG"
