"""What a view declares so that File → Export and its right-click menu can save it: its name and title
(``EXPORT``), the numbers behind it (``export_table()``) and, when only a part of it is the picture,
that part (``export_picture()``). The window lists its views (``exportable_views()``); the export module
knows nothing else of them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

Table = tuple[list[str] | None, np.ndarray]  # (column names or None for a plain matrix, rows)


@dataclass(frozen=True)
class ExportSpec:
    name: str  # file-name friendly, e.g. "confusion-matrix"
    title: str  # for menus and dialogs: a QT_TRANSLATE_NOOP("Export", ...) source


def rows_table(header: list[str], rows: list[tuple]) -> Table | None:
    """A table of mixed columns, or None when there is nothing in it yet."""
    return (header, np.array(rows, dtype=object)) if rows else None


def matrix_table(values) -> Table | None:
    return None if values is None else (None, np.asarray(values))


def activation_table(layers: list[np.ndarray] | None, first_layer: int = 0) -> Table | None:
    """One row per neuron: (layer, neuron, activation), layers numbered from ``first_layer``."""
    if layers is None:
        return None
    rows = [(layer, j, float(v)) for layer, a in enumerate(layers, start=first_layer) for j, v in enumerate(a)]
    return ["layer", "neuron", "activation"], np.array(rows, dtype=object)
