"""What the diagram marks on top of the reading: poked neurons, the winner's ring, a correction's changes."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

CHANGES_S = 3.0  # how long the connections a correction changed most stay drawn


class MarksMixin:
    """Marks: neurons poked by probes, rings around the winner and the hovered node, changed connections."""

    def show_changes(self, weight_change: tuple[np.ndarray, ...] | None) -> None:
        """For CHANGES_S seconds draw the connections that changed most (red: the weight grew, blue: it
        shrank), e.g. what a correction taught; None goes back to the usual connections."""
        fits = weight_change is not None and [w.shape for w in weight_change] == [w.shape for w in self._weights]
        self._changes = tuple(weight_change) if fits else None
        if self._changes is not None:
            self._changes_timer.start()
        else:
            self._changes_timer.stop()
        self._pick_edges()
        self._draw_edges()

    def changes_shown(self) -> bool:
        """True while the connections drawn are a correction's changes."""
        return self._changes is not None

    def set_marked(self, silenced: dict[int, set[int]], clamped: dict[int, set[int]]) -> None:
        """Mark poked neurons (layer -> indices): silenced ones crossed out, clamped ones in a square, so they
        are told apart without colour."""
        self._marked = (silenced, clamped)
        self._reshow()
        self._colour_nodes()
        self._draw_probe_marks()

    def marked(self) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
        return self._marked

    def probe_marks_drawn(self) -> bool:
        """Whether any poked neuron is marked on screen now."""
        return not self._marks.path().isEmpty()

    def _draw_probe_marks(self) -> None:
        path = QPainterPath()
        if self._layout is not None:
            for shape, marked in enumerate(self._marked):
                for layer, neurons in marked.items():
                    if layer >= len(self._slot_of):
                        continue
                    r = self._layout.dot(layer) * 0.6
                    for neuron in neurons:
                        slot = int(self._slot_of[layer][neuron]) if neuron < len(self._slot_of[layer]) else -1
                        if slot < 0:
                            continue
                        x, y = self._layout.positions[layer][slot]
                        if shape == 0:
                            path.moveTo(x - r, y - r)
                            path.lineTo(x + r, y + r)
                            path.moveTo(x - r, y + r)
                            path.lineTo(x + r, y - r)
                        else:
                            path.addRect(QRectF(x - r, y - r, 2 * r, 2 * r))
        self._marks.setPath(path)

    def _draw_marks(self) -> None:
        """Rings around the winning output and around the hovered node."""
        last = len(self._sizes) - 1
        hovered = self._focus if self._focus is not None and self._focus[0] > 0 else None
        targets = [None if self._winner is None else (last, self._winner), hovered]
        for ring, target in zip(self._rings, targets):
            slot = -1 if target is None else int(self._slot_of[target[0]][target[1]])
            if slot < 0:
                ring.hide()
                continue
            layer = target[0]
            x, y = self._layout.positions[layer][slot]
            radius = self._layout.dot(layer) / 2 + 4
            ring.setRect(QRectF(x - radius, y - radius, 2 * radius, 2 * radius))
            ring.show()
