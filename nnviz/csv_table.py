"""Numbers as a CSV table that a spreadsheet opens: the window's exports and ``nnviz report`` write the same."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np


def write_csv(path: str | Path, header: list[str] | None, rows) -> None:
    """``rows``: a 2-D array, a 1-D array (one value a row) or a list of rows. Floats are written in full
    (``repr``); NaN and infinities become empty cells."""
    if isinstance(rows, np.ndarray):
        rows = rows.reshape(len(rows), -1) if rows.ndim > 1 else rows.reshape(-1, 1)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        if header is not None:
            writer.writerow(header)
        writer.writerows([_cell(value) for value in row] for row in rows)


def _cell(value) -> str:
    if isinstance(value, (float, np.floating)):
        return repr(float(value)) if np.isfinite(value) else ""
    return str(value)
