"""Which neurons and connections are worth drawing: the strongest weights or contributions, the most active
neurons (NumPy only: it runs at every pen movement)."""

from __future__ import annotations

import numpy as np

DRAWING, WEIGHTS = "drawing", "weights"  # what the connections show: contributions for this drawing, or weights
EDGE_MODES = (DRAWING, WEIGHTS)
TOP_K = 4  # strongest incoming connections drawn per hidden neuron
OUTPUT_TOP_K = 6  # the ten outputs can afford a few more
EDGE_BUDGET = 150  # at most this many edges per weight layer: the strongest of the top-K candidates
STRENGTH_STEPS = (0.45, 0.65, 0.85)  # |w| / (layer's largest drawn |w|) where an edge gets a stronger pen
INACTIVE_SHARE = 0.05  # |a| below this share of the layer's largest |a|: drawn as an empty ring


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


def largest(values: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest |values|."""
    k = min(k, len(values))
    return np.argpartition(np.abs(values), len(values) - k)[len(values) - k:]
