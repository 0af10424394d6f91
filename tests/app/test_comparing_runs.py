"""Comparing runs: a replaced run stays on the plot, faint, named by what set it apart; the Runs menu hides and
removes runs; the same seed repeats a run exactly."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.appmodel.snapshot import Architecture
from nnviz.appmodel.training_session import TrainingSettings, mnist_loader
from nnviz.nn import TrainConfig
from window_helpers import make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TWO_EPOCHS = TrainingSettings(Architecture(hidden=(32,)), TrainConfig(epochs=2, batch_size=64, schedule="constant"))


@pytest.fixture
def window(qtbot, mnist_dir):
    return make_window(qtbot, settings=TWO_EPOCHS, load_training_data=mnist_loader(str(mnist_dir), 2048, 500))


def train_new_network(window, qtbot) -> None:
    window.reset_network()
    qtbot.waitUntil(lambda: window.network().sizes == window.training_panel.settings().architecture.sizes
                    and window.snapshot().step == 0 and window.loss_plot.n_points() == 0, timeout=5_000)
    window.start_training()
    finished(window, qtbot)


def finished(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.training_panel.status().state == "finished"
                    and len(window.current_curves().epoch_x) == 2, timeout=30_000)
    window.apply_pending()


def legend_names(window) -> list[str]:
    return window.loss_plot.legend().names()


def test_run_again_with_the_same_seed_draws_the_same_curves_over_the_faint_ones(window, qtbot):
    train_new_network(window, qtbot)
    first = window.current_curves()
    assert len(window.loss_plot.test_loss_data()[1]) == 2  # test loss beside the training loss
    window.rerun_action.trigger()
    qtbot.waitUntil(lambda: window.training_panel.status().state == "running", timeout=10_000)
    finished(window, qtbot)
    assert [run.number for run in window.earlier_runs.runs] == [1]
    assert window.earlier_runs.runs[0].curves.equals(first)
    assert window.current_curves().equals(first)  # the same seed: the same run, value for value
    assert "run 1: same settings" in legend_names(window)
    loss, accuracy = window.run_curves.items()[0]
    assert np.array_equal(loss.getData()[0], first.loss_x) and len(accuracy.getData()[0]) == 2


def test_an_earlier_run_is_named_by_what_differed_and_can_be_hidden_or_removed(window, qtbot):
    train_new_network(window, qtbot)
    panel = window.training_panel
    panel.field("optimizer").setCurrentText("sgd")
    panel.field("lr").lineEdit().setText("0.05")
    panel.field("lr").lineEdit().editingFinished.emit()
    train_new_network(window, qtbot)
    assert window.run_curves.labels() == ["run 1: adam, lr 0.001"]
    assert "run 1: adam, lr 0.001" in legend_names(window)
    window.runs_menu.aboutToShow.emit()
    run_menu = window.runs_menu.actions()[0].menu()
    assert run_menu.title() == "run 1: adam, lr 0.001"
    show = next(a for a in run_menu.actions() if a.text() == "Show")
    show.trigger()  # unticks it
    assert window.run_curves.labels() == [] and len(window.earlier_runs) == 1
    assert "run 1: adam, lr 0.001" not in legend_names(window)
    window.show_run(1, True)
    assert window.run_curves.labels() == ["run 1: adam, lr 0.001"]
    next(a for a in run_menu.actions() if a.text() == "Remove").trigger()
    assert len(window.earlier_runs) == 0 and window.run_curves.labels() == []


def test_undo_reset_makes_the_earlier_run_the_current_one_again(window, qtbot):
    train_new_network(window, qtbot)
    window.reset_network()
    qtbot.waitUntil(lambda: len(window.earlier_runs) == 1, timeout=5_000)
    window.undo_reset()
    qtbot.waitUntil(lambda: len(window.earlier_runs) == 0 and len(window.current_curves()) > 0, timeout=5_000)
    assert window.current_run.number == 1 and window.run_curves.labels() == []


def test_only_the_chosen_number_of_earlier_runs_is_kept(window, qtbot):
    window.set_run_limit(1)
    for seed in (1, 2):
        window.training_panel.seed_spin.setValue(seed)
        train_new_network(window, qtbot)
    window.reset_network()
    qtbot.waitUntil(lambda: window.earlier_runs.runs and window.earlier_runs.runs[-1].number == 2, timeout=5_000)
    assert [run.number for run in window.earlier_runs.runs] == [2]
