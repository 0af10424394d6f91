"""Rewinding training: the timeline under the curves shows the network as it was, exactly, and goes live again;
it belongs to the network (reset, undo, save and open)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from nnviz.app.widgets.histograms import weight_histogram
from nnviz.appmodel.snapshot import Architecture
from nnviz.appmodel.training_session import TrainingSettings, mnist_loader
from nnviz.nn import TrainConfig
from window_helpers import DIGITS, draw, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TWO_EPOCHS = TrainingSettings(Architecture(hidden=(32,)), TrainConfig(epochs=2, batch_size=64, schedule="constant"))


@pytest.fixture
def trained_window(qtbot, mnist_dir):
    """A window that has trained a new 784-32-10 network for two epochs on 2,048 MNIST digits."""
    window = make_window(qtbot, settings=TWO_EPOCHS, load_training_data=mnist_loader(str(mnist_dir), 2048, 500))
    draw(window.canvas, DIGITS[7][0])
    window.reset_network()
    qtbot.waitUntil(lambda: window.network().sizes == (784, 32, 10), timeout=5_000)
    window.start_training()
    qtbot.waitUntil(lambda: window.training_panel.status().state == "finished", timeout=30_000)
    qtbot.waitUntil(lambda: len(window.timeline) and window.timeline[-1].position == 2.0, timeout=5_000)
    window.apply_pending()
    return window


def shows_exactly(window, snapshot) -> bool:
    """The window's network, the weight tiles and the prediction are those of ``snapshot``, bit for bit."""
    net = window.network()
    same_network = all(np.array_equal(a, b) for a, b in zip((*net.weights, *net.biases),
                                                             (*snapshot.weights, *snapshot.biases)))
    same_tiles = np.array_equal(window.weights_view.shown_values(), snapshot.weights[0])
    expected = snapshot.to_network().forward(window.current_input().image.reshape(1, -1)).a[-1][0]
    return same_network and same_tiles and np.array_equal(window.probabilities.probabilities(), expected)


def test_the_run_keeps_moments_from_its_start_to_each_epochs_end(trained_window):
    window = trained_window
    positions = [m.position for m in window.timeline.moments]
    assert positions[0] == 0.0 and positions[-2:] == [1.0, 2.0] and len(positions) >= 12
    assert window.timeline_bar.isVisible() and window.timeline_bar.is_live()


def test_scrubbing_shows_the_stored_weights_exactly_and_live_comes_back(trained_window, qtbot):
    window = trained_window
    live = window.snapshot()
    bar = window.timeline_bar
    for index in (0, 3, len(window.timeline) - 2):
        bar.slider.setValue(index)
        moment = window.timeline[index]
        assert shows_exactly(window, moment.snapshot)
        assert window.loss_panel.marker.position() == pytest.approx(moment.position)
        full = f"epoch {moment.position:.2f} · step {moment.snapshot.step:,}"
        said = window.loss_panel.marker.text()
        assert said == full if index == 0 else said in (full, f"{moment.position:.2f}")  # the short form if cramped
    assert not shows_exactly(window, live)
    bar.live_button.click()
    assert bar.is_live() and window.loss_panel.marker.position() is None
    assert shows_exactly(window, live) and window.loss_panel.marker.text() == ""


def test_the_histograms_and_the_hidden_layer_map_show_the_moment_too(trained_window, qtbot):
    window = trained_window
    panels = window.inspection
    panels.show_tab(panels.histograms)
    window.timeline_bar.choose(1)
    moment = window.timeline[1].snapshot
    expected = 100 * weight_histogram(moment.weights[0])[1]
    qtbot.waitUntil(lambda: np.array_equal(panels.histograms.curve_data("weights", 0)[1], expected), timeout=5_000)
    hidden_map = panels.hidden_map
    panels.show_tab(hidden_map)
    qtbot.waitUntil(lambda: hidden_map.pca() is not None, timeout=20_000)
    x, y = hidden_map.samples()
    _, then = hidden_map.compute(moment.to_network(), x, hidden_map.layer())
    np.testing.assert_allclose(hidden_map.points(3), then[y == 3], rtol=1e-5)
    window.go_live()  # the map is redone for the network being trained
    qtbot.waitUntil(lambda: hidden_map.pca() is not None, timeout=20_000)
    _, now = hidden_map.compute(window.snapshot().to_network(), x, hidden_map.layer())
    np.testing.assert_allclose(hidden_map.points(3), now[y == 3], rtol=1e-5)


def test_a_click_on_the_curves_rewinds_to_the_nearest_moment_or_live(trained_window):
    window = trained_window
    box = window.loss_plot.getPlotItem().getViewBox()

    def click_at(epochs: float) -> None:
        scene = box.mapViewToScene(QPointF(epochs, sum(box.viewRange()[1]) / 2))
        QTest.mouseClick(window.loss_plot.viewport(), Qt.MouseButton.LeftButton, pos=window.loss_plot.mapFromScene(scene))

    click_at(1.02)
    assert window.timeline[window.timeline_bar.index()].position == 1.0 and window.is_rewound()
    click_at(0.0)
    assert window.timeline_bar.index() == 0
    click_at(2.0)  # the newest point of the curve is there too: the network being trained
    assert window.timeline_bar.is_live() and not window.is_rewound()


def test_while_rewound_new_training_stays_unseen_until_live(trained_window, qtbot):
    window = trained_window
    window.timeline_bar.choose(1)
    shown = window.timeline[1].snapshot
    window.start_training()  # two epochs more: snapshots stream in
    qtbot.waitUntil(lambda: window.timeline[-1].position == 4.0, timeout=30_000)
    window.apply_pending()
    assert shows_exactly(window, shown) and window.timeline_bar.index() == 1
    window.go_live()
    qtbot.waitUntil(lambda: window.snapshot().epoch == 4, timeout=5_000)
    assert window.timeline_bar.is_live()


def test_the_timeline_goes_with_the_network_through_reset_and_undo(trained_window, qtbot):
    window = trained_window
    kept = [m.position for m in window.timeline.moments]
    window.timeline_bar.choose(2)
    window.reset_network()
    qtbot.waitUntil(lambda: len(window.timeline) == 0, timeout=5_000)
    assert not window.timeline_bar.isVisible() and not window.is_rewound()
    window.undo_reset()
    qtbot.waitUntil(lambda: len(window.timeline) == len(kept), timeout=5_000)
    assert [m.position for m in window.timeline.moments] == kept and window.timeline_bar.is_live()


def test_the_timeline_is_saved_with_the_model_and_opened_with_it(trained_window, qtbot, tmp_path):
    window = trained_window
    saved = window.timeline.moments
    window.timeline_bar.choose(1)
    assert window.save_model(tmp_path / "run.npz") and window.timeline_bar.is_live()  # the live network is saved
    window.back_to_shipped_model()
    qtbot.waitUntil(lambda: window.network().sizes == (784, 256, 128, 64, 10) and len(window.timeline) == 0,
                    timeout=5_000)
    assert window.open_model(tmp_path / "run.npz")
    qtbot.waitUntil(lambda: len(window.timeline) == len(saved), timeout=5_000)
    window.timeline_bar.choose(4)
    assert shows_exactly(window, saved[4].snapshot)


def test_a_damaged_timeline_is_said_and_the_network_still_opens(trained_window, qtbot, tmp_path):
    window = trained_window
    attachments = window.timeline.attachments()
    attachments["t2_b0"] = np.full(3, np.nan, np.float32)
    window.network().save(tmp_path / "damaged.npz", attachments=attachments)
    with qtbot.waitSignal(window.training.networkReplaced, timeout=5_000):
        window.back_to_shipped_model()
    with qtbot.waitSignal(window.training.networkReplaced, timeout=5_000):  # the timeline is adopted then
        assert window.open_model(tmp_path / "damaged.npz")
    assert window.network().sizes == (784, 32, 10)
    assert window.banner.kind() == "model" and "timeline" in window.banner.text()
    assert len(window.timeline) == 0 and not window.timeline_bar.isVisible()
