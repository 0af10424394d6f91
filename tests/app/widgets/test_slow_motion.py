"""Slow motion: one forward pass of the drawing a layer at a time, then one backward pass, driven like a
lecturer would (Next, Space, Play, Back, Restart) and checked against what the diagram and the text show."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest
from PySide6.QtCore import QUrl, Qt
from PySide6.QtTest import QTest

from nnviz.app.colormaps import SEQUENTIAL
from nnviz.app.i18n import CHINESE, ENGLISH, install_language
from nnviz.app.widgets.diagram.sprites import IDLE_NODE
from nnviz.app.widgets.slow_motion import FASTEST_MS, SLOWEST_MS, SlowMotionView, step_interval_ms
from nnviz.nn import MLP
from nnviz.nn.walkthrough import walkthrough

SIZES = (784, 24, 16, 10)
N_STEPS = 6  # three layers forward, three back


def digit_like(column=12):
    x = np.zeros((28, 28), np.float32)
    x[6:22, column:column + 4] = np.linspace(0.5, 1.0, 16)[:, None]
    return x.ravel()


@pytest.fixture
def net():
    return MLP(SIZES, seed=0)


@pytest.fixture
def slow(shown, net):
    view = shown(SlowMotionView(), 1000, 620)
    view.set_input(net, digit_like())
    return view


def finish(qtbot, slow):
    qtbot.waitUntil(lambda: not slow.animating(), timeout=5000)


def dot_colours(slow, layer):
    """(n, 3): the colour at the centre of every node of ``layer`` as the diagram shows it."""
    diagram = slow.diagram
    image = diagram.node_image(layer)
    cols, _ = diagram._layout.grids[layer]
    cell = image.shape[0] / diagram._layout.grids[layer][1]
    index = np.arange(SIZES[layer])
    rows, columns = ((index // cols + 0.5) * cell).astype(int), ((index % cols + 0.5) * cell).astype(int)
    return image[rows, columns, :3].astype(int)


def is_idle(slow, layer):
    return bool((dot_colours(slow, layer) == IDLE_NODE).all())


def test_an_empty_canvas_offers_nothing_to_step_through(shown, net):
    slow = shown(SlowMotionView(), 1000, 620)
    slow.set_input(net, None)
    assert slow.objectName() == "slowMotion" and slow.walkthrough() is None and slow.step_count() == 0
    assert not slow.next_button.isEnabled() and not slow.play_button.isEnabled()
    assert "Draw a digit" in slow.description()
    slow.next_step()
    assert slow.position() == 0


def test_forward_steps_light_up_the_layers_in_order_with_the_real_sums(slow, net, qtbot):
    x = digit_like()
    trace = net.forward(x[None])
    assert slow.position() == 0 and slow.step_count() == N_STEPS
    assert "Step 0 of 6" in slow.counter.text()
    assert all(is_idle(slow, layer) for layer in (1, 2, 3))
    for layer in (1, 2, 3):
        slow.next_step()
        assert slow.diagram.stage().progress == 0.0  # the new layer starts dark and lights up...
        finish(qtbot, slow)
        assert slow.diagram.stage().progress == 1.0  # ...over the step's animation
        assert slow.position() == layer
        assert f"Step {layer} of 6: forward pass" in slow.counter.text()
        assert [is_idle(slow, l) for l in (1, 2, 3)] == [l > layer for l in (1, 2, 3)]
        a = trace.a[layer][0]
        brightest = int(np.argmax(a))
        if layer < 3:  # a hidden layer: its strongest neuron has the brightest colour of the scale
            assert tuple(dot_colours(slow, layer)[brightest]) == tuple(SEQUENTIAL[255, :3])
        # The text writes out the sum of the layer's most active neuron with this drawing's numbers.
        assert f"= {trace.z[layer - 1][0, brightest]:.3f}".replace("-", "−") in slow.description()
        stage = slow.diagram.stage()
        assert stage.edges[0] == layer and slow.diagram.stage_line_count() > 0
        src, dst, value = stage.edges[1:]
        np.testing.assert_allclose(value, net.weights[layer - 1][src, dst] * trace.a[layer - 1][0, src], rtol=1e-5)
    assert f"The network reads {int(np.argmax(trace.a[-1]))}" in slow.description()
    assert slow.diagram.legend_labels()[0][0] == "weight × input"


def test_backward_steps_colour_the_deltas_and_draw_the_weight_changes(slow, net, qtbot):
    walk = walkthrough(net, digit_like(), slow.target.value(), slow.learning_rate.value())
    for _ in range(4):
        slow.next_step()
    finish(qtbot, slow)
    assert "Step 4 of 6: backward pass, output layer" in slow.counter.text()
    stage = slow.diagram.stage()
    assert stage.looks == ("activation", "activation", "activation", "signed")
    np.testing.assert_allclose(stage.signed[3], walk.backward_of(3).delta, rtol=1e-5, atol=1e-7)
    target = walk.target
    p = walk.forward[-1].a
    assert f"−log {p[target]:.4f}" in slow.description()
    blue, red = dot_colours(slow, 3)[target][[2, 0]]
    assert blue > red  # the true digit's delta p - 1 is negative: blue
    layer, src, dst, change = stage.edges
    expected = walk.backward_of(3).W_change
    assert layer == 3 and stage.backward
    np.testing.assert_allclose(change, expected[src, dst], rtol=1e-5, atol=1e-9)
    i, j = np.unravel_index(np.argmax(np.abs(expected)), expected.shape)
    assert any((s, d) == (i, j) for s, d in zip(src, dst))  # the largest change is among those drawn
    assert slow.diagram.legend_labels() == (("weight change", "−", "+"), ("delta δ", "−", "+"))

    slow.next_step()
    finish(qtbot, slow)
    stage = slow.diagram.stage()
    assert stage.looks == ("activation", "activation", "signed", "signed")
    delta = walk.backward_of(2).delta
    np.testing.assert_allclose(stage.signed[2], delta, rtol=1e-5, atol=1e-7)
    shown_neuron = int(np.argmax(np.abs(delta)))
    assert f"Neuron {shown_neuron}" in slow.description()
    slow.next_step()
    finish(qtbot, slow)
    assert slow.position() == N_STEPS and not slow.next_button.isEnabled()
    assert slow.current_step() is slow.walkthrough().backward_of(1)


def test_the_true_digit_defaults_to_the_prediction_and_can_be_changed(slow, net, qtbot):
    predicted = int(net.predict(digit_like()[None])[0])
    assert slow.target.value() == predicted
    for _ in range(4):
        slow.next_step()
    other = (predicted + 1) % 10
    slow.target.setValue(other)
    assert slow.position() == 4  # the same step, for the other digit
    assert slow.walkthrough().target == other
    assert slow.diagram.stage().signed[3][other] < 0 < slow.diagram.stage().signed[3][predicted]
    assert f"true digit {other}" in slow.description()


def test_space_steps_wherever_the_focus_is_in_the_panel(slow, qtbot):
    slow.activateWindow()
    for widget in (slow.previous_button, slow.restart_button, slow.speed):
        widget.setFocus()
        before = slow.position()
        QTest.keyClick(widget, Qt.Key.Key_Space)
        assert slow.position() == before + 1  # not Back, not Restart: Space means Next here


def test_back_and_restart_go_back(slow, qtbot):
    for _ in range(3):
        slow.next_step()
    slow.previous_button.click()
    assert slow.position() == 2 and slow.diagram.stage().progress == 1.0  # back at once, no animation
    assert is_idle(slow, 3) and not is_idle(slow, 2)
    slow.restart_button.click()
    assert slow.position() == 0 and all(is_idle(slow, layer) for layer in (1, 2, 3))
    assert not slow.previous_button.isEnabled()


def test_play_takes_a_step_every_interval_of_the_speed_slider_until_the_end(slow, qtbot):
    assert step_interval_ms(0) == SLOWEST_MS and step_interval_ms(slow.speed.maximum()) == FASTEST_MS
    slow.speed.setValue(slow.speed.maximum())
    assert slow.step_interval_ms() == FASTEST_MS and "0.4 s per step" in slow.speed_label.text()
    times = {}
    slow.positionChanged.connect(lambda position: times.setdefault(position, time.perf_counter()))
    slow.play_button.click()
    assert slow.is_playing() and slow.play_button.text() == "Pause" and slow.position() == 1
    qtbot.waitUntil(lambda: slow.position() == 3, timeout=5000)
    assert times[3] - times[2] >= 0.8 * FASTEST_MS / 1000
    qtbot.waitUntil(lambda: not slow.is_playing(), timeout=10_000)
    assert slow.position() == N_STEPS and slow.play_button.text() == "Play"
    slow.play_button.click()  # at the end, Play starts over
    assert slow.position() == 1 and slow.is_playing()
    slow.play_button.click()
    assert not slow.is_playing()


def test_a_new_drawing_starts_again_and_new_weights_keep_the_step(slow, net, qtbot):
    for _ in range(2):
        slow.next_step()
    net.weights[1][...] *= 1.5
    slow.set_input(net, digit_like())
    assert slow.position() == 2
    np.testing.assert_allclose(slow.walkthrough().forward[1].W, net.weights[1])
    slow.set_input(net, digit_like(column=8))
    assert slow.position() == 0
    assert slow.target.value() == int(net.predict(digit_like(column=8)[None])[0])
    slow.set_input(net, None)
    assert slow.walkthrough() is None and "Draw a digit" in slow.description()


def test_clicking_a_neuron_writes_out_its_sum(slow, net, qtbot):
    for _ in range(2):
        slow.next_step()
    finish(qtbot, slow)
    diagram = slow.diagram
    assert not slow.inspector.isVisible()
    qtbot.mouseClick(diagram.graphics_view().viewport(), Qt.MouseButton.LeftButton,
                     pos=diagram.node_position(2, 5).toPoint())
    assert slow.inspector.isVisible() and slow.inspector.node() == (2, 5)
    z = net.forward(digit_like()[None]).z[1][0, 5]
    assert re.search(r"neuron 5\b", slow.description()) and f"{z:.3f}".replace("-", "−") in slow.description()
    assert f"{z:.3f}" in slow.inspector.values.text()


def test_the_softmax_link_asks_for_softmax_step_by_step(slow, qtbot):
    for _ in range(3):
        slow.next_step()
    assert "Softmax step by step" in slow.description()
    with qtbot.waitSignal(slow.softmaxRequested, timeout=1000):
        slow.text.anchorClicked.emit(QUrl("softmax"))


def test_the_text_follows_the_font_for_presentations(slow):
    font = slow.font()
    font.setPointSizeF(20)
    slow.setFont(font)
    assert slow.text.font().pointSizeF() >= 20 and slow.counter.font().pointSizeF() >= 20


@pytest.fixture
def chinese(qapp):
    assert install_language(CHINESE) == CHINESE
    yield
    install_language(ENGLISH)


def test_slow_motion_speaks_chinese(chinese, shown, net):
    slow = shown(SlowMotionView(), 1000, 620)
    slow.set_input(net, digit_like())
    slow.next_step()
    cjk = re.compile("[\u4e00-\u9fff]")
    texts = [slow.counter.text(), slow.description(), slow.next_button.text(), slow.speed_label.text(),
             *slow.diagram.legend_labels()[0]]
    assert all(cjk.search(text) for text in texts if re.search("[A-Za-z]{3}", text)), texts
    assert "第 1 步" in slow.counter.text()


def test_new_weights_during_a_step_keep_its_animation_going(slow, net, qtbot):
    slow.speed.setValue(0)  # the slowest: the animation lasts long enough to be interrupted
    slow.next_step()
    assert slow.animating()
    net.weights[0][...] *= 1.1  # what training does 10 times a second
    slow.set_input(net, digit_like())
    assert slow.animating() and slow.position() == 1
    np.testing.assert_allclose(slow.walkthrough().forward[0].W, net.weights[0])


def test_clicking_the_true_digit_at_the_output_still_explains_another_digit(slow, net, qtbot):
    for _ in range(4):
        slow.next_step()
    finish(qtbot, slow)
    target = slow.target.value()
    slow.select_neuron(3, target)
    text = slow.description()
    assert f"Digit {target}: δ = " in text and f"p{target} − 0" not in text


def test_deltas_are_coloured_on_one_stated_scale_so_a_tiny_error_stays_neutral(slow, net, qtbot):
    from nnviz.app.widgets.slow_motion import DELTA_SCALE

    assert not slow.delta_scale.isVisible()  # forward: activations, no signed values
    for _ in range(4):
        slow.next_step()
    finish(qtbot, slow)
    assert slow.diagram.stage().scale is DELTA_SCALE and slow.delta_scale.isVisible()
    labels = [label for _, label in slow.delta_scale.ticks()]
    assert labels == ["−1", "−0.01", "0", "0.01", "1"] and "log" in slow.delta_scale.title()
    # The same colour for the same delta whatever the layer's largest one: shrink every delta a millionfold
    # and the output layer shows neutral dots instead of the same saturated ones.
    before = dot_colours(slow, 3)
    assert np.abs(before - before.mean(axis=0)).max() > 60  # the real deltas: red, blue and neutral dots
    stage = slow.diagram.stage()
    slow.diagram.set_stage(stage.__class__(**{**stage.__dict__,
                                              "signed": tuple(None if s is None else s * 1e-6 for s in stage.signed)}))
    tiny = dot_colours(slow, 3)
    assert np.abs(tiny - tiny[0]).max() <= 2  # all alike, neutral (scaled per layer they would look as before)
    slow.restart()
    assert not slow.delta_scale.isVisible()
