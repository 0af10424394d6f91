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
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (QEasingCurve, QEvent, QLineF, QPointF, QRectF, QSize, Qt, QTimer, QVariantAnimation,
                            Signal)
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsEllipseItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QBoxLayout,
    QGraphicsRectItem,
    QToolTip,
    QWidget,
)

from nnviz.app.colormaps import (
    DIVERGING,
    DIVERGING_DARK,
    SEQUENTIAL,
    SymLogScale,
    diverging_index,
    map_sequential,
    sequential_index,
)
from nnviz.app.layer_names import layer_name
from nnviz.app.painting import (
    ACCENT,
    accent_text,
    background_colour,
    is_dark,
    legible_font,
    mix,
    rgba_array,
    rgba_qimage,
    text_colour,
)
from nnviz.appmodel.snapshot import NetworkSnapshot
from nnviz.app.throttle import Throttle
from nnviz.app.widgets.color_legend import ColorLegend, add_with_legends
from nnviz.app.widgets.segmented_choice import Choice, SegmentedChoice

TOP_K = 4  # strongest incoming connections drawn per hidden neuron
OUTPUT_TOP_K = 6  # the ten outputs can afford a few more
EDGE_BUDGET = 150  # at most this many edges per weight layer: the strongest of the top-K candidates
EDGE_REFRESH_S = 0.1  # re-pick and redraw the edges for new weights at most 10 times a second
STAGE_DIMMING = 0.2  # the usual connections' opacity under a stage's own
FOCUS_K = 12  # connections drawn in and out of the node under the mouse
STRENGTH_STEPS = (0.45, 0.65, 0.85)  # |w| / (layer's largest drawn |w|) where an edge gets a stronger pen
EDGE_ALPHA = (0.18, 0.36, 0.66, 1.0)  # how much of the edge colour (vs the background) each strength shows
EDGE_WIDTH = (1.0, 1.0, 1.0, 1.6)  # antialiased lines wider than 1 px cost 2x to draw
NEGATIVE_EDGE = QColor(*(int(c) for c in DIVERGING_DARK[0, :3]))
POSITIVE_EDGE = QColor(*(int(c) for c in DIVERGING_DARK[-1, :3]))
IDLE_NODE = (74, 74, 74)  # nodes' colour before anything is drawn
IDLE, EMPTY, HOLLOW = 256, 257, 258  # sprite indices after the 256 colours of the table
MAX_HIDDEN_CELL = 26  # px per hidden node at most
MAX_OUTPUT_CELL = 40
MIN_COLUMN_CELL = 14  # px per node below which a hidden layer is folded from a column into a grid
HIDDEN_DOT, OUTPUT_DOT = 0.74, 0.62  # dot diameter as a fraction of its cell
# Following the drawing: each hidden layer shows its most active neurons, in one or two columns of cells of
# at least READABLE_CELL px (11 px dots: a student in the last row of a lecture hall still sees each one).
MOST_ACTIVE = 32
FOLDED_COLUMNS = 2
READABLE_CELL = 15
INK = 0.1  # an input pixel above this value is lit: the tile draws it over the lines
INACTIVE_SHARE = 0.05  # |a| below this share of the layer's largest |a|: drawn as an empty ring
FLOW_S = 0.45  # the signal's walk from the input to the output when the drawing changes
FLOW_FRAMES = 16  # pictures of that walk (about 35 a second)
CHANGES_S = 3.0  # how long the connections a correction changed most stay drawn
DRAWING, WEIGHTS = "drawing", "weights"  # what the connections show: contributions for this drawing, or weights
EDGE_MODES = (DRAWING, WEIGHTS)


@dataclass(frozen=True)
class Layout:
    """Where everything goes, in widget pixels: node centres per layer (layer 0: the tile's pixel centres).
    A layer may have fewer places (``slots``) than neurons: then its most active neurons are shown."""

    tile_side: int  # input pixels per side of the tile (28)
    positions: tuple[np.ndarray, ...]  # (slots_l, 2) per layer
    cells: tuple[int, ...]  # cell size per layer in px (layer 0: one input pixel)
    grids: tuple[tuple[int, int], ...]  # (columns, rows) per layer
    blocks: tuple[QRectF, ...]  # each layer's bounding box (blocks[0]: the tile)
    slots: tuple[int, ...] = ()  # nodes drawn per layer

    @property
    def tile(self) -> QRectF:
        return self.blocks[0]

    def dot(self, layer: int) -> float:
        if layer == 0:
            return float(self.cells[0])
        return self.cells[layer] * (OUTPUT_DOT if layer == len(self.cells) - 1 else HIDDEN_DOT)


def grid_for(n: int, cell: float, max_height: float) -> tuple[int, int]:
    """(columns, rows) of n cells of size ``cell`` stacked into columns at most ``max_height`` tall."""
    rows = max(1, min(n, int(max_height // cell)))
    cols = math.ceil(n / rows)
    return cols, math.ceil(n / cols)


def hidden_cell(sizes: tuple[int, ...], max_width: float, max_height: float) -> int:
    """One cell size (whole px) for every hidden layer, so that a dot looks the same everywhere: a column
    per layer when there is room, else the largest grid cell that lets the biggest layer fit."""
    largest = max(sizes)
    column = int(min(MAX_HIDDEN_CELL, max_height / largest))
    if column >= MIN_COLUMN_CELL:
        return column
    for cell in range(MAX_HIDDEN_CELL, 2, -1):
        cols, _ = grid_for(largest, cell, max_height)
        if cols * cell <= max_width:
            return cell
    return 2


def readable_hidden(sizes: tuple[int, ...], max_height: float, note_height: float,
                    most: int = MOST_ACTIVE) -> tuple[list[int], list[tuple[int, int]], int, bool]:
    """(slots per layer, (columns, rows) per layer, cell px, whether a layer is cut) for hidden layers that
    show at most ``most`` neurons each on cells of at least READABLE_CELL px, in one or two columns; a
    layer that is cut needs ``note_height`` px under it for its "+k more"."""
    def fit(height: float) -> tuple[list[int], int]:
        rows = max(1, int(height // READABLE_CELL))
        return [min(n, most, FOLDED_COLUMNS * rows) for n in sizes], rows

    slots, rows = fit(max_height)
    cut = any(s < n for s, n in zip(slots, sizes))
    if cut:
        slots, rows = fit(max_height - note_height)
    grids = [(1, s) if s <= rows else (FOLDED_COLUMNS, math.ceil(s / FOLDED_COLUMNS)) for s in slots]
    tallest = max(r for _, r in grids)
    cell = int(min(MAX_HIDDEN_CELL, (max_height - (note_height if cut else 0.0)) / tallest))
    return slots, grids, max(2, cell), cut


def compute_layout(sizes: tuple[int, ...], width: float, height: float, top: float, label_width: float,
                   most_active: int | None = None, note_height: float = 0.0) -> Layout:
    """Lay the layers out left to right in a ``width`` x ``height`` area whose first ``top`` px hold captions.
    ``most_active``: hidden layers show at most that many neurons on readable dots (see readable_hidden)."""
    margin = 10.0
    usable_h = max(20.0, height - top - margin)
    usable_w = max(60.0, width - 2 * margin - label_width)
    tile_side = math.ceil(math.sqrt(sizes[0]))
    pixel = max(1, int(min(usable_h, 0.26 * usable_w) // tile_side))  # whole screen px per input pixel
    hidden = sizes[1:-1]
    cut = False
    if hidden and most_active:
        slots, hidden_grids, cell, cut = readable_hidden(hidden, usable_h, note_height, most_active)
    else:
        cell = hidden_cell(hidden, 0.16 * usable_w, usable_h) if hidden else 0
        slots, hidden_grids = list(hidden), [grid_for(n, cell, usable_h) for n in hidden]
    out_cell = max(3, int(min(MAX_OUTPUT_CELL, usable_h / sizes[-1])))
    grids = [(tile_side, tile_side)] + hidden_grids + [(1, sizes[-1])]
    counts = [sizes[0]] + slots + [sizes[-1]]
    cells = [pixel] + [cell] * len(hidden) + [out_cell]
    widths = [cols * c for (cols, _), c in zip(grids, cells)]
    gap = (usable_w - sum(widths)) / (len(sizes) - 1)
    centre_h = usable_h - (note_height if cut else 0.0)  # the hidden blocks stand over their notes

    x = margin
    positions, blocks = [], []
    for layer, (n, (cols, rows), c, w) in enumerate(zip(counts, grids, cells, widths)):
        room = centre_h if 0 < layer < len(sizes) - 1 else usable_h
        block = QRectF(round(x), round(top + (room - rows * c) / 2.0), cols * c, rows * c)
        index = np.arange(n)
        xy = np.empty((n, 2))
        xy[:, 0] = block.x() + (index % cols + 0.5) * c
        xy[:, 1] = block.y() + (index // cols + 0.5) * c
        positions.append(xy)
        blocks.append(block)
        x += w + gap
    return Layout(tile_side=tile_side, positions=tuple(positions), cells=tuple(cells), grids=tuple(grids),
                  blocks=tuple(blocks), slots=tuple(counts))


def strongest_edges(W: np.ndarray, k: int, budget: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(src, dst, w) of the ``k`` largest-|w| incoming weights of every output unit of ``W`` (n_in, n_out),
    then only the ``budget`` strongest of those; sorted weakest first (so the strongest are drawn on top)."""
    n_in, n_out = W.shape
    k = min(k, n_in)
    if k == 0 or n_out == 0:
        return np.zeros(0, np.intp), np.zeros(0, np.intp), np.zeros(0, W.dtype)
    top = np.argpartition(np.abs(W.T), n_in - k, axis=1)[:, n_in - k:]  # (n_out, k); rows are contiguous: fast
    src = top.ravel()
    dst = np.repeat(np.arange(n_out), k)
    w = W[src, dst]
    if budget is not None and len(w) > budget:
        keep = np.argpartition(np.abs(w), len(w) - budget)[len(w) - budget:]
        src, dst, w = src[keep], dst[keep], w[keep]
    order = np.argsort(np.abs(w), kind="stable")
    return src[order], dst[order], w[order]


def strength_bins(w: np.ndarray) -> np.ndarray:
    """0..3: how strong each weight is relative to the strongest one given."""
    largest = float(np.abs(w).max()) if len(w) else 1.0
    return np.searchsorted(np.asarray(STRENGTH_STEPS), np.abs(w) / (largest or 1.0))


def activation_range(a: np.ndarray, layer: int, last: int) -> tuple[float, float]:
    """The colour scale of one layer: inputs and probabilities are 0..1, hidden layers 0 (or min)..max."""
    if layer == 0 or layer == last:
        return 0.0, 1.0
    lo = min(0.0, float(a.min()))
    return lo, max(float(a.max()), lo + 1e-6)


def inactive(a: np.ndarray) -> np.ndarray:
    """Which neurons are (nearly) silent: |a| under INACTIVE_SHARE of the layer's largest |a|."""
    magnitude = np.abs(a)
    return magnitude <= INACTIVE_SHARE * float(magnitude.max(initial=0.0))


def most_active(a: np.ndarray | None, slots: int, keep=()) -> np.ndarray:
    """The ``slots`` neurons of a layer to show, in index order (so that they move little between drawings):
    those in ``keep`` (poked neurons, which must stay in sight), then the largest |a|, or the first ones before
    anything is drawn."""
    n = len(a) if a is not None else slots
    if slots >= n:
        return np.arange(n)
    score = np.abs(a).astype(np.float64)
    score[np.asarray(sorted(k for k in keep if 0 <= k < n), np.intp)[:slots]] = np.inf
    return np.sort(np.argpartition(score, n - slots)[n - slots:])


def edge_table() -> np.ndarray:
    """The edges' colours as a table, for the legend: opaque blue, fading out at 0, opaque red."""
    table = np.zeros((256, 4), np.uint8)
    fade = np.round(255 * np.linspace(1.0, 0.0, 128))
    table[:128, :3] = DIVERGING_DARK[0, :3]
    table[128:, :3] = DIVERGING_DARK[-1, :3]
    table[:128, 3] = fade
    table[128:, 3] = fade[::-1]
    return table


def disc_sprites(cell_px: int, dot_px: float, rim: QColor, table: np.ndarray = SEQUENTIAL,
                 ring: QColor | None = None) -> np.ndarray:
    """(259, cell, cell, 4) uint8: a disc of every colour of ``table`` (256), the idle grey, nothing (empty)
    and an empty ring in ``ring`` (a silent neuron), each antialiased with a thin dark rim, centred in a
    transparent cell."""
    def coverage(diameter: float) -> np.ndarray:
        image = QImage(cell_px, cell_px, QImage.Format.Format_RGBA8888)
        image.fill(Qt.GlobalColor.transparent)
        if diameter > 0:
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("white"))
            painter.drawEllipse(QPointF(cell_px / 2, cell_px / 2), diameter / 2, diameter / 2)
            painter.end()
        return rgba_array(image)[..., 3].astype(np.float32) / 255.0

    outer = coverage(dot_px)
    inner = coverage(dot_px - 2.0 * max(1.0, dot_px / 14)) if dot_px > 5 else outer
    colours = np.concatenate([table[:, :3], [IDLE_NODE], [[0, 0, 0]]]).astype(np.float32)
    rim_rgb = np.array(rim.getRgb()[:3], np.float32)
    # Straight (not premultiplied) RGBA: the average colour of what covers the pixel, and how much does.
    covered = np.maximum(outer, 1e-6)[..., None]
    rgb = (colours[:, None, None, :] * inner[..., None] + rim_rgb * (outer - inner)[..., None]) / covered
    sprites = np.empty((len(colours) + 1, cell_px, cell_px, 4), np.uint8)
    sprites[:-1, ..., :3] = np.clip(np.round(rgb), 0, 255)
    sprites[:-1, ..., 3] = np.round(outer * 255)
    sprites[EMPTY] = 0
    hole = coverage(dot_px - 2.0 * max(1.5, dot_px / 7)) if dot_px > 5 else np.zeros_like(outer)
    sprites[HOLLOW, ..., :3] = np.array((ring or rim).getRgb()[:3], np.uint8)
    sprites[HOLLOW, ..., 3] = np.round(np.clip(outer - hole, 0.0, 1.0) * 255)
    return sprites


def sprite_mosaic(sprites: np.ndarray, index: np.ndarray, cols: int, rows: int) -> np.ndarray:
    """(rows*cell, cols*cell, 4): the sprite of each node laid out row by row on its grid."""
    cell = sprites.shape[1]
    padded = np.full(rows * cols, EMPTY, np.intp)
    padded[:len(index)] = index
    tiles = sprites[padded].reshape(rows, cols, cell, cell, 4)
    return tiles.transpose(0, 2, 1, 3, 4).reshape(rows * cell, cols * cell, 4)


def top_edges(values: np.ndarray, layer: int, n_layers: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The connections into ``layer`` (1..n_layers) worth drawing for ``values`` (n_in, n_out): weights, or
    anything else per connection (a weight's share of the sum, its change)."""
    return strongest_edges(values, OUTPUT_TOP_K if layer == n_layers else TOP_K, EDGE_BUDGET)


def connections_among(W: np.ndarray, src: np.ndarray, dst: np.ndarray, layer: int, n_layers: int,
                      a_in: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The connections into ``layer`` worth drawing between neurons ``src`` of the layer before and ``dst``
    of this one (indices), as (src, dst, value) in neuron indices: by weight, or with ``a_in`` (the layer
    before's activations) by contribution a_in[i] * W[i, j]. A connection that carries nothing is left out."""
    if a_in is not None:
        src = src[a_in[src] != 0]  # e.g. the unlit pixels: they add nothing to any sum
    values = W[np.ix_(src, dst)]
    if a_in is not None:
        values = values * a_in[src, None]
    s, d, v = top_edges(values, layer, n_layers)
    carried = v != 0
    return src[s[carried]], dst[d[carried]], v[carried]


LOOKS = ("idle", "activation", "signed")


@dataclass(frozen=True, eq=False)
class Stage:
    """One moment of a walk through a pass (slow motion): what each layer shows, which connections are
    drawn on top of the dimmed others, and how far the change under way has got.

    looks: per layer 0..L, one of LOOKS: "idle" grey, "activation", or "signed" (``signed[layer]``, e.g.
    the deltas of backpropagation: blue negative, red positive, on a scale symmetric around 0 per layer).
    moving, was, progress: layer ``moving`` turns from look ``was`` into its look as progress goes 0 -> 1.
    edges: (layer, src, dst, value) of connections into ``layer``, coloured by the sign of value; they grow
    from layer - 1 towards ``layer`` with the progress (from ``layer`` back when ``backward``).
    node_title, edge_title: the legends' titles while the stage is shown ("" keeps the usual ones).
    scale: the signed values' colour scale, the same for every layer; None: symmetric around 0 per layer.
    """

    looks: tuple[str, ...]
    signed: tuple[np.ndarray | None, ...] = ()
    moving: int | None = None
    was: str = "idle"
    progress: float = 1.0
    edges: tuple[int, np.ndarray, np.ndarray, np.ndarray] | None = None
    backward: bool = False
    node_title: str = ""
    edge_title: str = ""
    scale: SymLogScale | None = None


def blend(before: np.ndarray, after: np.ndarray, amount: float) -> np.ndarray:
    """``before`` turning into ``after`` (uint8 images of one shape), ``amount`` 0..1 of the way."""
    mixed = before.astype(np.float32) * (1.0 - amount) + after.astype(np.float32) * amount
    return np.round(mixed).astype(np.uint8)


class EdgeItem(QGraphicsObject):
    """Batches of straight lines, one pen per batch, drawn in order; cheap to cache as one pixmap."""

    def __init__(self):
        super().__init__()
        self._batches: list[tuple[QPen, list[QLineF]]] = []
        self._rect = QRectF()

    def set_batches(self, batches: list[tuple[QPen, list[QLineF]]], rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._batches, self._rect = batches, QRectF(rect)
        self.update()

    def line_count(self) -> int:
        return sum(len(lines) for _, lines in self._batches)

    def lines(self) -> list[QLineF]:
        return [line for _, lines in self._batches for line in lines]

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for pen, lines in self._batches:
            if lines:
                painter.setPen(pen)
                painter.drawLines(lines)


class PictureItem(QGraphicsPixmapItem):
    """An RGBA array shown in a rectangle, as a premultiplied pixmap: the cheapest thing to repaint."""

    def __init__(self):
        super().__init__()
        self.setTransformationMode(Qt.TransformationMode.FastTransformation)
        self.array: np.ndarray | None = None

    def set_array(self, rgba: np.ndarray, rect: QRectF, size: tuple[int, int] | None = None) -> None:
        """Show ``rgba`` stretched over ``rect``; ``size`` (w, h) rescales it first, nearest neighbour."""
        self.array = rgba
        h, w = rgba.shape[:2]
        if size is not None and size[0] % w == 0 and size[1] % h == 0:  # whole pixels: NumPy is quickest
            rgba = np.repeat(np.repeat(rgba, size[1] // h, axis=0), size[0] // w, axis=1)
        image = rgba_qimage(rgba)
        if size is not None and (image.width(), image.height()) != size:
            image = image.scaled(size[0], size[1], Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.FastTransformation)
        self.setPixmap(QPixmap.fromImage(image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)))
        self.setPos(rect.topLeft())
        self.setScale(rect.width() / max(1, image.width()))


def set_text_font(item: pg.TextItem, font) -> None:
    """A new font for a cached text item: its cached picture of the old text must go too (a stale one
    can leave the text out altogether)."""
    mode = item.textItem.cacheMode()
    item.textItem.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    item.setFont(font)
    item.textItem.setCacheMode(mode)


def line_list(x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray) -> list[QLineF]:
    return [QLineF(*row) for row in np.column_stack([x0, y0, x1, y1]).tolist()]


class NetworkView(QWidget):
    """Fed by ``set_snapshot`` (weights) and ``set_activations`` (one forward pass' ``Trace.a``).
    ``follow_drawing``: the main window's diagram (see the module's docstring)."""

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

    def set_flow_enabled(self, on: bool) -> None:
        """Whether :meth:`play_flow` animates (off: the new reading shows at once)."""
        self._flow_enabled = bool(on)
        if not on:
            self.finish_flow()

    def flow_enabled(self) -> bool:
        return self._flow_enabled

    def play_flow(self) -> None:
        """Let the current reading flow through the network: each layer's connections grow from the layer
        before and its neurons light up when they arrive, input to output in FLOW_S. Skipped by a click on
        the diagram or :meth:`finish_flow` (a new stroke)."""
        if not (self._follow and self._flow_enabled and self._activations is not None and self._layout is not None
                and self._stage is None):
            self.finish_flow()
            return
        self._flow_animation.stop()
        self._flow = None
        self._flow_frame(0.0)
        self._flow_animation.start()

    def flowing(self) -> bool:
        return self._flow is not None

    def finish_flow(self) -> None:
        """Show the whole reading at once (the flow is skipped or over)."""
        if self._flow is None:
            return
        self._flow_animation.stop()
        self._flow = None
        self._draw_edges()
        self._colour_nodes()

    def _flow_frame(self, progress) -> None:
        """Draw the flow FLOW_FRAMES times in all (the animation's timer ticks more often: a frame costs a few
        milliseconds of drawing that the eye would not miss)."""
        if not self._follow or self._layout is None:
            return
        progress = math.floor(float(progress) * FLOW_FRAMES) / FLOW_FRAMES
        if progress == self._flow:
            return
        self._flow = progress
        self._draw_edges()
        self._colour_nodes()

    def _front(self) -> float:
        """How many layers the flowing signal has passed (fractional); all of them when nothing flows."""
        layers = len(self._sizes) - 1
        return layers if self._flow is None else self._flow * layers

    def _reach(self, layer: int) -> float:
        """How far the lines into ``layer`` have grown (0..1)."""
        return float(np.clip(self._front() - (layer - 1), 0.0, 1.0))

    def _lit(self, layer: int) -> float:
        """How far ``layer``'s neurons have lit up (0..1): in the second half of its lines' growth."""
        return float(np.clip(2.0 * (self._front() - (layer - 1)) - 1.0, 0.0, 1.0))

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

    def stage(self) -> Stage | None:
        return self._stage

    def layer_captions(self) -> list[str]:
        """The layers' names over their columns, as shown ("input", "hidden 1", ... or "in", "h1", ...)."""
        return [item.toPlainText() for item in self._captions[::2]]

    def legend_labels(self) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
        """(edges, nodes): each legend's (title, low, high) as shown."""
        return self._edge_legend.labels(), self._node_legend.labels()

    def stage_line_count(self) -> int:
        return self._stage_item.line_count()

    def node_value(self, layer: int, index: int) -> float | None:
        if self._activations is None or not 0 <= layer < len(self._activations):
            return None
        values = self._activations[layer]
        return float(values[index]) if 0 <= index < len(values) else None

    def sizes(self) -> tuple[int, ...] | None:
        return self._sizes

    def edges(self, layer: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(src, dst, value) of the connections drawn into ``layer`` (1..L), weakest first: neuron indices,
        and the weight or (following the drawing) the contribution."""
        return self._edges[layer - 1]

    def edge_line_count(self) -> int:
        return self._edge_item.line_count()

    def edge_lines(self) -> list[tuple[float, float, float, float]]:
        """Every connection line as drawn, (x1, y1, x2, y2) in the diagram's pixels."""
        return [(line.x1(), line.y1(), line.x2(), line.y2()) for line in self._edge_item.lines()]

    def shown_nodes(self, layer: int) -> np.ndarray:
        """The neurons of ``layer`` that have a dot, in slot order."""
        return self._shown[layer].copy() if self._shown else np.arange(0)

    def node_diameter(self, layer: int) -> float:
        """A node's dot in screen pixels (layer 0: one input pixel)."""
        return self._layout.dot(layer) if self._layout is not None else 0.0

    def more_text(self, layer: int) -> str:
        """The "+k more" under a hidden layer that shows only some of its neurons ("" when all are shown)."""
        return self._notes[layer - 1].toPlainText() if 0 < layer <= len(self._notes) else ""

    def focus(self) -> tuple[int, int] | None:
        """The node whose connections are highlighted (the one under the mouse), if any."""
        return self._focus

    def node_image(self, layer: int) -> np.ndarray | None:
        """The RGBA image that shows a layer's dots (layer >= 1), as last drawn."""
        image = self._dots[layer - 1].array if self._dots else None
        return None if image is None else image.copy()

    def graphics_view(self) -> pg.GraphicsView:
        return self._view

    def node_position(self, layer: int, index: int) -> QPointF | None:
        """Centre of a node (or input pixel) in the coordinates of ``graphics_view()``; None if it has no dot."""
        slot = int(self._slot_of[layer][index])
        if slot < 0:
            return None
        x, y = self._layout.positions[layer][slot]
        return self._view.mapFromScene(self._box.mapViewToScene(QPointF(x, y))).toPointF()

    def node_at(self, pos: QPointF) -> tuple[int, int] | None:
        """(layer, index) of the node or input pixel at ``pos`` in ``graphics_view()`` coordinates, if any."""
        if self._layout is None:
            return None
        point = self._box.mapSceneToView(self._view.mapToScene(pos.toPoint()))
        for layer, block in enumerate(self._layout.blocks):
            if not block.contains(point):
                continue
            cols, _ = self._layout.grids[layer]
            cell = self._layout.cells[layer]
            col = int((point.x() - block.x()) // cell)
            row = int((point.y() - block.y()) // cell)
            slot = row * cols + col
            if slot >= len(self._shown[layer]):
                return None
            if layer > 0:
                x, y = self._layout.positions[layer][slot]
                if math.hypot(point.x() - x, point.y() - y) > self._layout.dot(layer) / 2 + 1.5:
                    return None
            return layer, int(self._shown[layer][slot])
        return None

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

    def show_changes(self, weight_change: tuple[np.ndarray, ...] | None) -> None:
        """For CHANGES_S seconds draw the connections that changed most (red: the weight grew, blue: it
        shrank), e.g. what a correction taught; None goes back to the usual connections."""
        fits = weight_change is not None and [w.shape for w in weight_change] == [w.shape for w in self._weights]
        self._changes = tuple(weight_change) if fits else None
        if self._changes is not None:
            self._changes_timer.start()
        else:
            self._changes_timer.stop()
        self._pick_edges()
        self._draw_edges()

    def set_marked(self, silenced: dict[int, set[int]], clamped: dict[int, set[int]]) -> None:
        """Mark poked neurons (layer -> indices): silenced ones crossed out, clamped ones in a square, so they
        are told apart without colour."""
        self._marked = (silenced, clamped)
        self._reshow()
        self._colour_nodes()
        self._draw_probe_marks()

    def marked(self) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
        return self._marked

    def probe_marks_drawn(self) -> bool:
        """Whether any poked neuron is marked on screen now."""
        return not self._marks.path().isEmpty()

    def _draw_probe_marks(self) -> None:
        path = QPainterPath()
        if self._layout is not None:
            for shape, marked in enumerate(self._marked):
                for layer, neurons in marked.items():
                    if layer >= len(self._slot_of):
                        continue
                    r = self._layout.dot(layer) * 0.6
                    for neuron in neurons:
                        slot = int(self._slot_of[layer][neuron]) if neuron < len(self._slot_of[layer]) else -1
                        if slot < 0:
                            continue
                        x, y = self._layout.positions[layer][slot]
                        if shape == 0:
                            path.moveTo(x - r, y - r)
                            path.lineTo(x + r, y + r)
                            path.moveTo(x - r, y + r)
                            path.lineTo(x + r, y - r)
                        else:
                            path.addRect(QRectF(x - r, y - r, 2 * r, 2 * r))
        self._marks.setPath(path)

    def changes_shown(self) -> bool:
        """True while the connections drawn are a correction's changes."""
        return self._changes is not None

    # ------------------------------------------------------------------ drawing
    def _pick_edges(self) -> None:
        """The connections to draw among the neurons shown: the strongest weights, or (following the drawing,
        with one drawn) the largest contributions."""
        if self._layout is None or not self._weights or not self._shown:
            self._edges = []
            return
        n_layers = len(self._sizes) - 1
        if self._changes is not None:
            self._edges = [connections_among(dW, self._shown[layer - 1], self._shown[layer], layer, n_layers)
                           for layer, dW in enumerate(self._changes, start=1)]
            return
        contributions = self._mode == DRAWING and self._activations is not None
        self._edges = [
            connections_among(W, self._shown[layer - 1], self._shown[layer], layer, n_layers,
                              self._activations[layer - 1] if contributions else None)
            for layer, W in enumerate(self._weights, start=1)]

    def _ends(self, layer: int, src: np.ndarray, dst: np.ndarray, reach: float = 1.0,
              backward: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(which of the connections have both ends on a dot, (k, 4) x1 y1 x2 y2 of those): lines from nodes
        ``src`` of layer-1 to nodes ``dst`` of ``layer`` (neuron indices); ``reach`` < 1 draws only that part of
        each, from its start (from its end when ``backward``)."""
        s, d = self._slot_of[layer - 1][src], self._slot_of[layer][dst]
        shown = (s >= 0) & (d >= 0)
        a = self._layout.positions[layer - 1][s[shown]]
        b = self._layout.positions[layer][d[shown]]
        if backward:
            a, b = b, a
        if reach < 1.0:
            b = a + (b - a) * reach
        return shown, np.hstack([a, b])

    def _segments(self, layer: int, src: np.ndarray, dst: np.ndarray, reach: float = 1.0,
                  backward: bool = False) -> list[QLineF]:
        """The lines of :meth:`_ends` as QLineF."""
        _, ends = self._ends(layer, src, dst, reach, backward)
        return line_list(*ends.T)

    def _edge_batches(self, edges, backward: bool = False) -> list[tuple[QPen, list[QLineF]]]:
        """One batch of lines per pen, weakest first (so the strong lines end up on top), for
        ``edges``: (layer, src, dst, value, reach) per layer. All lines are placed and made in one go: this
        runs at every pen movement."""
        strengths = len(EDGE_ALPHA)
        ends, keys = [np.zeros((0, 4))], [np.zeros(0, np.intp)]
        for layer, src, dst, w, reach in edges:
            shown, layer_ends = self._ends(layer, src, dst, reach, backward)
            ends.append(layer_ends)
            keys.append((strength_bins(w)[shown] * 2 + (w[shown] > 0)).astype(np.intp))  # by strength, then sign
        keys = np.concatenate(keys)
        order = np.argsort(keys, kind="stable")
        lines = line_list(*np.vstack(ends)[order].T)
        bounds = np.concatenate([[0], np.cumsum(np.bincount(keys, minlength=2 * strengths))])
        return [(self._edge_pens[key % 2, key // 2], lines[bounds[key]:bounds[key + 1]])
                for key in range(2 * strengths)]

    def _draw_edges(self) -> None:
        if self._layout is None:
            return
        edges = [(layer, *layer_edges, self._reach(layer)) for layer, layer_edges in enumerate(self._edges, start=1)]
        edges = [edge for edge in edges if edge[-1] > 0]
        self._edge_item.set_batches(self._edge_batches(edges), QRectF(0, 0, self._box.width(), self._box.height()))
        self._draw_marks()
        self._draw_probe_marks()

    def _draw_stage_edges(self) -> None:
        stage = self._stage
        if self._layout is None or stage is None or stage.edges is None:
            self._stage_item.set_batches([], QRectF())
            return
        layer, src, dst, value = stage.edges
        drawn = value != 0  # a connection that carries nothing (no ink, a silent neuron) is not drawn
        reach = max(0.0, min(1.0, stage.progress))
        batches = self._edge_batches([(layer, src[drawn], dst[drawn], value[drawn], reach)], stage.backward)
        self._stage_item.set_batches(batches, QRectF(0, 0, self._box.width(), self._box.height()))

    def _signed_table(self) -> np.ndarray:
        """Signed values on this page: zero fades into the background (dark) or to white (light)."""
        return DIVERGING_DARK if is_dark(self) else DIVERGING

    def _sprites_for(self, layer: int, signed: bool = False) -> np.ndarray:
        if (layer, signed) not in self._sprites:
            ratio = self._view.devicePixelRatioF()
            cell = max(1, round(self._layout.cells[layer] * ratio))
            rim = background_colour(self).darker(160)
            table = self._signed_table() if signed else SEQUENTIAL
            self._sprites[layer, signed] = disc_sprites(cell, self._layout.dot(layer) * ratio, rim, table,
                                                        ring=text_colour(self, 150))
        return self._sprites[layer, signed]

    def _look(self, layer: int) -> str:
        if self._activations is None:
            return "idle"
        return "activation" if self._stage is None else self._stage.looks[layer]

    def _layer_mosaic(self, layer: int, look: str) -> np.ndarray:
        """The image of one layer's dots (layer >= 1) in one of the LOOKS."""
        last = len(self._sizes) - 1
        shown = self._shown[layer]
        if look == "signed":
            values = self._stage.signed[layer]
            scale = self._stage.scale
            index = (scale.index(values[shown]) if scale
                     else diverging_index(values[shown], float(np.abs(values).max()) or 1.0)).astype(np.intp)
        elif look == "activation":
            a = self._activations[layer]
            index = sequential_index(a[shown], *activation_range(a, layer, last)).astype(np.intp)
            if self._follow:
                index[inactive(a)[shown]] = HOLLOW
        else:
            index = np.full(len(shown), IDLE, np.intp)
        cols, rows = self._layout.grids[layer]
        return sprite_mosaic(self._sprites_for(layer, look == "signed"), index, cols, rows)

    def _colour_nodes(self) -> None:
        if self._sizes is None or self._layout is None:
            return
        a = self._activations
        last = len(self._sizes) - 1
        stage = self._stage
        for layer in range(1, last + 1):
            look = self._look(layer)
            mosaic = self._layer_mosaic(layer, look)
            if a is not None and stage is not None and stage.moving == layer and stage.progress < 1.0:
                mosaic = blend(self._layer_mosaic(layer, stage.was), mosaic, max(0.0, stage.progress))
            elif look == "activation" and self._lit(layer) < 1.0:
                mosaic = blend(self._layer_mosaic(layer, "idle"), mosaic, self._lit(layer))
            self._dots[layer - 1].set_array(mosaic, self._layout.blocks[layer])
        self._draw_tile()
        reading = self._look(last) == "activation" and self._lit(last) >= 1.0
        winner = int(np.argmax(a[last])) if reading else None
        if winner != self._winner:
            self._winner = winner
            for digit, item in enumerate(self._labels):
                plain = text_colour(self, 170 if a is not None else 200)
                item.setColor(accent_text(self) if digit == winner else plain)
            self._draw_marks()

    def _draw_tile(self) -> None:
        """The input as the network reads it; following the drawing, its lit pixels once more over the lines
        that start at them, so that the digit stays whole."""
        a = self._activations
        if a is None or self._look(0) == "idle":
            self._tile.hide()
            self._ink.hide()
            self._tile_hint.setVisible(a is None)
            return
        side = self._layout.tile_side
        tile = np.zeros(side * side, np.float32)
        tile[:len(a[0])] = a[0]
        px = round(self._layout.tile.width() * self._view.devicePixelRatioF())
        rgba = map_sequential(tile.reshape(side, side), 0.0, 1.0)
        self._tile.set_array(rgba, self._layout.tile, (px, px))
        self._tile.show()
        self._tile_hint.hide()
        if self._follow:
            ink = rgba.copy()
            ink[..., 3] = np.where(tile.reshape(side, side) > INK, 255, 0)
            self._ink.set_array(ink, self._layout.tile, (px, px))
        self._ink.setVisible(self._follow)

    def _draw_marks(self) -> None:
        """Rings around the winning output and around the hovered node."""
        last = len(self._sizes) - 1
        hovered = self._focus if self._focus is not None and self._focus[0] > 0 else None
        targets = [None if self._winner is None else (last, self._winner), hovered]
        for ring, target in zip(self._rings, targets):
            slot = -1 if target is None else int(self._slot_of[target[0]][target[1]])
            if slot < 0:
                ring.hide()
                continue
            layer = target[0]
            x, y = self._layout.positions[layer][slot]
            radius = self._layout.dot(layer) / 2 + 4
            ring.setRect(QRectF(x - radius, y - radius, 2 * radius, 2 * radius))
            ring.show()

    def _links(self, layer: int, index: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The hovered node's connections as drawn, (values in, values out): per connection into it (from each
        neuron of layer - 1) and out of it (to each neuron of layer + 1), weights or contributions; those
        whose other end has no dot are 0."""
        contributions = self._mode == DRAWING and self._activations is not None
        a = self._activations
        into = out = np.zeros(0)
        if layer > 0:
            into = np.array(self._weights[layer - 1][:, index], np.float32)
            if contributions:
                into *= a[layer - 1]
            into[self._slot_of[layer - 1] < 0] = 0
        if layer < len(self._sizes) - 1:
            out = np.array(self._weights[layer][index], np.float32)
            if contributions:
                out *= a[layer][index]
            out[self._slot_of[layer + 1] < 0] = 0
        return into, out

    def _draw_focus(self) -> None:
        """The strongest connections into and out of the hovered node, with all the others dimmed."""
        if (self._focus is None or self._layout is None or not self._weights
                or self._slot_of[self._focus[0]][self._focus[1]] < 0):
            self._focus_item.set_batches([], QRectF())
            self._edge_item.setOpacity(self._edge_opacity())
            return
        layer, index = self._focus
        into, out = self._links(layer, index)
        lines = {0: [], 1: []}
        for values, ends in ((into, layer), (out, layer + 1)):
            if not len(values):
                continue
            chosen = _largest(values, FOCUS_K)
            chosen = chosen[values[chosen] != 0]
            for sign in (0, 1):
                picked = chosen[(values[chosen] > 0) == bool(sign)]
                here = np.full(len(picked), index)
                src, dst = (picked, here) if ends == layer else (here, picked)
                lines[sign] += self._segments(ends, src, dst)
        rect = QRectF(0, 0, self._box.width(), self._box.height())
        self._focus_item.set_batches([(self._focus_pens[0], lines[0]), (self._focus_pens[1], lines[1])], rect)
        self._edge_item.setOpacity(0.3 * self._edge_opacity())

    # ------------------------------------------------------------------ hover and click
    def set_focus(self, node: tuple[int, int] | None) -> None:
        """Highlight one node's strongest connections (what hovering does); None removes the highlight."""
        if node == self._focus:
            return
        self._focus = node
        self._draw_focus()
        if self._layout is not None:
            self._draw_marks()

    def _hovered(self, scene_pos) -> None:
        node = self.node_at(self._view.mapFromScene(scene_pos).toPointF())
        self.set_focus(node)
        if node is None:
            QToolTip.hideText()
        else:
            where = self._view.mapToGlobal(self._view.mapFromScene(scene_pos))
            QToolTip.showText(where, self.describe_node(*node), self._view)

    def _clicked(self, event) -> None:
        if self.flowing():  # a click skips the flow
            self.finish_flow()
        node = self.node_at(self._view.mapFromScene(event.scenePos()).toPointF())
        if node is not None and event.button() == Qt.MouseButton.LeftButton:
            self.nodeClicked.emit(*node)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Leave:
            self.set_focus(None)
        return super().eventFilter(watched, event)

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


def _largest(values: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest |values|."""
    k = min(k, len(values))
    return np.argpartition(np.abs(values), len(values) - k)[len(values) - k:]
