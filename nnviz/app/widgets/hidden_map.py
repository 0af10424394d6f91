"""The hidden-layer map: how a hidden layer arranges ~2,000 test digits, flattened to 2-D by PCA.

Each dot is a test digit at the first two principal components of its activations in the chosen
layer, coloured by its true label; the user's drawing is the large white star, projected with the
same components, so it moves among the clusters as the pen moves. During training the map is redone
each epoch and the clusters visibly pull apart.

The forward pass and the SVD (tens of milliseconds) run on a plain thread with a copy of the network,
so the window keeps drawing; only the newest result is shown. (Not at a lower priority: a thread that
holds the GIL and is kept off the CPU would stall the window instead.)
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnviz.app.painting import background_colour
from nnviz.app.plot_axes import plain_plot
from nnviz.app.worker import call_in_thread
from nnviz.nn.pca import PCA, fit_pca

# Ten colours told apart with the common colour-vision deficiencies (Okabe-Ito, plus two neutrals).
DIGIT_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2",
                 "#D55E00", "#CC79A7", "#999999", "#FFFFFF", "#8C564B")
SAMPLE = 2000


class HiddenMapView(QWidget):
    """``set_samples(x, y)`` once, ``refresh(net)`` for new weights, ``set_drawing(trace)`` as the pen moves."""

    layerChanged = Signal(int)
    mapped = Signal()  # a new map is shown
    _computed = Signal(object, object)  # ((generation, (pca, coords)) or None, error or None) from the thread

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hiddenMap")
        self._x: np.ndarray | None = None
        self._y: np.ndarray | None = None
        self._pca: PCA | None = None
        self._layer = 1
        self._generation = 0
        self._computed.connect(self._show_map)
        self.layer_box = QComboBox()
        self.layer_box.setObjectName("hiddenMapLayer")
        self.layer_box.currentIndexChanged.connect(self._layer_chosen)
        self.caption = QLabel(self.tr("Evaluate or train to load the test digits for the map."))
        self.caption.setWordWrap(True)
        self.plot = plain_plot(background=background_colour(self))
        self.plot.setMenuEnabled(False)
        self.plot.setLabel("bottom", self.tr("principal component 1"))
        self.plot.setLabel("left", self.tr("principal component 2"))
        self.plot.addLegend(offset=(5, 5), labelTextSize="9pt")
        self._scatters = []
        for digit, colour in enumerate(DIGIT_COLOURS):
            item = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(colour), name=str(digit))
            self.plot.addItem(item)
            self._scatters.append(item)
        self._drawing = pg.ScatterPlotItem(size=24, symbol="star", pen=pg.mkPen("#000000", width=1.5),
                                           brush=pg.mkBrush("#FFFFFF"), name=self.tr("your drawing"))
        self._drawing.setZValue(10)
        self.plot.addItem(self._drawing)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer")))
        top.addWidget(self.layer_box)
        top.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)

    # ------------------------------------------------------------------ public API
    def has_samples(self) -> bool:
        return self._x is not None

    def set_samples(self, x: np.ndarray, y: np.ndarray, n: int = SAMPLE) -> None:
        """The digits to map: the first ``n`` of a labelled set (the test set's first 2,000 cover all digits)."""
        self._x, self._y = np.asarray(x[:n]), np.asarray(y[:n])

    def layer(self) -> int:
        return self._layer

    def pca(self) -> PCA | None:
        return self._pca

    def points(self, digit: int) -> np.ndarray:
        """(m, 2) positions of the dots of ``digit``."""
        xs, ys = self._scatters[digit].getData()
        return np.column_stack([xs, ys])

    def drawing_point(self) -> np.ndarray | None:
        xs, ys = self._drawing.getData()
        return np.array([xs[0], ys[0]]) if len(xs) else None

    def invalidate(self, message: str | None = None) -> None:
        """Forget the map (and any result still being computed): it belongs to a network that is gone.
        ``message`` says why (by default: the network changed)."""
        self._generation += 1
        self._pca = None
        for item in self._scatters:
            item.setData([], [])
        self._drawing.setData([], [])
        self.caption.setText(self.tr("The network changed: the map is being redone.") if message is None else message)

    def refresh(self, net) -> None:
        """Recompute the map with ``net``'s weights, in the background; ``mapped`` fires when it is shown."""
        self._set_layers(len(net.sizes) - 2)
        if len(net.sizes) < 3:
            self.invalidate(self.tr("This network has no hidden layer to map."))
            return
        if self._x is None:
            return
        self._generation += 1
        generation, net, x, layer = self._generation, net.copy(), self._x, self._layer
        call_in_thread(lambda: (generation, self.compute(net, x, layer)), self._computed, "nnviz-hidden-map")

    @staticmethod
    def compute(net, x: np.ndarray, layer: int) -> tuple[PCA, np.ndarray]:
        """The map itself: (the PCA of layer ``layer``'s activations for ``x``, every digit's 2-D position)."""
        hidden = net.forward(x).a[layer]
        pca = fit_pca(hidden, k=2)
        return pca, pca.project(hidden)

    def _show_map(self, result, error) -> None:
        if error is not None:
            self.caption.setText(self.tr("The map could not be computed: {0}: {1}").format(type(error).__name__, error))
            return
        generation, (pca, coords) = result
        if generation != self._generation:
            return  # a newer map is on its way
        self._pca = pca
        for digit, item in enumerate(self._scatters):
            mine = coords[self._y == digit]
            item.setData(mine[:, 0], mine[:, 1])
        share = 100 * self._pca.explained.sum()
        self.caption.setText(self.tr("{0} test digits; the two components show {1} % of the layer's variance")
                             .format(f"{len(self._x):,}", f"{share:.0f}"))
        self.mapped.emit()

    def set_drawing(self, trace) -> None:
        """Mark the current drawing (a one-input forward ``Trace``), or remove the mark (None)."""
        if (trace is None or self._pca is None or self._layer >= len(trace.a) - 1
                or trace.a[self._layer].shape[1] != self._pca.mean.shape[0]):  # a map of another network
            self._drawing.setData([], [])
            return
        x, y = self._pca.project(trace.a[self._layer][0])
        self._drawing.setData([x], [y])

    # ------------------------------------------------------------------ internals
    def _set_layers(self, n_hidden: int) -> None:
        if self.layer_box.count() == n_hidden:
            return
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        self.layer_box.addItems([self.tr("hidden {0}").format(l) for l in range(1, n_hidden + 1)])
        self._layer = min(self._layer, max(1, n_hidden))
        self.layer_box.setCurrentIndex(self._layer - 1)
        self.layer_box.blockSignals(False)

    def _layer_chosen(self, index: int) -> None:
        if index >= 0:
            self._layer = index + 1
            self.layerChanged.emit(self._layer)
