"""The training panel: fields -> valid TrainConfig / Architecture signals, refusals, the toggle and the progress bar."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from nnviz.appmodel.snapshot import Architecture, TrainingStatus
from nnviz.appmodel.network_limits import HIDDEN_ACTIVATIONS
from nnviz.appmodel.training_session import TrainingSettings
from nnviz.app.widgets.run_progress import format_duration, progress_text, progress_value
from nnviz.app.widgets.number_field import parse_number
from nnviz.app.widgets.training_panel import TrainingPanel
from nnviz.errors import ConfigError
from nnviz.nn import OPTIMIZERS, SCHEDULES, TrainConfig

# The offscreen platform says this when a top-level widget's size constraints change; not a problem.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def panel(shown):
    return shown(TrainingPanel(), 420, 420)


def commit(field, text):
    """Type into an editable field and press Enter."""
    field.lineEdit().setText(text)
    field.lineEdit().editingFinished.emit()


def test_shows_the_settings_and_offers_every_choice(panel):
    assert panel.train_button.objectName() == "trainButton" and panel.progress.objectName() == "progress"
    assert panel.hidden_edit.text() == "256,128,64"
    assert [panel.field("optimizer").itemText(i) for i in range(panel.field("optimizer").count())] == list(OPTIMIZERS)
    assert len(OPTIMIZERS) == 10
    assert [panel.field("schedule").itemText(i) for i in range(panel.field("schedule").count())] == list(SCHEDULES)
    assert [panel.activation_box.itemText(i) for i in range(panel.activation_box.count())] == list(HIDDEN_ACTIVATIONS)
    assert set(HIDDEN_ACTIVATIONS) == {"relu", "leaky_relu", "tanh", "sigmoid"}
    assert panel.field("lr").currentText() == "0.001"
    assert panel.field("weight_decay").currentText() == "default"
    assert panel.settings() == TrainingSettings()


def test_every_hyperparameter_change_emits_a_new_config_at_once(panel, qtbot):
    sent = []
    panel.configChanged.connect(sent.append)
    panel.field("optimizer").setCurrentText("nadam")
    panel.field("schedule").setCurrentText("constant")
    panel.field("batch_size").setValue(32)
    panel.field("epochs").setValue(3)
    panel.field("augment").setChecked(True)
    commit(panel.field("lr"), "0.01")
    commit(panel.field("l1"), "1e-5")
    commit(panel.field("l2"), "0.0001")
    commit(panel.field("weight_decay"), "0.01")
    config = sent[-1]
    assert len(sent) == 9
    assert (config.optimizer, config.schedule, config.batch_size, config.epochs, config.augment) == \
           ("nadam", "constant", 32, 3, True)
    assert (config.lr, config.l1, config.l2, config.weight_decay) == (0.01, 1e-5, 1e-4, 0.01)
    commit(panel.field("weight_decay"), "default")
    assert sent[-1].weight_decay is None
    assert panel.settings().config == sent[-1]


def test_choosing_a_preset_from_the_list_commits_it(panel):
    sent = []
    panel.configChanged.connect(sent.append)
    index = panel.field("lr").findText("0.1")
    panel.field("lr").setCurrentIndex(index)
    panel.field("lr").activated.emit(index)
    assert sent[-1].lr == 0.1


@pytest.mark.parametrize("text", ["0", "-0.1", "nan", "inf", "abc", ""])
def test_a_bad_learning_rate_is_refused_with_an_inline_message(panel, text):
    sent = []
    panel.configChanged.connect(sent.append)
    commit(panel.field("lr"), text)
    assert sent == []
    assert "learning rate" in panel.error_text().lower()
    assert panel.error_label.isVisible()
    assert panel.settings().config.lr == 1e-3  # the last valid value stays in force
    commit(panel.field("lr"), "0.002")
    assert panel.error_text() == "" and not panel.error_label.isVisible() and sent[-1].lr == 0.002


def test_typing_shows_the_problem_before_enter(panel):
    panel.field("lr").lineEdit().setText("0")
    panel.field("lr").lineEdit().textEdited.emit("0")
    assert "above 0" in panel.error_text()


def test_negative_penalties_are_refused(panel):
    sent = []
    panel.configChanged.connect(sent.append)
    commit(panel.field("l2"), "-1")
    assert sent == [] and "L2" in panel.error_text()


def test_architecture_changes_wait_for_reset_and_say_so(panel):
    sent, resets = [], []
    panel.architectureChanged.connect(sent.append)
    panel.resetClicked.connect(lambda: resets.append(True))
    assert "Reset" in panel.hidden_edit.toolTip() and "Reset" in panel.seed_spin.toolTip()
    panel.hidden_edit.setText("16, 16")
    panel.hidden_edit.editingFinished.emit()
    panel.activation_box.setCurrentText("tanh")
    assert sent[-1] == Architecture(hidden=(16, 16), activation="tanh")
    assert panel.architecture_pending() and "Reset" in panel.pending_label.text()
    panel.reset_button.click()
    assert resets and not panel.architecture_pending()


def test_bad_hidden_sizes_are_refused(panel):
    sent = []
    panel.architectureChanged.connect(sent.append)
    panel.hidden_edit.setText("256,,x")
    assert "hidden" in panel.error_text()
    panel.hidden_edit.editingFinished.emit()
    assert sent == []


def test_seed_goes_into_the_config_and_marks_reset_pending(panel):
    sent = []
    panel.configChanged.connect(sent.append)
    panel.seed_spin.setValue(42)
    assert sent[-1].seed == 42 and panel.architecture_pending()


def test_set_settings_shows_values_without_emitting(panel):
    sent = []
    panel.configChanged.connect(sent.append)
    panel.architectureChanged.connect(sent.append)
    settings = TrainingSettings(Architecture(hidden=(8,), activation="sigmoid"),
                                TrainConfig(optimizer="sgd", lr=0.5, epochs=2, weight_decay=0.001))
    panel.set_settings(settings)
    assert sent == []
    assert panel.hidden_edit.text() == "8" and panel.activation_box.currentText() == "sigmoid"
    assert panel.field("lr").currentText() == "0.5" and panel.field("weight_decay").currentText() == "0.001"
    assert panel.settings() == settings


def test_one_button_toggles_between_start_and_pause(panel, qtbot):
    clicks = []
    panel.startPauseClicked.connect(lambda: clicks.append(True))
    button = panel.train_button
    assert button.text() == "Start" and not panel.is_running()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [True]
    panel.set_status(TrainingStatus("running", epoch=1, epochs=8, samples_per_s=1000, eta_s=30))
    assert button.text() == "Pause" and panel.is_running()
    panel.set_status(TrainingStatus("paused", epoch=1, epochs=8))
    assert button.text() == "Resume" and not panel.is_running()
    panel.set_status(TrainingStatus("finished", epoch=8, epochs=8))
    assert button.text() == "Start"


def test_progress_shows_epoch_eta_and_speed(panel):
    status = TrainingStatus("running", epoch=3, epochs=8, step=1000, epoch_fraction=0.5, samples_per_s=5234.4,
                            eta_s=83.0)
    panel.set_status(status)
    text = panel.progress.format()
    assert "epoch 3/8" in text and "ETA 1:23" in text and "5,234 samples/s" in text
    assert "%" not in text
    assert panel.progress.value() == round(1000 * 2.5 / 8)


def test_progress_texts_for_every_state():
    for state in ("idle", "loading", "running", "paused", "finished", "stopped", "diverged", "error"):
        assert progress_text(TrainingStatus(state, epoch=1, epochs=4))
    assert progress_value(TrainingStatus("finished", epochs=4)) == 1000
    assert progress_value(TrainingStatus("idle")) == 0
    assert format_duration(3725) == "1:02:05" and format_duration(65) == "1:05"
    assert format_duration(math.nan) == "–"


def test_parse_number():
    assert parse_number(" 0,5 ", "x") == 0.5
    assert parse_number("default", "x", allow_default=True) is None
    with pytest.raises(ConfigError, match="above 0"):
        parse_number("0", "learning rate", positive=True)


def test_looks_right(panel, tmp_path):
    panel.set_status(TrainingStatus("running", epoch=2, epochs=8, epoch_fraction=0.4, samples_per_s=5234, eta_s=83))
    image = panel.grab()
    assert image.save(str(tmp_path / "training_panel.png"))
    assert panel.minimumSizeHint().width() <= 420  # fits the side column of a 1280x720 window


def test_compact_keeps_start_reset_and_the_progress_in_words(panel):
    panel.set_status(TrainingStatus(state="finished", epochs=3))
    panel.set_compact(True)
    assert panel.train_button.isVisible() and panel.reset_button.isVisible()
    assert not panel.step_button.isVisible() and not panel.hidden_edit.isVisible()
    assert panel.progress_label.isVisible() and panel.progress_label.wordWrap()
    assert panel.progress_label.text() == panel.progress.format() and "3" in panel.progress_label.text()
    panel.set_compact(False)
    assert panel.step_button.isVisible()
    assert panel.progress_label.isVisible() != panel.progress.isTextVisible()  # the words in one place or the other


def test_a_status_line_too_long_for_the_bar_goes_under_it_wrapped_never_cut(panel, qtbot):
    panel.set_status(TrainingStatus(state="running", epoch=2, epochs=8, samples_per_s=5234, eta_s=83))
    qtbot.waitUntil(lambda: panel.progress.isTextVisible(), timeout=1000)  # short: in the bar
    assert not panel.progress_label.isVisible()
    assert panel.progress.fontMetrics().horizontalAdvance(panel.progress.format()) < panel.progress.width()
    panel.set_status(TrainingStatus(state="finished", epochs=8))
    panel.resize(300, panel.height())
    qtbot.waitUntil(lambda: panel.progress_label.isVisible(), timeout=1000)
    assert not panel.progress.isTextVisible() and panel.progress_label.wordWrap()
    assert panel.progress_label.text() == progress_text(panel.status())


def test_has_a_field_for_every_hyperparameter_of_the_table_and_shows_its_value(panel):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox

    from nnviz.appmodel.hyperparameters import CHOICE, FLAG, HYPERPARAMETERS, WHOLE

    config = TrainConfig(optimizer="nag", lr=0.03, schedule="step", batch_size=64, epochs=5, augment=True, l1=1e-05,
                         l2=0.0001, weight_decay=0.01)
    panel.set_settings(TrainingSettings(Architecture(), config))
    kinds = {CHOICE: QComboBox, WHOLE: QSpinBox, FLAG: QCheckBox}
    for hp in (hp for hp in HYPERPARAMETERS if hp.panel):
        widget = panel.field(hp.key)
        assert isinstance(widget, kinds.get(hp.kind, QComboBox)) and widget.toolTip()
        if hp.kind == WHOLE:
            assert (widget.minimum(), widget.maximum()) == (hp.low, hp.high)
    assert panel.settings().config == config
    sent = []
    panel.configChanged.connect(sent.append)
    panel.field("epochs").setValue(6)  # every other value is read back from the fields as shown
    assert sent == [config.replace(epochs=6)]


def test_the_window_words_what_the_model_notes():
    from nnviz.app.widgets.run_progress import NOTES, note_text
    from nnviz.appmodel.snapshot import Note

    assert note_text(None) == ""
    assert note_text(Note("problem", ("MNIST is not in /nowhere",))) == "MNIST is not in /nowhere"
    assert note_text(Note("diverged", ("the loss became nan.",))) == (
        "the loss became nan. Lower the learning rate, then press Start to go on.")
    assert note_text(Note("bug", ("RuntimeError", "boom"))) == "training stopped by an internal error: RuntimeError: boom"
    assert note_text(Note("cannot-read-mnist", ("OSError", "disk"))) == "could not read MNIST: OSError: disk"
    assert set(NOTES) == {"diverged", "bug", "cannot-build", "cannot-read-mnist"}
