"""Driving the main window like a user, shared by the window's tests: QTest strokes, a shown window."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nnviz.app.main_window import MainWindow
from nnviz.appmodel.snapshot import Architecture
from nnviz.appmodel.training_session import TrainingSettings
from nnviz.appmodel.app_options import AppOptions
from nnviz.nn import TrainConfig

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
# Long enough a run that tests can see it running (they pause or close it); a full run sets epochs=2.
LONG = TrainingSettings(Architecture(hidden=(32,)), TrainConfig(epochs=1000, batch_size=64, schedule="constant"))


def polyline(*corners, steps=12):
    points = []
    for a, b in zip(corners, corners[1:]):
        points += [tuple(np.array(a) + (np.array(b) - np.array(a)) * t) for t in np.linspace(0, 1, steps)]
    return points


# Strokes in the canvas's own 280x280 pixels, drawn the way people draw these digits.
DIGITS = {
    1: [polyline((150, 40), (138, 240))],
    7: [polyline((75, 62), (205, 58), (125, 242))],
    0: [[(140 + 60 * np.sin(t), 140 - 92 * np.cos(t)) for t in np.linspace(0, 2 * np.pi, 40)]],
    2: [[(140 - 58 * np.cos(t), 100 - 52 * np.sin(t)) for t in np.linspace(0.1, 1.15 * np.pi, 18)]
        + polyline((198, 125), (78, 238), steps=10) + polyline((78, 238), (212, 236), steps=8)],
    8: [[(140 + 52 * np.sin(2 * t), 140 - 92 * np.cos(t)) for t in np.linspace(0, 2 * np.pi, 48)]],
}


def widget_point(canvas, logical) -> QPoint:
    rect = canvas.drawing_rect()
    scale = rect.width() / 280
    return QPoint(round(rect.left() + logical[0] * scale), round(rect.top() + logical[1] * scale))


def draw(canvas, points, on_move=None) -> None:
    """One stroke with QTest's mouse events: press, move with the button held, release."""
    QTest.mousePress(canvas, LEFT, NO_MODIFIER, widget_point(canvas, points[0]))
    for point in points[1:]:
        QTest.mouseMove(canvas, widget_point(canvas, point))
        if on_move is not None:
            on_move()
    QTest.mouseRelease(canvas, LEFT, NO_MODIFIER, widget_point(canvas, points[-1]))


def make_window(qtbot, **kwargs) -> MainWindow:
    window = MainWindow(AppOptions(**{"size": (1280, 720), **kwargs.pop("options", {})}), **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def ask_training(qtbot, training, name: str):
    """What the training process says about its live network (``TrainingProcess.report``)."""
    answers = []

    def answer(reported: str, value) -> None:
        if reported == name:
            answers.append(value)

    training.reported.connect(answer)
    try:
        training.report(name)
        qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    finally:
        training.reported.disconnect(answer)
    return answers[0]
