"""The hidden-layer map: how a hidden layer arranges ~2,000 test digits, flattened to 2-D by PCA.

Each dot is a test digit at the first two principal components of its activations in the chosen
layer, coloured by its true label and shaped by it too (the app's categorical palette and markers, told
apart also by colour-blind eyes), with the digit written at the middle of its cluster; the user's drawing
is the large white star, projected with the same components, so it moves among the clusters as the pen
moves. During training the map is redone each epoch and the clusters visibly pull apart.

The forward pass and the SVD (tens of milliseconds) run on a plain thread with a copy of the network,
so the window keeps drawing; only the newest result is shown. (Not at a lower priority: a thread that
holds the GIL and is kept off the CPU would stall the window instead.)
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnviz.app.exportable import ExportSpec, Table, rows_table
from nnviz.app.colormaps import CATEGORICAL, MARKERS
from nnviz.app.painting import background_colour, legible_font, readable_on
from nnviz.app.plot_axes import plain_plot
from nnviz.app.widgets.marker_legend import MarkerLegend
from nnviz.app.background import BackgroundTask
from nnviz.nn.pca import PCA, fit_pca

SAMPLE = 2000
DOT_PX = 7  # large enough for the markers' shapes to be told apart
NAME_CLEARANCE = 0.06  # of the map's extent: two digits' names closer than this would overlap


class HiddenMapView(QWidget):
    """``set_samples(x, y)`` once, ``refresh(net)`` for new weights, ``set_drawing(trace)`` as the pen moves."""

    EXPORT = ExportSpec("hidden-layer-map", QT_TRANSLATE_NOOP("Export", "Hidden-layer map"))

    layerChanged = Signal(int)
    mapped = Signal()  # a new map is shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hiddenMap")
        self._x: np.ndarray | None = None
        self._y: np.ndarray | None = None
        self._pca: PCA | None = None
        self._layer = 1
        self._task = BackgroundTask("nnviz-hidden-map", self)
        self._task.succeeded.connect(self._show_map)
        self._task.failed.connect(self._show_error)
        self.layer_box = QComboBox()
        self.layer_box.setObjectName("hiddenMapLayer")
        self.layer_box.currentIndexChanged.connect(self._layer_chosen)
        self.caption = QLabel(self.tr("Evaluate or train to load the test digits for the map."))
        self.caption.setWordWrap(True)
        self.plot = plain_plot(background=background_colour(self))
        self.plot.setMenuEnabled(False)
        self.plot.setLabel("bottom", self.tr("principal component 1"))
        self.plot.setLabel("left", self.tr("principal component 2"))
        self._scatters, self._names = [], []
        for digit, (colour, marker) in enumerate(zip(CATEGORICAL, MARKERS)):
            item = pg.ScatterPlotItem(size=DOT_PX, symbol=marker, pen=pg.mkPen(colour, width=1.2) if marker in "x+"
                                      else None, brush=pg.mkBrush(colour))
            self.plot.addItem(item)
            self._scatters.append(item)
            name = pg.TextItem(str(digit), color=readable_on(colour), fill=pg.mkBrush(colour),
                               border=pg.mkPen(background_colour(self), width=2), anchor=(0.5, 0.5))
            name.setFont(legible_font(self, 1.3, bold=True))
            name.setZValue(5)  # over the dots, under the drawing's star
            name.hide()
            self.plot.addItem(name)
            self._names.append(name)
        self._drawing = pg.ScatterPlotItem(size=24, symbol="star", pen=pg.mkPen("#000000", width=1.5),
                                           brush=pg.mkBrush("#FFFFFF"))
        self._drawing.setZValue(10)
        self.plot.addItem(self._drawing)
        # beside the map, not on it: it never hides a dot
        self.legend = MarkerLegend([*((colour, marker, str(digit)) for digit, (colour, marker)
                                      in enumerate(zip(CATEGORICAL, MARKERS))), ("#FFFFFF", "star", self.tr("your drawing"))])
        plot_row = QHBoxLayout()
        plot_row.addWidget(self.plot, 1)
        plot_row.addWidget(self.legend)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer")))
        top.addWidget(self.layer_box)
        top.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(plot_row, 1)

    # ------------------------------------------------------------------ public API
    def has_samples(self) -> bool:
        return self._x is not None

    def set_samples(self, x: np.ndarray, y: np.ndarray, n: int = SAMPLE) -> None:
        """The digits to map: the first ``n`` of a labelled set (the test set's first 2,000 cover all digits)."""
        self._x, self._y = np.asarray(x[:n]), np.asarray(y[:n])

    def samples(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(images, labels) of the digits mapped, or None before they are read."""
        return None if self._x is None else (self._x, self._y)

    def layer(self) -> int:
        return self._layer

    def pca(self) -> PCA | None:
        return self._pca

    def points(self, digit: int) -> np.ndarray:
        """(m, 2) positions of the dots of ``digit``."""
        xs, ys = self._scatters[digit].getData()
        return np.column_stack([xs, ys])

    def digit_label(self, digit: int) -> tuple[str, np.ndarray] | None:
        """The name written on ``digit``'s cluster and where, or None when it is not shown."""
        name = self._names[digit]
        return (name.toPlainText(), np.array([name.pos().x(), name.pos().y()])) if name.isVisible() else None

    def drawing_point(self) -> np.ndarray | None:
        xs, ys = self._drawing.getData()
        return np.array([xs[0], ys[0]]) if len(xs) else None

    def invalidate(self, message: str | None = None) -> None:
        """Forget the map (and any result still being computed): it belongs to a network that is gone.
        ``message`` says why (by default: the network changed)."""
        self._task.drop()
        self._pca = None
        for item, name in zip(self._scatters, self._names):
            item.setData([], [])
            name.hide()
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
        net, x, layer = net.copy(), self._x, self._layer
        self._task.start(lambda progress: self.compute(net, x, layer))

    @staticmethod
    def compute(net, x: np.ndarray, layer: int) -> tuple[PCA, np.ndarray]:
        """The map itself: (the PCA of layer ``layer``'s activations for ``x``, every digit's 2-D position)."""
        hidden = net.forward(x).a[layer]
        pca = fit_pca(hidden, k=2)
        return pca, pca.project(hidden)

    def _show_error(self, error: Exception) -> None:
        self.caption.setText(self.tr("The map could not be computed: {0}: {1}").format(type(error).__name__, error))

    def _show_map(self, result: tuple[PCA, np.ndarray]) -> None:
        pca, coords = result
        self._pca = pca
        centres = {}
        for digit, item in enumerate(self._scatters):
            mine = coords[self._y == digit]
            item.setData(mine[:, 0], mine[:, 1])
            if len(mine):
                centres[digit] = np.median(mine, axis=0)  # the middle of the cluster, not pulled by stragglers
        self._place_names(centres, np.ptp(coords, axis=0) if len(coords) else np.ones(2))
        share = 100 * self._pca.explained.sum()
        self.caption.setText(self.tr("{0} test digits; the two components show {1} % of the layer's variance")
                             .format(f"{len(self._x):,}", f"{share:.0f}"))
        self.mapped.emit()

    def _place_names(self, centres: dict[int, np.ndarray], span: np.ndarray) -> None:
        """Each digit's name at the middle of its cluster; a name that would sit on one placed before moves
        just above or below its point, so that no digit hides another's name."""
        placed = []
        for digit, name in enumerate(self._names):
            name.setVisible(digit in centres)
            if digit not in centres:
                continue
            centre = centres[digit]
            crowded = sum(bool(np.all(np.abs(centre - other) < NAME_CLEARANCE * span)) for other in placed)
            name.setAnchor((0.5, (0.5, 1.3, -0.3)[min(crowded, 2)]))  # on it, above it, below it
            name.setPos(*centre)
            placed.append(centre)

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

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        if self.pca() is None:
            return None
        return rows_table(["digit", "pc1", "pc2"], [(digit, x, y) for digit in range(10) for x, y in self.points(digit)])

    def export_picture(self) -> QWidget:
        """The part of this view that File → Export pictures."""
        return self.plot
