"""Presentation mode (F11): large type, a high-contrast theme, only the panels a lecture needs, nothing
cut off at 1280x720, and everything as it was when it ends. Also the everyday theme choice."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QLabel

from nnviz.app.theme import DARK, PRESENTATION_POINT_SIZE, PROJECTOR, apply_theme
from window_helpers import DIGITS, draw, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(autouse=True)
def everyday_theme_afterwards(qapp):
    yield
    apply_theme(qapp)


@pytest.fixture
def window(qtbot):
    return make_window(qtbot)


def visible_texts(window):
    """The labels and buttons a student can see, with text on them."""
    return [w for w in [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]
            if w.isVisible() and w.text().strip() and w.window() is window]


def present(window, qtbot, width=1280, height=720):
    window.set_presenting(True, full_screen=False)
    window.resize(width, height)
    qtbot.wait(50)  # the splitters are laid out again on the next turn of the event loop


def test_f11_is_view_present(window):
    assert window.present_action.shortcut().toString() == "F11"
    window.present_action.trigger()
    assert window.is_presenting() and window.isFullScreen()
    window.present_action.trigger()
    assert not window.is_presenting() and not window.isFullScreen()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_label_is_at_least_20_pt_and_nothing_is_cut_off(window, qtbot, size):
    draw(window.canvas, DIGITS[7][0])
    present(window, qtbot, *size)
    texts = visible_texts(window)
    assert len(texts) > 8
    small = [(w.objectName() or w.text(), w.font().pointSizeF()) for w in texts
             if w.font().pointSizeF() < PRESENTATION_POINT_SIZE]
    assert small == []
    assert window.prediction_label.font().pointSizeF() >= 2 * PRESENTATION_POINT_SIZE
    hint = window.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1]
    assert window.width() == size[0]
    cut = [w.text() for w in texts if isinstance(w, QLabel) and not w.wordWrap() and "<" not in w.text()
           and w.width() + 1 < w.fontMetrics().horizontalAdvance(w.text())]
    assert cut == []


def test_high_contrast_theme_and_secondary_panels_hidden_then_restored(window, qtbot):
    window.panels["loss"].set_shown(False)  # the user's own choice survives presentation mode
    present(window, qtbot)
    palette = window.palette()
    assert palette.color(QPalette.ColorRole.Window).lightness() == 255
    assert palette.color(QPalette.ColorRole.WindowText).lightness() == 0
    assert {k for k, p in window.panels.items() if not p.is_shown()} == {"activations", "weights", "loss"}
    assert window.panels["network"].is_shown() and window.panels["drawing"].is_shown()
    assert window.training_panel.train_button.isVisible()  # a lecturer can still start training

    window.set_presenting(False)
    assert window.palette().color(QPalette.ColorRole.Window).lightness() < 60  # the dark theme again
    assert {k for k, p in window.panels.items() if not p.is_shown()} == {"loss"}
    assert window.prediction_label.font().pointSizeF() < 2 * PRESENTATION_POINT_SIZE


def test_the_theme_is_chosen_in_the_view_menu_and_remembered(qtbot):
    first = make_window(qtbot)
    assert first.theme() == DARK
    first._theme_actions[PROJECTOR].trigger()
    assert first.palette().color(QPalette.ColorRole.Window).lightness() == 255
    first.close()
    second = make_window(qtbot)
    assert second.theme() == PROJECTOR and second._theme_actions[PROJECTOR].isChecked()
    assert second.palette().color(QPalette.ColorRole.Window).lightness() == 255


def test_leaving_puts_back_popped_out_panels_and_splitters(window, qtbot):
    window.panels["weights"].pop_out()
    sizes = window.splitters()["columns"].sizes()
    present(window, qtbot)
    assert not window.panels["weights"].is_shown()
    window.set_presenting(False)
    qtbot.waitUntil(lambda: window.splitters()["columns"].sizes() == sizes, timeout=2000)
    assert window.panels["weights"].is_popped_out() and window.panels["weights"].isVisible()


def test_closing_while_presenting_remembers_the_everyday_window(qtbot):
    first = make_window(qtbot)
    first.panels["loss"].set_shown(False)
    present(first, qtbot)
    first.close()
    second = make_window(qtbot)
    assert not second.is_presenting() and second.theme() == DARK
    assert {k for k, p in second.panels.items() if not p.is_shown()} == {"loss"}
    assert second.palette().color(QPalette.ColorRole.Window).lightness() < 60
