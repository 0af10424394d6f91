"""First-layer weights: every hidden-1 neuron's 784 incoming weights as a 28x28 tile, all in one mosaic.

The mosaic is built at the size it is shown, one image pixel per screen pixel: a tile shown at 17 px
is its 28x28 weights averaged down to 17x17 (a tile shown larger is repeated pixel by pixel), so the
one-pixel gaps between tiles stay crisp and no weight is silently dropped by the scaling.

Scaling: by default each tile is coloured on its own symmetric scale, +-(its largest |weight|). The
first layer's neurons differ a lot in overall size, and during training the *pattern* inside a tile
is what changes visibly; one global scale would leave most tiles a flat near-zero colour.
``set_scaling("global")`` shows the sizes instead. ``set_baseline(W0_start)`` shows what training has
changed since W0_start: a big layer's raw weights stay dominated by their random start for a long time,
while the change shows learned strokes from the first steps on. Blue is negative, red positive; zero
is the page's own colour (white on light themes, near-black on dark ones): nothing there looks like nothing.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize
from PySide6.QtWidgets import QToolTip, QWidget

from nnviz.app.colormaps import DIVERGING, DIVERGING_DARK, diverging_index, rgba_lookup
from nnviz.app.painting import background_colour, is_dark
from nnviz.app.throttle import Throttle
from nnviz.app.widgets.color_legend import ColorLegend, add_with_legends

SIDE = 28  # an input image is SIDE x SIDE
GAP = 1  # screen pixels between tiles
MARGIN = 4
REFRESH_S = 0.1  # redraw at most 10 times a second while training streams new weights (~7 ms each for 256 tiles)
SCALINGS = ("tile", "global")


def mosaic_grid(n: int, width: float, height: float) -> tuple[int, int]:
    """(columns, tile size in px) that make n tiles (plus gaps) largest in a ``width`` x ``height`` area;
    an unknown area (not shown yet) gives a square grid of native 28 px tiles."""
    if width < SIDE or height < SIDE:
        return max(1, math.ceil(math.sqrt(n))), SIDE
    best = (1, 0)
    for cols in range(1, n + 1):
        pitch = min((width + GAP) // cols, (height + GAP) // math.ceil(n / cols))
        if pitch > best[1]:
            best = (cols, pitch)
    return best[0], max(2, int(best[1]) - GAP)


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


def weight_mosaic(values: np.ndarray, cols: int, tile: int, table: np.ndarray, scaling: str = "tile",
                  gap_colour=(0, 0, 0, 0)) -> np.ndarray:
    """RGBA (rows*(tile+1)-1, cols*(tile+1)-1, 4): tile j shows column j of ``values`` (784, n) as 28x28
    resampled to tile x tile, on a diverging scale symmetric around 0; empty slots are transparent."""
    n = values.shape[1]
    tiles = np.asarray(values, dtype=np.float32).T.reshape(n, SIDE, SIDE)
    if scaling == "tile":
        limit = np.abs(tiles).reshape(n, -1).max(axis=1)
    else:
        limit = np.full(n, np.abs(tiles).max())
    limit = np.where(limit > 0, limit, 1.0)
    if tile != SIDE:
        resample = resample_matrix(tile)
        tiles = resample @ tiles @ resample.T  # (tile, 28) @ (n, 28, 28) @ (28, tile)
    index = diverging_index(tiles / limit[:, None, None], 1.0)
    rows = math.ceil(n / cols)
    step = tile + GAP
    placed = np.empty((rows * cols, step, step, 4), np.uint8)
    placed[:] = gap_colour
    placed[:n, :tile, :tile] = rgba_lookup(table, index)
    placed[n:] = 0  # no neuron: the page shows through
    grid = placed.reshape(rows, cols, step, step, 4).transpose(0, 2, 1, 3, 4)
    return np.ascontiguousarray(grid.reshape(rows * step, cols * step, 4)[:-GAP, :-GAP])


class WeightsView(QWidget):
    """``set_weights(W0)`` with W0 (784, n): n tiles, redrawn as one image."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("weightsView")
        self._weights: np.ndarray | None = None
        self._baseline: np.ndarray | None = None
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
        add_with_legends(self, self._view, [self._legend])
        self._view.scene().sigMouseMoved.connect(self._hovered)

    # ------------------------------------------------------------------ public API
    def set_weights(self, W0: np.ndarray) -> None:
        W0 = np.asarray(W0)
        if W0.ndim != 2 or W0.shape[0] != SIDE * SIDE:
            raise ValueError(f"expected first-layer weights of shape ({SIDE * SIDE}, n), got {W0.shape}")
        self._weights = np.array(W0, dtype=np.float32, copy=True)
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

    def shown_values(self) -> np.ndarray | None:
        """What the tiles show, (784, n): the weights, or their change since the baseline."""
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
        j = row * cols + col
        return j if col < cols and j < self._weights.shape[1] else None

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    # ------------------------------------------------------------------ drawing
    def _table(self) -> np.ndarray:
        return DIVERGING_DARK if is_dark(self) else DIVERGING

    def _gap_colour(self) -> tuple[int, int, int, int]:
        gap = background_colour(self)
        gap = gap.lighter(170) if is_dark(self) else gap.darker(125)
        return gap.red(), gap.green(), gap.blue(), 255

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
        ratio = self._view.devicePixelRatioF()
        self._grid = cols, tile = mosaic_grid(values.shape[1], (width - 2 * MARGIN) * ratio,
                                              (height - 2 * MARGIN) * ratio)
        self._mosaic = weight_mosaic(values, cols, tile, self._table(), self._scaling, self._gap_colour())
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
        QToolTip.showText(self._view.mapToGlobal(self._view.mapFromScene(scene_pos)),
                          what.format(j, f"{w.min():+.3f}", f"{w.max():+.3f}"), self._view)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_view"):
            self._view.setBackground(background_colour(self))
            self._legend.set_table(self._table())
            self._redraw()
        super().changeEvent(event)
