"""Weight and gradient histograms per layer, live during training.

Two plots share a colour per layer: the distribution of each layer's weights (watch L1 pile them at
zero, L2 shrink them evenly) and of the last step's gradients on a log-|g| scale (watch them vanish
in the early layers of a deep sigmoid network, or explode when the learning rate is too high).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnviz.app.exportable import ExportSpec, Table, rows_table
from nnviz.app.colormaps import CATEGORICAL
from nnviz.app.layer_names import weights_name
from nnviz.app.painting import background_colour
from nnviz.app.plot_axes import plain_plot

BINS = 60
SAMPLE = 40_000  # values per layer that make a histogram: the shape of 200,000 is the same, 5x cheaper


def _sample(values) -> np.ndarray:
    """Every k-th value, at most SAMPLE of them (weights are in no particular order, so this is fair)."""
    flat = np.asarray(values).reshape(-1)
    return flat[:: -(-flat.size // SAMPLE)] if flat.size > SAMPLE else flat


def weight_histogram(w: np.ndarray, bins: int = BINS) -> tuple[np.ndarray, np.ndarray]:
    """(edges (bins+1,), share of the weights in each bin (bins,)) over a range symmetric around 0 (from at
    most SAMPLE of them)."""
    w = _sample(w)
    limit = float(np.abs(w).max()) or 1.0
    counts, edges = np.histogram(w, bins=bins, range=(-limit, limit))
    return edges, counts / max(1, w.size)


def gradient_histogram(g: np.ndarray, bins: int = BINS, low: float = -12.0, high: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """(edges in log10 |g|, share per bin) from 1e-12 to 10; zeros go in the lowest bin."""
    magnitude = np.log10(np.maximum(np.abs(_sample(g).astype(np.float64)), 10.0**low))
    counts, edges = np.histogram(np.clip(magnitude, low, high), bins=bins, range=(low, high))
    return edges, counts / max(1, magnitude.size)


class HistogramsView(QWidget):
    """``set_snapshot(snapshot)``: weights (and gradients, once a step was taken) of every layer."""

    EXPORT = ExportSpec("histograms", QT_TRANSLATE_NOOP("Export", "Weight and gradient histograms"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("histograms")
        self.weights_plot = plain_plot(background=background_colour(self))
        self.weights_plot.setObjectName("weightHistogram")
        self.weights_plot.setLabel("bottom", self.tr("weight"))
        self.weights_plot.setLabel("left", self.tr("% of the layer"))
        self.gradients_plot = plain_plot(background=background_colour(self))
        self.gradients_plot.setObjectName("gradientHistogram")
        self.gradients_plot.setLabel("bottom", self.tr("log10 |gradient| of the last step"))
        self.gradients_plot.setLabel("left", self.tr("% of the layer"))
        for plot in (self.weights_plot, self.gradients_plot):
            plot.setMenuEnabled(False)
            plot.addLegend(offset=(-5, 5), labelTextSize="9pt")
        self._curves: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []
        self.note = QLabel(self.tr("Gradients appear once training has taken a step."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.weights_plot, 1)
        layout.addWidget(self.gradients_plot, 1)
        layout.addWidget(self.note)

    def set_snapshot(self, snapshot) -> None:
        self._ensure_curves(len(snapshot.weights))
        for l, (weights_curve, gradients_curve) in enumerate(self._curves):
            edges, share = weight_histogram(snapshot.weights[l])
            weights_curve.setData(edges, 100 * share)
            if snapshot.gradients:
                edges, share = gradient_histogram(snapshot.gradients[l])
                gradients_curve.setData(edges, 100 * share)
            else:
                gradients_curve.setData([], [])
        self.note.setVisible(not snapshot.gradients)

    def layer_count(self) -> int:
        return len(self._curves)

    def curve_data(self, kind: str, layer: int) -> tuple[np.ndarray, np.ndarray]:
        """The (bin edges, % per bin) drawn for ``kind`` ("weights" or "gradients") of ``layer`` (0-based)."""
        curve = self._curves[layer][0 if kind == "weights" else 1]
        x, y = curve.getData()
        return (np.array([]), np.array([])) if x is None else (x, y)

    def _ensure_curves(self, n_layers: int) -> None:
        if len(self._curves) == n_layers:
            return
        for plot in (self.weights_plot, self.gradients_plot):
            for item in plot.listDataItems():
                plot.removeItem(item)
            plot.plotItem.legend.clear()
        self._curves = []
        for l in range(n_layers):
            pen = pg.mkPen(CATEGORICAL[l % len(CATEGORICAL)], width=2)
            name = weights_name(l + 1, n_layers)  # "input → hidden 1": the same names as the diagram's
            self._curves.append((self.weights_plot.plot([], [], stepMode="center", pen=pen, name=name),
                                 self.gradients_plot.plot([], [], stepMode="center", pen=pen, name=name)))

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        rows = []
        for kind in ("weights", "gradients"):
            for layer in range(self.layer_count()):
                edges, percent = self.curve_data(kind, layer)
                rows += [(kind, layer + 1, lo, hi, p) for lo, hi, p in zip(edges[:-1], edges[1:], percent)]
        return rows_table(["kind", "layer", "bin_low", "bin_high", "percent"], rows)
