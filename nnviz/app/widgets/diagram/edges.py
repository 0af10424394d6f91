"""The connections as lines: picked among the shown neurons, placed, batched by pen; the hovered node's own."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPen

from nnviz.app.widgets.diagram.items import line_list
from nnviz.app.widgets.diagram.selection import DRAWING, connections_among, largest, strength_bins

FOCUS_K = 12  # connections drawn in and out of the node under the mouse
EDGE_ALPHA = (0.18, 0.36, 0.66, 1.0)  # how much of the edge colour (vs the background) each strength shows
EDGE_WIDTH = (1.0, 1.0, 1.0, 1.6)  # antialiased lines wider than 1 px cost 2x to draw


class EdgesMixin:
    """Drawing the connections: the usual ones, a stage's, and the hovered node's strongest in and out."""

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
            chosen = largest(values, FOCUS_K)
            chosen = chosen[values[chosen] != 0]
            for sign in (0, 1):
                picked = chosen[(values[chosen] > 0) == bool(sign)]
                here = np.full(len(picked), index)
                src, dst = (picked, here) if ends == layer else (here, picked)
                lines[sign] += self._segments(ends, src, dst)
        rect = QRectF(0, 0, self._box.width(), self._box.height())
        self._focus_item.set_batches([(self._focus_pens[0], lines[0]), (self._focus_pens[1], lines[1])], rect)
        self._edge_item.setOpacity(0.3 * self._edge_opacity())
