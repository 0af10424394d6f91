"""A presenter's clicker: PageDown / Right step forward and PageUp / Left back, in slow motion, on the timeline
and in lessons; B blanks the screen until any key or click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nnviz.app.lesson_views import VIEWS
from nnviz.app.lesson_window import LessonWindow
from nnviz.app.window.shortcut_list import menu_shortcuts
from nnviz.appmodel.snapshot import Architecture
from nnviz.appmodel.training_session import TrainingSettings, mnist_loader
from nnviz.nn import TrainConfig
from window_helpers import DIGITS, draw, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
Key = Qt.Key


@pytest.fixture
def window(qtbot, mnist_dir):
    settings = TrainingSettings(Architecture(hidden=(32,)), TrainConfig(epochs=1, batch_size=64))
    return make_window(qtbot, settings=settings, load_training_data=mnist_loader(str(mnist_dir), 2048, 500))


def test_clicker_keys_step_slow_motion_forward_and_back(window):
    draw(window.canvas, DIGITS[7][0])
    slow = window.inspection.slow_motion
    window.inspection.show_tab(slow)
    window.canvas.setFocus()
    for key, position in ((Key.Key_PageDown, 1), (Key.Key_Right, 2), (Key.Key_PageDown, 3), (Key.Key_PageUp, 2),
                          (Key.Key_Left, 1)):
        QTest.keyClick(window, key)
        assert slow.position() == position


def test_clicker_keys_step_the_timeline_and_come_back_to_live(window, qtbot):
    window.reset_network()
    qtbot.waitUntil(lambda: window.network().sizes == (784, 32, 10), timeout=5_000)
    window.start_training()
    qtbot.waitUntil(lambda: len(window.timeline) and window.timeline[-1].position == 1.0, timeout=30_000)
    newest = len(window.timeline) - 1
    QTest.keyClick(window, Key.Key_PageUp)  # from live: the newest moment
    assert window.timeline_bar.index() == newest and window.is_rewound()
    QTest.keyClick(window, Key.Key_Left)
    assert window.timeline_bar.index() == newest - 1
    QTest.keyClick(window, Key.Key_PageDown)
    QTest.keyClick(window, Key.Key_Right)
    assert window.timeline_bar.is_live() and not window.is_rewound()
    QTest.keyClick(window, Key.Key_PageUp)
    assert window.is_rewound() and "as it was at epoch" in window.statusBar().currentMessage()
    QTest.keyClick(window, Key.Key_End)  # Train → Back to live
    assert window.timeline_bar.is_live() and not window.is_rewound()


def test_a_text_field_keeps_its_arrow_keys(window):
    window.inspection.show_tab(window.inspection.slow_motion)
    draw(window.canvas, DIGITS[7][0])
    edit = window.training_panel.field("lr").lineEdit()
    edit.setFocus()
    edit.setCursorPosition(len(edit.text()))
    QTest.keyClick(edit, Key.Key_Left)
    assert edit.cursorPosition() == len(edit.text()) - 1 and window.inspection.slow_motion.position() == 0


def test_b_blanks_the_window_until_any_key_which_does_nothing_else(window, qtbot):
    QTest.keyClick(window, Key.Key_B)
    screen = window.clicker.screen
    assert screen.isVisible() and screen.geometry() == window.rect()
    assert screen.grab().toImage().pixelColor(10, 10).name() == "#000000"
    QTest.keyClick(window.focusWidget() or window, Key.Key_Space)  # Space would start training
    assert not screen.isVisible() and window.training_panel.status().state == "idle"
    QTest.keyClick(window, Key.Key_B)
    QTest.mouseClick(screen, Qt.MouseButton.LeftButton)
    assert not screen.isVisible()
    listed = dict(menu_shortcuts(window))  # the help's list of shortcuts
    assert listed["B"] == "View → Clicker → Blank the screen"
    assert listed["PgDown / Right"] == "View → Clicker → Next (clicker)"


def test_in_a_lesson_next_trains_a_step_then_the_clicker_moves_between_lessons(qtbot):
    lesson = LessonWindow("xor", (1024, 768))
    qtbot.addWidget(lesson)
    lesson.show()
    qtbot.waitExposed(lesson)
    lesson.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is lesson)
    player = lesson.view.player
    steps = []
    player.advanced.connect(steps.append)
    QTest.keyClick(lesson, Key.Key_PageDown)
    QTest.keyClick(lesson, Key.Key_Right)
    assert len(steps) == 2 and lesson.name == "xor"
    names = list(VIEWS)
    QTest.keyClick(lesson, Key.Key_PageUp)  # back: the lesson before
    assert lesson.name == names[names.index("xor") - 1]
    assert lesson.findChild(type(lesson.view), lesson.view.objectName()) is lesson.view
    first = LessonWindow(names[0])
    qtbot.addWidget(first)
    assert not first.clicker_step(-1) and first.name == names[0]
