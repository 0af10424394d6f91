"""Pointing at the diagram: which node is under the mouse, its highlight and tooltip, clicks."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QToolTip


class HoverMixin:
    """Hover highlights a node's strongest connections and tells its value; a click on a node is signalled."""

    def node_position(self, layer: int, index: int) -> QPointF | None:
        """Centre of a node (or input pixel) in the coordinates of ``graphics_view()``; None if it has no dot."""
        slot = int(self._slot_of[layer][index])
        if slot < 0:
            return None
        x, y = self._layout.positions[layer][slot]
        return self._view.mapFromScene(self._box.mapViewToScene(QPointF(x, y))).toPointF()

    def node_at(self, pos: QPointF) -> tuple[int, int] | None:
        """(layer, index) of the node or input pixel at ``pos`` in ``graphics_view()`` coordinates, if any."""
        if self._layout is None:
            return None
        point = self._box.mapSceneToView(self._view.mapToScene(pos.toPoint()))
        for layer, block in enumerate(self._layout.blocks):
            if not block.contains(point):
                continue
            cols, _ = self._layout.grids[layer]
            cell = self._layout.cells[layer]
            col = int((point.x() - block.x()) // cell)
            row = int((point.y() - block.y()) // cell)
            slot = row * cols + col
            if slot >= len(self._shown[layer]):
                return None
            if layer > 0:
                x, y = self._layout.positions[layer][slot]
                if math.hypot(point.x() - x, point.y() - y) > self._layout.dot(layer) / 2 + 1.5:
                    return None
            return layer, int(self._shown[layer][slot])
        return None

    def set_focus(self, node: tuple[int, int] | None) -> None:
        """Highlight one node's strongest connections (what hovering does); None removes the highlight."""
        if node == self._focus:
            return
        self._focus = node
        self._draw_focus()
        if self._layout is not None:
            self._draw_marks()

    def _hovered(self, scene_pos) -> None:
        node = self.node_at(self._view.mapFromScene(scene_pos).toPointF())
        self.set_focus(node)
        if node is None:
            QToolTip.hideText()
        else:
            where = self._view.mapToGlobal(self._view.mapFromScene(scene_pos))
            QToolTip.showText(where, self.describe_node(*node), self._view)

    def _clicked(self, event) -> None:
        if self.flowing():  # a click skips the flow
            self.finish_flow()
        node = self.node_at(self._view.mapFromScene(event.scenePos()).toPointF())
        if node is not None and event.button() == Qt.MouseButton.LeftButton:
            self.nodeClicked.emit(*node)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Leave:
            self.set_focus(None)
        return super().eventFilter(watched, event)
