"""Every panel of the main window can be hidden and popped out, and comes back where it was."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QSplitter

from nnviz.app.panels import Panel
from window_helpers import make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot):
    return make_window(qtbot)


def panel_menu(window, title: str):
    view = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View")
    return next(a.menu() for a in view.actions() if a.menu() and a.text().replace("&", "") == title)


def test_every_panel_has_a_show_hide_and_a_pop_out_entry(window):
    titles = [panel.title() for panel in window.panels.values()]
    assert set(titles) >= {"Drawing", "Network", "Hidden-layer activations", "First-layer weights", "Training",
                           "Loss and accuracy"}
    shown = [a.text() for a in panel_menu(window, "Panels").actions() if a.isCheckable()]
    popped = [a.text() for a in panel_menu(window, "Pop out").actions()]
    assert shown == titles and popped == titles


def test_the_hide_button_hides_a_panel_and_the_view_menu_brings_it_back(window, qtbot):
    panel = window.panels["weights"]
    entry = next(a for a in panel_menu(window, "Panels").actions() if a.text() == panel.title())
    assert entry.isChecked()
    panel.hide_button.click()
    assert not panel.isVisible() and not entry.isChecked()
    assert window.panels["activations"].isVisible()  # its neighbour takes the room
    entry.trigger()
    assert panel.isVisible() and entry.isChecked()


def test_a_popped_out_panel_is_a_window_of_its_own_and_closing_it_puts_it_back(window, qtbot):
    panel = window.panels["network"]
    splitter = panel.parentWidget()
    index = splitter.indexOf(panel)
    panel.pop_button.click()
    qtbot.waitExposed(panel)
    assert panel.isWindow() and panel.is_popped_out()
    assert splitter.count() == 2  # a placeholder keeps the splitter's count (and its remembered sizes)
    assert splitter.widget(index).objectName() == "networkPlaceholder"
    assert panel.width() >= 800  # big enough to show on a second screen
    panel.close()
    assert not panel.isWindow() and not panel.is_popped_out()
    assert isinstance(panel.parentWidget(), QSplitter) and panel.parentWidget().indexOf(panel) == index
    assert panel.isVisible()


def test_closing_the_window_closes_popped_out_panels_too(qtbot):
    window = make_window(qtbot)
    for key in ("loss", "drawing"):
        window.panels[key].pop_out()
    window.close()
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, Panel))


def test_hidden_panels_are_remembered(qtbot):
    first = make_window(qtbot)
    first.panels["activations"].set_shown(False)
    first.close()
    second = make_window(qtbot)
    assert not second.panels["activations"].is_shown() and second.panels["weights"].is_shown()


def test_popping_out_a_hidden_panel_shows_it_and_says_so_in_the_menu(window, qtbot):
    panel = window.panels["loss"]
    entry = next(a for a in panel_menu(window, "Panels").actions() if a.text() == panel.title())
    panel.set_shown(False)
    panel.pop_out()
    assert panel.isVisible() and entry.isChecked()
    panel.dock()
    assert panel.isVisible() and entry.isChecked()


def test_the_window_shortcuts_work_in_a_popped_out_panel(window, qtbot):
    panel = window.panels["network"]
    panel.pop_out()
    qtbot.waitExposed(panel)
    assert window.present_action in panel.actions() and window.undo_action in panel.actions()
    panel.dock()
    assert panel.actions() == []


def test_a_title_too_long_for_its_panel_ends_in_an_ellipsis_and_is_whole_in_the_tooltip(qtbot):
    from PySide6.QtWidgets import QLabel

    panel = Panel("weights", "First-layer weights", QLabel("tiles"), tooltip="Each neuron's 784 weights")
    qtbot.addWidget(panel)
    panel.resize(600, 200)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.heading.shown_text() == "First-layer weights"
    assert panel.heading.toolTip() == "Each neuron's 784 weights"
    panel.resize(panel.heading.fontMetrics().horizontalAdvance("First-layer") + 60, 200)
    qtbot.waitUntil(lambda: panel.heading.shown_text() != "First-layer weights")
    shown = panel.heading.shown_text()
    assert shown.endswith("…") and "First-layer weights".startswith(shown[:-1])
    assert panel.heading.toolTip() == "First-layer weights\nEach neuron's 784 weights"
