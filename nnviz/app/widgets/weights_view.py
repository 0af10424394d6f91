"""First-layer weights: a hidden-1 neuron's 784 incoming weights as a 28x28 tile, a page of them in one mosaic.

A page holds PAGE tiles: by default the neurons most active for the current drawing (most active first), so
the tiles are big enough to see strokes in and they are the ones reading the digit; the arrows page through
all the neurons in order. The selection follows the drawing when a stroke ends, not at every pen move, so
tiles do not jump about while you draw. A page's tiles fill whole rows where the number allows.

The mosaic is built at the size it is shown, one image pixel per screen pixel: a tile shown at 40 px is its
28x28 weights repeated pixel by pixel, one shown at 17 px their averages, so the gaps between tiles stay crisp
and no weight is silently dropped by the scaling.

Scaling: by default each tile is coloured on its own symmetric scale, +-(its largest |weight|). The first
layer's neurons differ a lot in overall size, and during training the *pattern* inside a tile is what changes
visibly; ``set_scaling("global")`` shows the sizes instead. ``set_baseline(W0_start)`` shows what training has
changed since W0_start. Blue is negative, red positive, and zero is the panel's own neutral grey (a hair off
its background, so each tile's square still shows): a weight of nothing looks like nothing.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPointF, QRectF, QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QToolTip, QWidget

from nnviz.app.exportable import ExportSpec, Table
from nnviz.app.colormaps import diverging_index, lut_from_anchors, rgba_lookup
from nnviz.app.painting import background_colour, mix, text_colour
from nnviz.app.throttle import Throttle
from nnviz.app.widgets.color_legend import ColorLegend, add_with_legends
from nnviz.app.widgets.flow_row import FlowRow

SIDE = 28  # an input image is SIDE x SIDE
GAP = 1  # screen pixels between tiles
MARGIN = 4
PAGE = 64  # tiles at once: 8 x 8 of ~40 px in the panel's usual share of the window
WHOLE_ROWS_SHARE = 0.75  # whole rows of tiles are worth tiles this much smaller than the largest that fit
MOST_ACTIVE = -1  # the page of the neurons most active for the drawing
REFRESH_S = 0.1  # redraw at most 10 times a second while training streams new weights
SCALINGS = ("tile", "global")
ZERO_SHADE = 0.08  # zero: the background moved this far towards the text colour
ENDS_ON_DARK = ("#5aa9ff", "#ff7a5c")  # negative, positive: bright on a dark page...
ENDS_ON_LIGHT = ("#2166ac", "#b2182b")  # ...deep on a light one (ColorBrewer RdBu's ends)


def mosaic_grid(n: int, width: float, height: float) -> tuple[int, int]:
    """(columns, tile size in px) that make n tiles (plus gaps) largest in a ``width`` x ``height`` area, in whole
    rows when a column count that divides n does nearly as well; an unknown area (not shown yet) gives a square
    grid of native 28 px tiles."""
    if width < SIDE or height < SIDE:
        return max(1, math.ceil(math.sqrt(n))), SIDE

    def pitch(cols: int) -> int:
        return int(min((width + GAP) // cols, (height + GAP) // math.ceil(n / cols)))

    best = max(range(1, n + 1), key=pitch)
    whole_rows = [cols for cols in range(1, n + 1) if n % cols == 0 and pitch(cols) >= WHOLE_ROWS_SHARE * pitch(best)]
    cols = max(whole_rows, key=pitch) if whole_rows else best
    return cols, max(2, pitch(cols) - GAP)


def resample_matrix(size: int, side: int = SIDE) -> np.ndarray:
    """(size, side): rows that turn ``side`` samples into ``size``: area averages when shrinking,
    nearest neighbour when growing (crisp pixels)."""
    if size >= side:
        matrix = np.zeros((size, side), np.float32)
        matrix[np.arange(size), ((np.arange(size) + 0.5) * side / size).astype(int)] = 1.0
        return matrix
    edges = np.arange(size + 1) * side / size
    lo, hi = edges[:-1, None], edges[1:, None]
    pixel = np.arange(side)[None, :]
    overlap = np.clip(np.minimum(hi, pixel + 1) - np.maximum(lo, pixel), 0.0, None)
    return (overlap / (side / size)).astype(np.float32)


def neutral_diverging(background: QColor, text: QColor) -> np.ndarray:
    """The weights' colour table on this page: blue, then the page's neutral zero, then red."""
    negative, positive = ENDS_ON_DARK if background.lightnessF() < 0.5 else ENDS_ON_LIGHT
    return lut_from_anchors([negative, mix(background, text, ZERO_SHADE).name(), positive])


def weight_mosaic(values: np.ndarray, cols: int, tile: int, table: np.ndarray, scaling: str = "tile",
                  gap_colour=(0, 0, 0, 0)) -> np.ndarray:
    """RGBA (rows*(tile+1)-1, cols*(tile+1)-1, 4): tile j shows column j of ``values`` (784, n) as 28x28
    resampled to tile x tile, on a diverging scale symmetric around 0; empty slots are transparent."""
    n = values.shape[1]
    tiles = np.asarray(values, dtype=np.float32).T.reshape(n, SIDE, SIDE)
    if scaling == "tile":
        limit = np.abs(tiles).reshape(n, -1).max(axis=1) if n else np.zeros(0, np.float32)
    else:
        limit = np.full(n, np.abs(tiles).max() if n else 1.0)
    limit = np.where(limit > 0, limit, 1.0)
    if tile != SIDE:
        resample = resample_matrix(tile)
        tiles = resample @ tiles @ resample.T  # (tile, 28) @ (n, 28, 28) @ (28, tile)
    index = diverging_index(tiles / limit[:, None, None], 1.0)
    rows = max(1, math.ceil(n / cols))
    step = tile + GAP
    placed = np.empty((rows * cols, step, step, 4), np.uint8)
    placed[:] = gap_colour
    placed[:n, :tile, :tile] = rgba_lookup(table, index)
    placed[n:] = 0  # no neuron: the page shows through
    grid = placed.reshape(rows, cols, step, step, 4).transpose(0, 2, 1, 3, 4)
    return np.ascontiguousarray(grid.reshape(rows * step, cols * step, 4)[:-GAP, :-GAP])


def page_count(n: int) -> int:
    return max(1, math.ceil(n / PAGE))


class WeightsView(QWidget):
    """``set_weights(W0)`` with W0 (784, n): a page of its n tiles, redrawn as one image; ``set_activity(a1)``
    (hidden layer 1's activations for the drawing, or None) chooses the most active ones."""

    EXPORT = ExportSpec("first-layer-weights", QT_TRANSLATE_NOOP("Export", "First-layer weights"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("weightsView")
        self._weights: np.ndarray | None = None
        self._baseline: np.ndarray | None = None
        self._activity: np.ndarray | None = None
        self._page = MOST_ACTIVE
        self._shown = np.arange(0)  # the neuron of each tile, in order
        self._scaling = "tile"
        self._grid = (0, SIDE)  # columns, tile size in image pixels
        self._mosaic = np.zeros((1, 1, 4), np.uint8)
        self._refresh = Throttle(REFRESH_S, self._redraw, self)
        self._view = pg.GraphicsView(self, background=background_colour(self))
        self._view.setMouseTracking(True)
        self._box = pg.ViewBox(invertY=True, enableMouse=False, enableMenu=False, defaultPadding=0.0)
        self._view.setCentralItem(self._box)
        self._image = pg.ImageItem(axisOrder="row-major")
        self._box.addItem(self._image)
        self._box.sigResized.connect(self._redraw)
        self._legend = ColorLegend(self._table(), self.tr("weight"), "−", "+", self, tooltip=self._legend_tooltip())
        add_with_legends(self, self._view, [FlowRow([self._build_pager(), self._legend], spacing=16)])
        self._view.scene().sigMouseMoved.connect(self._hovered)
        self._show_page_name()

    def _build_pager(self) -> QWidget:
        pager = QWidget()
        row = QHBoxLayout(pager)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.previous_button, self.next_button = QToolButton(), QToolButton()
        for button, text, step, name, tip in (
            (self.previous_button, "◀", -1, "weightsPrevious", self.tr("The previous page of neurons")),
            (self.next_button, "▶", 1, "weightsNext", self.tr("The next page of neurons"))):
            button.setText(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, s=step: self.turn_page(s))
        self.page_label = QLabel()
        self.page_label.setObjectName("weightsPage")
        row.addWidget(self.previous_button)
        row.addWidget(self.page_label)
        row.addWidget(self.next_button)
        return pager

    # ------------------------------------------------------------------ public API
    def set_refresh_interval(self, seconds: float) -> None:
        """How often new weights are drawn at most (REFRESH_S; 0 when whoever feeds it limits the rate)."""
        self._refresh.set_interval(seconds)

    def refresh_interval(self) -> float:
        return self._refresh.interval

    def set_weights(self, W0: np.ndarray) -> None:
        W0 = np.asarray(W0)
        if W0.ndim != 2 or W0.shape[0] != SIDE * SIDE:
            raise ValueError(f"expected first-layer weights of shape ({SIDE * SIDE}, n), got {W0.shape}")
        if self._weights is not None and self._weights.shape[1] != W0.shape[1]:
            self._page = MOST_ACTIVE  # another network
            self._activity = None
        self._weights = np.array(W0, dtype=np.float32, copy=True)
        self._show_page_name()
        self._refresh.request()

    def set_activity(self, a1: np.ndarray | None) -> None:
        """Hidden layer 1's activations for the drawing (None: nothing drawn): the most active page follows."""
        if a1 is not None and (self._weights is None or len(a1) != self._weights.shape[1]):
            a1 = None  # a stale forward pass of another network
        self._activity = None if a1 is None else np.array(a1, dtype=np.float32, copy=True)
        if self._page == MOST_ACTIVE:
            self._show_page_name()
            self._refresh.request()

    def apply_pending(self) -> None:
        """Draw weights that are waiting for the refresh interval now (screenshots, tests)."""
        self._refresh.flush()

    def set_baseline(self, W0: np.ndarray | None) -> None:
        """Show ``W0 - baseline`` (what training has changed since then) instead of the weights; None: the weights."""
        self._baseline = None if W0 is None else np.array(W0, dtype=np.float32, copy=True)
        self._legend.set_labels(title=self.tr("weight") if W0 is None else self.tr("change"))
        self._legend.setToolTip(self._legend_tooltip())
        self._redraw()

    def set_scaling(self, scaling: str) -> None:
        """"tile": each tile on its own +-max|w| scale (default); "global": one scale for all tiles."""
        if scaling not in SCALINGS:
            raise ValueError(f"scaling must be one of {SCALINGS}, got {scaling!r}")
        self._scaling = scaling
        self._legend.setToolTip(self._legend_tooltip())
        self._redraw()

    def scaling(self) -> str:
        return self._scaling

    def page(self) -> int:
        """MOST_ACTIVE, or the number of the page of neurons in order (0: neurons 0..PAGE-1)."""
        return self._page

    def turn_page(self, step: int) -> None:
        """``step`` pages on (or back): most active, then the neurons in order, then most active again."""
        if self._weights is None:
            return
        pages = [MOST_ACTIVE, *range(page_count(self._weights.shape[1]))]
        self._page = pages[(pages.index(self._page) + step) % len(pages)]
        self._show_page_name()
        self._redraw()

    def shown_neurons(self) -> np.ndarray:
        """The neuron of each tile on the page, in order (most active first on the MOST_ACTIVE page)."""
        if self._weights is None:
            return np.arange(0)
        n = self._weights.shape[1]
        if self._page != MOST_ACTIVE:
            return np.arange(self._page * PAGE, min(n, (self._page + 1) * PAGE))
        if self._activity is None or n <= PAGE:
            return np.arange(min(n, PAGE))
        top = np.argpartition(-self._activity, PAGE - 1)[:PAGE]
        return top[np.argsort(-self._activity[top], kind="stable")]

    def shown_values(self) -> np.ndarray | None:
        """What the tiles show, (784, n) for all n neurons: the weights, or their change since the baseline."""
        if self._weights is None:
            return None
        if self._baseline is not None and self._baseline.shape == self._weights.shape:
            return self._weights - self._baseline
        return self._weights

    def mosaic(self) -> np.ndarray:
        """The RGBA image last shown, (H, W, 4) uint8."""
        return self._mosaic.copy()

    def columns(self) -> int:
        return self._grid[0]

    def graphics_view(self) -> pg.GraphicsView:
        return self._view

    def tile_at(self, pos: QPointF) -> int | None:
        """The neuron whose tile is at ``pos`` (coordinates of ``graphics_view()``), if any."""
        if self._weights is None:
            return None
        point = self._box.mapSceneToView(self._view.mapToScene(pos.toPoint()))
        rect = self._image_rect()
        if not rect.contains(point):
            return None
        cols, tile = self._grid
        pitch = (tile + GAP) * rect.width() / self._mosaic.shape[1]
        x, y = point.x() - rect.x(), point.y() - rect.y()
        col, row = int(x // pitch), int(y // pitch)
        slot = row * cols + col
        return int(self._shown[slot]) if col < cols and slot < len(self._shown) else None

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    # ------------------------------------------------------------------ drawing
    def _table(self) -> np.ndarray:
        return neutral_diverging(background_colour(self), text_colour(self))

    def _gap_colour(self) -> tuple[int, int, int, int]:
        gap = background_colour(self)
        return gap.red(), gap.green(), gap.blue(), 255

    def _show_page_name(self) -> None:
        n = 0 if self._weights is None else self._weights.shape[1]
        shown = self.shown_neurons()
        if self._page == MOST_ACTIVE and self._activity is not None and n > PAGE:
            text = self.tr("the {0} most active of {1}").format(len(shown), n)
        elif len(shown):
            text = self.tr("neurons {0}–{1} of {2}").format(int(shown.min()), int(shown.max()), n)
        else:
            text = ""
        self.page_label.setText(text)
        many = n > PAGE
        self.previous_button.setVisible(many)
        self.next_button.setVisible(many)
        self.page_label.setToolTip(self.tr("Tiles of the neurons most active for the drawing, most active "
                                           "first; the arrows page through all of them") if many else "")

    def _legend_tooltip(self) -> str:
        scale = self.tr("each tile on its own scale, ±(its largest |value|)") if self._scaling == "tile" \
            else self.tr("one scale for all tiles, ±(the largest |value|)")
        if self._baseline is None:
            what = self.tr("Each tile: one neuron of hidden layer 1, its weight from every input pixel.")
        else:
            what = self.tr("Each tile: one neuron of hidden layer 1, its weight's change since the start of "
                           "training from every input pixel.")
        return what + "\n" + self.tr("Blue: negative, red: positive; {0}.").format(scale)

    def _image_rect(self) -> QRectF:
        """Where the mosaic is drawn (view coordinates = widget pixels), one image pixel per screen pixel."""
        ratio = self._view.devicePixelRatioF()
        h, w = self._mosaic.shape[:2]
        width, height = self._box.width(), self._box.height()
        return QRectF(round((width - w / ratio) / 2), round((height - h / ratio) / 2), w / ratio, h / ratio)

    def _redraw(self, *_) -> None:
        width, height = self._box.width(), self._box.height()
        self._box.setRange(xRange=(0, max(1.0, width)), yRange=(0, max(1.0, height)), padding=0.0)
        values = self.shown_values()
        if values is None:
            return
        self._shown = self.shown_neurons()
        ratio = self._view.devicePixelRatioF()
        self._grid = cols, tile = mosaic_grid(len(self._shown), (width - 2 * MARGIN) * ratio,
                                              (height - 2 * MARGIN) * ratio)
        self._mosaic = weight_mosaic(values[:, self._shown], cols, tile, self._table(), self._scaling,
                                     self._gap_colour())
        self._image.setImage(self._mosaic, autoLevels=False)
        self._image.setRect(self._image_rect())

    def _hovered(self, scene_pos) -> None:
        j = self.tile_at(self._view.mapFromScene(scene_pos).toPointF())
        if j is None:
            QToolTip.hideText()
            return
        w = self.shown_values()[:, j]
        what = (self.tr("hidden layer 1, neuron {0}\nweights from {1} to {2}") if self._baseline is None
                else self.tr("hidden layer 1, neuron {0}\nchange of the weights from {1} to {2}"))
        text = what.format(j, f"{w.min():+.3f}", f"{w.max():+.3f}")
        if self._activity is not None:
            text += "\n" + self.tr("activation for the drawing: {0}").format(f"{self._activity[j]:.3f}")
        QToolTip.showText(self._view.mapToGlobal(self._view.mapFromScene(scene_pos)), text, self._view)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_view"):
            self._view.setBackground(background_colour(self))
            self._legend.set_table(self._table())
            self._redraw()
        super().changeEvent(event)

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        W = self._weights
        return None if W is None else ([f"neuron_{j}" for j in range(W.shape[1])], W)
