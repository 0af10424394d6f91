"""The neuron inspector: click a node in the diagram and see what it computes for the current drawing.

Its incoming weights (a 28x28 image for the first hidden layer, one bar per input neuron otherwise,
red for positive and blue for negative), its bias, and its sum written out with the real numbers of the
largest terms (see :mod:`nnviz.nn.explain`), then the activation applied to it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnviz.app.colormaps import DIVERGING, NEGATIVE, POSITIVE, map_diverging
from nnviz.app.painting import background_colour, legible_font
from nnviz.nn.explain import NeuronTerms, neuron_terms

SIDE = 28


def layer_name(layer: int, n_layers: int) -> str:
    return "output" if layer == n_layers else f"hidden layer {layer}"


class NeuronInspector(QWidget):
    """``show_neuron(network, layer, index, trace)``; ``refresh(network, trace)`` keeps the same neuron."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("neuronInspector")
        self._node: tuple[int, int] | None = None
        self._terms: NeuronTerms | None = None
        self.title = QLabel("Click a neuron in the network diagram")
        self.title.setObjectName("inspectorTitle")
        self.title.setFont(legible_font(self, 1.15, bold=True))
        self.title.setWordWrap(True)
        self.values = QLabel("")
        self.values.setObjectName("inspectorValues")
        self.values.setFont(legible_font(self, 1.05))
        self.formula = QLabel("")
        self.formula.setObjectName("inspectorFormula")
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula.setFont(legible_font(self, 1.05))
        self.plot = pg.PlotWidget(background=background_colour(self))
        self.plot.setMinimumHeight(160)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self._image = pg.ImageItem(axisOrder="row-major")
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.8)
        self.plot.addItem(self._image)
        self.plot.addItem(self._bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for widget in (self.title, self.values):
            layout.addWidget(widget)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.formula)

    # ------------------------------------------------------------------ public API
    def node(self) -> tuple[int, int] | None:
        return self._node

    def terms(self) -> NeuronTerms | None:
        return self._terms

    def show_neuron(self, network, layer: int, index: int, trace=None) -> None:
        """Inspect neuron ``index`` of ``layer`` (1 .. L; 0, an input pixel, shows the pixel's value)."""
        self._node = (layer, index)
        self.refresh(network, trace)

    def refresh(self, network, trace=None) -> None:
        """Redraw the inspected neuron with new weights and/or a new drawing."""
        if self._node is None or network is None:
            return
        layer, index = self._node
        sizes = tuple(network.sizes)
        if not (0 <= layer < len(sizes) and 0 <= index < sizes[layer]):
            self._node, self._terms = None, None
            self.title.setText("That neuron is gone (the network changed): click another")
            return
        if layer == 0:
            self._show_input_pixel(index, trace)
            return
        terms = neuron_terms(network, layer, index, trace)
        self._terms = terms
        n_layers = len(sizes) - 1
        label = f" (digit {index})" if layer == n_layers else ""
        self.title.setText(f"{layer_name(layer, n_layers).capitalize()}, neuron {index}{label}")
        activation = network.output if layer == n_layers else network.activation
        if terms.z is None:
            self.values.setText(f"bias b = {terms.bias:.3f}   ·   activation: {activation}")
        else:
            self.values.setText(f"z = {terms.z:.3f}   →   a = {activation}(z) = {terms.a:.3f}   ·   bias b = {terms.bias:.3f}")
        self.formula.setText(terms.formula())
        self._draw_weights(terms.weights)

    # ------------------------------------------------------------------ drawing
    def _draw_weights(self, weights: np.ndarray) -> None:
        limit = float(np.abs(weights).max()) or 1.0
        if len(weights) == SIDE * SIDE:
            self._bars.hide()
            self._image.show()
            self._image.setImage(map_diverging(weights.reshape(SIDE, SIDE), limit, DIVERGING), autoLevels=False)
            self.plot.getViewBox().invertY(True)
            self.plot.getViewBox().setAspectLocked(True)
            self.plot.setRange(xRange=(0, SIDE), yRange=(0, SIDE), padding=0.02)
            self.plot.setLabel("bottom", "input column")
            self.plot.setLabel("left", "input row")
            self.plot.setToolTip("Its 784 incoming weights as the 28×28 picture it responds to: "
                                 "red pixels excite it, blue ones inhibit it")
        else:
            self._image.hide()
            self._bars.show()
            colours = [pg.mkBrush(POSITIVE if w >= 0 else NEGATIVE) for w in weights]
            self._bars.setOpts(x=np.arange(len(weights)), height=weights, width=0.8, brushes=colours, pen=None)
            self.plot.getViewBox().invertY(False)
            self.plot.getViewBox().setAspectLocked(False)
            self.plot.setRange(xRange=(-1, len(weights)), yRange=(-limit, limit), padding=0.05)
            self.plot.setLabel("bottom", "neuron of the layer before")
            self.plot.setLabel("left", "weight")
            self.plot.setToolTip("One bar per incoming weight, from each neuron of the previous layer")

    def _show_input_pixel(self, index: int, trace) -> None:
        row, col = divmod(index, SIDE)
        self._terms = None
        self.title.setText(f"Input pixel ({row}, {col})")
        value = None if trace is None else float(trace.a[0][0, index])
        self.values.setText("no drawing" if value is None else f"a = {value:.3f} (0 black .. 1 white)")
        self.formula.setText("Input neurons compute nothing: each holds one pixel of the 28×28 picture.")
        self._image.hide()
        self._bars.hide()
