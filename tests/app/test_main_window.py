"""The main window, driven like a user: QTest mouse strokes on the canvas, keys, buttons, a short training run."""

from __future__ import annotations

import functools
import os
import signal
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtTest import QTest

from nnviz.app.window.reading import EMPTY_PREDICTION, prediction_text
from nnviz.appmodel.refresh_budget import RefreshBudget
from nnviz.appmodel.training_session import TrainingSettings
from nnviz.appmodel.training_session import mnist_loader
from nnviz.app.widgets.download_dialog import DownloadDialog
from nnviz.app.widgets.help_dialog import HelpDialog
from nnviz.data import DownloadProgress
from nnviz.errors import DataFileError, DownloadError
from nnviz.nn import MLP
from nnviz.resources import shipped_model_path
from training_helpers import leftover_segments, process_gone
from window_helpers import DIGITS, LONG, ask_training, draw, make_window, polyline

# The offscreen platform says this whenever a top-level window's size constraints change.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot):
    return make_window(qtbot)


@pytest.fixture
def training_window(qtbot, mnist_dir):
    """A window that trains a small network on the first 2,048 MNIST digits (tested on 500)."""
    return make_window(qtbot, settings=LONG, load_training_data=mnist_loader(str(mnist_dir), 2048, 500))


def test_starts_with_the_shipped_model_and_an_empty_canvas(window):
    assert shipped_model_path().exists()
    assert window.network().sizes == MLP.load(shipped_model_path()).sizes
    assert window.prediction_label.objectName() == "prediction"
    assert window.prediction_label.text() == EMPTY_PREDICTION
    assert window.banner.text() == ""
    assert "mnist-mlp.npz" in window.model_label.text()
    for name in ("canvas", "inputPreview", "probabilities", "networkView", "heatmaps", "weightsView",
                 "trainButton", "progress", "lossPlot"):
        assert window.findChild(object, name) is not None, name


@pytest.mark.parametrize("digit", sorted(DIGITS))
def test_drawn_digits_are_read_correctly(window, digit):
    for stroke in DIGITS[digit]:
        draw(window.canvas, stroke)
    assert window.prediction_label.text().startswith(f"{digit} ("), window.prediction_label.text()
    assert window.probabilities.probabilities().argmax() == digit
    assert window.input_preview.image() is not None
    assert window.network_view.node_value(len(window.network().sizes) - 1, digit) > 0.5


def test_the_prediction_follows_the_pen_before_it_is_lifted(window):
    texts = []
    draw(window.canvas, DIGITS[7][0], on_move=lambda: texts.append(window.prediction_label.text()))
    assert texts[0] != EMPTY_PREDICTION  # the very first move already has a prediction
    assert texts[-1].startswith("7 (")  # ... and the last one before the release reads the 7
    assert len(set(texts)) > 1  # it changed while drawing


@pytest.mark.parametrize("digit", [1, 7])
def test_thin_and_thick_pens_give_the_network_nearly_the_same_input(window, digit):
    previews = []
    for width in (8, 30):
        window.canvas.clear()
        window.pen_slider.setValue(width)
        for stroke in DIGITS[digit]:
            draw(window.canvas, stroke)
        previews.append(window.input_preview.image())
    thin, thick = previews
    assert np.abs(thin - thick).mean() < 0.05  # the strokes are re-drawn at MNIST's width
    assert abs(thin.sum() - thick.sum()) < 0.15 * thin.sum()
    assert "re-drawn" in window.input_preview.toolTip()


def drawn_paths(view) -> tuple[set, set]:
    """The diagram's connections (layer, from, to) and its lines as drawn."""
    connections = {(layer, int(s), int(d)) for layer in range(1, len(view.sizes())) for s, d, _ in zip(*view.edges(layer))}
    return connections, {tuple(np.round(line, 1)) for line in view.edge_lines()}


def test_the_diagram_lights_different_paths_for_a_drawn_2_and_a_drawn_8(window):
    drawn = {}
    for digit in (2, 8):
        window.canvas.clear()
        for stroke in DIGITS[digit]:
            draw(window.canvas, stroke)
        assert window.prediction().startswith(f"{digit} (")
        window.apply_pending()
        drawn[digit] = drawn_paths(window.network_view)
    (connections_2, lines_2), (connections_8, lines_8) = drawn[2], drawn[8]
    assert connections_2 and connections_8
    assert len(connections_2 & connections_8) < 0.5 * min(len(connections_2), len(connections_8))
    assert len(lines_2 & lines_8) < 0.5 * min(len(lines_2), len(lines_8))  # what the eye sees differs too


def test_the_signal_flows_when_a_stroke_ends_not_at_every_move(window, qtbot):
    flowing = []
    draw(window.canvas, DIGITS[1][0], on_move=lambda: flowing.append(window.network_view.flowing()))
    assert not any(flowing)  # the diagram follows the pen at once while it moves
    assert window.network_view.flowing()  # lifted: the reading runs through the layers once
    qtbot.waitUntil(lambda: not window.network_view.flowing(), timeout=3000)


@pytest.mark.parametrize("presenting", [False, True])
def test_hidden_neurons_are_at_least_10_px_at_1280x720(window, qtbot, presenting):
    draw(window.canvas, DIGITS[7][0])
    window.set_presenting(presenting, full_screen=False)
    qtbot.waitUntil(lambda: window.network_view.graphics_view().height() > 100, timeout=2000)
    window.apply_pending()
    assert window.size().toTuple() == (1280, 720)
    view = window.network_view
    for layer in range(1, len(view.sizes())):
        assert view.node_diameter(layer) >= 10, (layer, view.node_diameter(layer))


def test_the_layers_have_one_name_everywhere(window):
    from nnviz.app.layer_names import layer_name

    draw(window.canvas, DIGITS[7][0])
    names = [layer_name(layer, 4) for layer in range(5)]
    assert names == ["input", "hidden 1", "hidden 2", "hidden 3", "output"]
    assert window.network_view.layer_captions() == names
    assert window.heatmaps.layer_captions() == names[1:4]
    histograms = window.inspection.histograms
    window.inspection.show_tab(histograms)
    legend = [label.text for _, label in histograms.weights_plot.plotItem.legend.items]
    assert legend == ["input → hidden 1", "hidden 1 → hidden 2", "hidden 2 → hidden 3", "hidden 3 → output"]


def test_prediction_text_format():
    p = np.array([0.01, 0, 0, 0, 0, 0, 0, 0.96, 0.03, 0])
    assert prediction_text(p) == "7 (96 %)"


def test_escape_clears_and_ctrl_z_undoes(window, qtbot):
    draw(window.canvas, DIGITS[1][0])
    draw(window.canvas, polyline((60, 200), (220, 200)))  # a second stroke spoils the 1
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.prediction_label.text().startswith("1 (")
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.canvas.is_empty()
    assert window.prediction_label.text() == EMPTY_PREDICTION
    assert window.probabilities.probabilities() is None and window.input_preview.image() is None
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.prediction_label.text().startswith("1 (")  # the clear is undoable too


def test_buttons_and_pen_controls(window):
    window.pen_slider.setValue(30)
    assert window.canvas.pen_width() == 30 and window.pen_value.text() == "30 px"
    window.eraser_button.click()
    assert window.canvas.eraser() and window.eraser_action.isChecked()
    window.eraser_button.click()
    draw(window.canvas, DIGITS[1][0])
    window.undo_button.click()
    assert window.canvas.is_empty()
    draw(window.canvas, DIGITS[1][0])
    window.clear_button.click()
    assert window.canvas.is_empty()


def test_prediction_changes_are_signalled_once_each(window):
    texts = []
    window.predictionTextChanged.connect(texts.append)
    draw(window.canvas, DIGITS[0][0])
    window.canvas.clear()
    assert texts[-1] == "" and texts[-2].startswith("0 (")
    assert all(a != b for a, b in zip(texts, texts[1:]))


def test_a_short_training_run_adds_loss_points_and_changes_the_weight_tiles(training_window, qtbot):
    window = training_window
    draw(window.canvas, DIGITS[7][0])
    window.reset_network()  # an untrained 784-32-10 network, so training visibly changes it
    qtbot.waitUntil(lambda: window.network_view.sizes() == (784, 32, 10), timeout=5_000)
    window.apply_pending()
    tiles_before = window.weights_view.mosaic()
    prediction_before = window.probabilities.probabilities()
    button = window.training_panel.train_button
    assert button.objectName() == "trainButton" and button.text() == "Start"
    button.click()
    qtbot.waitUntil(lambda: window.loss_plot.n_points() >= 20, timeout=20_000)
    assert button.text() == "Pause" and "epoch" in window.training_panel.progress.format()
    button.click()  # the same button pauses
    qtbot.waitUntil(lambda: window.training_panel.status().state == "paused", timeout=5_000)
    assert button.text() == "Resume"
    window.apply_pending()
    assert not np.array_equal(tiles_before, window.weights_view.mosaic())
    assert not np.allclose(prediction_before, window.probabilities.probabilities())  # live, with new weights
    x, loss = window.loss_plot.loss_data()
    assert np.all(np.diff(x) > 0) and np.all(np.isfinite(loss))


def test_a_full_run_shows_test_accuracy_per_epoch(training_window, qtbot):
    window = training_window
    window.training_panel.field("epochs").setValue(2)
    window.reset_network()
    said = []
    window.statusBar().messageChanged.connect(said.append)
    window.start_training()
    qtbot.waitUntil(lambda: window.training_panel.status().state == "finished", timeout=30_000)
    x, accuracy = window.loss_plot.accuracy_data()
    assert len(accuracy) == 2 and np.all((accuracy > 50) & (accuracy <= 100))
    assert any(m.startswith("epoch 2: test accuracy") and "test loss" in m and "training loss" in m for m in said)
    assert window.training_panel.progress.value() == window.training_panel.progress.maximum()


def test_a_hyperparameter_change_mid_run_is_applied_at_the_next_step(training_window, qtbot):
    window = training_window
    panel = window.training_panel
    window.reset_network()
    window.start_training()
    qtbot.waitUntil(lambda: panel.status().state == "running" and panel.status().step > 2, timeout=20_000)
    assert panel.status().lr == pytest.approx(1e-3)
    steps_before = panel.status().step
    panel.field("lr").lineEdit().setText("0.02")
    panel.field("lr").lineEdit().editingFinished.emit()  # what Enter or leaving the field does
    panel.field("optimizer").setCurrentText("sgd")
    qtbot.waitUntil(lambda: panel.status().lr == pytest.approx(0.02), timeout=10_000)
    assert ask_training(qtbot, window.training, "config").optimizer == "sgd"
    assert panel.status().step > steps_before and panel.status().state == "running"  # same run, no restart
    window.pause_training()
    qtbot.waitUntil(lambda: panel.status().state == "paused", timeout=5_000)


def test_a_window_over_its_cpu_budget_redraws_less_often_while_training(training_window, qtbot):
    """On a machine where the views cost more than their share of a core, training keeps its speed and the
    live views refresh less often; paused, they are back at full rate."""
    window = training_window

    def intervals():
        return window._snapshot_refresh.interval, window._views_refresh.interval, window.loss_plot.refresh_interval()

    full_rate = intervals()
    window.refresh_budget = RefreshBudget(cpu_clock=lambda: 0.5 * time.monotonic())  # as if at half a core
    window.reset_network()
    window.start_training()
    qtbot.waitUntil(lambda: window.refresh_budget.stretch > 1.5, timeout=20_000)
    stretch = window.refresh_budget.stretch
    assert intervals() == pytest.approx(tuple(stretch * interval for interval in full_rate))
    window.pause_training()
    qtbot.waitUntil(lambda: window.training_panel.status().state == "paused", timeout=5_000)
    assert intervals() == full_rate  # the last snapshot shows at once
    reached = window.refresh_budget.resume_at
    assert reached > 1.5
    window.start_training()  # on the same machine: the same stretch from the first status on
    qtbot.waitUntil(lambda: window.training_panel.status().state == "running", timeout=5_000)
    assert window.refresh_budget.stretch == reached
    window.pause_training()
    qtbot.waitUntil(lambda: window.training_panel.status().state == "paused", timeout=5_000)


def test_an_invalid_learning_rate_is_refused_with_a_message(window):
    panel = window.training_panel
    sent = []
    panel.configChanged.connect(sent.append)
    for text in ("0", "-1", "nan", "fast"):
        panel.field("lr").lineEdit().setText(text)
        panel.field("lr").lineEdit().editingFinished.emit()
        assert panel.error_text() and panel.error_label.isVisibleTo(panel)
    assert sent == []
    panel.field("lr").lineEdit().setText("0.003")
    panel.field("lr").lineEdit().editingFinished.emit()
    assert panel.error_text() == "" and sent[-1].lr == 0.003


def test_space_starts_and_pauses_but_not_while_typing(training_window, qtbot):
    window = training_window
    panel = window.training_panel
    window.reset_network()
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.status().state == "running", timeout=20_000)
    QTest.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.status().state == "paused", timeout=5_000)
    panel.hidden_edit.setFocus()
    QTest.keyClick(panel.hidden_edit, Qt.Key.Key_Space)
    assert panel.status().state == "paused"
    assert panel.hidden_edit.text().endswith(" ")


def test_step_trains_one_batch(training_window, qtbot):
    window = training_window
    window.reset_network()
    window.step_training()
    qtbot.waitUntil(lambda: window.loss_plot.n_points() == 1, timeout=20_000)
    window.training_panel.step_button.click()
    qtbot.waitUntil(lambda: window.loss_plot.n_points() == 2, timeout=5_000)
    assert window.training_panel.status().state == "paused"


def test_reset_builds_the_panel_architecture(training_window, qtbot):
    window = training_window
    panel = window.training_panel
    panel.hidden_edit.setText("16,16")
    panel.hidden_edit.editingFinished.emit()
    assert panel.architecture_pending()
    assert window.network().sizes == (784, 256, 128, 64, 10)  # nothing changes before Reset
    panel.reset_button.click()
    qtbot.waitUntil(lambda: window.network().sizes == (784, 16, 16, 10), timeout=5_000)
    assert window.network_view.sizes() == (784, 16, 16, 10)
    assert not panel.architecture_pending()
    draw(window.canvas, DIGITS[7][0])
    assert window.prediction_label.text()[0].isdigit()  # an untrained guess, but a guess


def test_the_status_bar_always_describes_the_network_and_run_of_now(training_window, qtbot):
    window = training_window
    label = window.model_label
    shipped = f"{100 * MLP.load(shipped_model_path()).metadata['test_accuracy']:.1f} %"
    assert label.text() == f"mnist-mlp.npz · 784-256-128-64-10 · {shipped} on the test digits"
    window.step_training()
    qtbot.waitUntil(lambda: "steps trained here: 1" in label.text(), timeout=10_000)
    assert shipped not in label.text()  # the file's accuracy is not this network's any more
    window.reset_network()
    qtbot.waitUntil(lambda: label.text() == "new network (Reset) · 784-32-10", timeout=5_000)  # nothing stale
    window.step_training()
    qtbot.waitUntil(lambda: label.text() == "new network (Reset) · 784-32-10 · steps trained here: 1", timeout=10_000)


def test_reset_can_be_undone_until_training_starts_again(training_window, qtbot):
    window = training_window
    for step in (1, 2, 3):  # (the first one reads MNIST first)
        window.step_training()
        qtbot.waitUntil(lambda: window.snapshot().step == step and window.loss_plot.n_points() == step, timeout=10_000)
    trained = [w.copy() for w in window.network().weights]
    label = window.model_label.text()
    assert not window.undo_reset_action.isEnabled()
    window.reset_network()
    qtbot.waitUntil(lambda: window.network().sizes == (784, 32, 10), timeout=5_000)
    assert window.banner.kind() == "reset" and "Undo reset" in window.banner.action_labels()
    assert window.undo_reset_action.isEnabled() and window.loss_plot.n_points() == 0
    window.banner.trigger("Undo reset")
    qtbot.waitUntil(lambda: window.network().sizes == (784, 256, 128, 64, 10), timeout=5_000)
    assert all(np.array_equal(a, b) for a, b in zip(window.network().weights, trained))
    assert window.model_label.text() == label and window.loss_plot.n_points() == 3  # the curve came back too
    assert not window.undo_reset_action.isEnabled() and window.banner.kind() != "reset"
    window.reset_network()
    qtbot.waitUntil(lambda: window.undo_reset_action.isEnabled(), timeout=5_000)
    window.start_training()
    qtbot.waitUntil(lambda: window.training_panel.is_running(), timeout=10_000)
    qtbot.waitUntil(lambda: not window.undo_reset_action.isEnabled(), timeout=5_000)  # gone once the new one trains
    window.pause_training()


def test_the_training_speed_is_chosen_in_the_window(training_window, qtbot):
    window = training_window
    box = window.training_panel.speed_box
    assert box.currentText() == "full speed"  # the default: as fast as the computer goes
    box.setCurrentIndex(box.findText("5 steps/s"))
    window.start_training()
    qtbot.waitUntil(lambda: window.training_panel.status().step >= 1, timeout=20_000)
    first = window.training_panel.status().step
    qtbot.wait(1000)
    assert window.training_panel.status().step - first <= 10  # about five a second
    window.set_presenting(True, full_screen=False)
    assert box.isVisible()  # a lecturer slows a run down in front of the class
    window.pause_training()


def test_closing_mid_run_ends_the_training_process_within_a_second(training_window, qtbot):
    window = training_window
    window.start_training()
    qtbot.waitUntil(lambda: window.training_panel.status().state == "running", timeout=20_000)
    pid = window.training.pid()
    started = time.perf_counter()
    window.close()
    assert time.perf_counter() - started < 1.0
    assert not window.training.is_running() and process_gone(pid) and not leftover_segments(pid)
    assert not [t for t in window.findChildren(QThread) if t.isRunning()]


def test_divergence_is_explained_in_the_window(training_window, qtbot):
    window = training_window
    panel = window.training_panel
    window.reset_network()
    wild = panel.settings().config.replace(optimizer="sgd", lr=1e10)
    panel.set_settings(TrainingSettings(panel.settings().architecture, wild))
    window.training.set_config(wild)
    window.start_training()
    qtbot.waitUntil(lambda: panel.status().state == "diverged", timeout=20_000)
    assert "learning rate" in window.banner.text()
    window.banner.trigger("Divide the learning rate by 10")
    qtbot.waitUntil(lambda: ask_training(qtbot, window.training, "config").lr == pytest.approx(1e9), timeout=5_000)
    assert np.all(np.isfinite(window.network().params))


def mnist_missing_from(folder: str):
    raise DataFileError(f"MNIST is not in {folder}")


def data_with_a_bug_in_the_engine():
    """Runs in the training process: its engine raises once, as a bug would, then works again."""
    import nnviz.appmodel.training_session as session_module

    real_train = session_module.train

    def broken_train(*args, **kwargs):
        session_module.train = real_train  # the bug is gone after this
        raise RuntimeError("a bug in the engine")
        yield  # a generator, as train() is

    session_module.train = broken_train
    return mnist_loader(None, 2048, 500)()


def test_missing_data_opens_the_download_dialog(qtbot, tmp_path):
    missing = functools.partial(mnist_missing_from, str(tmp_path))
    window = make_window(qtbot, load_training_data=missing, options={"data": str(tmp_path)})
    window.start_training()
    qtbot.waitUntil(lambda: window.findChild(DownloadDialog) is not None, timeout=5_000)
    dialog = window.findChild(DownloadDialog)
    assert dialog.isVisible() and dialog.isModal() and dialog.folder() == tmp_path
    dialog.cancel_button.click()  # declines: nothing downloaded
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.training_panel.status().state == "idle"


def test_closing_the_window_mid_download_cancels_it_within_a_second(qtbot, tmp_path, monkeypatch):
    def endless_download(folder, *, progress=None, cancel=None):
        progress(DownloadProgress("train-images-idx3-ubyte.gz", 5_000_000, 9_912_422, 0, 4))
        while not cancel():
            threading.Event().wait(0.01)
        raise DownloadError("download cancelled; nothing was kept")

    monkeypatch.setattr("nnviz.data.download_mnist", endless_download)
    window = make_window(qtbot, options={"data": str(tmp_path)})
    window.offer_download("MNIST is not there")
    dialog = window.findChild(DownloadDialog)
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=5_000)
    started = time.perf_counter()
    window.close()
    assert time.perf_counter() - started < 1.0
    assert not dialog.is_downloading()
    assert not [t for t in window.findChildren(QThread) if t.isRunning()]


def test_a_bug_inside_training_is_shown_with_details_and_the_window_stays_usable(qtbot, monkeypatch, mnist_dir):
    window = make_window(qtbot, settings=LONG, load_training_data=data_with_a_bug_in_the_engine)
    window.start_training()
    qtbot.waitUntil(lambda: "a bug in the engine" in window.banner.text(), timeout=20_000)
    assert "Details…" in window.banner.action_labels()
    shown = []
    monkeypatch.setattr(window, "_show_details", lambda message, details: shown.append(details))
    window.banner.trigger("Details…")
    assert "Traceback" in shown[0] and "a bug in the engine" in shown[0]
    draw(window.canvas, DIGITS[7][0])  # drawing and reading still work
    assert window.prediction()[0].isdigit()
    window.start_training()  # and training can go on once the bug is gone
    qtbot.waitUntil(lambda: window.training_panel.status().state == "running", timeout=20_000)


@pytest.mark.qt_log_ignore("propagateSizeHints", r"raise\(\)")  # the Inspect panel opens as its own window
def test_evaluating_without_mnist_offers_the_download(qtbot, tmp_path):
    def missing():
        raise DataFileError(f"MNIST is not in {tmp_path}")

    window = make_window(qtbot, load_training_data=missing, options={"data": str(tmp_path)})
    window.inspection.evaluate()
    qtbot.waitUntil(lambda: window.findChild(DownloadDialog) is not None, timeout=5_000)
    dialog = window.findChild(DownloadDialog)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.inspection.evaluation.result() is None


def test_a_missing_model_still_opens_and_says_what_to_do(qtbot, tmp_path):
    window = make_window(qtbot, options={"model": str(tmp_path / "nowhere.npz")})
    assert "not found" in window.banner.text()
    assert "Open model…" in window.banner.action_labels()
    draw(window.canvas, DIGITS[1][0])
    assert window.prediction_label.text()[0].isdigit()  # still usable, with an untrained network


def test_a_corrupt_model_is_reported_and_another_can_be_opened(qtbot, tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"this is not a model")
    window = make_window(qtbot, options={"model": str(bad)})
    assert "could not be loaded" in window.banner.text()
    assert window.open_model(shipped_model_path())
    assert window.banner.text() == ""
    draw(window.canvas, DIGITS[7][0])
    assert window.prediction_label.text().startswith("7 (")


def test_save_and_open_a_model(window, qtbot, tmp_path):
    path = tmp_path / "mine"
    assert window.save_model(path)
    saved = MLP.load(tmp_path / "mine.npz")
    np.testing.assert_array_equal(saved.params, window.network().params)
    small = MLP([784, 8, 10], seed=1)
    small.save(tmp_path / "small.npz")
    assert window.open_model(tmp_path / "small.npz")
    assert ask_training(qtbot, window.training, "network").sizes == (784, 8, 10)
    assert window.network().sizes == (784, 8, 10) and window.network_view.sizes() == (784, 8, 10)
    assert window.training_panel.hidden_edit.text() == "8"
    assert not window.open_model(tmp_path / "missing.npz")
    assert "Could not open" in window.banner.text()


def test_f1_shows_the_shortcuts(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(HelpDialog) is not None)
    dialog = window.findChild(HelpDialog)
    assert dialog.objectName() == "helpDialog" and dialog.isVisible()
    assert "Ctrl+Z" in dialog.text() and "Space" in dialog.text() and "Esc" in dialog.text()
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    QTest.keyClick(window, "?")  # "?" opens it too
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=2_000)
    dialog.close()


def test_menus(window):
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Train", "Inspect", "Help"]


@pytest.mark.qt_log_ignore("propagateSizeHints", r"raise\(\)")  # the Inspect panel opens as its own window
def test_the_window_remembers_hyperparameters_layout_and_tab_between_sessions(qtbot):
    from nnviz.appmodel.snapshot import Architecture
    from nnviz.nn import TrainConfig

    first = make_window(qtbot)
    first.training_panel.set_settings(TrainingSettings(Architecture(hidden=(64,)), TrainConfig(lr=0.02, epochs=3)))
    first.splitters()["columns"].setSizes([500, 400, 380])
    first.inspection.show_tab(first.inspection.histograms)
    sizes = first.splitters()["columns"].sizes()
    first.close()

    second = make_window(qtbot)
    settings = second.training_panel.settings()
    assert settings.config.lr == 0.02 and settings.config.epochs == 3 and settings.architecture.hidden == (64,)
    assert second.training_panel.pending_label.isVisibleTo(second.training_panel)  # Reset builds it
    assert second.network().sizes == (784, 256, 128, 64, 10)  # the model in use is unchanged
    # The middle and right columns come back exactly; the offscreen platform gives the restored window a
    # slightly different width (no window frame), which the left column absorbs.
    qtbot.waitUntil(lambda: second.splitters()["columns"].sizes()[1:] == sizes[1:], timeout=2_000)
    assert second.inspection.tabs.currentWidget() is second.inspection.histograms


def test_unreadable_remembered_settings_are_ignored(qtbot):
    from nnviz.app import settings_store

    settings = settings_store.store()
    settings.setValue("training/setup", "{not json")
    settings.setValue("window/geometry", "garbage")
    settings.sync()
    window = make_window(qtbot)
    assert window.training_panel.settings() == TrainingSettings()


def test_closing_always_stops_training_even_when_the_set_up_cannot_be_remembered(qtbot, tmp_path):
    wide = tmp_path / "wide.npz"
    MLP([784, 5000, 10], seed=0).save(wide)  # wider than a lesson file (or the panel) allows
    window = make_window(qtbot, options={"model": str(wide)})
    window.close()
    assert not window.training.is_running()


def test_what_the_command_line_asks_for_wins_over_what_was_remembered(qtbot, tmp_path):
    from nnviz.appmodel.snapshot import Architecture

    first = make_window(qtbot)
    first.training_panel.set_settings(TrainingSettings(Architecture(hidden=(64,))))
    first.close()
    small = tmp_path / "small.npz"
    MLP([784, 32, 10], seed=0).save(small)
    second = make_window(qtbot, options={"model": str(small)})
    assert second.training_panel.settings().architecture.hidden == (32,)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL")
def test_a_killed_training_process_is_shown_in_the_banner_and_restart_trains_on(training_window, qtbot):
    window = training_window
    window.start_training()
    qtbot.waitUntil(lambda: window.training_panel.status().state == "running"
                    and window.training_panel.status().step > 3, timeout=20_000)
    pid = window.training.pid()
    os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: "Restart" in window.banner.action_labels(), timeout=10_000)
    assert "signal 9" in window.banner.text() and window.training_panel.status().state == "stopped"
    assert not leftover_segments(pid)
    draw(window.canvas, DIGITS[7][0])  # drawing still works, with the last weights
    assert window.prediction()[0].isdigit()
    shown = window.snapshot()
    window.banner.trigger("Restart")
    live = ask_training(qtbot, window.training, "network")
    assert window.training.pid() != pid
    assert all(np.array_equal(a, b) for a, b in zip(live.weights, shown.weights))  # goes on from them
    window.start_training()
    qtbot.waitUntil(lambda: window.training_panel.status().state == "running", timeout=20_000)
    window.pause_training()


def test_the_help_lists_every_menu_shortcut_with_where_it_lives(window):
    from nnviz.app.widgets.help_dialog import HelpDialog
    from nnviz.app.window.shortcut_list import menu_shortcuts, plain

    rows = dict(menu_shortcuts(window))
    assert rows["Ctrl+Shift+D"].endswith("Dream a digit") and rows["Ctrl+Alt+R"] == "Train → Undo reset"
    assert plain("&Open model…") == "Open model" and plain("Save && quit") == "Save & quit"
    window.show_help()
    text = window.findChild(HelpDialog).browser.toPlainText()
    assert all(keys in text for keys in rows) and "Shift+0 … Shift+9" in text
