"""Looking inside, driven like a user: click a neuron, ask "why?", evaluate, map, histograms."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from nnviz.app.inspection import saliency_overlay
from nnviz.appmodel.training_session import mnist_loader
from nnviz.nn import input_gradient
from window_helpers import DIGITS, draw, make_window

# The offscreen platform says these when a window's size constraints change and when the Inspect panel
# becomes a window of its own.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"This plugin does not support raise\(\)")


@pytest.fixture
def window(qtbot, mnist_dir):
    """The shipped model, with a test set of the first 600 MNIST test digits."""
    return make_window(qtbot, load_training_data=mnist_loader(str(mnist_dir), 1024, 600))


def click_node(window, qtbot, layer, slot=0) -> int:
    """Click the ``slot``-th neuron the diagram shows in ``layer`` (its most active ones); returns its index."""
    view = window.network_view
    index = int(view.shown_nodes(layer)[slot])
    qtbot.mouseClick(view.graphics_view().viewport(), Qt.MouseButton.LeftButton,
                     pos=view.node_position(layer, index).toPoint())
    return index


def test_clicking_a_neuron_opens_the_inspector_on_that_neuron(window, qtbot):
    draw(window.canvas, DIGITS[7][0])
    window.apply_pending()
    index = click_node(window, qtbot, 2, 5)
    inspector = window.inspection.inspector
    assert window.inspection.inspect_dock.isVisible() and window.inspection.tabs.currentWidget() is inspector
    assert inspector.node() == (2, index)
    assert f"Hidden layer 2, neuron {index}" in inspector.title.text()
    trace = window.current_trace()
    assert f"{trace.z[1][0, index]:.3f}" in inspector.values.text()
    assert inspector.formula.text().startswith("z = ") and "+ b(" in inspector.formula.text()
    np.testing.assert_allclose(inspector.terms().weights, window.network().weights[1][:, index], rtol=1e-6)


def test_the_inspector_follows_the_pen_and_shows_first_layer_weights_as_a_picture(window, qtbot):
    index = click_node(window, qtbot, 1, 17)
    inspector = window.inspection.inspector
    assert inspector.terms().z is None  # nothing drawn yet
    assert inspector._image.isVisible() and inspector._image.image.shape[:2] == (28, 28)
    draw(window.canvas, DIGITS[1][0])
    assert inspector.terms().z == pytest.approx(float(window.current_trace().z[0][0, index]), rel=1e-5)


def test_on_an_empty_canvas_the_inspector_follows_new_weights(window, qtbot):
    """While training with nothing drawn, an inspected neuron's bias and weights are the newest ones."""
    from nnviz.appmodel.snapshot import NetworkSnapshot

    index = click_node(window, qtbot, 1, 3)
    inspector = window.inspection.inspector
    net = window.network().copy()
    net.biases[0][index] += 1.0
    net.weights[0][:, index] *= -1.0
    window._show_network(NetworkSnapshot.of(net), views_now=False)  # as a snapshot from training arrives
    assert inspector.terms().bias == pytest.approx(float(net.biases[0][index]))
    assert f"{net.biases[0][index]:.3f}" in inspector.values.text()
    np.testing.assert_allclose(inspector.terms().weights, net.weights[0][:, index], rtol=1e-6)


def test_the_output_neuron_names_its_digit(window, qtbot):
    draw(window.canvas, DIGITS[0][0])
    click_node(window, qtbot, 4, 0)
    assert "digit 0" in window.inspection.inspector.title.text()
    assert "softmax" in window.inspection.inspector.values.text()


def test_saliency_colours_the_drawing_and_goes_away(window, qtbot):
    draw(window.canvas, DIGITS[7][0])
    window.saliency_button.click()
    assert window.saliency_action.isChecked()
    overlay = window.canvas._overlay
    assert overlay is not None
    window.saliency_button.click()
    assert window.canvas._overlay is None


def test_why_says_for_which_digit_and_what_its_colours_mean(window):
    from nnviz.app.colormaps import NEGATIVE, POSITIVE

    draw(window.canvas, DIGITS[7][0])
    window.saliency_action.trigger()  # the S key's action: the button follows it
    assert window.saliency_button.isChecked()
    caption = window.canvas.overlay_caption()
    assert caption.title == "Why 7?"
    assert [colour for colour, _ in caption.key] == [POSITIVE, NEGATIVE]
    assert all("7" in text for _, text in caption.key)
    window.inspection.set_occlusion(True)
    assert "covering" in window.canvas.overlay_caption().key[0][1]


def test_the_why_button_looks_pressed_while_the_overlay_is_on(window):
    button = window.saliency_button

    def face():
        image = button.grab().toImage()
        colour = image.pixelColor(image.width() // 2, 3)  # above the text: the button's face
        return np.array([colour.red(), colour.green(), colour.blue()], int)

    off = face()
    button.click()
    assert button.isChecked()
    assert np.abs(face() - off).sum() > 120  # not a shade darker: another colour, seen from the back row
    button.click()
    assert np.array_equal(face(), off)


def test_the_saliency_overlay_lies_on_the_strokes_not_on_the_background(window):
    draw(window.canvas, DIGITS[7][0])
    window.saliency_button.click()
    alpha = window.canvas.overlay_pixels()[..., 3].astype(int)
    ink = window.canvas.image() > 0.5
    assert (alpha[ink] > 0).mean() > 0.6  # the strokes are coloured (but for their least important bits) ...
    far = np.ones_like(ink)  # ... and nothing more than ~2 input pixels (25 canvas pixels) away from them is
    rows, cols = np.nonzero(ink)
    far[max(0, rows.min() - 25): rows.max() + 26, max(0, cols.min() - 25): cols.max() + 26] = False
    assert not alpha[far].any()
    assert alpha[ink].mean() > 2.5 * alpha[~ink & (alpha > 0)].mean()  # beside the strokes: faint


def test_occlusion_saliency_is_drawn_too(window, qtbot):
    draw(window.canvas, DIGITS[7][0])
    window.inspection.set_occlusion(True)
    window.saliency_button.click()
    overlay = window.canvas._overlay
    assert overlay is not None
    window.canvas.clear()
    assert window.canvas._overlay is None  # nothing drawn, nothing to explain


def test_the_saliency_overlay_is_red_where_ink_raises_the_score():
    from nnviz.data import prepare
    from nnviz.nn import MLP

    net = MLP([784, 10], seed=0)
    net.weights[0] = np.zeros((784, 10), np.float32)
    net.weights[0][14 * 28 : 15 * 28, 3] = 1.0  # row 14 of the input speaks for a 3
    canvas = np.zeros((280, 280), np.float32)
    canvas[100:180, 130:150] = 1.0
    prepared = prepare(canvas)
    trace = net.forward(prepared.image.reshape(1, -1))
    assert trace.a[-1][0].argmax() == 3
    assert input_gradient(net, prepared.image.reshape(-1), 3).reshape(28, 28)[14].min() == 1.0
    rgba = saliency_overlay(net, prepared, trace, side=280)
    y = int(round(prepared.centre[0]))  # the drawing row that became input row 14
    red, blue, alpha = rgba[y, 140, 0], rgba[y, 140, 2], rgba[y, 140, 3]
    assert red > blue and alpha > 100
    assert rgba[5, 140, 3] == 0  # rows that do not matter stay see-through


def test_evaluation_counts_every_test_digit_and_a_cell_shows_those_digits(window, qtbot):
    evaluation = window.inspection.evaluation
    with qtbot.waitSignal(evaluation.finished, timeout=20_000) as blocker:
        window.inspection.evaluate()
    result = blocker.args[0]
    assert result.confusion.sum() == 600 and result.accuracy > 0.95
    assert "Accuracy" in evaluation.summary.text()
    # The gallery opens on the mistakes, the most confident first.
    shown = evaluation.shown_indices()
    assert len(shown) == len(result.mistakes()) and np.all(result.y_true[shown] != result.predicted[shown])
    # Click the cell "true 7, read as 7" of the matrix.
    view_box = evaluation.matrix.getViewBox()
    scene = view_box.mapViewToScene(QPointF(7.5, 7.5))
    QTest.mouseClick(evaluation.matrix.viewport(), Qt.MouseButton.LeftButton, pos=evaluation.matrix.mapFromScene(scene))
    shown = evaluation.shown_indices()
    assert len(shown) == result.confusion[7, 7] and evaluation.gallery.count() == len(shown)
    assert np.all(result.y_true[shown] == 7) and np.all(result.predicted[shown] == 7)
    assert np.all(np.diff(result.confidence[shown]) <= 0)


def test_a_test_digit_can_be_tried_on_the_canvas(window, qtbot):
    evaluation = window.inspection.evaluation
    with qtbot.waitSignal(evaluation.finished, timeout=20_000):
        window.inspection.evaluate()
    evaluation.show_cell(2, 2)
    evaluation.choose(0)
    assert not window.canvas.is_empty()
    assert window.prediction().startswith("2")


def test_the_hidden_layer_map_separates_digits_and_marks_the_drawing(window, qtbot):
    panels = window.inspection
    panels.show_tab(panels.hidden_map)
    qtbot.waitUntil(lambda: panels.hidden_map.pca() is not None, timeout=20_000)
    centres = np.array([panels.hidden_map.points(d).mean(axis=0) for d in range(10)])
    assert sum(len(panels.hidden_map.points(d)) for d in range(10)) == 600
    assert np.ptp(centres, axis=0).max() > 1.0  # the clusters sit apart
    draw(window.canvas, DIGITS[1][0])
    marker = panels.hidden_map.drawing_point()
    assert marker is not None
    # The drawn 1 lands nearer the 1s than the average other digit does.
    distances = np.linalg.norm(centres - marker, axis=1)
    assert distances[1] < np.median(distances)


def test_histograms_show_weights_and_after_a_step_gradients(qtbot, mnist_dir):
    from window_helpers import LONG

    window = make_window(qtbot, settings=LONG, load_training_data=mnist_loader(str(mnist_dir), 1024, 200))
    panels = window.inspection
    panels.show_tab(panels.histograms)
    x, share = panels.histograms.curve_data("weights", 0)
    assert len(x) == len(share) + 1 and share.sum() == pytest.approx(100.0)
    assert len(panels.histograms.curve_data("gradients", 0)[0]) == 0
    window.step_training()
    qtbot.waitUntil(lambda: window.training_panel.status().step >= 1, timeout=20_000)
    qtbot.waitUntil(lambda: len(panels.histograms.curve_data("gradients", 0)[0]) > 0, timeout=5_000)
    assert panels.histograms.curve_data("gradients", 0)[1].sum() == pytest.approx(100.0)


def test_a_new_network_clears_old_results_and_the_map_follows_it(window, qtbot, tmp_path):
    from nnviz.nn import MLP

    panels = window.inspection
    with qtbot.waitSignal(panels.evaluation.finished, timeout=20_000):
        panels.evaluate()
    panels.show_tab(panels.hidden_map)
    qtbot.waitUntil(lambda: panels.hidden_map.pca() is not None, timeout=20_000)
    draw(window.canvas, DIGITS[7][0])
    small = tmp_path / "small.npz"
    MLP([784, 50, 10], seed=0).save(small)
    assert window.open_model(small)  # a different width: the old map must not be used for the drawing
    assert panels.evaluation.result() is None and "changed" in panels.evaluation.summary.text()
    assert window.training_panel.settings().architecture.hidden == (50,)
    qtbot.waitUntil(lambda: panels.hidden_map.pca() is not None, timeout=20_000)
    assert panels.hidden_map.pca().mean.shape == (50,)
    assert panels.hidden_map.drawing_point() is not None
    MLP([784, 10], seed=0).save(small)
    assert window.open_model(small)
    assert "no hidden layer" in panels.hidden_map.caption.text()
    assert panels.hidden_map.drawing_point() is None


def test_softmax_step_by_step_follows_the_drawing_and_the_temperature(window):
    from nnviz.nn import softmax

    panels = window.inspection
    panels.show_tab(panels.softmax)
    assert panels.softmax.steps() is None  # nothing drawn yet
    draw(window.canvas, DIGITS[7][0])
    steps = panels.softmax.steps()
    z = window.current_trace().z[-1][0]
    np.testing.assert_allclose(steps.z, z, rtol=1e-6)
    np.testing.assert_allclose(steps.p, softmax(z.astype(np.float64)), rtol=1e-9)
    assert panels.softmax.table.item(7, 0).font().bold()
    sure = steps.p.max()
    panels.softmax.slider.setValue(panels.softmax.slider.maximum())
    assert panels.softmax.temperature() == pytest.approx(10.0)
    assert panels.softmax.steps().p.max() < sure and panels.softmax.steps().p.argmax() == 7


def test_slow_motion_follows_the_drawing_while_on_show_and_space_steps_there_not_training(window, qtbot):
    panels = window.inspection
    slow = panels.slow_motion
    assert slow.objectName() == "slowMotion"
    draw(window.canvas, DIGITS[7][0])
    assert slow.walkthrough() is None  # not on show: nothing computed
    panels.show_tab(slow)
    assert panels.visible_tabs() == ("Slow motion",)
    walk = slow.walkthrough()
    np.testing.assert_array_equal(walk.x, window.current_trace().a[0][0])
    assert walk.target == 7 and slow.position() == 0
    slow.next_button.setFocus()
    QTest.keyClick(slow.next_button, Qt.Key.Key_Space)
    QTest.keyClick(slow.next_button, Qt.Key.Key_Space)
    assert slow.position() == 2
    assert window.training_panel.status().state == "idle"  # the window's Space (train) did not fire
    draw(window.canvas, DIGITS[1][0])  # a new drawing starts again
    assert slow.position() == 0 and slow.walkthrough().target == window.current_trace().a[-1][0].argmax()
    for _ in range(4):
        slow.next_step()
    slow.text.anchorClicked.emit(QUrl("softmax"))  # the link at the output layer
    assert panels.tabs.currentWidget() is panels.softmax
    panels.show_tab_named("slow motion")
    assert panels.tabs.currentWidget() is slow


def test_the_inspect_panel_opens_docked_under_the_panels_never_over_the_diagram(window, qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QDockWidget

    draw(window.canvas, DIGITS[7][0])
    click_node(window, qtbot, 1)
    dock = window.inspection.inspect_dock
    assert dock.isVisible() and not dock.isFloating()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock.features() & QDockWidget.DockWidgetFeature.DockWidgetFloatable  # it can still be popped out

    def on_screen(widget) -> QRect:
        return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())

    qtbot.waitUntil(lambda: 0.25 * window.height() < dock.height() < 0.5 * window.height(), timeout=2000)
    view = window.network_view.graphics_view()
    visible = on_screen(window.centralWidget().viewport()).intersected(on_screen(view))
    assert not visible.isEmpty() and not visible.intersects(on_screen(dock))


def test_empty_tabs_show_a_hint_not_empty_axes(window, qtbot):
    inspection = window.inspection
    for tab in (inspection.inspector, inspection.softmax, inspection.evaluation, inspection.slow_motion):
        inspection.show_tab(tab)
        assert inspection.hint_shown(tab), tab.objectName()
    inspection.show_tab(inspection.histograms)
    assert not inspection.hint_shown(inspection.histograms)  # the weights are always there to show
    draw(window.canvas, DIGITS[7][0])
    for tab in (inspection.softmax, inspection.slow_motion):  # a drawing is all they needed
        inspection.show_tab(tab)
        assert not inspection.hint_shown(tab), tab.objectName()
    window.apply_pending()
    click_node(window, qtbot, 2)
    assert not inspection.hint_shown(inspection.inspector)
    inspection.show_tab(inspection.evaluation)
    hint = inspection.evaluation.findChild(QWidget, "evaluationViewHint")
    assert hint.isVisible() and hint.button.text() == "Evaluate on the test digits"
    hint.button.click()  # the hint's own button starts it
    qtbot.waitUntil(lambda: inspection.evaluation.result() is not None, timeout=30_000)
    assert not inspection.hint_shown(inspection.evaluation)


def test_mistake_captions_are_not_cut(window, qtbot):
    window.inspection.evaluate()
    evaluation = window.inspection.evaluation
    qtbot.waitUntil(lambda: evaluation.result() is not None, timeout=30_000)
    evaluation.show_mistakes()
    gallery = evaluation.gallery
    assert gallery.count() > 3
    for row in range(gallery.count()):
        item = gallery.item(row)
        assert gallery.visualItemRect(item).width() >= gallery.fontMetrics().horizontalAdvance(item.text()), item.text()


def test_the_inspect_views_compute_with_a_frozen_network_never_the_windows_own(window, qtbot):
    from nnviz.app.inspection import InspectionPanels

    assert not hasattr(window.inspection, "window") and isinstance(window.inspection, InspectionPanels)
    reading = window.reading()
    assert reading.network() is not window.network()
    assert not reading.network().weights[0].flags.writeable
    np.testing.assert_array_equal(reading.network().weights[0], window.network().weights[0])
