"""Teach it (issue 17), driven like a user: draw, click the right digit, watch it learn, Ctrl+Z, restart."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from nnviz.app.teaching import EXAMPLES_FILE, Teaching, personal_set_path
from nnviz.appmodel.teaching_messages import TeachOutcome
from nnviz.app.widgets.my_examples import MyExamplesDialog
from nnviz.data.personal_examples import PersonalExample, PersonalSet
from window_helpers import DIGITS, ask_training, draw, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # this test's own examples
    return make_window(qtbot)


def click_digit(bars, digit: int) -> None:
    area, slot, label_h = bars._areas()
    at = QPointF(area.left() + (digit + 0.5) * slot, area.bottom() + label_h / 2).toPoint()
    QTest.mouseClick(bars, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def taught(qtbot, window, act) -> TeachOutcome:
    with qtbot.waitSignal(window.teaching.outcomeShown, timeout=30_000) as shown:
        act()
    assert isinstance(shown.args[0], TeachOutcome), shown.args[0]
    return shown.args[0]


def weights(snapshot) -> list[np.ndarray]:
    return [*snapshot.weights, *snapshot.biases]


def test_a_click_on_the_right_digit_teaches_it_and_ctrl_z_brings_back_the_exact_weights(window, qtbot, mnist_dir):
    # mnist_dir: MNIST's training digits are the replay it checks for (the test is skipped, saying so, without them)
    draw(window.canvas, DIGITS[1][0])
    assert window.prediction().startswith("1 (")
    before = window.snapshot()
    outcome = taught(qtbot, window, lambda: click_digit(window.probabilities, 7))
    assert outcome.corrected and window.prediction().startswith("7 (")  # it learnt "this is a 7"
    assert window.probabilities.before() is not None and window.probabilities.before().argmax() == 1  # dashed
    assert window.network_view.changes_shown()  # the connections the correction changed most
    assert any(not np.array_equal(a, b) for a, b in zip(weights(window.snapshot()), weights(before)))
    assert outcome.replay_per_step > 0 and outcome.replayed > 0  # MNIST mixed in, so it does not forget
    message = window.statusBar().currentMessage()
    assert "steps on your 7" in message and "MNIST digits" in message and "Ctrl+Z" in message
    kept = PersonalSet.load(personal_set_path())
    assert len(kept) == 1 and kept[0].label == 7 and kept[0].strokes  # the input and the strokes
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.prediction().startswith("1 ("), timeout=5000)
    assert all(np.array_equal(a, b) for a, b in zip(weights(window.snapshot()), weights(before)))
    restored = weights(ask_training(qtbot, window.training, "network"))
    assert all(np.array_equal(a, b) for a, b in zip(restored, weights(before)))  # the live network too
    assert len(PersonalSet.load(personal_set_path())) == 0
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.is_empty()  # the next Ctrl+Z takes back the stroke, as before


def test_shift_and_a_digit_teach_too_and_a_new_stroke_comes_first_for_ctrl_z(window, qtbot):
    draw(window.canvas, DIGITS[1][0])
    taught(qtbot, window, lambda: QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ShiftModifier))
    assert window.teaching.can_undo()
    draw(window.canvas, [(40, 40), (60, 60)])
    assert not window.teaching.can_undo()  # Ctrl+Z now takes back that stroke, not the correction
    assert len(window.teaching.examples()) == 1


def test_nothing_drawn_nothing_taught(window, qtbot):
    assert not window.teaching.correct(3)
    assert "Draw a digit first" in window.statusBar().currentMessage()
    assert len(window.teaching.examples()) == 0


def test_the_examples_survive_a_restart_and_all_can_be_learnt(window, qtbot, tmp_path):
    draw(window.canvas, DIGITS[7][0])
    taught(qtbot, window, lambda: window.teaching.correct(2))
    again = Teaching(window, window.training)  # what the next start of the window reads
    assert len(again.examples()) == 1 and again.examples()[0].label == 2
    outcome = taught(qtbot, window, window.teaching.learn_all)
    assert not outcome.request.correction and "examples" in window.statusBar().currentMessage()


def test_a_damaged_examples_file_is_said_and_kept_aside(window, qtbot):
    path = personal_set_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a zip file at all")
    teaching = Teaching(window, window.training)
    assert len(teaching.examples()) == 0
    assert window.banner.kind() == "examples" and "could not be read" in window.banner.text()
    aside = list(path.parent.glob("my-examples.damaged-*.npz"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"not a zip file at all"  # never lost
    assert not path.exists()


def test_the_gallery_relabels_deletes_undoes_exports_and_imports(window, qtbot, tmp_path):
    rng = np.random.default_rng(0)
    window.teaching.set_examples(PersonalSet(tuple(
        PersonalExample(rng.uniform(0, 1, (28, 28)).astype(np.float32), label) for label in (3, 5, 8))))
    dialog = MyExamplesDialog(window.teaching, window)
    qtbot.addWidget(dialog)
    assert dialog.gallery.count() == 3 and [dialog.gallery.item(i).text() for i in range(3)] == ["3", "5", "8"]
    dialog.gallery.item(1).setSelected(True)
    dialog.relabel(9)
    assert [e.label for e in window.teaching.examples().examples] == [3, 9, 8]
    dialog.gallery.item(0).setSelected(True)
    dialog.delete_selected()
    assert [e.label for e in window.teaching.examples().examples] == [9, 8]
    dialog.undo_delete()
    assert [e.label for e in window.teaching.examples().examples] == [3, 9, 8]
    exported = tmp_path / "class.npz"
    assert dialog.export_to(str(exported)) and len(PersonalSet.load(exported)) == 3
    assert dialog.import_from(str(exported)) and len(window.teaching.examples()) == 6
    (tmp_path / "bad.npz").write_text("nope")
    assert not dialog.import_from(str(tmp_path / "bad.npz")) and len(window.teaching.examples()) == 6
    assert "bad.npz" in dialog.summary.text()
    assert PersonalSet.load(personal_set_path()).labels.tolist() == [3, 9, 8, 3, 9, 8]


def test_the_examples_file_is_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert personal_set_path() == tmp_path / "nnviz" / EXAMPLES_FILE


def test_a_correction_while_training_runs_is_learnt_between_steps_and_the_run_goes_on(qtbot, monkeypatch, tmp_path,
                                                                                       mnist_dir):
    from window_helpers import LONG

    from nnviz.appmodel.training_session import mnist_loader

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = make_window(qtbot, settings=LONG, load_training_data=mnist_loader(str(mnist_dir), 2048, 500))
    window.start_training()
    qtbot.waitUntil(lambda: window.training_panel.status().state == "running"
                    and window.training_panel.status().step > 5, timeout=20_000)
    draw(window.canvas, DIGITS[0][0])
    outcome = taught(qtbot, window, lambda: window.teaching.correct(6))
    assert outcome.replay_per_step > 0  # the run's own training digits are the replay
    step = window.training_panel.status().step
    qtbot.waitUntil(lambda: window.training_panel.status().step > step + 5, timeout=20_000)  # and it trains on
    assert window.training_panel.status().state == "running"
    window.pause_training()


def test_training_in_the_window_can_include_my_examples(window, qtbot):
    rng = np.random.default_rng(0)
    window.teaching.set_examples(PersonalSet(tuple(
        PersonalExample(rng.uniform(0, 1, (28, 28)).astype(np.float32), label) for label in (3, 5))))
    base = __import__("nnviz.appmodel.training_session", fromlist=["TrainingData"]).TrainingData(
        np.zeros((20, 784), np.float32), np.zeros(20, np.int64))
    window.training.set_data(base)
    window.training_panel.examples_check.setChecked(True)
    labels = ask_training(qtbot, window.training, "training_labels")
    assert len(labels) == 20 + 2 * 10  # each 10x an epoch
    assert sorted(set(labels[20:].tolist())) == [3, 5]
    window.training_panel.examples_check.setChecked(False)
    assert len(ask_training(qtbot, window.training, "training_labels")) == 20
