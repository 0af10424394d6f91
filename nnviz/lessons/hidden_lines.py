"""Where each first-layer neuron of a two-input network changes its mind: its line z = w1 x + w2 y + b = 0.

A hidden neuron of the XOR and two-layer lessons splits the input plane along a straight line (tanh is 0
on it, sigmoid 0.5); the output neuron combines those half-planes into the bent boundary. Drawing the
lines shows how two straight cuts make a region no single line could.
"""

from __future__ import annotations

import numpy as np


def line_in_box(w: np.ndarray, b: float, extent: tuple[float, float, float, float]) -> np.ndarray | None:
    """(2, 2) end points (rows: points, the left one first; columns: x, y) of the line w[0] x + w[1] y + b = 0
    inside the box ``extent`` = (x0, x1, y0, y1), or None when it misses the box (or w is 0)."""
    x0, x1, y0, y1 = extent
    w0, w1 = float(w[0]), float(w[1])
    points = []
    if w1 != 0.0:  # where it crosses the left and right sides
        points += [(x, -(w0 * x + b) / w1) for x in (x0, x1)]
    if w0 != 0.0:  # and the bottom and top
        points += [(-(w1 * y + b) / w0, y) for y in (y0, y1)]
    tolerance = 1e-9 * max(abs(x1 - x0), abs(y1 - y0))
    inside = [p for p in points if x0 - tolerance <= p[0] <= x1 + tolerance and y0 - tolerance <= p[1] <= y1 + tolerance]
    if len(inside) < 2:
        return None
    pairs = [(np.hypot(p[0] - q[0], p[1] - q[1]), p, q) for i, p in enumerate(inside) for q in inside[i + 1:]]
    length, p, q = max(pairs)
    return np.array(sorted([p, q])) if length > tolerance else None


def hidden_lines(net, extent: tuple[float, float, float, float]) -> list[np.ndarray | None]:
    """For each neuron of ``net``'s first layer (its inputs must be two): :func:`line_in_box` of its z = 0."""
    W, b = np.asarray(net.weights[0], np.float64), np.asarray(net.biases[0], np.float64)
    if W.shape[0] != 2:
        raise ValueError(f"hidden lines need a network with two inputs, this one has {W.shape[0]}")
    return [line_in_box(W[:, j], b[j], extent) for j in range(W.shape[1])]
