"""A window for reading drawings: canvas, the 28x28 input, prediction, probabilities, network and heatmaps.

It observes a fixed model (no training): every canvas change runs ``to_mnist`` and one forward pass in
the UI thread (well under a millisecond) and feeds the display widgets. It is the reading half of the
main window, usable on its own and by ``nnviz --screenshot``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QMainWindow, QPushButton, QSlider, QVBoxLayout,
    QWidget,
)

from nnviz.app.snapshot import NetworkSnapshot
from nnviz.app.widgets.canvas import Canvas
from nnviz.app.widgets.heatmaps import ActivationHeatmaps
from nnviz.app.widgets.input_preview import InputPreview
from nnviz.app.widgets.network_view import NetworkView
from nnviz.app.widgets.probability_bars import ProbabilityBars
from nnviz.app.widgets.weights_view import WeightsView
from nnviz.errors import NnvizError

EMPTY_TEXT = "draw a digit"


class DrawingWindow(QMainWindow):
    """Draw a digit, watch a fixed network read it."""

    predictionChanged = Signal(str)

    def __init__(self, model_path=None, log_predictions: bool = False):
        super().__init__()
        self.setWindowTitle("nnviz — draw a digit")
        self.net = None
        self._log = log_predictions
        self._last_text = None
        self._build()
        self._actions()
        self.load_model(model_path)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.canvas = Canvas()
        self.preview = InputPreview()
        self.prediction = QLabel(EMPTY_TEXT)
        self.prediction.setObjectName("prediction")
        font = self.prediction.font()
        font.setPointSize(28)
        font.setBold(True)
        self.prediction.setFont(font)
        self.probabilities = ProbabilityBars()
        self.network = NetworkView()
        self.heatmaps = ActivationHeatmaps()
        self.weights = WeightsView()

        pen = QSlider(Qt.Orientation.Horizontal)
        pen.setRange(4, 40)
        pen.setValue(self.canvas.pen_width())
        pen.setToolTip("pen width (mouse wheel on the canvas too)")
        pen.valueChanged.connect(self.canvas.set_pen_width)
        self.canvas.penWidthChanged.connect(pen.setValue)
        eraser = QCheckBox("eraser")
        eraser.setToolTip("erase instead of drawing (or draw with the right mouse button)")
        eraser.toggled.connect(self.canvas.set_eraser)
        self.canvas.eraserChanged.connect(eraser.setChecked)
        undo = QPushButton("Undo")
        undo.setToolTip("undo the last stroke (Ctrl+Z)")
        undo.clicked.connect(self.canvas.undo)
        clear = QPushButton("Clear")
        clear.setToolTip("clear the canvas (Esc)")
        clear.clicked.connect(self.canvas.clear)
        tools = QHBoxLayout()
        tools.addWidget(QLabel("pen"))
        tools.addWidget(pen, 1)
        for widget in (eraser, undo, clear):
            tools.addWidget(widget)

        left = QVBoxLayout()
        left.addWidget(self.canvas, 1)
        left.addLayout(tools)
        reading = QVBoxLayout()
        reading.addWidget(self.preview, 1)
        reading.addWidget(self.prediction)
        reading.addWidget(self.probabilities, 1)

        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(reading, 0, 1)
        grid.addWidget(self.network, 0, 2, 1, 2)
        grid.addWidget(self.heatmaps, 1, 0, 1, 2)
        grid.addWidget(self.weights, 1, 2, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 4)
        grid.setColumnStretch(3, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        central = QWidget()
        central.setLayout(grid)
        self.setCentralWidget(central)
        self.canvas.imageChanged.connect(self.read_drawing)

    def _actions(self) -> None:
        def add(menu, text, shortcut, slot, tip):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setStatusTip(tip)
            action.triggered.connect(slot)
            menu.addAction(action)
            return action

        file_menu = self.menuBar().addMenu("&File")
        add(file_menu, "&Open model…", "Ctrl+O", self._open_model, "load a model file (.npz)")
        add(file_menu, "Open &image…", "Ctrl+I", self._open_image, "put an image file on the canvas")
        add(file_menu, "&Quit", "Ctrl+Q", self.close, "quit nnviz")
        edit = self.menuBar().addMenu("&Edit")
        add(edit, "&Undo stroke", "Ctrl+Z", self.canvas.undo, "undo the last stroke")
        add(edit, "&Clear canvas", "Esc", self.canvas.clear, "clear the canvas")

    # ------------------------------------------------------------------ model and reading
    def load_model(self, path=None) -> bool:
        """Load ``path`` (default: the shipped model). On failure the window stays open and says why."""
        from nnviz.commands.evaluate import load_mnist_model

        try:
            net, path = load_mnist_model(path)
        except NnvizError as error:
            self.statusBar().showMessage(f"No model loaded: {error}. Use File → Open model (Ctrl+O).")
            self.prediction.setText("no model loaded")
            return False
        self.net = net
        self.network.set_snapshot(NetworkSnapshot.of(net))
        self.weights.set_weights(np.asarray(net.weights[0]))
        self.statusBar().showMessage(
            f"model {path.name}: {'-'.join(map(str, net.sizes))} {net.activation}"
            + (f", {100 * net.metadata['test_accuracy']:.2f} % on MNIST test" if "test_accuracy" in net.metadata else "")
        )
        self.read_drawing(self.canvas.image())
        return True

    def read_drawing(self, image: np.ndarray) -> None:
        from nnviz.data import prepare

        prepared = prepare(image)
        self.preview.set_image(None if prepared.is_empty else prepared.image)
        if self.net is None:
            return
        if prepared.is_empty:
            self._show(EMPTY_TEXT, None, None)
            return
        trace = self.net.forward(prepared.image.reshape(1, 784))
        p = trace.a[-1][0]
        digit = int(p.argmax())
        self._show(f"{digit} ({100 * p[digit]:.0f} %)", p, [a[0] for a in trace.a])

    def _show(self, text: str, p, activations) -> None:
        self.prediction.setText(text)
        self.probabilities.set_probabilities(p)
        self.network.set_activations(activations)
        self.heatmaps.set_activations(None if activations is None else activations[1:-1])
        if text != self._last_text:
            self._last_text = text
            self.predictionChanged.emit(text)
            if self._log:
                print(f"prediction: {'none' if p is None else text}", flush=True)

    # ------------------------------------------------------------------ files
    def _open_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open model", "", "nnviz models (*.npz)")
        if path:
            self.load_model(path)

    def _open_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open image", "", "Images (*.png *.jpg *.bmp *.npy)")
        if path:
            try:
                self.canvas.load_image_file(path)
            except NnvizError as error:
                self.statusBar().showMessage(str(error))
