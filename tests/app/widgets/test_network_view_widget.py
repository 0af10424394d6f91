"""The network diagram: which edges it draws, what the nodes show, hover, click, and how fast it redraws."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QToolButton, QToolTip

from nnviz.app.colormaps import SEQUENTIAL
from nnviz.appmodel.snapshot import NetworkSnapshot
from nnviz.app.theme import PRESENTATION_POINT_SIZE, PROJECTOR, apply_theme
from nnviz.app.widgets.diagram.geometry import MOST_ACTIVE, compute_layout
from nnviz.app.widgets.diagram.selection import DRAWING, EDGE_BUDGET, OUTPUT_TOP_K, TOP_K, WEIGHTS, inactive, strongest_edges
from nnviz.app.widgets.diagram.sprites import IDLE_NODE
from nnviz.app.widgets.diagram.stage import Stage
from nnviz.app.widgets.network_view import NetworkView
from nnviz.nn import MLP

BIG = (784, 256, 128, 64, 10)
SMALL = (784, 16, 16, 10)


def digit_like(seed=0):
    rng = np.random.default_rng(seed)
    x = np.zeros((28, 28), np.float32)
    x[6:22, 12:16] = rng.uniform(0.5, 1.0, (16, 4))
    return x.ravel()


@pytest.fixture
def view(shown):
    return shown(NetworkView(), 700, 420)


def show(view, sizes, seed=0, x=None):
    net = MLP(sizes, seed=seed)
    view.set_snapshot(NetworkSnapshot.of(net))
    trace = net.forward((digit_like() if x is None else x)[None])
    view.set_activations([a[0] for a in trace.a])
    return net, trace


def test_strongest_edges_are_the_top_k_per_neuron_by_magnitude():
    rng = np.random.default_rng(1)
    W = rng.normal(size=(30, 5)).astype(np.float32)
    src, dst, w = strongest_edges(W, 3, budget=None)
    assert len(src) == 15
    for j in range(5):
        expected = set(np.argsort(-np.abs(W[:, j]))[:3])
        assert set(src[dst == j]) == expected
    assert np.array_equal(w, W[src, dst])
    assert (np.diff(np.abs(w)) >= 0).all()  # weakest first: the strongest are drawn on top


def test_the_budget_keeps_the_strongest_candidates():
    W = np.random.default_rng(2).normal(size=(100, 50)).astype(np.float32)
    _, _, everything = strongest_edges(W, 4, budget=None)
    _, _, kept = strongest_edges(W, 4, budget=60)
    assert len(kept) == 60
    assert np.abs(kept).min() >= np.sort(np.abs(everything))[-60]


def test_layout_keeps_layers_apart_and_inside_the_view():
    for sizes in (BIG, SMALL):
        layout = compute_layout(sizes, 700, 390, top=40, label_width=24)
        blocks = layout.blocks
        assert all(a.right() < b.left() for a, b in zip(blocks, blocks[1:]))
        assert blocks[0].left() >= 0 and blocks[-1].right() <= 700 - 24
        assert all(b.top() >= 40 and b.bottom() <= 390 for b in blocks)
        for block, xy in zip(blocks, layout.positions):
            assert (xy[:, 0] > block.left()).all() and (xy[:, 0] < block.right()).all()
            assert (xy[:, 1] > block.top()).all() and (xy[:, 1] < block.bottom()).all()
        assert layout.tile.width() == layout.tile.height() and layout.tile.width() % 28 == 0
    small = compute_layout(SMALL, 700, 390, top=40, label_width=24)
    assert [cols for cols, _ in small.grids[1:-1]] == [1, 1]  # small layers are plain columns
    big = compute_layout(BIG, 700, 390, top=40, label_width=24)
    assert big.grids[1][0] > 1  # 256 nodes are folded into a grid


def test_snapshot_draws_top_k_edges_with_a_budget(view):
    net, _ = show(view, BIG)
    assert view.objectName() == "networkView"
    assert view.sizes() == BIG
    for layer in range(1, len(BIG)):
        src, dst, w = view.edges(layer)
        W = net.weights[layer - 1]
        k = OUTPUT_TOP_K if layer == len(BIG) - 1 else TOP_K
        assert len(src) == min(EDGE_BUDGET, k * BIG[layer])
        kth = -np.sort(-np.abs(W), axis=0)[k - 1]  # each neuron's k-th strongest |w|
        assert (np.abs(w) >= kth[dst] - 1e-7).all()
    assert view.edge_line_count() == sum(len(view.edges(l)[0]) for l in range(1, len(BIG)))


def test_new_weights_update_in_place_and_new_sizes_rebuild(view):
    net, trace = show(view, BIG)
    dots = list(view._dots)
    before = view.edges(1)[2].copy()
    net.weights[0][...] *= -1.0
    view.set_snapshot(NetworkSnapshot.of(net))
    view.apply_pending()
    assert view._dots == dots  # same items, recoloured
    assert np.allclose(view.edges(1)[2], -before)
    assert view.node_value(1, 3) == pytest.approx(float(trace.a[1][0, 3]))  # activations kept
    show(view, SMALL)
    assert view.sizes() == SMALL and len(view._dots) == 3 and view._dots[0] is not dots[0]


def test_a_stream_of_snapshots_is_drawn_at_a_limited_rate_newest_first(view, qtbot):
    net, _ = show(view, BIG)
    original = view.edges(1)[2].copy()
    drawn = []
    for scale in (2.0, 3.0, 5.0):  # three snapshots in a row, as training would send them
        net.weights[0][...] *= scale
        view.set_snapshot(NetworkSnapshot.of(net))
        drawn.append(view.edges(1)[2].copy())
    assert np.allclose(drawn[0], 2 * original)  # the first is drawn at once (nothing drawn for a while)
    assert np.array_equal(drawn[2], drawn[0])  # the next ones wait for the refresh interval...
    qtbot.waitUntil(lambda: np.allclose(view.edges(1)[2], 30 * original), timeout=2000)  # ...and the newest wins
    net.weights[0][...] *= -1.0
    view.set_snapshot(NetworkSnapshot.of(net))
    view.apply_pending()
    assert np.allclose(view.edges(1)[2], -30 * original)


def test_node_values_and_colours_follow_the_activations(view):
    _, trace = show(view, BIG)
    a = [layer[0] for layer in trace.a]
    assert view.node_value(0, 300) == pytest.approx(float(a[0][300]))
    assert view.node_value(2, 5) == pytest.approx(float(a[2][5]))
    assert view.node_value(4, 9) == pytest.approx(float(a[4][9]))
    assert view.node_value(9, 0) is None and view.node_value(1, 10_000) is None
    cell = view._layout.cells[4] * view.graphics_view().devicePixelRatioF()
    outputs = view.node_image(4)  # the output column: probability on a fixed 0..1 scale
    for digit in (0, 9):
        centre = outputs[int((digit + 0.5) * cell), outputs.shape[1] // 2]
        assert tuple(centre[:3]) == tuple(SEQUENTIAL[int(a[4][digit] * 255), :3])
    hidden = view.node_image(3)  # a hidden layer: its largest activation is the brightest colour
    cols, _ = view._layout.grids[3]
    brightest = int(np.argmax(a[3]))
    cell = view._layout.cells[3] * view.graphics_view().devicePixelRatioF()
    centre = hidden[int((brightest // cols + 0.5) * cell), int((brightest % cols + 0.5) * cell)]
    assert tuple(centre[:3]) == tuple(SEQUENTIAL[255, :3])


def test_without_activations_the_nodes_are_grey_and_stale_ones_are_ignored(view):
    show(view, BIG)
    coloured = view.node_image(1)
    view.set_activations(None)
    grey = view.node_image(1)
    assert not np.array_equal(coloured, grey)
    assert view.node_value(1, 0) is None
    view.set_activations([np.zeros(784), np.zeros(16), np.zeros(10)])  # from another architecture
    assert view.node_value(0, 0) is None
    assert np.array_equal(view.node_image(1), grey)


def test_node_at_finds_nodes_pixels_and_outputs(view):
    show(view, BIG)
    for node in [(0, 0), (0, 783), (0, 14 * 28 + 13), (1, 0), (1, 255), (2, 77), (3, 63), (4, 7)]:
        assert view.node_at(view.node_position(*node)) == node
    assert view.node_at(QPointF(2, 2)) is None  # the corner: nothing there


def hover(view, node):
    viewport = view.graphics_view().viewport()
    pos = view.node_position(*node)
    event = QMouseEvent(QEvent.Type.MouseMove, pos, QPointF(viewport.mapToGlobal(pos)), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # the offscreen tooltip window
def test_hover_shows_layer_index_and_value_and_highlights_connections(view, qtbot):
    _, trace = show(view, BIG)
    hover(view, (2, 40))
    assert view.focus() == (2, 40)
    text = view.describe_node(2, 40)
    assert "hidden layer 2" in text and "neuron 40" in text and f"{trace.a[2][0, 40]:.3f}" in text
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == text, timeout=2000)
    assert view._focus_item.line_count() == 24  # 12 strongest in, 12 strongest out
    hover(view, (4, 3))
    assert "digit 3" in view.describe_node(4, 3) and "probability" in view.describe_node(4, 3)
    assert "input pixel" in view.describe_node(0, 30) and "row 1, column 2" in view.describe_node(0, 30)
    view.set_focus(None)
    assert view._focus_item.line_count() == 0


def test_clicking_a_node_emits_its_layer_and_index(view, qtbot):
    show(view, SMALL)
    viewport = view.graphics_view().viewport()
    with qtbot.waitSignal(view.nodeClicked, timeout=2000) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=view.node_position(2, 5).toPoint())
    assert blocker.args == [2, 5]


def test_resizing_relayouts(view, qtbot):
    show(view, BIG)
    before = view.node_position(1, 0)
    view.resize(1000, 560)
    qtbot.waitUntil(lambda: view.node_position(1, 0) != before, timeout=2000)
    assert view.node_at(view.node_position(3, 10)) == (3, 10)


@pytest.mark.parametrize("follow_drawing", [False, True], ids=["weights", "following the drawing"])
def test_redraws_fast_enough_to_follow_the_pen(shown, follow_drawing):
    view = shown(NetworkView(follow_drawing=follow_drawing), 700, 420)
    net = MLP(BIG, seed=3)
    view.set_snapshot(NetworkSnapshot.of(net))
    traces = [[a[0] for a in net.forward(digit_like(seed)[None]).a] for seed in range(25)]
    viewport = view.graphics_view().viewport()
    times = []
    for a in traces:
        start = time.perf_counter()
        view.set_activations(a)  # following the drawing: new neurons, contributions and lines too
        viewport.repaint()
        times.append(time.perf_counter() - start)
    assert np.median(times) < 0.050  # measured ~4 ms (~5 ms following); loose so a busy CI machine does not flake
    start = time.perf_counter()
    view.set_snapshot(NetworkSnapshot.of(net))
    view.apply_pending()
    viewport.repaint()
    assert time.perf_counter() - start < 0.25  # new weights (edges re-picked and re-rendered): ~15 ms


def centre_colour(view, layer, index):
    image = view.node_image(layer)
    cols, rows = view._layout.grids[layer]
    cell = image.shape[0] / rows
    return tuple(image[int((index // cols + 0.5) * cell), int((index % cols + 0.5) * cell), :3].astype(int))


def test_a_stage_lights_some_layers_colours_signed_values_and_draws_its_own_connections(view):
    net, trace = show(view, SMALL)
    delta = np.linspace(-1.0, 1.0, 10).astype(np.float32)
    src, dst, value = strongest_edges(net.weights[2], 3, None)
    stage = Stage(("activation", "activation", "idle", "signed"), signed=(None, None, None, delta),
                  edges=(3, src, dst, value), backward=True, node_title="delta", edge_title="change")
    view.set_stage(stage)
    assert view.stage() is stage
    assert centre_colour(view, 2, 0) == IDLE_NODE
    assert centre_colour(view, 1, int(np.argmax(trace.a[1][0]))) == tuple(SEQUENTIAL[255, :3])
    blue, red = centre_colour(view, 3, 0), centre_colour(view, 3, 9)  # delta -1 and +1
    assert blue[2] > blue[0] and red[0] > red[2]
    assert view.legend_labels() == (("change", "−", "+"), ("delta", "−", "+"))
    assert view.stage_line_count() == len(src) and view._edge_item.opacity() < 0.5
    assert view._winner is None  # the output shows deltas, not a reading: no ring

    halfway = Stage(stage.looks, stage.signed, moving=2, was="activation", progress=0.5)
    view.set_stage(halfway)  # layer 2 half way from its activations to grey
    lit = np.array(centre_colour(view, 1, 0))  # layer 1 is not moving
    assert view.stage_line_count() == 0 and view._edge_item.opacity() == 1.0
    before = Stage(("activation",) * 4)
    view.set_stage(before)
    full = np.array(centre_colour(view, 2, 3))
    view.set_stage(halfway)
    np.testing.assert_allclose(centre_colour(view, 2, 3), (full + np.array(IDLE_NODE)) / 2, atol=1.5)
    assert np.array_equal(centre_colour(view, 1, 0), lit)

    view.set_stage(None)
    assert view.legend_labels() == (("weights", "−", "+"), ("activation", "low", "high"))
    assert view.stage_line_count() == 0 and view._winner == int(np.argmax(trace.a[-1][0]))


def test_a_stage_for_other_layer_sizes_is_ignored(view):
    show(view, SMALL)
    view.set_stage(Stage(("idle",) * 5))
    assert view.stage() is None
    view.set_stage(Stage(("activation", "idle", "idle", "idle")))
    show(view, BIG)  # new sizes: the stage was for the old ones
    assert view.stage() is None


@pytest.fixture
def themed(qapp):
    """The application's theme, as nnviz sets it before any widget is made; the everyday one afterwards."""
    apply_theme(qapp)
    yield
    apply_theme(qapp)


def test_captions_labels_and_legends_follow_a_presentation_font(themed, view, qtbot, qapp):
    from nnviz.app.painting import legible_font

    show(view, BIG)
    view.grab()  # the text items cache their pictures at the old size
    view.resize(1000, 560)
    view.grab()
    apply_theme(qapp, PROJECTOR, PRESENTATION_POINT_SIZE)  # what presentation mode does
    qtbot.waitUntil(lambda: view._captions[0].textItem.font().pointSizeF() >= 20, timeout=2000)
    assert all(label.textItem.font().pointSizeF() >= 20 for label in view._labels)
    assert legible_font(view._node_legend).pointSizeF() >= 20
    assert view._tile_hint.textItem.font().pointSizeF() >= 20
    image = view.grab().toImage()  # painting places the text items
    frame = view.graphics_view().rect()
    boxes = []
    for item in view._captions + view._labels:
        box = view.graphics_view().mapFromScene(item.textItem.sceneBoundingRect()).boundingRect()
        assert frame.contains(box), (item.textItem.toPlainText(), box, frame)  # nothing cut off
        boxes.append(box)
    names = boxes[0:len(view._captions):2]
    assert not any(a.intersects(b) for a, b in zip(names, names[1:]))  # layer titles do not run together
    # The labels are drawn (a stale cached picture of the old size drew nothing at all).
    label = boxes[len(view._captions)]
    ratio = image.devicePixelRatio()
    origin = view.graphics_view().mapTo(view, label.topLeft())
    crop = image.copy(int(origin.x() * ratio), int(origin.y() * ratio), int(label.width() * ratio),
                      int(label.height() * ratio))
    from nnviz.app.painting import rgba_array

    pixels = rgba_array(crop)[..., :3].astype(int)
    assert np.ptp(pixels.sum(axis=2)) > 200  # the digit's strokes stand out from the background


# ---------------------------------------------------------------------------------------------------------------
# The main window's diagram follows the drawing.

@pytest.fixture
def reading(shown):
    return shown(NetworkView(follow_drawing=True), 700, 420)


def shapes(seed):
    """Two different 'digits' for the same network: a vertical and a horizontal bar."""
    x = np.zeros((28, 28), np.float32)
    if seed == 0:
        x[5:23, 12:16] = 1.0
    else:
        x[12:16, 5:23] = 1.0
    return x.ravel()


def drawn_connections(view):
    return {(layer, int(s), int(d)) for layer in range(1, len(view.sizes())) for s, d, _ in zip(*view.edges(layer))}


def test_following_the_drawing_draws_the_largest_contributions_among_the_most_active_neurons(reading):
    net, trace = show(reading, BIG, x=shapes(0))
    a = [layer[0] for layer in trace.a]
    assert reading.edge_mode() == DRAWING
    for layer in (1, 2, 3):
        shown_nodes = reading.shown_nodes(layer)
        assert 0 < len(shown_nodes) <= MOST_ACTIVE < BIG[layer]
        assert np.abs(a[layer][shown_nodes]).min() >= np.sort(np.abs(a[layer]))[-len(shown_nodes)]  # the most active
        assert reading.more_text(layer).startswith(f"+{BIG[layer] - len(shown_nodes)}")
    for layer in range(1, len(BIG)):
        src, dst, value = reading.edges(layer)
        assert len(src) > 0
        assert set(dst) <= set(reading.shown_nodes(layer)) and set(src) <= set(reading.shown_nodes(layer - 1))
        np.testing.assert_allclose(value, a[layer - 1][src] * net.weights[layer - 1][src, dst], rtol=1e-5)
        for j in set(dst.tolist()):  # each neuron's strongest contributions among the neurons shown
            contributions = a[layer - 1][reading.shown_nodes(layer - 1)] * net.weights[layer - 1][
                reading.shown_nodes(layer - 1), j]
            k = OUTPUT_TOP_K if layer == len(BIG) - 1 else TOP_K
            kth = np.sort(np.abs(contributions))[-k]
            assert (np.abs(value[dst == j]) >= kth - 1e-6).all()
    src, _, _ = reading.edges(1)
    assert (a[0][src] > 0).all()  # the input lines start at lit pixels only


def test_different_drawings_light_different_paths_and_the_weights_mode_does_not_follow(reading):
    net = MLP(BIG, seed=0)
    reading.set_snapshot(NetworkSnapshot.of(net))
    paths = []
    for seed in (0, 1):
        reading.set_activations([layer[0] for layer in net.forward(shapes(seed)[None]).a])
        paths.append(drawn_connections(reading))
    assert len(paths[0] & paths[1]) < 0.2 * len(paths[0])
    reading.set_edge_mode(WEIGHTS)
    src, dst, w = reading.edges(1)
    W = net.weights[0]
    for j in set(dst.tolist()):  # the strongest weights from any pixel, lit or not
        assert set(src[dst == j]) == set(np.argsort(-np.abs(W[:, j]))[:TOP_K])
    assert reading.legend_labels()[0][0] == "weights"
    reading.set_edge_mode(DRAWING)
    assert reading.legend_labels()[0][0] == "weight × input"
    with pytest.raises(ValueError):
        reading.set_edge_mode("loudest")


def test_the_mode_buttons_switch_the_lines(reading, qtbot):
    show(reading, BIG)
    buttons = reading.mode_selector().findChildren(QToolButton)
    assert [b.text() for b in buttons] == ["for this drawing", "strongest weights"]
    assert buttons[0].isChecked()
    with qtbot.waitSignal(reading.edgeModeChanged) as blocker:
        buttons[1].click()
    assert blocker.args == [WEIGHTS] and reading.edge_mode() == WEIGHTS and buttons[1].isChecked()


def test_lines_start_at_lit_pixels_and_end_at_the_dots_of_neurons(reading):
    _, trace = show(reading, BIG, x=shapes(1))
    layout = reading._layout
    starts_and_ends = [np.asarray(line).reshape(2, 2) for line in reading.edge_lines()]
    assert len(starts_and_ends) == sum(len(reading.edges(layer)[0]) for layer in range(1, len(BIG)))
    centres = {(layer, int(i)): tuple(np.round(layout.positions[layer][slot], 3))
               for layer in range(len(BIG)) for slot, i in enumerate(reading.shown_nodes(layer))}
    points = set(centres.values())
    lit = {centres[0, i] for i in np.flatnonzero(trace.a[0][0] > 0)}
    for start, end in starts_and_ends:
        assert tuple(np.round(start, 3)) in points and tuple(np.round(end, 3)) in points  # node centres only
        if start[0] < layout.tile.right():
            assert tuple(np.round(start, 3)) in lit  # input lines leave from the drawing's pixels
    assert reading._edge_item.zValue() > reading._tile.zValue()  # drawn over the tile, not hidden under it
    assert all(reading._edge_item.zValue() > card.zValue() for card in reading._panels)  # and over the cards


def test_a_silent_neuron_is_an_empty_ring_and_an_active_one_a_filled_dot(reading):
    _, trace = show(reading, SMALL, x=shapes(0))
    a = trace.a[1][0]
    silent, active = np.flatnonzero(inactive(a)), np.flatnonzero(~inactive(a))
    assert len(silent) and len(active)
    image = reading.node_image(1)
    cell = image.shape[0] / reading._layout.grids[1][1]
    slot = {int(i): s for s, i in enumerate(reading.shown_nodes(1))}

    def centre_alpha(i):
        return image[int((slot[i] + 0.5) * cell), int(0.5 * cell), 3]

    assert all(centre_alpha(i) == 0 for i in silent)  # no fill: readable without colour
    assert all(centre_alpha(i) == 255 for i in active)
    ring = image[int((slot[silent[0]] + 0.5) * cell), :, 3]
    assert ring.max() == 255  # ... but its ring is drawn


def test_hidden_neurons_are_big_enough_to_read_from_the_back(reading, qtbot):
    show(reading, BIG)
    reading.resize(520, 300)  # the diagram's share of a 1280x720 window
    qtbot.waitUntil(lambda: reading._layout is not None and reading._layout.blocks[1].height() < 300, timeout=2000)
    for layer in (1, 2, 3):
        assert reading.node_diameter(layer) >= 10
    assert reading.node_diameter(4) >= 10


def test_the_signal_flows_layer_by_layer_and_a_click_skips_it(reading, qtbot):
    show(reading, BIG)
    full = reading.edge_line_count()
    reading.play_flow()
    assert reading.flowing() and reading.edge_line_count() == 0  # nothing has left the input yet
    assert reading._winner is None  # the output is not lit before the signal arrives
    qtbot.waitUntil(lambda: 0 < reading.edge_line_count() < full, timeout=2000)
    qtbot.waitUntil(lambda: not reading.flowing(), timeout=3000)  # short: FLOW_S
    assert reading.edge_line_count() == full and reading._winner is not None
    reading.play_flow()
    qtbot.mouseClick(reading.graphics_view().viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert not reading.flowing() and reading.edge_line_count() == full
    reading.set_flow_enabled(False)
    reading.play_flow()
    assert not reading.flowing()


def test_new_weights_while_training_redraw_the_lines_in_place(reading):
    net, trace = show(reading, BIG, x=shapes(0))
    items = (reading._edge_item, list(reading._dots))
    before = reading.edges(2)[2].copy()
    net.weights[1][...] *= 2.0
    reading.set_snapshot(NetworkSnapshot.of(net))
    reading.apply_pending()
    reading.set_activations([layer[0] for layer in net.forward(shapes(0)[None]).a])
    assert (reading._edge_item, list(reading._dots)) == items  # updated, not rebuilt
    assert not np.allclose(reading.edges(2)[2], before)


def test_poked_neurons_stay_in_sight_however_quiet():
    from nnviz.app.widgets.diagram.selection import most_active

    a = np.arange(100, dtype=np.float32)
    assert list(most_active(a, 4)) == [96, 97, 98, 99]
    assert list(most_active(a, 4, keep={3})) == [3, 97, 98, 99]  # silenced, so 0: still shown, marked
    assert list(most_active(a, 200, keep={3})) == list(range(100))
