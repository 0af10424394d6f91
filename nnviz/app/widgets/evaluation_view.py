"""Where is it wrong? The network on the 10,000 MNIST test digits: accuracy, a confusion matrix, galleries.

Clicking a cell of the confusion matrix shows those digits (true label in the row, the network's answer in
the column) with the probability the network gave its answer, and frames the cell; "Most confident
mistakes" lists the wrong answers it was surest of. A digit from a gallery can be put on the canvas to be
inspected there. The cells' colours count digits on a log scale (a bar under the matrix says the values),
so 1 and 10 mistakes look different next to the diagonal's thousand.

Evaluation runs in chunks from a zero-delay timer, so the window keeps drawing (and training) meanwhile.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nnviz.app.exportable import ExportSpec, Table
from nnviz.app.background import BackgroundTask
from nnviz.app.colormaps import SEQUENTIAL, map_sequential, qcolor_sequential
from nnviz.app.painting import background_colour, grey_qimage, legible_font, readable_on
from nnviz.app.plot_axes import plain_plot
from nnviz.app.widgets.scale_bar import ScaleBar
from nnviz.nn.evaluation import Evaluation, evaluate

GALLERY_LIMIT = 120
ICON_PX = 56
COUNT_FLOOR = 0.18  # where a count of 1 sits on the colour table: visible, not the page's near-black


def gallery_caption(label: int, predicted: int, confidence: float) -> str:
    """'7 → 2, 98 %' (true label, the network's answer, its probability)."""
    return f"{label} → {predicted}, {100 * confidence:.0f} %"


def count_positions(counts: np.ndarray, top: int) -> np.ndarray:
    """Where each count sits on the colour table (0..1): NaN for none, then logarithmic from COUNT_FLOOR
    (one digit) to 1 (``top`` digits), so that 1, 10 and 100 are as far apart as 10, 100 and 1,000."""
    counts = np.asarray(counts, np.float64)
    span = np.log(max(int(top), 2))
    with np.errstate(divide="ignore"):
        position = COUNT_FLOOR + (1.0 - COUNT_FLOOR) * np.log(np.maximum(counts, 1.0)) / span
    return np.where(counts > 0, np.minimum(position, 1.0), np.nan)


def count_ticks(top: int) -> list[tuple[float, str]]:
    """The colour bar's ticks for counts 1 .. ``top``: 1, 10, 100, ... up to ``top``, where they sit on the bar
    (the bar shows the table from COUNT_FLOOR up)."""
    values = [10**k for k in range(0, 7) if 10**k <= max(top, 1)]
    span = np.log(max(int(top), 2))
    return [(float(np.log(v) / span), f"{v:,}") for v in values]


class EvaluationView(QWidget):
    """``evaluate(net, x, y)`` starts; ``finished`` fires with the :class:`Evaluation`;
    ``imageChosen`` carries a (28, 28) digit the user wants on the canvas."""

    EXPORT = ExportSpec("confusion-matrix", QT_TRANSLATE_NOOP("Export", "Confusion matrix"))

    finished = Signal(object)
    imageChosen = Signal(object)
    evaluateRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("evaluationView")
        self._result: Evaluation | None = None
        self._x: np.ndarray | None = None
        self._task = BackgroundTask("nnviz-evaluation", self)
        self._task.succeeded.connect(self._evaluated)
        self._task.failed.connect(self._failed)
        self._shown: np.ndarray = np.array([], int)
        self._marked: tuple[int, int] | None = None
        buttons = self._buttons()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._confusion_matrix(), 1)
        left_layout.addWidget(self.scale)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self._gallery())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self._set_enabled_for_result()

    def _buttons(self) -> QHBoxLayout:
        self.evaluate_button = QPushButton(self.tr("Evaluate on the test digits"))
        self.evaluate_button.setObjectName("evaluateButton")
        self.evaluate_button.setToolTip(self.tr("Run the current network on the 10,000 MNIST test digits (Ctrl+E)"))
        self.evaluate_button.clicked.connect(self.evaluateRequested)
        self.mistakes_button = QPushButton(self.tr("Most confident mistakes"))
        self.mistakes_button.setObjectName("mistakesButton")
        self.mistakes_button.clicked.connect(self.show_mistakes)
        self.try_button = QPushButton(self.tr("Try it on the canvas"))
        self.try_button.setObjectName("tryOnCanvasButton")
        self.try_button.setToolTip(self.tr("Put the selected digit on the canvas (or double-click it)"))
        self.try_button.clicked.connect(self._try_selected)
        self.summary = QLabel(self.tr("Press Evaluate to see where the network is right and wrong."))
        self.summary.setObjectName("evaluationSummary")
        self.summary.setWordWrap(True)
        self.summary.setFont(legible_font(self, 1.0))
        buttons = QHBoxLayout()
        for button in (self.evaluate_button, self.mistakes_button, self.try_button):
            buttons.addWidget(button)
        return buttons

    def _confusion_matrix(self):
        """The 10x10 table of (true digit, answer) counts, clickable, with its colour scale (self.scale)."""
        self.matrix = plain_plot(background=background_colour(self))
        self.matrix.setObjectName("confusionMatrix")
        self.matrix.setMenuEnabled(False)
        self.matrix.setMouseEnabled(False, False)
        self.matrix.setAspectLocked(True)
        self.matrix.getViewBox().invertY(True)
        self.matrix.setLabel("left", self.tr("true digit"))
        self.matrix.setLabel("bottom", self.tr("network's answer"))
        for name in ("left", "bottom"):
            self.matrix.getAxis(name).setTicks([[(i + 0.5, str(i)) for i in range(10)]])
        self._image = pg.ImageItem(axisOrder="row-major")
        self.matrix.addItem(self._image)
        # the clicked cell's frame: white over black, seen on any colour of the table
        self._marks = [pg.PlotCurveItem(pen=pg.mkPen(colour, width=width)) for colour, width in
                       (("#000000", 6), ("#ffffff", 3))]
        for mark in self._marks:
            mark.setZValue(10)
            self.matrix.addItem(mark)
        self.scale = ScaleBar(SEQUENTIAL[round(COUNT_FLOOR * (len(SEQUENTIAL) - 1)):],
                              self.tr("digits per cell (log scale)"))
        self.scale.setObjectName("confusionScale")
        self.scale.hide()
        self._counts = []
        for t in range(10):
            for p in range(10):
                text = pg.TextItem("", anchor=(0.5, 0.5))
                text.setPos(p + 0.5, t + 0.5)
                self.matrix.addItem(text)
                self._counts.append(text)
        self.matrix.setRange(xRange=(0, 10), yRange=(0, 10), padding=0.02)
        self.matrix.scene().sigMouseClicked.connect(self._matrix_clicked)
        return self.matrix

    def _gallery(self) -> QWidget:
        """The digits of a clicked cell, or the most confident mistakes, under their title."""
        self.gallery = QListWidget()
        self.gallery.setObjectName("gallery")
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(ICON_PX, ICON_PX))
        self.gallery.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.gallery.setUniformItemSizes(False)  # each caption its own width: "6 → 4, 100 %" is not cut to the first's
        self.gallery.setMovement(QListWidget.Movement.Static)
        self.gallery.itemDoubleClicked.connect(lambda item: self._choose(item))
        self.gallery_title = QLabel("")
        self.gallery_title.setObjectName("galleryTitle")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.gallery_title)
        right_layout.addWidget(self.gallery, 1)
        return right

    # ------------------------------------------------------------------ public API
    def evaluate(self, net, x: np.ndarray, y: np.ndarray) -> None:
        """Start evaluating ``net`` on ``x`` (n, 784), ``y`` (n,) in the background; ``finished`` fires at the end."""
        net, y = net.copy(), np.asarray(y)
        self._task.start(lambda progress: (x, evaluate(net, x, y, progress)))
        self.summary.setText(self.tr("evaluating {0} digits…").format(f"{len(x):,}"))
        self.evaluate_button.setEnabled(False)

    def invalidate(self) -> None:
        """The network changed: what is shown no longer describes it (a running evaluation is dropped)."""
        if self._result is None and not self._task.running():
            return
        self._task.drop()
        self._result = None
        self._image.clear()
        self.scale.hide()
        self._mark_cell(None)
        for text in self._counts:
            text.setText("")
        self.gallery.clear()
        self._shown = np.array([], int)
        self.gallery_title.setText("")
        self.summary.setText(self.tr("The network changed: press Evaluate to see how the new one does."))
        self.evaluate_button.setEnabled(True)
        self._set_enabled_for_result()

    def is_busy(self) -> bool:
        return self._task.running()

    def result(self) -> Evaluation | None:
        return self._result

    def shown_indices(self) -> np.ndarray:
        """Indices (into the test set) of the digits in the gallery, in order."""
        return self._shown.copy()

    def show_cell(self, true: int, predicted: int) -> None:
        if self._result is None:
            return
        self._mark_cell((true, predicted))
        rows = self._result.cell(true, predicted)
        title = (self.tr("{0} digits {1} read correctly").format(len(rows), true) if true == predicted
                 else self.tr("{0} digits {1} read as {2}").format(len(rows), true, predicted))
        self._fill_gallery(rows, self.tr("{0} (most confident first)").format(title) if len(rows) else title)

    def show_mistakes(self) -> None:
        if self._result is None:
            return
        self._mark_cell(None)
        rows = self._result.mistakes()
        self._fill_gallery(rows, self.tr("{0} mistakes, the most confident first").format(len(rows)))

    def choose(self, position: int) -> None:
        """Put the digit at ``position`` in the gallery on the canvas."""
        self._choose(self.gallery.item(position))

    # ------------------------------------------------------------------ the evaluation's outcome
    def _evaluated(self, outcome: tuple[np.ndarray, Evaluation]) -> None:
        self._x, self._result = outcome
        self._show_result()
        self.evaluate_button.setEnabled(True)
        self.finished.emit(self._result)

    def _failed(self, error: Exception) -> None:
        self.summary.setText(self.tr("The evaluation failed: {0}: {1}").format(type(error).__name__, error))
        self.evaluate_button.setEnabled(True)

    def _show_result(self) -> None:
        result = self._result
        per_class = "  ".join(f"{d}: {100 * a:.1f}" for d, a in enumerate(result.per_class))
        self.summary.setText(self.tr("<b>Accuracy {0} %</b> on {1} test digits ({2} wrong).<br>Per digit (%): {3}")
                             .format(f"{100 * result.accuracy:.2f}", f"{len(result.y_true):,}", len(result.mistakes()),
                                     per_class))
        counts = result.confusion
        top = int(counts.max())
        position = count_positions(counts, top)
        rgba = map_sequential(np.nan_to_num(position), 0.0, 1.0, SEQUENTIAL)
        rgba[np.isnan(position), 3] = 0  # no digit: the page shows through
        self._image.setImage(rgba, autoLevels=False)
        self._image.setRect(0, 0, 10, 10)
        for k, text in enumerate(self._counts):
            t, p = divmod(k, 10)
            text.setText(str(counts[t, p]) if counts[t, p] else "")
            text.setColor(readable_on(qcolor_sequential(position[t, p], 0.0, 1.0)) if counts[t, p] else "#ffffff")
        self.scale.set_ticks(count_ticks(top))
        self.scale.show()
        self._set_enabled_for_result()
        self.show_mistakes()

    def marked_cell(self) -> tuple[int, int] | None:
        """(true, predicted) of the framed cell, or None."""
        return self._marked

    def _mark_cell(self, cell: tuple[int, int] | None) -> None:
        self._marked = cell
        if cell is None:
            for mark in self._marks:
                mark.setData([], [])
            return
        row, col = cell
        for mark in self._marks:
            mark.setData([col, col + 1, col + 1, col, col], [row, row, row + 1, row + 1, row])

    def _set_enabled_for_result(self) -> None:
        ready = self._result is not None
        self.mistakes_button.setEnabled(ready)
        self.try_button.setEnabled(ready)

    # ------------------------------------------------------------------ gallery
    def _fill_gallery(self, rows: np.ndarray, title: str) -> None:
        rows = rows[:GALLERY_LIMIT]
        self._shown = rows
        if len(rows) == GALLERY_LIMIT:
            title = self.tr("{0}; the first {1} shown").format(title, GALLERY_LIMIT)
        self.gallery_title.setText(title)
        self.gallery.clear()
        result = self._result
        for index in rows:
            digit = self._x[index].reshape(28, 28)
            icon = QIcon(QPixmap.fromImage(grey_qimage(digit)).scaled(ICON_PX, ICON_PX))
            item = QListWidgetItem(icon, gallery_caption(int(result.y_true[index]), int(result.predicted[index]),
                                                         float(result.confidence[index])))
            item.setData(Qt.ItemDataRole.UserRole, int(index))
            item.setToolTip(self.tr("test digit #{0}: double-click to put it on the canvas").format(index))
            self.gallery.addItem(item)

    def _matrix_clicked(self, event) -> None:
        point = self.matrix.getViewBox().mapSceneToView(event.scenePos())
        col, row = int(np.floor(point.x())), int(np.floor(point.y()))
        if 0 <= row < 10 and 0 <= col < 10:
            self.show_cell(row, col)

    def _try_selected(self) -> None:
        items = self.gallery.selectedItems()
        self._choose(items[0] if items else self.gallery.item(0))

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None or self._x is None:
            return
        index = item.data(Qt.ItemDataRole.UserRole)
        self.imageChosen.emit(self._x[index].reshape(28, 28).copy())

    def export_table(self) -> Table | None:
        """The numbers behind this view for File → Export (None: nothing to export yet)."""
        result = self.result()
        if result is None:
            return None
        return [f"predicted_{d}" for d in range(result.confusion.shape[1])], result.confusion

    def export_picture(self) -> QWidget:
        """The part of this view that File → Export pictures."""
        return self.matrix
