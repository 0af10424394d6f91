"""What the diagram shows, read back: for tests, screenshots and the views that sit beside it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from nnviz.app.widgets.diagram.stage import Stage


class ReadoutMixin:
    """Read-only questions about what is drawn now."""

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
