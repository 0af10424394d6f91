"""Softmax, step by step: the output layer's ten z for the current drawing, divided by a temperature,
shifted by their maximum, exponentiated, summed, divided. The temperature slider shows how a network
becomes more or less sure without changing which digit wins."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QSlider, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from nnviz.app.painting import legible_font
from nnviz.nn.explain import SoftmaxSteps, softmax_steps

COLUMNS = (QT_TRANSLATE_NOOP("SoftmaxView", "digit"), "z", "z / T", "− max", "exp(·)", "p = exp / Σ")
SLIDER_STEPS = 100  # temperature from 0.1 to 10 on a log scale, 1 in the middle


def temperature_at(position: int) -> float:
    return float(10.0 ** ((position - SLIDER_STEPS / 2) / (SLIDER_STEPS / 2)))


class SoftmaxView(QWidget):
    """``set_logits(z)`` with the output layer's z (None: no drawing)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("softmaxView")
        self._z: np.ndarray | None = None
        self._steps: SoftmaxSteps | None = None
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("temperatureSlider")
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setValue(SLIDER_STEPS // 2)  # T = 1
        self.slider.valueChanged.connect(lambda _: self._update())
        self.temperature_label = QLabel()
        self.temperature_label.setFont(legible_font(self, 1.1, bold=True))
        self.table = QTableWidget(10, len(COLUMNS))
        self.table.setObjectName("softmaxTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("SoftmaxView", c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("softmaxSum")
        self.sum_label.setFont(legible_font(self, 1.1))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("temperature T")))
        top.addWidget(self.slider, 1)
        top.addWidget(self.temperature_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sum_label)
        self._update()

    def temperature(self) -> float:
        return temperature_at(self.slider.value())

    def steps(self) -> SoftmaxSteps | None:
        return self._steps

    def set_trace(self, trace) -> None:
        """The output layer's z of a one-input forward ``Trace`` (None: no drawing)."""
        self.set_logits(None if trace is None else trace.z[-1][0])

    def set_logits(self, z) -> None:
        self._z = None if z is None else np.asarray(z, dtype=np.float64)
        self._update()

    def _update(self) -> None:
        self.temperature_label.setText(f"{self.temperature():.2f}")
        if self._z is None:
            self._steps = None
            self.table.clearContents()
            self.sum_label.setText(self.tr("Draw a digit to see its ten output values go through softmax."))
            return
        steps = self._steps = softmax_steps(self._z, self.temperature())
        winner = int(steps.p.argmax())
        for row in range(len(steps.z)):
            values = (str(row), f"{steps.z[row]:.3f}", f"{steps.scaled[row]:.3f}", f"{steps.shifted[row]:.3f}",
                      f"{steps.exps[row]:.4g}", f"{100 * steps.p[row]:.2f} %")
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row == winner:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.sum_label.setText(self.tr("Σ exp(·) = {0}; each p = exp(·) / {0}. "
                                       "Subtracting the maximum first keeps every exp(·) ≤ 1: no overflow.")
                               .format(f"{steps.total:.6g}"))
