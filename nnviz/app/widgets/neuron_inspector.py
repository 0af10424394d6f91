"""The neuron inspector: click a node in the diagram and see what it computes for the current drawing.

Its incoming weights (a 28x28 image for the first hidden layer, one bar per input neuron otherwise,
red for positive and blue for negative), its bias, and its sum written out with the real numbers of the
largest terms (see :mod:`nnviz.nn.explain`), then the activation applied to it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnviz.app.exportable import ExportSpec, Table
from nnviz.app.colormaps import DIVERGING, NEGATIVE, POSITIVE, map_diverging
from nnviz.app.painting import background_colour, legible_font
from nnviz.app.plot_axes import plain_plot
from nnviz.nn.explain import NeuronTerms, neuron_terms

SIDE = 28


def layer_name(layer: int, n_layers: int) -> str:
    if layer == n_layers:
        return QCoreApplication.translate("NeuronInspector", "output")
    return QCoreApplication.translate("NeuronInspector", "hidden layer {0}").format(layer)


class NeuronInspector(QWidget):
    """``show_neuron(network, layer, index, trace)``; ``refresh(network, trace)`` keeps the same neuron."""

    EXPORT = ExportSpec("neuron", QT_TRANSLATE_NOOP("Export", "Neuron inspector"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("neuronInspector")
        self._node: tuple[int, int] | None = None
        self._terms: NeuronTerms | None = None
        self._reading = None  # the newest reading, drawn (or not yet: _stale)
        self._stale = False
        self.title = QLabel(self.tr("Click a neuron in the network diagram"))
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
        self.plot = plain_plot(background=background_colour(self))
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

    def set_reading(self, reading) -> None:
        """Follow a new reading (:class:`~nnviz.appmodel.reading.Reading`): redrawn now when on screen, else
        when shown or exported."""
        self._reading, self._stale = reading, True
        if self.isVisible():
            self._catch_up()

    def _catch_up(self) -> None:
        if self._stale and self._reading is not None:
            self._stale = False
            self.refresh(self._reading.network(), self._reading.trace)

    def showEvent(self, event) -> None:
        self._catch_up()
        super().showEvent(event)

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
            self.title.setText(self.tr("That neuron is gone (the network changed): click another"))
            return
        if layer == 0:
            self._show_input_pixel(index, trace)
            return
        terms = neuron_terms(network, layer, index, trace)
        self._terms = terms
        n_layers = len(sizes) - 1
        title = self.tr("{0}, neuron {1}").format(layer_name(layer, n_layers).capitalize(), index)
        self.title.setText(self.tr("{0} (digit {1})").format(title, index) if layer == n_layers else title)
        activation = network.output if layer == n_layers else network.activation
        if terms.z is None:
            self.values.setText(self.tr("bias b = {0}   ·   activation: {1}").format(f"{terms.bias:.3f}", activation))
            self.formula.setText(self.tr("z = Σ w·a + b: draw a digit to see the numbers"))
        else:
            self.values.setText(self.tr("z = {0}   →   a = {1}(z) = {2}   ·   bias b = {3}").format(
                f"{terms.z:.3f}", activation, f"{terms.a:.3f}", f"{terms.bias:.3f}"))
            self.formula.setText(terms.formula(more=self.tr("{0} more")))
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
            self.plot.setLabel("bottom", self.tr("input column"))
            self.plot.setLabel("left", self.tr("input row"))
            self.plot.setToolTip(self.tr("Its 784 incoming weights as the 28×28 picture it responds to: "
                                         "red pixels excite it, blue ones inhibit it"))
        else:
            self._image.hide()
            self._bars.show()
            colours = [pg.mkBrush(POSITIVE if w >= 0 else NEGATIVE) for w in weights]
            self._bars.setOpts(x=np.arange(len(weights)), height=weights, width=0.8, brushes=colours, pen=None)
            self.plot.getViewBox().invertY(False)
            self.plot.getViewBox().setAspectLocked(False)
            self.plot.setRange(xRange=(-1, len(weights)), yRange=(-limit, limit), padding=0.05)
            self.plot.setLabel("bottom", self.tr("neuron of the layer before"))
            self.plot.setLabel("left", self.tr("weight"))
            self.plot.setToolTip(self.tr("One bar per incoming weight, from each neuron of the previous layer"))

    def _show_input_pixel(self, index: int, trace) -> None:
        row, col = divmod(index, SIDE)
        self._terms = None
        self.title.setText(self.tr("Input pixel ({0}, {1})").format(row, col))
        value = None if trace is None else float(trace.a[0][0, index])
        self.values.setText(self.tr("no drawing") if value is None
                            else self.tr("a = {0} (0 black .. 1 white)").format(f"{value:.3f}"))
        self.formula.setText(self.tr("Input neurons compute nothing: each holds one pixel of the 28×28 picture."))
        self._image.hide()
        self._bars.hide()

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        self._catch_up()  # it may have been hidden
        terms = self.terms()
        if terms is None:
            return None
        inputs = terms.inputs if terms.inputs is not None else np.full(len(terms.weights), np.nan)
        rows = np.column_stack([np.arange(len(terms.weights)), terms.weights, inputs, terms.weights * inputs])
        return ["input_neuron", "weight", "input_activation", "product"], rows
