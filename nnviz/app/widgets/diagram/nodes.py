"""The nodes as pictures: each layer's dots as one mosaic of sprites, and the input tile."""

from __future__ import annotations

import numpy as np

from nnviz.app.colormaps import DIVERGING, DIVERGING_DARK, SEQUENTIAL, diverging_index, map_sequential, sequential_index
from nnviz.app.painting import accent_text, background_colour, is_dark, text_colour
from nnviz.app.widgets.diagram.selection import activation_range, inactive
from nnviz.app.widgets.diagram.sprites import HOLLOW, IDLE, blend, disc_sprites, sprite_mosaic

INK = 0.1  # an input pixel above this value is lit: the tile draws it over the lines


class NodesMixin:
    """Colouring the nodes for the reading, a stage or the flow, and drawing the input tile."""

    def _signed_table(self) -> np.ndarray:
        """Signed values on this page: zero fades into the background (dark) or to white (light)."""
        return DIVERGING_DARK if is_dark(self) else DIVERGING

    def _sprites_for(self, layer: int, signed: bool = False) -> np.ndarray:
        if (layer, signed) not in self._sprites:
            ratio = self._view.devicePixelRatioF()
            cell = max(1, round(self._layout.cells[layer] * ratio))
            rim = background_colour(self).darker(160)
            table = self._signed_table() if signed else SEQUENTIAL
            self._sprites[layer, signed] = disc_sprites(cell, self._layout.dot(layer) * ratio, rim, table,
                                                        ring=text_colour(self, 150))
        return self._sprites[layer, signed]

    def _look(self, layer: int) -> str:
        if self._activations is None:
            return "idle"
        return "activation" if self._stage is None else self._stage.looks[layer]

    def _layer_mosaic(self, layer: int, look: str) -> np.ndarray:
        """The image of one layer's dots (layer >= 1) in one of the LOOKS."""
        last = len(self._sizes) - 1
        shown = self._shown[layer]
        if look == "signed":
            values = self._stage.signed[layer]
            scale = self._stage.scale
            index = (scale.index(values[shown]) if scale
                     else diverging_index(values[shown], float(np.abs(values).max()) or 1.0)).astype(np.intp)
        elif look == "activation":
            a = self._activations[layer]
            index = sequential_index(a[shown], *activation_range(a, layer, last)).astype(np.intp)
            if self._follow:
                index[inactive(a)[shown]] = HOLLOW
        else:
            index = np.full(len(shown), IDLE, np.intp)
        cols, rows = self._layout.grids[layer]
        return sprite_mosaic(self._sprites_for(layer, look == "signed"), index, cols, rows)

    def _colour_nodes(self) -> None:
        if self._sizes is None or self._layout is None:
            return
        a = self._activations
        last = len(self._sizes) - 1
        stage = self._stage
        for layer in range(1, last + 1):
            look = self._look(layer)
            mosaic = self._layer_mosaic(layer, look)
            if a is not None and stage is not None and stage.moving == layer and stage.progress < 1.0:
                mosaic = blend(self._layer_mosaic(layer, stage.was), mosaic, max(0.0, stage.progress))
            elif look == "activation" and self._lit(layer) < 1.0:
                mosaic = blend(self._layer_mosaic(layer, "idle"), mosaic, self._lit(layer))
            self._dots[layer - 1].set_array(mosaic, self._layout.blocks[layer])
        self._draw_tile()
        reading = self._look(last) == "activation" and self._lit(last) >= 1.0
        winner = int(np.argmax(a[last])) if reading else None
        if winner != self._winner:
            self._winner = winner
            for digit, item in enumerate(self._labels):
                plain = text_colour(self, 170 if a is not None else 200)
                item.setColor(accent_text(self) if digit == winner else plain)
            self._draw_marks()

    def _draw_tile(self) -> None:
        """The input as the network reads it; following the drawing, its lit pixels once more over the lines
        that start at them, so that the digit stays whole."""
        a = self._activations
        if a is None or self._look(0) == "idle":
            self._tile.hide()
            self._ink.hide()
            self._tile_hint.setVisible(a is None)
            return
        side = self._layout.tile_side
        tile = np.zeros(side * side, np.float32)
        tile[:len(a[0])] = a[0]
        px = round(self._layout.tile.width() * self._view.devicePixelRatioF())
        rgba = map_sequential(tile.reshape(side, side), 0.0, 1.0)
        self._tile.set_array(rgba, self._layout.tile, (px, px))
        self._tile.show()
        self._tile_hint.hide()
        if self._follow:
            ink = rgba.copy()
            ink[..., 3] = np.where(tile.reshape(side, side) > INK, 255, 0)
            self._ink.set_array(ink, self._layout.tile, (px, px))
        self._ink.setVisible(self._follow)
