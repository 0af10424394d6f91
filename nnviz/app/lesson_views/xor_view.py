"""Lesson 5, XOR: a single perceptron never gets all four right; a 2-2-1 network bends its boundary."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnviz.app.colormaps import DIVERGING, map_diverging
from nnviz.app.lesson_views.player import Player, PlayerControls
from nnviz.app.painting import background_colour, legible_font
from nnviz.lessons.xor import X, Y, perceptron_epochs, train_network

GRID = np.linspace(-0.5, 1.5, 81)


def output_grid(net) -> np.ndarray:
    """The network's output over the square [-0.5, 1.5]^2, rows = second input (81, 81)."""
    gx, gy = np.meshgrid(GRID, GRID)
    return net.predict_proba(np.column_stack([gx.ravel(), gy.ravel()]))[:, 0].reshape(len(GRID), len(GRID))


class XorLessonView(QWidget):
    title = "XOR: why hidden layers"
    explanation = (
        "XOR is 1 when exactly one input is 1. No straight line separates {(0,1), (1,0)} from {(0,0), (1,1)}, "
        "so a single perceptron keeps making mistakes however long it learns. A network with a hidden layer "
        "of two neurons can bend its decision boundary: press Play and watch the regions form "
        "(red: output near 1, blue: near 0)."
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("xorLesson")
        mistakes = [m for _, _, m in perceptron_epochs(epochs=50)]
        self.perceptron_mistakes = mistakes
        self.perceptron_label = QLabel(
            f"A single perceptron, 50 epochs of its learning rule: still {mistakes[-1]} of 4 wrong "
            f"(fewest ever: {min(mistakes)}).")
        self.perceptron_label.setObjectName("perceptronResult")
        self.perceptron_label.setWordWrap(True)
        self.perceptron_label.setFont(legible_font(self, 1.1))
        self.player = Player(lambda: train_network(epochs=3000), per_tick=20, parent=self)
        self.controls = PlayerControls(self.player)
        self.status = QLabel("")
        self.status.setObjectName("xorStatus")
        self.status.setFont(legible_font(self, 1.2, bold=True))
        self.plot = pg.PlotWidget(background=background_colour(self))
        self.plot.setMenuEnabled(False)
        self.plot.setAspectLocked(True)
        self.plot.setLabel("bottom", "input 1")
        self.plot.setLabel("left", "input 2")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        brushes = [pg.mkBrush("#d6604d" if y else "#4393c3") for y in Y]
        self.plot.addItem(pg.ScatterPlotItem(X[:, 0], X[:, 1], size=22, brush=brushes,
                                             pen=pg.mkPen("#ffffff", width=2)))
        self.plot.setRange(xRange=(GRID[0], GRID[-1]), yRange=(GRID[0], GRID[-1]), padding=0)
        self.status.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.perceptron_label)
        side.addWidget(self.controls)
        side.addWidget(self.status)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(side, 2)
        layout.addWidget(self.plot, 3)
        self.last = None
        self.player.advanced.connect(self._show)
        self.player.step()

    def _show(self, item) -> None:
        net, epoch = item
        self.last = epoch
        self.image.setImage(map_diverging(output_grid(net) - 0.5, 0.5, DIVERGING), autoLevels=False)
        self.image.setRect(GRID[0], GRID[0], GRID[-1] - GRID[0], GRID[-1] - GRID[0])
        outputs = ", ".join(f"{o:.2f}" for o in epoch.outputs)
        right = int(np.sum((epoch.outputs > 0.5) == (Y > 0.5)))
        self.status.setText(f"epoch {epoch.epoch}: loss {epoch.loss:.4f}\noutputs for 00, 01, 10, 11: {outputs}\n"
                            f"{right} of 4 right")
