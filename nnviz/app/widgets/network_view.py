"""The network diagram: the input as a 28x28 tile, hidden layers as columns or grids of dots, ten labelled outputs.

Nodes are coloured by their activation (viridis, scaled per layer). Of each neuron's incoming connections
only the ``TOP_K`` strongest are drawn, blue for negative and red for positive, brighter and thicker the
stronger; big layers keep only the ``EDGE_BUDGET`` strongest of those. Hovering a node shows its value
and draws its strongest connections in and out on top.

The main window's diagram follows the drawing (``follow_drawing=True``): "strongest" then means the
largest *contributions* to each neuron's sum for the current input (weight x incoming activation), so a
2 and an 8 light different paths, and the input lines start at the lit pixels of the tile. Each hidden
layer shows only its ``MOST_ACTIVE`` most active neurons, on dots big enough to read from the back of a
lecture hall, with a "+k more" under it; a silent neuron is an empty ring, an active one a filled dot
(readable without colour). When the drawing changes, :meth:`NetworkView.play_flow` lets the signal run
through the layers one after the other. The other view (slow motion's) draws every neuron and the
strongest weights.

Speed (this redraws on every pen movement): each layer's dots are ONE image assembled with NumPy from
pre-rendered disc sprites, one per colour of the table, so new activations cost a few array gathers; the
connections are picked among a few dozen neurons per layer (a few hundred products for the input) and
drawn by one item of opaque lines (translucent ones make Qt's stroker 30x slower) cached as a pixmap.
Only a change of layer sizes or of the widget's size moves anything.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEasingCurve, QEvent, QSize, QTimer, QVariantAnimation, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import (QBoxLayout, QGraphicsEllipseItem, QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem,
                               QWidget)

from nnviz.app.exportable import ExportSpec, Table, activation_table
from nnviz.app.colormaps import DIVERGING_DARK, SEQUENTIAL
from nnviz.app.layer_names import layer_name
from nnviz.app.painting import ACCENT, background_colour, is_dark, legible_font, mix, text_colour
from nnviz.app.throttle import Throttle
from nnviz.app.widgets.color_legend import ColorLegend, add_with_legends
from nnviz.app.widgets.diagram.edges import EDGE_ALPHA, EDGE_WIDTH, EdgesMixin
from nnviz.app.widgets.diagram.flow import FLOW_S, FlowMixin
from nnviz.app.widgets.diagram.geometry import MOST_ACTIVE, Layout, compute_layout
from nnviz.app.widgets.diagram.hover import HoverMixin
from nnviz.app.widgets.diagram.items import EdgeItem, PictureItem, set_text_font
from nnviz.app.widgets.diagram.marks import CHANGES_S, MarksMixin
from nnviz.app.widgets.diagram.nodes import NodesMixin
from nnviz.app.widgets.diagram.readout import ReadoutMixin
from nnviz.app.widgets.diagram.selection import DRAWING, EDGE_MODES, TOP_K, WEIGHTS, most_active
from nnviz.app.widgets.diagram.sprites import edge_table
from nnviz.app.widgets.diagram.stage import Stage
from nnviz.app.widgets.segmented_choice import Choice, SegmentedChoice
from nnviz.appmodel.snapshot import NetworkSnapshot

EDGE_REFRESH_S = 0.1  # re-pick and redraw the edges for new weights at most 10 times a second
STAGE_DIMMING = 0.2  # the usual connections' opacity under a stage's own
NEGATIVE_EDGE = QColor(*(int(c) for c in DIVERGING_DARK[0, :3]))
POSITIVE_EDGE = QColor(*(int(c) for c in DIVERGING_DARK[-1, :3]))


class NetworkView(FlowMixin, MarksMixin, EdgesMixin, NodesMixin, HoverMixin, ReadoutMixin, QWidget):
    """Fed by ``set_snapshot`` (weights) and ``set_activations`` (one forward pass' ``Trace.a``).
    ``follow_drawing``: the main window's diagram (see the module's docstring)."""

    EXPORT = ExportSpec("network", QT_TRANSLATE_NOOP("Export", "Network diagram"))

    nodeClicked = Signal(int, int)  # layer (0 input .. L output), node index
    edgeModeChanged = Signal(str)  # DRAWING or WEIGHTS

    def __init__(self, parent: QWidget | None = None, *, follow_drawing: bool = False):
        super().__init__(parent)
        self.setObjectName("networkView")
        self._follow = follow_drawing
        self._mode = DRAWING if follow_drawing else WEIGHTS
        self._sizes: tuple[int, ...] | None = None
        self._weights: tuple[np.ndarray, ...] = ()  # drawn
        self._next_weights: tuple[np.ndarray, ...] = ()  # the newest snapshot's
        self._edge_refresh = Throttle(EDGE_REFRESH_S, self._refresh_edges, self)
        self._edges: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # per weight layer, neuron indices
        self._activations: list[np.ndarray] | None = None
        self._layout: Layout | None = None
        self._shown: list[np.ndarray] = []  # per layer: the neuron in each slot
        self._slot_of: list[np.ndarray] = []  # per layer: each neuron's slot, or -1
        self._sprites: dict[tuple[int, bool], np.ndarray] = {}
        self._focus: tuple[int, int] | None = None
        self._winner: int | None = None
        self._captions: list[pg.TextItem] = []
        self._caption_names: tuple[list[str], list[str]] = ([], [])
        self._labels: list[pg.TextItem] = []
        self._notes: list[pg.TextItem] = []  # "+k more" under the hidden layers that show only some neurons
        self._panels: list[QGraphicsRectItem] = []
        self._dots: list[PictureItem] = []
        self._stage: Stage | None = None
        self._flow: float | None = None  # how far the signal has got (0..1) while it flows
        self._flow_enabled = True
        self._flow_animation = QVariantAnimation(self)
        self._flow_animation.setStartValue(0.0)
        self._flow_animation.setEndValue(1.0)
        self._flow_animation.setDuration(round(1000 * FLOW_S))
        self._flow_animation.setEasingCurve(QEasingCurve.Type.Linear)
        self._flow_animation.valueChanged.connect(self._flow_frame)
        self._flow_animation.finished.connect(self.finish_flow)
        self._changes: tuple[np.ndarray, ...] | None = None  # weight changes drawn instead of the connections
        self._changes_timer = QTimer(self, singleShot=True, interval=round(1000 * CHANGES_S))
        self._changes_timer.timeout.connect(lambda: self.show_changes(None))
        self._build_widgets()

    # ------------------------------------------------------------------ construction
    def _build_widgets(self) -> None:
        self._view = pg.GraphicsView(self, background=background_colour(self))
        self._view.setMouseTracking(True)
        self._box = pg.ViewBox(invertY=True, enableMouse=False, enableMenu=False, defaultPadding=0.0)
        self._view.setCentralItem(self._box)
        self._box.sigResized.connect(self._relayout)

        self._edge_item = EdgeItem()
        self._edge_item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # Following the drawing, the lines start at the lit pixels on the tile and end at the dots (only the
        # dots are above them); otherwise each layer's card hides where lines cross its grid of dots.
        self._edge_item.setZValue(7 if self._follow else 1)
        self._focus_item = EdgeItem()  # the hovered node's connections, above the cards
        self._focus_item.setZValue(9)
        self._stage_item = EdgeItem()  # a stage's connections: above the others, below the cards; not cached,
        self._stage_item.setZValue(2)  # as they grow at every frame of an animation
        self._tile_frame = QGraphicsRectItem()  # the tile's border, and its face while nothing is drawn
        self._tile_frame.setZValue(5)
        self._tile = PictureItem()
        self._tile.setZValue(6)
        self._ink = PictureItem()  # the lit pixels again, over the lines that start under them (following the drawing)
        self._ink.setZValue(8)
        self._tile_hint = pg.TextItem(self.tr("draw a digit"), anchor=(0.5, 0.5))
        self._tile_hint.setZValue(7)
        self._rings = [QGraphicsEllipseItem() for _ in range(2)]  # around the winning output and the hovered node
        for ring in self._rings:
            ring.setPen(QPen(ACCENT, 2.5))
            ring.setZValue(11)
            ring.hide()
        self._marks = QGraphicsPathItem()  # silenced neurons crossed out, clamped ones in a square
        marks_pen = QPen(ACCENT, 2.5)
        marks_pen.setCosmetic(True)
        self._marks.setPen(marks_pen)
        self._marks.setZValue(12)
        self._marked: tuple[dict[int, set[int]], dict[int, set[int]]] = ({}, {})
        for item in (self._edge_item, self._focus_item, self._stage_item, self._tile_frame, self._tile, self._ink,
                     self._tile_hint, *self._rings, self._marks):
            self._box.addItem(item)

        self._legend_labels = ((self.tr("weights"), "−", "+"), (self.tr("activation"), self.tr("low"), self.tr("high")))
        self._edge_legend = ColorLegend(edge_table(), *self._legend_labels[0], self)
        self._node_legend = ColorLegend(SEQUENTIAL, *self._legend_labels[1], self)
        legends = QWidget()
        self._legend_row = QBoxLayout(QBoxLayout.Direction.LeftToRight, legends)
        self._legend_row.setContentsMargins(0, 0, 0, 0)
        for legend in (self._edge_legend, self._node_legend):
            self._legend_row.addWidget(legend)
        add_with_legends(self, self._view, [legends])
        self._mode_selector = self._build_mode_selector()

        scene = self._view.scene()
        scene.sigMouseMoved.connect(self._hovered)
        scene.sigMouseClicked.connect(self._clicked)
        self._view.viewport().installEventFilter(self)
        self._style()
        self._label_legends()

    def _build_mode_selector(self) -> SegmentedChoice:
        """Connections "for this drawing" or "strongest weights" (the window puts it in the diagram panel's
        title row; hidden until then)."""
        selector = SegmentedChoice([
            Choice(DRAWING, self.tr("for this drawing"), self.tr("drawing"),
                   self.tr("Lines: each neuron's largest contributions for your drawing (weight × incoming "
                           "activation),\nso different digits light different paths (D)")),
            Choice(WEIGHTS, self.tr("strongest weights"), self.tr("weights"),
                   self.tr("Lines: each neuron's largest incoming weights, whatever is drawn (D)")),
        ], self._mode, "edgeModes", self)
        selector.chosen.connect(self.set_edge_mode)
        selector.hide()
        return selector

    def mode_selector(self) -> QWidget:
        """The "for this drawing" / "strongest weights" buttons, for the window to place (and show)."""
        return self._mode_selector

    def _rebuild(self, sizes: tuple[int, ...]) -> None:
        """New layer sizes: new captions, labels, cards and dot images. Everything else is updated in place."""
        self._sizes = sizes
        for item in self._captions + self._labels + self._notes + self._panels + self._dots:
            self._box.removeItem(item)
        side = math.isqrt(sizes[0])
        last = len(sizes) - 1
        self._caption_names = ([layer_name(l, last) for l in range(last + 1)],
                               [layer_name(l, last, short=True) for l in range(last + 1)])
        counts = [f"{side}×{side}" if side * side == sizes[0] else str(sizes[0])] + [str(n) for n in sizes[1:]]
        self._captions = []
        for name, count in zip(self._caption_names[0], counts):
            self._captions += [pg.TextItem(name, anchor=(0.5, 0.0)), pg.TextItem(count, anchor=(0.5, 0.0))]
        self._labels = [pg.TextItem(str(i), anchor=(0.0, 0.5)) for i in range(sizes[-1])]
        self._notes = [pg.TextItem("", anchor=(0.5, 0.0)) for _ in sizes[1:-1]]
        self._panels = [QGraphicsRectItem() for _ in sizes[1:]]
        self._dots = [PictureItem() for _ in sizes[1:]]
        card_z = 0 if self._follow else 8
        for z, items in ((12, self._captions + self._labels + self._notes), (card_z, self._panels), (10, self._dots)):
            for item in items:
                item.setZValue(z)
                self._box.addItem(item)
        for item in self._captions + self._labels + self._notes:
            item.textItem.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._focus = None
        self._winner = None
        self._stage = None  # it was for the old layers
        self._label_legends()
        self._style()

    def _style(self) -> None:
        """Colours and fonts from the palette: on construction and whenever the theme changes."""
        background = background_colour(self)
        self._view.setBackground(background)
        fill = background.lighter(135) if is_dark(self) else background.darker(106)
        if self._follow:  # a faint card: the lines run over it to the dots
            fill = mix(background, fill, 0.5)
        for panel in self._panels + [self._tile_frame]:
            panel.setBrush(QBrush(fill))
            panel.setPen(QPen(text_colour(self, 40), 0))
        self._tile_hint.setColor(text_colour(self, 150))
        self._tile_hint.setFont(legible_font(self))
        for i, item in enumerate(self._captions):
            item.setColor(text_colour(self, 230 if i % 2 == 0 else 170))
            set_text_font(item, legible_font(self, bold=i % 2 == 0))
        for item in self._notes:
            item.setColor(text_colour(self, 170))
            set_text_font(item, legible_font(self))
        self._winner = None  # recolour the output labels
        strong = [mix(background, colour, 0.95) for colour in (NEGATIVE_EDGE, POSITIVE_EDGE)]
        self._focus_pens = [QPen(colour, 2.6) for colour in strong]
        self._edge_pens = {
            (sign, strength): QPen(mix(background, colour, EDGE_ALPHA[strength]), EDGE_WIDTH[strength])
            for sign, colour in enumerate((NEGATIVE_EDGE, POSITIVE_EDGE)) for strength in range(len(EDGE_ALPHA))
        }
        for pen in list(self._edge_pens.values()) + self._focus_pens:
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # round caps make antialiased drawLines ~20x slower
        self._sprites = {}

    # ------------------------------------------------------------------ public API
    def set_snapshot(self, snapshot: NetworkSnapshot) -> None:
        """New weights: re-pick the strongest connections (at most every EDGE_REFRESH_S while training
        streams snapshots; the newest wins). New layer sizes: rebuild the diagram at once."""
        sizes = tuple(int(n) for n in snapshot.sizes)
        self._next_weights = tuple(snapshot.weights)
        if sizes != self._sizes:
            self._rebuild(sizes)
            self._activations = None
            self._layout = None
            self._refresh_edges()
        else:
            self._edge_refresh.request()

    def set_refresh_interval(self, seconds: float) -> None:
        """How often new weights are drawn at most (EDGE_REFRESH_S; 0 when whoever feeds it limits the rate)."""
        self._edge_refresh.set_interval(seconds)

    def refresh_interval(self) -> float:
        return self._edge_refresh.interval

    def apply_pending(self) -> None:
        """Draw a snapshot that is waiting for the refresh interval now, and end a flow (screenshots, tests)."""
        self._edge_refresh.flush()
        self.finish_flow()

    def _refresh_edges(self) -> None:
        self._weights = self._next_weights
        if self._layout is None:
            self._relayout()
        else:
            self._pick_edges()
            self._draw_edges()
            self._draw_focus()

    def set_activations(self, a: list[np.ndarray] | None) -> None:
        """``a[0]`` the input (784,), ``a[l]`` (n_l,) per layer up to the output; None greys the nodes.
        Activations that do not fit the current layer sizes (a stale forward pass) are shown as None."""
        if a is not None:
            a = [np.asarray(layer, dtype=np.float32).ravel() for layer in a]
            if tuple(len(layer) for layer in a) != self._sizes:
                a = None
        self._activations = a
        self._reshow()
        self._colour_nodes()

    def _reshow(self) -> None:
        """Choose the neurons shown again (the reading or the marks changed) and redraw what moved."""
        if self._follow and self._layout is not None:
            shown_before = [s.copy() for s in self._shown]
            self._choose_shown()
            moved = any(not np.array_equal(now, before) for now, before in zip(self._shown, shown_before))
            if self._mode == DRAWING or moved:
                self._pick_edges()
                self._draw_edges()
            if moved:
                self._draw_focus()

    def edge_mode(self) -> str:
        return self._mode

    def set_edge_mode(self, mode: str) -> None:
        """DRAWING: each neuron's largest contributions for the current input; WEIGHTS: its largest weights."""
        if mode not in EDGE_MODES:
            raise ValueError(f"edge mode must be one of {EDGE_MODES}, got {mode!r}")
        if mode == self._mode:
            return
        self._mode = mode
        self._mode_selector.set_current(mode)
        self._label_legends()
        self._pick_edges()
        self._draw_edges()
        self._draw_focus()
        self.edgeModeChanged.emit(mode)

    def set_stage(self, stage: Stage | None) -> None:
        """Show a moment of a walk through one pass (see :class:`Stage`); None: the usual diagram."""
        if stage is not None and len(stage.looks) != len(self._sizes or ()):
            stage = None  # from another architecture
        if stage is not None:
            self.finish_flow()
        self._stage = stage
        self._label_legends()
        self._draw_stage_edges()
        self._colour_nodes()

    def _label_legends(self) -> None:
        """The legends say what the colours mean now: the usual, or the stage's signed values."""
        stage = self._stage
        signed = stage is not None and "signed" in stage.looks
        self._node_legend.set_table(self._signed_table() if signed else SEQUENTIAL)
        default = self._legend_labels[1]
        self._node_legend.set_labels((stage.node_title if stage else "") or default[0],
                                     *(("−", "+") if signed else default[1:]))
        edges = self.tr("weight × input") if self._mode == DRAWING else self._legend_labels[0][0]
        self._edge_legend.set_labels((stage.edge_title if stage else "") or edges)
        self._edge_item.setOpacity(self._edge_opacity())
        self._edge_legend.setToolTip(self._edge_tooltip())
        self._node_legend.setToolTip(self.tr(
            "Node colour: the neuron's activation for the drawing, scaled per layer\n"
            "(input pixels and output probabilities: 0 to 1).") + ("\n" + self.tr(
                "An empty ring: a neuron that is (nearly) silent for this drawing.") if self._follow else ""))
        self._fit_legends()

    def _edge_tooltip(self) -> str:
        shown = self.tr("Only each hidden layer's {0} most active neurons are shown.\n").format(MOST_ACTIVE) \
            if self._follow else ""
        if self._mode == DRAWING:
            what = self.tr("Each neuron shows its {0} largest contributions for your drawing: weight × the\n"
                           "activation it comes from (input lines start at the lit pixels).\n").format(TOP_K)
        else:
            what = self.tr("Each neuron shows its {0} strongest incoming weights (big layers: only the\n"
                           "strongest of those).\n").format(TOP_K)
        return what + shown + self.tr("Blue: negative, red: positive; brighter and thicker: stronger.\n"
                                      "Hover a node to see its own strongest connections.")

    def _edge_opacity(self) -> float:
        """The usual connections step back while a stage draws its own."""
        return 1.0 if self._stage is None or self._stage.edges is None else STAGE_DIMMING

    def describe_node(self, layer: int, index: int) -> str:
        """The hover text of a node: which one it is and its value."""
        value = self.node_value(layer, index)
        last = len(self._sizes) - 1
        if layer == 0:
            side = math.isqrt(self._sizes[0])
            name = self.tr("input pixel {0} (row {1}, column {2})").format(index, index // side, index % side)
            reading = self.tr("value: draw a digit to see it") if value is None else self.tr("value {0}").format(
                f"{value:.2f}")
        elif layer == last:
            name = (self.tr("output: digit {0}") if self._sizes[-1] == 10 else self.tr("output {0}")).format(index)
            reading = self.tr("probability: draw a digit to see it") if value is None else self.tr(
                "probability {0} %").format(f"{100 * value:.1f}")
        else:
            name = self.tr("hidden layer {0}, neuron {1}").format(layer, index)
            reading = self.tr("activation: draw a digit to see it") if value is None else self.tr(
                "activation {0}").format(f"{value:.3f}")
        return f"{name}\n{reading}"

    # ------------------------------------------------------------------ layout
    def _relayout(self, *_) -> None:
        if self._sizes is None:
            return
        width, height = self._box.width(), self._box.height()
        if width < 2 or height < 2:
            return
        self._box.setRange(xRange=(0, width), yRange=(0, height), padding=0.0)
        caption_font = legible_font(self, bold=True)
        metrics = QFontMetricsF(caption_font)
        top = 2 * metrics.height() + 12
        label_font = legible_font(self, float(np.clip((height - top) / self._sizes[-1] / 26.0, 1.0, 1.5)), bold=True)
        label_width = QFontMetricsF(label_font).horizontalAdvance("0" * len(str(self._sizes[-1] - 1))) + 10
        note_height = QFontMetricsF(legible_font(self)).height() + 4
        self._layout = layout = compute_layout(self._sizes, width, height, top, label_width,
                                               MOST_ACTIVE if self._follow else None, note_height)
        self._choose_shown()

        centres = [block.center().x() for block in layout.blocks]
        long_names, short_names = self._caption_names
        room = min(np.diff(centres)) if len(centres) > 1 else width
        names = long_names if max(map(metrics.horizontalAdvance, long_names)) + 8 <= room else short_names
        for i, x in enumerate(centres):
            self._captions[2 * i].setText(names[i])
            self._captions[2 * i].setPos(x, 2)
            self._captions[2 * i + 1].setPos(x, 2 + metrics.height())
        note_metrics = QFontMetricsF(legible_font(self))
        more = [n - slots for n, slots in zip(self._sizes[1:-1], layout.slots[1:-1])]
        words = [self.tr("+{0} more").format(k) for k in more]
        if max(map(note_metrics.horizontalAdvance, words), default=0) + 8 > room:  # the numbers alone
            words = [f"+{k}" for k in more]
        if max(map(note_metrics.horizontalAdvance, words), default=0) + 8 > room:  # not even those: the tooltip
            words = [""] * len(more)
        for layer, (note, k, text) in enumerate(zip(self._notes, more, words), start=1):
            note.setText(text if k > 0 else "")
            note.setToolTip(self.tr("{0} of its {1} neurons are shown: the most active for the drawing").format(
                layout.slots[layer], self._sizes[layer]))
            note.setPos(centres[layer], layout.blocks[layer].bottom() + 4)
        last = len(self._sizes) - 1
        for item, (x, y) in zip(self._labels, layout.positions[last]):
            set_text_font(item, label_font)
            item.setPos(x + layout.dot(last) / 2 + 6, y)

        self._tile_frame.setRect(layout.tile.adjusted(-1, -1, 1, 1))
        self._tile_hint.setPos(layout.tile.center())
        for layer, (panel, dots) in enumerate(zip(self._panels, self._dots), start=1):
            block = layout.blocks[layer]
            pad = layout.cells[layer] * 0.15 + 3
            panel.setRect(block.adjusted(-pad, -pad, pad, pad))
        self._sprites = {}
        self._winner = None  # re-place the rings
        self._pick_edges()
        self._draw_edges()
        self._draw_stage_edges()
        self._colour_nodes()
        self._draw_focus()

    def _choose_shown(self) -> None:
        """Which neuron each slot shows: all of them, or a hidden layer's most active ones."""
        layout, a = self._layout, self._activations
        poked = [set().union(*(marked.get(layer, ()) for marked in self._marked))
                 for layer in range(len(layout.slots))]
        self._shown = [most_active(None if a is None else a[layer], slots, poked[layer])
                       for layer, slots in enumerate(layout.slots)]
        self._slot_of = []
        for n, shown in zip(self._sizes, self._shown):
            slot_of = np.full(n, -1, np.intp)
            slot_of[shown] = np.arange(len(shown))
            self._slot_of.append(slot_of)



    def _fit_legends(self) -> None:
        """Side by side when they fit, else one above the other (big type, a narrow panel)."""
        need = sum(legend.minimumSizeHint().width() for legend in (self._edge_legend, self._node_legend)) + 32
        side_by_side = self.width() >= need
        direction = QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        if self._legend_row.direction() != direction:
            self._legend_row.setDirection(direction)
            self._legend_row.setSpacing(20 if side_by_side else 0)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the legends one above the other (they are stacked when the diagram is narrow)."""
        widest = max(legend.minimumSizeHint().width() for legend in (self._edge_legend, self._node_legend))
        stacked = sum(legend.minimumSizeHint().height() for legend in (self._edge_legend, self._node_legend))
        return QSize(max(160, widest + 16), 120 + stacked)

    def resizeEvent(self, event) -> None:
        self._fit_legends()
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and hasattr(self, "_view"):
            self._style()
            self._label_legends()
            self._fit_legends()
            self._relayout()
        super().changeEvent(event)

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        return activation_table(self._activations)
