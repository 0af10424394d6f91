"""A moment of a walk through one pass, as the diagram shows it (slow motion builds them)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.app.colormaps import SymLogScale

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
