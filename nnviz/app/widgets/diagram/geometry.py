"""Where the diagram puts things: node centres, cells and blocks for any layer sizes and area (pure geometry)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF

MAX_HIDDEN_CELL = 26  # px per hidden node at most
MAX_OUTPUT_CELL = 40
MIN_COLUMN_CELL = 14  # px per node below which a hidden layer is folded from a column into a grid
HIDDEN_DOT, OUTPUT_DOT = 0.74, 0.62  # dot diameter as a fraction of its cell
# Following the drawing: each hidden layer shows its most active neurons, in one or two columns of cells of
# at least READABLE_CELL px (11 px dots: a student in the last row of a lecture hall still sees each one).
MOST_ACTIVE = 32
FOLDED_COLUMNS = 2
READABLE_CELL = 15


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
