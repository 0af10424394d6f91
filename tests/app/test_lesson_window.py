"""Lesson windows: the textbook's numbers on screen, numbers that follow the boxes, clear errors for the rest."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtGui import QImage

from nnviz.app.lesson_views import VIEWS
from nnviz.app.lesson_window import LessonWindow, lesson_name
from nnviz.errors import ConfigError, DataFileError
from nnviz.lessons.lesson_file import LessonFile

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"raise\(\)")


@pytest.fixture
def neuron_window(qtbot):
    window = LessonWindow("neuron", (1280, 720))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_neuron_lesson_opens_on_the_textbook_example(neuron_window):
    view = neuron_window.view
    assert view.output().sigmoid == 0.9990889488055994
    assert view.sigmoid_label.text().endswith("a = 0.9991")  # rounded for the slide ...
    assert "0.9990889488055994" in view.sigmoid_label.toolTip()  # ... every digit on hover
    assert view.sum_label.text() == "z = 0·2 + 1·3 + 4 = 7"
    assert view.perceptron_label.text().endswith("a = 1")


def test_changing_a_number_updates_both_neurons(neuron_window, qtbot):
    view = neuron_window.view
    view.boxes["b"].setValue(-10.0)  # z = 3 - 10 = -7
    assert view.output().z == -7.0 and view.output().perceptron == 0.0
    assert view.output().sigmoid == pytest.approx(1 - 0.9990889488055994)
    assert "a = 0" in view.perceptron_label.text()
    view.preset_button.click()
    assert view.output().z == 7.0


def test_lesson_names_and_files(tmp_path, monkeypatch):
    assert lesson_name("neuron") == "neuron"
    path = LessonFile(lesson="neuron", title="first lecture").save(tmp_path / "class.nnviz")
    assert lesson_name(str(path)) == "neuron"
    with pytest.raises(ConfigError, match="unknown lesson 'swim'"):
        lesson_name("swim")
    monkeypatch.delitem(VIEWS, "xor")  # a lesson whose view is not built
    with pytest.raises(ConfigError, match="no view in the window yet"):
        lesson_name("xor")
    LessonFile().save(tmp_path / "mnist.nnviz")  # a set-up of the main window
    assert lesson_name(str(tmp_path / "mnist.nnviz")) == "mnist"
    with pytest.raises(ConfigError, match="main window itself"):
        lesson_name("mnist")
    with pytest.raises(ConfigError, match="is a folder"):
        lesson_name(str(tmp_path))
    (tmp_path / "broken.nnviz").write_text("{not json")
    with pytest.raises(DataFileError):
        lesson_name(str(tmp_path / "broken.nnviz"))


def test_nnviz_lesson_screenshot_from_the_command_line(tmp_path):
    out = tmp_path / "neuron.png"
    done = subprocess.run([sys.executable, "-m", "nnviz", "--lesson", "neuron", "--screenshot", str(out),
                           "--size", "1280x720"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)


def test_a_bad_lesson_on_the_command_line_is_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "nnviz", "--lesson", "swim"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "unknown lesson" in done.stderr


@pytest.fixture
def open_lesson(qtbot):
    windows = []  # kept alive for the test: the view belongs to its window

    def open_(name):
        window = LessonWindow(name, (1280, 720))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window.view

    return open_


def test_forward_shows_the_textbook_intermediates_rounded_for_the_slide_and_in_full_on_hover(open_lesson):
    view = open_lesson("forward")
    first = view.layer_labels[0].text()
    assert "z1 = a0 · W1 + b1 = [0.3, 0.7, 1.1]" in first
    assert "a1 = sigmoid(z1) = [0.5744, 0.6682, 0.7503]" in first
    assert view.output_label.text() == "y = [0.3168, 0.6963]"
    assert repr(float(view.steps[0]["a_out"][0])) in view.layer_labels[0].toolTip()  # every digit, on hover
    assert view.output_label.toolTip().startswith("y = [0.3168270") and len(view.output_label.toolTip()) > 30


def test_forward_draws_the_network_with_its_numbers_where_they_act(open_lesson):
    import itertools

    from nnviz.app.lesson_views.network_drawing import NetworkDrawing

    view = open_lesson("forward")
    drawing = view.drawing
    assert isinstance(drawing, NetworkDrawing) and drawing.isVisible() and drawing.width() > 400
    steps = view.steps
    # a node shows its output; hovering it gives output, z and bias in full
    centre = drawing.node_centre(1, 0)
    tip = drawing.tooltip_at(centre)
    assert f"a = {float(steps[0]['a_out'][0])!r}" in tip and f"z = {float(steps[0]['z'][0])!r}" in tip
    assert "b = 0.1" in tip
    assert drawing.tooltip_at(drawing.node_centre(0, 1)) == "a = 0.5"  # an input
    # every weight is written on its line, in full on hover, and no two labels or nodes run into each other
    boxes = drawing._label_boxes()  # noqa: SLF001
    assert len(boxes) == 2 * 3 + 3 * 2 + 2 * 2
    assert drawing.tooltip_at(drawing.weight_label_at(1, 2, 1)) == f"w = {float(steps[1]['W'][2, 1])!r}"
    for a, b in itertools.combinations(boxes.values(), 2):
        assert not a.intersects(b)
    radius = drawing._radius()  # noqa: SLF001
    centres = [drawing.node_centre(c, i) for c, n in enumerate((2, 3, 2, 2)) for i in range(n)]
    for box in boxes.values():
        for c in centres:
            assert (box.center() - c).manhattanLength() > radius * 0.9


def test_fit_sine_starts_untrained_and_play_bends_the_curve(open_lesson, qtbot):
    view = open_lesson("fit-sine")
    first = view.last
    assert first.epoch == 1
    view.controls.speed.setValue(50)
    view.controls.play_button.click()
    qtbot.waitUntil(lambda: view.last.epoch >= 200, timeout=20_000)
    view.controls.play_button.click()  # pause
    assert not view.player.is_playing()
    assert view.last.loss < first.loss / 2
    x, y = view.fitted.getData()
    np.testing.assert_allclose(y, view.last.fitted)
    view.controls.restart_button.click()
    assert view.last.epoch == 1


def test_fit_sine_shows_the_training_points_and_the_sigmoids_it_adds_up(open_lesson):
    from nnviz.lessons.fit_sine import P, target

    view = open_lesson("fit-sine")
    for _ in range(20):
        view.player.tick()
    x, y = view.points.getData()
    np.testing.assert_allclose(x, P)
    np.testing.assert_allclose(y, target(P))
    assert view.points.opts["pen"] is None and view.points.opts["symbol"]  # points, not a line
    last = view.last
    parts = [curve.getData()[1] for curve in view.parts]
    np.testing.assert_allclose(np.sum(parts, axis=0) + view.bias_line.getData()[1][0], view.fitted.getData()[1])
    styles = {curve.opts["pen"].style() for curve in [*view.parts, view.bias_line, view.fitted]}
    assert len(styles) == 4  # told apart without colour
    names = [label.text for _, label in view.plot.getPlotItem().legend.items]
    assert len(names) == 5 and "the constant c" in names
    assert view.status.text().endswith(f"c = {round(last.bias, 4):g}".replace("-", "−"))
    assert repr(last.bias).replace("-", "−") in view.status.toolTip()


def test_xor_perceptron_never_learns_it_and_the_network_does(open_lesson):
    view = open_lesson("xor")
    assert min(view.perceptron_mistakes) > 0
    for _ in range(100):
        view.player.tick()  # 100 frames of 20 epochs
    assert "4 of 4 right" in view.status.text()
    assert view.image.image is not None and view.image.image.shape[:2] == (81, 81)


def test_xor_draws_its_two_hidden_neurons_lines_over_the_input_plane(open_lesson):
    view = open_lesson("xor")
    for _ in range(100):
        view.player.tick()
    net = view.network
    assert len(view.hidden_items) == 2
    for j in range(2):
        line = view.hidden_line(j)
        assert line is not None
        np.testing.assert_allclose(line @ net.weights[0][:, j] + net.biases[0][j], 0.0, atol=1e-9)
        curve, tag = view.hidden_items[j]
        assert tag.isVisible() and tag.toPlainText() == f"hidden {j + 1}"
    pens = [curve.opts["pen"] for curve, _ in view.hidden_items]
    assert pens[0].style() != pens[1].style()  # dashed and dotted: told apart without colour
    assert view.lines_note.isVisible()


def test_two_layer_shows_the_textbook_output_and_learns_the_four_people(open_lesson):
    view = open_lesson("two-layer")
    assert view.output == 0.7216325609518421 and view.forward_label.text().endswith("= 0.7216")
    assert "0.7216325609518421" in view.forward_label.toolTip() and "0.9525741268224334" in view.forward_label.toolTip()
    for _ in range(60):
        view.player.tick()  # 300 epochs
    assert "4 of 4 right" in view.status.text()


def test_the_optimizer_race_grows_every_trajectory_and_switches_surface(open_lesson):
    view = open_lesson("optimizers")
    assert set(view.curves) == set(view.paths) and len(view.paths) == 10
    for _ in range(10):
        view.player.tick()
    assert view.shown == 51
    for name, curve in view.curves.items():
        x, _ = curve.getData()
        assert len(x) == min(52, len(view.paths[name]))
    view.surface_box.setCurrentText("bowl")
    assert view.shown == 1 and np.allclose(view.paths["sgd"][0], (-4.0, 1.5))


def test_every_optimizer_path_ends_in_its_own_marker_named_in_a_legend_beside_the_map(open_lesson):
    from nnviz.app.colormaps import CATEGORICAL, MARKERS

    view = open_lesson("optimizers")
    for _ in range(10):
        view.player.tick()
    symbols = set()
    for name, head in view.heads.items():
        x, y = head.getData()
        path = view.paths[name][: view.shown + 1]
        assert len(x) == 1 and (x[0], y[0]) == pytest.approx(tuple(path[-1]))  # at the head of its path
        symbols.add(head.opts["symbol"])
    assert len(symbols) == 10  # shapes tell them apart without colour
    entries = view.legend.entries()
    assert [name for _, _, name in entries] == ["SGD", "Momentum", "NAG", "AdaGrad", "RMSprop", "Adam", "AdamW",
                                                "AdaDelta", "AMSGrad", "NAdam"]
    assert [(colour, marker) for colour, marker, _ in entries] == list(zip(CATEGORICAL, MARKERS))
    assert view.legend.isVisible() and not view.legend.geometry().intersects(view.plot.geometry())


def test_losses_activations_has_its_four_plots(open_lesson):
    view = open_lesson("losses-activations")
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["Losses", "Activations", "L1 vs L2",
                                                                        "Schedules"]


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_lesson_opens_at_1280x720(open_lesson, name):
    view = open_lesson(name)
    assert view.isVisible() and view.title and view.explanation


def test_a_set_up_saved_from_the_window_opens_again_with_its_network_and_panel(qtbot, tmp_path):
    from nnviz.appmodel.snapshot import Architecture
    from nnviz.appmodel.training_session import TrainingSettings
    from nnviz.nn import TrainConfig
    from window_helpers import make_window

    first = make_window(qtbot)
    first.training_panel.set_settings(TrainingSettings(Architecture(hidden=(16, 16), activation="tanh"),
                                                       TrainConfig(lr=0.05, optimizer="sgd", seed=7)))
    first.inspection.show_tab(first.inspection.softmax)
    assert first.save_lesson_file(tmp_path / "class")
    saved = tmp_path / "class.nnviz"
    assert saved.exists()

    second = make_window(qtbot)
    assert second.open_lesson_file(saved)
    settings = second.training_panel.settings()
    assert settings.architecture.hidden == (16, 16) and settings.architecture.activation == "tanh"
    assert settings.config.lr == 0.05 and settings.config.optimizer == "sgd" and settings.config.seed == 7
    qtbot.waitUntil(lambda: second.network().sizes == (784, 16, 16, 10), timeout=10_000)  # reset to it
    assert second.inspection.tabs.currentWidget() is second.inspection.softmax


def test_opening_a_built_in_lesson_file_opens_its_window_and_a_bad_file_says_why(qtbot, tmp_path):
    from window_helpers import make_window

    window = make_window(qtbot)
    path = LessonFile(lesson="xor").save(tmp_path / "xor.nnviz")
    assert window.open_lesson_file(path)
    lessons = window.lesson_windows()
    assert len(lessons) == 1 and lessons[0].view.objectName() == "xorLesson" and lessons[0].isVisible()
    lessons[0].close()
    (tmp_path / "bad.nnviz").write_text('{"format": "nnviz-lesson", "hidden": [0]}')
    assert not window.open_lesson_file(tmp_path / "bad.nnviz")
    assert "Could not open the lesson" in window.banner.text() and "hidden" in window.banner.text()


def test_every_lesson_has_the_view_its_entry_names():
    from nnviz.lessons import LESSONS

    assert sorted(VIEWS) == sorted(LESSONS)  # (another test takes one out and puts it back at the end)
    assert all(f"{view.__module__}:{view.__name__}" == LESSONS[name].view for name, view in VIEWS.items())
