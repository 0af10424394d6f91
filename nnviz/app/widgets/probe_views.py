"""Ask the network what it sees: a dream of a digit (or of a hidden neuron) grown step by step, and the smallest
nudge that makes it read the drawing as another digit. The math is :mod:`nnviz.nn.probe`'s; these dialogs take
the drawing as read now (a frozen :class:`~nnviz.appmodel.reading.Reading`, with any silenced neurons) when they run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QGridLayout, QHBoxLayout, QLabel,
                               QPushButton, QSlider, QSpinBox, QVBoxLayout, QWidget)

from nnviz.app.colormaps import map_diverging
from nnviz.app.layer_names import layer_name
from nnviz.app.painting import grey_qimage, legible_font, rgba_qimage
from nnviz.appmodel.reading import Reading
from nnviz.nn.probe import dream_steps, nudge

SIDE = 28
SHOWN = 196  # px of a 28x28 picture in these dialogs: 7 screen px per input pixel
SMOOTH_PX = 1.5  # the blur prior's width, in input pixels
FRAME_MS = 30  # one dream step per frame: 100 steps in 3 s, slow enough to watch
FILTER = QT_TRANSLATE_NOOP("ProbeViews", "PNG picture (*.png);;CSV numbers (*.csv)")


def picture(values: np.ndarray, signed: bool = False) -> QPixmap:
    """A 28x28 image (grey, or blue-white-red for signed changes) blown up with crisp pixels."""
    values = np.asarray(values, np.float32).reshape(SIDE, SIDE)
    if signed:
        image = rgba_qimage(map_diverging(values, max(float(np.abs(values).max()), 1e-6)))
    else:
        image = grey_qimage(values)
    return QPixmap.fromImage(image).scaled(SHOWN, SHOWN, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.FastTransformation)


def save_picture(parent, values: np.ndarray, path: str | None = None, signed: bool = False) -> Path | None:
    """Write a 28x28 picture as PNG (as shown) or CSV (the numbers); asks where when ``path`` is None."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ProbeViews", "Save picture"),
                                              "picture.png", QCoreApplication.translate("ProbeViews", FILTER))
        if not path:
            return None
    path = Path(path)
    if path.suffix.lower() == ".csv":
        np.savetxt(path, np.asarray(values, np.float32).reshape(SIDE, SIDE), delimiter=",", fmt="%.6g")
    else:
        picture(values, signed).save(str(path.with_suffix(".png") if path.suffix.lower() != ".png" else path), "PNG")
    return path


def _image_label(caption: str) -> tuple[QWidget, QLabel]:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    image = QLabel()
    image.setFixedSize(SHOWN, SHOWN)
    image.setAlignment(Qt.AlignmentFlag.AlignCenter)
    title = QLabel(caption)
    title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    column.addWidget(image)
    column.addWidget(title)
    return box, image


class DreamView(QDialog):
    """"What does it think a 3 looks like?": gradient ascent on the input, one step per frame. ``reading()``
    gives the drawing as read now (frozen); ``imageChosen`` carries a dream the person puts on the canvas."""

    imageChosen = Signal(object)  # (28, 28) ink

    def __init__(self, reading: Callable[[], Reading], parent: QWidget | None = None,
                 target: tuple[int, int] | None = None):
        super().__init__(parent)
        self.setObjectName("dreamView")
        self.setWindowTitle(self.tr("Dream"))
        self._reading = reading
        self._frames = None
        self._frame = None
        self._seed = 0
        self.digit_box = QSpinBox()
        self.digit_box.setRange(0, 9)
        self.digit_box.setValue(3)
        self.digit_box.setPrefix(self.tr("digit "))
        self.neuron_box = QComboBox()  # a digit, or the hidden neuron chosen in the diagram
        self.neuron_box.addItem(self.tr("an output digit"), None)
        self.start_box = QComboBox()
        self.start_box.addItem(self.tr("from faint noise"), "noise")
        self.start_box.addItem(self.tr("from a blank canvas"), "blank")
        self.start_box.addItem(self.tr("from my drawing"), "drawing")
        self.smooth_check = QCheckBox(self.tr("smooth (a blur prior: no detail finer than {0} px)").format(SMOOTH_PX))
        self.dream_button = QPushButton(self.tr("Dream"))
        self.dream_button.setDefault(True)
        self.put_button = QPushButton(self.tr("Put on the canvas"))
        self.save_button = QPushButton(self.tr("Save…"))
        self._box, self.image = _image_label(self.tr("what it dreams"))
        box = self._box
        self.caption = QLabel(self.tr("Press Dream: starting from noise, the picture is changed step by step so "
                                      "that the network grows surer it sees the digit."))
        self.caption.setWordWrap(True)
        self.caption.setFont(legible_font(self))
        self.timer = QTimer(self, interval=FRAME_MS)
        self.timer.timeout.connect(self._next)
        self.dream_button.clicked.connect(self.start)
        self.put_button.clicked.connect(self.put_on_canvas)
        self.save_button.clicked.connect(lambda: self._frame is not None and save_picture(self, self._frame.image))
        choose = QHBoxLayout()
        for widget in (self.neuron_box, self.digit_box, self.start_box):
            choose.addWidget(widget)
        buttons = QHBoxLayout()
        for widget in (self.dream_button, self.put_button, self.save_button):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.smooth_check)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption)
        layout.addLayout(buttons)
        self.neuron_box.currentIndexChanged.connect(lambda: self.digit_box.setEnabled(self.target() is None))
        if target is not None:
            self.set_target(target)
        self._enable()

    def set_target(self, target: tuple[int, int] | None) -> None:
        """Dream of hidden neuron ``target = (layer, index)`` (None: of the chosen digit)."""
        if target is None:
            self.neuron_box.setCurrentIndex(0)
            return
        layer, index = target
        last = len(self._reading().snapshot.sizes) - 1
        text = self.tr("{0}, neuron {1}").format(layer_name(layer, last), index)
        found = self.neuron_box.findData(target)
        if found < 0:
            self.neuron_box.addItem(text, target)
            found = self.neuron_box.count() - 1
        self.neuron_box.setCurrentIndex(found)

    def target(self) -> tuple[int, int] | None:
        return self.neuron_box.currentData()

    def start(self) -> None:
        reading = self._reading()
        net = reading.probed_network()
        how = self.start_box.currentData()
        start = None
        if how == "blank":
            start = np.zeros(SIDE * SIDE, np.float32)
        elif how == "drawing":
            prepared = reading.prepared
            start = None if prepared is None or prepared.is_empty else prepared.image.ravel()
        self._seed += 1
        target = self.target()
        self._frames = dream_steps(net, None if target is not None else self.digit_box.value(), seed=self._seed,
                                   smooth=SMOOTH_PX if self.smooth_check.isChecked() else 0.0, target=target,
                                   start=start)
        self._frame = None
        self.timer.start()
        self._next()

    def running(self) -> bool:
        return self.timer.isActive()

    def frame(self):
        """The last :class:`~nnviz.nn.probe.DreamStep` shown, or None."""
        return self._frame

    def _next(self) -> None:
        try:
            self._frame = next(self._frames)
        except (StopIteration, TypeError):
            self.timer.stop()
            self._enable()
            return
        frame = self._frame
        self.image.setPixmap(picture(frame.image))
        target = self.target()
        if target is None:
            digit = self.digit_box.value()
            self.caption.setText(self.tr("step {0}: the network is {1:.1f} % sure this is a {2}").format(
                frame.step, 100 * frame.value, digit))
        else:
            self.caption.setText(self.tr("step {0}: the neuron's activation is {1:.3g}").format(frame.step, frame.value))
        self._enable()

    def _enable(self) -> None:
        self.put_button.setEnabled(self._frame is not None)
        self.save_button.setEnabled(self._frame is not None)

    def put_on_canvas(self) -> None:
        """The dream becomes the drawing (Ctrl+Z on the canvas takes it back)."""
        if self._frame is not None:
            self.imageChosen.emit(np.asarray(self._frame.image).reshape(SIDE, SIDE))

    def closeEvent(self, event) -> None:
        self.timer.stop()
        super().closeEvent(event)


class NudgeView(QDialog):
    """"Make it say 8": the smallest change to the drawing that the network reads as another digit."""

    def __init__(self, reading: Callable[[], Reading], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("nudgeView")
        self.setWindowTitle(self.tr("Nudge"))
        self._reading = reading
        self._result: tuple[np.ndarray, np.ndarray] | None = None  # (drawing, nudged)
        self.target_box = QSpinBox()
        self.target_box.setRange(0, 9)
        self.target_box.setPrefix(self.tr("make it say "))
        self.budget = QSlider(Qt.Orientation.Horizontal)
        self.budget.setRange(2, 50)  # hundredths of the ink's full range per pixel
        self.budget.setValue(25)
        self.budget_label = QLabel()
        self.nudge_button = QPushButton(self.tr("Nudge"))
        self.nudge_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save…"))
        boxes = self._boxes = [_image_label(text) for text in (self.tr("your drawing"), self.tr("nudged"),
                                                               self.tr("the change (red: ink added, blue: taken away)"))]
        self.images = [image for _, image in boxes]
        self.readings = QLabel()
        self.readings.setFont(legible_font(self, bold=True))
        self.caption = QLabel(self.tr(
            "No pixel changes by more than the amount chosen, and to us it is the same digit, yet the network "
            "reads another. Such adversarial examples show that the network does not see digits as we do: it "
            "adds up pixels, and many small changes in the right places add up to a different answer."))
        self.caption.setWordWrap(True)
        self.budget.valueChanged.connect(self._say_budget)
        self.nudge_button.clicked.connect(self.run)
        self.save_button.clicked.connect(lambda: self._result is not None and save_picture(self, self._result[1]))
        self.at_most = QLabel(self.tr("at most"))
        top = QHBoxLayout()
        for widget in (self.target_box, self.at_most, self.budget, self.budget_label, self.nudge_button):
            top.addWidget(widget)
        pictures = QGridLayout()
        for column, (box, _) in enumerate(boxes):
            pictures.addWidget(box, 0, column)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(pictures)
        layout.addWidget(self.readings)
        layout.addWidget(self.caption)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self._say_budget()
        trace = reading().trace
        if trace is not None:
            self.target_box.setValue((int(trace.a[-1][0].argmax()) + 1) % 10)

    def max_change(self) -> float:
        return self.budget.value() / 100.0

    def _say_budget(self) -> None:
        self.budget_label.setText(self.tr("{0:.2f} per pixel").format(self.max_change()))

    def result(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(the drawing, the nudged drawing) of the last nudge that succeeded, or None."""
        return self._result

    def run(self) -> bool:
        reading = self._reading()
        prepared = reading.prepared
        if prepared is None or prepared.is_empty:
            self.readings.setText(self.tr("Draw a digit first."))
            return False
        net = reading.probed_network()
        x = prepared.image.ravel()
        target = self.target_box.value()
        nudged = nudge(net, x, target, max_change=self.max_change())
        before = net.predict_proba(x[None])[0]
        self.images[0].setPixmap(picture(x))
        if nudged is None:
            self._result = None
            self.images[1].clear()
            self.images[2].clear()
            self.readings.setText(self.tr("No change of at most {0:.2f} per pixel makes it say {1}: allow more.").format(
                self.max_change(), target))
            return False
        after = net.predict_proba(nudged[None])[0]
        self._result = (x, nudged)
        self.images[1].setPixmap(picture(nudged))
        self.images[2].setPixmap(picture(nudged - x, signed=True))
        self.readings.setText(self.tr("before: {0} ({1:.0f} %)  →  after: {2} ({3:.0f} %), the largest change {4:.2f}").format(
            int(before.argmax()), 100 * before.max(), int(after.argmax()), 100 * after.max(),
            float(np.abs(nudged - x).max())))
        return True
