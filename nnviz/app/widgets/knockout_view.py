"""Which neurons matter? The knock-out study: the accuracy on the test digits with each neuron of a layer
silenced in turn, one bar per neuron (how many points it costs), computed in the background a chunk of
neurons at a time (:func:`nnviz.nn.probe.knockout_steps`), the bars growing as the chunks come in."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from nnviz.app.exportable import ExportSpec, Table, rows_table
from nnviz.app.background import BackgroundTask
from nnviz.app.colormaps import NEGATIVE, POSITIVE
from nnviz.app.layer_names import layer_name
from nnviz.app.painting import background_colour
from nnviz.app.plot_axes import plain_plot
from nnviz.nn.probe import knockout_steps

TEST_DIGITS = 2000  # enough to rank the neurons (a 256-neuron study takes well under a second)
REDRAW_S = 0.15  # the bars are redrawn at most this often while the study runs (drawing 256 bars costs ms)


class KnockoutView(QWidget):
    """``run(net, X, y)`` studies the chosen layer; ``runRequested`` asks the owner for the test digits."""

    EXPORT = ExportSpec("knock-out", QT_TRANSLATE_NOOP("Export", "Knock-out study"))

    runRequested = Signal(int)  # the hidden layer to study (1 = the first)
    finished = Signal(object)  # (n,) accuracy with each neuron silenced

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("knockoutView")
        self._intact: float | None = None
        self._accuracy: np.ndarray | None = None
        self._sizes: tuple[int, ...] | None = None
        self._drawn_at = 0.0
        self.layer_box = QComboBox()
        self.run_button = QPushButton(self.tr("Knock out each neuron"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.sorted_check = QCheckBox(self.tr("sorted by cost"))
        self.progress = QProgressBar()
        self.caption = QLabel(self.tr("Silence each neuron of a layer in turn and measure the accuracy on the "
                                      "test digits: the tall bars are the neurons the network needs most."))
        self.caption.setWordWrap(True)
        self.plot = plain_plot(background=background_colour(self))
        self.plot.setLabel("left", self.tr("points lost"))
        self.plot.setLabel("bottom", self.tr("neuron"))
        self.plot.setMouseEnabled(x=False, y=False)
        self._bars: pg.BarGraphItem | None = None  # made with the first results: pyqtgraph's bars want data
        self._task = BackgroundTask("nnviz-knock-out", self)
        self._task.progressed.connect(self._chunk_done)
        self._task.succeeded.connect(self._study_done)
        self._task.failed.connect(self._study_failed)
        self._task.cancelled.connect(self._enable)
        self.run_button.clicked.connect(lambda: self.runRequested.emit(self.layer()))
        self.cancel_button.clicked.connect(self.cancel)
        self.sorted_check.toggled.connect(self._draw)
        top = QHBoxLayout()
        for widget in (self.layer_box, self.run_button, self.cancel_button, self.sorted_check):
            top.addWidget(widget)
        top.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        self._enable()

    def set_sizes(self, sizes) -> None:
        """The network's layer sizes: one choice per hidden layer."""
        sizes = tuple(sizes)
        if sizes == self._sizes:
            return
        self._sizes = sizes
        chosen = self.layer()
        self.layer_box.clear()
        last = len(sizes) - 1
        for layer in range(1, last):
            self.layer_box.addItem(f"{layer_name(layer, last)} ({sizes[layer]})", layer)
        self.layer_box.setCurrentIndex(max(0, self.layer_box.findData(chosen)))

    def layer(self) -> int:
        return self.layer_box.currentData() or 1

    def run(self, net, X: np.ndarray, y: np.ndarray) -> None:
        X, y = X[:TEST_DIGITS], y[:TEST_DIGITS]
        net = net.copy()
        steps = knockout_steps(net, self.layer(), X, y)  # checks the arguments here, where a mistake is reported

        def study(progress) -> np.ndarray:
            intact = float((net.predict_proba(X).argmax(axis=1) == y).mean())
            accuracy = None
            for step in steps:
                accuracy = step.accuracy
                progress(step.done, step.total, (intact, accuracy))
            return accuracy

        self._accuracy = self._intact = None
        self.progress.setValue(0)
        self._task.start(study)
        self._enable()

    def busy(self) -> bool:
        return self._task.running()

    def cancel(self) -> None:
        self._task.drop()
        self.progress.setValue(0)
        self._enable()

    def accuracy(self) -> np.ndarray | None:
        """(n,) the accuracy with each neuron silenced (NaN where not yet measured), as last shown."""
        return None if self._accuracy is None else self._accuracy.copy()

    def intact_accuracy(self) -> float | None:
        return self._intact

    def _chunk_done(self, done: int, total: int, result: tuple[float, np.ndarray]) -> None:
        self._intact, self._accuracy = result
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        now = time.monotonic()
        if done == total or now - self._drawn_at >= REDRAW_S:
            self._drawn_at = now
            self._draw()

    def _study_done(self, accuracy: np.ndarray | None) -> None:
        self._enable()
        if accuracy is not None:
            self.finished.emit(accuracy.copy())

    def _study_failed(self, error: Exception) -> None:
        self.caption.setText(self.tr("The study failed: {0}: {1}").format(type(error).__name__, error))
        self._study_done(None)

    def _draw(self) -> None:
        if self._accuracy is None or self._intact is None:
            if self._bars is not None:
                self.plot.removeItem(self._bars)
                self._bars = None
            return
        lost = 100 * (self._intact - np.nan_to_num(self._accuracy, nan=self._intact))
        order = np.argsort(-lost, kind="stable") if self.sorted_check.isChecked() else np.arange(len(lost))
        heights = lost[order]
        brushes = [pg.mkBrush(POSITIVE if h > 0 else NEGATIVE) for h in heights]
        if self._bars is None:
            self._bars = pg.BarGraphItem(x=np.arange(len(heights)), height=heights, width=0.8, brushes=brushes)
            self.plot.addItem(self._bars)
        else:
            self._bars.setOpts(x=np.arange(len(heights)), height=heights, brushes=brushes)
        done = ~np.isnan(self._accuracy)
        if done.all():
            top = np.argsort(-lost, kind="stable")[:5]
            self.caption.setText(self.tr("{0:.2f} % intact; the neurons that matter most: {1}").format(
                100 * self._intact, ", ".join(f"#{j} (−{lost[j]:.2f})" for j in top)))

    def _enable(self) -> None:
        self.run_button.setEnabled(not self.busy())
        self.cancel_button.setEnabled(self.busy())

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        accuracy = self.accuracy()
        if accuracy is None:
            return None
        return rows_table(["neuron", "accuracy_silenced"], [(j, a) for j, a in enumerate(accuracy) if not np.isnan(a)])
