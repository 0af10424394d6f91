"""Lesson 1, one neuron: z = w·x + b, then a perceptron (step) and a sigmoid neuron side by side.

Five number boxes (two inputs, two weights, the bias), the sum written out with those numbers, both
outputs, and both activation functions plotted with the current z marked on them. "Textbook example"
restores w = [0, 1], b = 4, x = [2, 3], for which the sigmoid neuron gives 0.9991 (0.9990889488055994 in
the tooltip).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nnviz.app.colormaps import CATEGORICAL
from nnviz.app.lesson_views.lesson_text import LessonText
from nnviz.app.lesson_views.plots import lesson_plot
from nnviz.app.lesson_views.slide_numbers import full_number, slide_number
from nnviz.app.painting import legible_font
from nnviz.lessons.neuron import PRESET, NeuronOutput, neuron
from nnviz.nn.activations import sigmoid

Z_RANGE = 10.0
PERCEPTRON_COLOUR, SIGMOID_COLOUR = CATEGORICAL[:2]  # orange, sky blue


class NeuronLessonView(LessonText, QWidget):
    """``set_values(x, w, b)``; ``output()`` is what is shown."""

    TITLE = QT_TRANSLATE_NOOP("NeuronLessonView", "One neuron: perceptron and sigmoid")
    EXPLANATION = QT_TRANSLATE_NOOP(
        "NeuronLessonView",
        "A neuron multiplies each input by its weight, adds them up with a bias, and applies an "
        "activation: <b>z = w₁x₁ + w₂x₂ + b</b>. The <b>perceptron</b> answers 1 when z &gt; 0, else 0; the "
        "<b>sigmoid neuron</b> answers 1 / (1 + e<sup>−z</sup>), a smooth version that learning by gradient "
        "descent needs. Change the numbers and watch both."
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("neuronLesson")
        self.boxes: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout()
        labels = {"x1": self.tr("input x₁"), "x2": self.tr("input x₂"), "w1": self.tr("weight w₁"),
                  "w2": self.tr("weight w₂"), "b": self.tr("bias b")}
        for name, label in labels.items():
            box = QDoubleSpinBox()
            box.setObjectName(f"lesson_{name}")
            box.setRange(-100.0, 100.0)
            box.setDecimals(2)
            box.setSingleStep(0.1)
            box.valueChanged.connect(self._update)
            self.boxes[name] = box
            form.addRow(label, box)
        self.preset_button = QPushButton(self.tr("Textbook example"))
        self.preset_button.setObjectName("presetButton")
        self.preset_button.clicked.connect(self.load_preset)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("neuronSum")
        self.sum_label.setFont(legible_font(self, 1.3))
        self.perceptron_label = QLabel()
        self.perceptron_label.setObjectName("perceptronOutput")
        self.sigmoid_label = QLabel()
        self.sigmoid_label.setObjectName("sigmoidOutput")
        for label, colour in ((self.perceptron_label, PERCEPTRON_COLOUR), (self.sigmoid_label, SIGMOID_COLOUR)):
            label.setFont(legible_font(self, 1.3, bold=True))
            label.setStyleSheet(f"color: {colour}")  # the same colour as its curve

        self.plot = lesson_plot(self, "z", self.tr("output a"))
        self.plot.setMouseEnabled(False, False)
        z = np.linspace(-Z_RANGE, Z_RANGE, 401)
        self.plot.plot(z, (z > 0).astype(float), pen=pg.mkPen(PERCEPTRON_COLOUR, width=3),
                       name=self.tr("perceptron (step)"))
        self.plot.plot(z, sigmoid(z), pen=pg.mkPen(SIGMOID_COLOUR, width=3), name=self.tr("sigmoid neuron"))
        self._marks = pg.ScatterPlotItem(size=16, pen=pg.mkPen("#ffffff", width=2))
        self.plot.addItem(self._marks)
        self._z_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#ffffff", width=1, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.plot.addItem(self._z_line)
        self.plot.setRange(xRange=(-Z_RANGE, Z_RANGE), yRange=(-0.1, 1.1), padding=0)

        controls = QVBoxLayout()
        controls.addLayout(form)
        controls.addWidget(self.preset_button)
        controls.addStretch(1)
        results = QVBoxLayout()
        for widget in (self.sum_label, self.perceptron_label, self.sigmoid_label):
            results.addWidget(widget)
        results.addWidget(self.plot, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(controls)
        layout.addSpacing(16)  # the sum is not read as part of the number boxes
        layout.addLayout(results, 1)
        self._output: NeuronOutput | None = None
        self.load_preset()

    def load_preset(self) -> None:
        self.set_values(PRESET["x"], PRESET["w"], PRESET["b"])

    def set_values(self, x, w, b: float) -> None:
        values = {"x1": x[0], "x2": x[1], "w1": w[0], "w2": w[1], "b": b}
        for name, box in self.boxes.items():
            box.blockSignals(True)
            box.setValue(float(values[name]))
            box.blockSignals(False)
        self._update()

    def output(self) -> NeuronOutput | None:
        return self._output

    def _update(self) -> None:
        v = {name: box.value() for name, box in self.boxes.items()}
        out = neuron((v["x1"], v["x2"]), (v["w1"], v["w2"]), v["b"])
        self._output = out
        self.sum_label.setText(f"z = {v['w1']:g}·{v['x1']:g} + {v['w2']:g}·{v['x2']:g} + {v['b']:g} = {out.z:g}"
                               .replace("-", "−"))
        self.perceptron_label.setText(self.tr("perceptron: a = {0}").format(f"{out.perceptron:g}"))
        self.sigmoid_label.setText(self.tr("sigmoid neuron: a = {0}").format(slide_number(out.sigmoid)))
        self.sigmoid_label.setToolTip(self.tr("sigmoid neuron: a = {0}").format(full_number(out.sigmoid)))
        shown = float(np.clip(out.z, -Z_RANGE, Z_RANGE))
        self._marks.setData([shown, shown], [out.perceptron, out.sigmoid],
                            brush=[pg.mkBrush(PERCEPTRON_COLOUR), pg.mkBrush(SIGMOID_COLOUR)])
        self._z_line.setValue(shown)
