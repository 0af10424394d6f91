"""The interface's language: English or Simplified Chinese, following the system by default, switchable
in the window (which carries on with the same network, settings and drawing), and a complete catalogue."""

from __future__ import annotations

import re
import shutil

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from nnviz.app import i18n
from nnviz.app.i18n import CHINESE, ENGLISH, install_language
from nnviz.app.translation_files import PARTS, compile_language, qm_path, ts_path, untranslated, update_part
from nnviz.appmodel.training_session import mnist_loader
from window_helpers import DIGITS, LONG, draw, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CJK = re.compile("[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    yield
    install_language(ENGLISH)


@pytest.mark.parametrize("part", sorted(PARTS))
def test_every_string_of_the_app_is_translated(part, tmp_path):
    """lupdate, run over the code as it is now, finds nothing the shipped catalogue does not translate."""
    ts = tmp_path / ts_path(part, CHINESE).name
    shutil.copy(ts_path(part, CHINESE), ts)
    assert update_part(part, CHINESE, ts) == []
    assert untranslated(ts_path(part, CHINESE)) == []


def test_the_shipped_catalogue_is_compiled_from_the_translations(tmp_path):
    assert compile_language(CHINESE, tmp_path / "fresh.qm").read_bytes() == qm_path(CHINESE).read_bytes()


def test_the_language_follows_the_system_unless_chosen(monkeypatch):
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.remembered_language() == CHINESE
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.remembered_language() == ENGLISH
    i18n.remember_language(CHINESE)
    assert i18n.remembered_language() == CHINESE


def test_the_window_in_chinese(qtbot):
    assert install_language(CHINESE) == CHINESE
    window = make_window(qtbot)
    assert CJK.search(window.windowTitle())
    menus = [action.text() for action in window.menuBar().actions()]
    assert all(CJK.search(title) for title in menus), menus
    assert CJK.search(window.prediction_label.text())  # "draw a digit"
    assert all(CJK.search(panel.title()) for panel in window.panels.values())
    window.training_panel.hidden_edit.setText("0,5")  # the app model's own messages are in Chinese too
    assert CJK.search(window.training_panel.error_label.text()), window.training_panel.error_label.text()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_chinese_diagram_says_input_and_output_in_words_also_when_presenting(qtbot):
    install_language(CHINESE)
    window = make_window(qtbot)
    draw(window.canvas, DIGITS[7][0])
    for presenting in (False, True):
        window.set_presenting(presenting, full_screen=False)
        window.resize(1280, 720)
        qtbot.wait(50)
        captions = window.network_view.layer_captions()
        assert captions[0] in ("输入", "输入层") and captions[-1] in ("输出", "输出层"), captions  # not 入 / 出
        assert all(CJK.search(caption) for caption in captions)


def test_switching_language_carries_on_with_the_same_network_settings_and_drawing(qtbot):
    window = make_window(qtbot)
    draw(window.canvas, DIGITS[7][0])
    window.panels["weights"].set_shown(False)
    weights = [w.copy() for w in window.network().weights]
    settings = window.training_panel.settings()
    prediction = window.prediction()

    chinese = window.switch_language(CHINESE)  # deleted when closed, like every window made by a switch
    qtbot.waitExposed(chinese)
    assert not window.isVisible() and chinese.isVisible()
    assert CJK.search(chinese.windowTitle())
    assert all(np.array_equal(a, b) for a, b in zip(chinese.network().weights, weights))
    assert chinese.training_panel.settings() == settings
    assert chinese.prediction() == prediction
    assert not chinese.panels["weights"].is_shown()
    assert i18n.remembered_language() == CHINESE

    english = chinese.switch_language(ENGLISH)
    assert english.windowTitle().startswith("nnviz: draw a digit")
    english.close()


def test_switching_language_while_presenting_keeps_the_everyday_layout(qtbot):
    window = make_window(qtbot)
    window.panels["loss"].set_shown(False)
    window.set_presenting(True, full_screen=False)
    chinese = window.switch_language(CHINESE)
    qtbot.waitExposed(chinese)
    assert chinese.is_presenting()
    chinese.set_presenting(False)
    assert {k for k, p in chinese.panels.items() if not p.is_shown()} == {"loss"}
    assert chinese.switch_language(CHINESE) is chinese  # the language it has already: nothing to rebuild
    chinese.close()


@pytest.fixture
def training_window(qtbot, mnist_dir):
    yield make_window(qtbot, settings=LONG, load_training_data=mnist_loader(str(mnist_dir), 2048, 500))
    from nnviz.app import language_switch

    for window in list(language_switch._windows):  # the windows the switches made, should a test fail midway
        window.close()


@pytest.mark.qt_log_ignore("propagateSizeHints", r"raise\(\)")
def test_a_switch_mid_run_keeps_the_run_running_the_curves_the_log_scale_and_the_inspect_panel(training_window, qtbot):
    window = training_window
    window.loss_plot.set_log_scale(True)
    window.inspection.show_tab(window.inspection.histograms)
    window.start_training()
    qtbot.waitUntil(lambda: window.loss_plot.n_points() > 30, timeout=30_000)
    thread = window.training
    before_x, before_loss = window.loss_plot.loss_data()

    chinese = window.switch_language(CHINESE)
    qtbot.waitExposed(chinese)
    assert chinese.training is thread and thread.is_running()  # the same training thread, still training
    assert chinese.training_panel.status().state == "running" and chinese.training_panel.is_running()
    x, loss = chinese.loss_plot.loss_data()
    assert len(x) >= len(before_x)
    np.testing.assert_array_equal(x[:len(before_x)], before_x)  # the curve as it was...
    np.testing.assert_array_equal(loss[:len(before_loss)], before_loss)
    qtbot.waitUntil(lambda: chinese.loss_plot.n_points() > len(x) + 10, timeout=30_000)  # ...and it goes on
    assert chinese.loss_plot.log_scale() and chinese.log_action.isChecked()
    inspection = chinese.inspection
    assert inspection.inspect_dock.isVisible() and inspection.tabs.currentWidget() is inspection.histograms
    assert not window.inspection.inspect_dock.isVisible()  # no second, old Inspect panel left on the screen
    text = chinese.model_label.text()
    assert CJK.search(text) and "steps" not in text  # about this run, in Chinese

    chinese.pause_training()
    qtbot.waitUntil(lambda: chinese.training_panel.status().state == "paused", timeout=5_000)
    moments = [m.position for m in chinese.timeline.moments]
    assert moments and moments == [m.position for m in window.timeline.moments]  # the timeline went along
    english = chinese.switch_language(ENGLISH)
    assert [m.position for m in english.timeline.moments] == moments and english.timeline_bar.isVisible()
    assert english.training_panel.status().state == "paused" and english.training_panel.train_button.text() == "Resume"
    qtbot.wait(100)
    # every step's loss point is on the curve: none lost on the way through two windows
    assert english.loss_plot.n_points() == english.training_panel.status().step
    english.close()


def test_predictions_are_still_logged_after_a_switch(qtbot, capsys):  # (nnviz --log-predictions)
    from nnviz.app.launch import log_changes

    window = make_window(qtbot)
    log_changes(window)
    draw(window.canvas, DIGITS[7][0])
    assert "prediction: 7 (" in capsys.readouterr().out
    chinese = window.switch_language(CHINESE)
    chinese.canvas.clear()
    draw(chinese.canvas, DIGITS[1][0])
    out = capsys.readouterr().out
    assert "prediction: none" in out and "prediction: 1 (" in out
    chinese.close()
