"""The timeline slider under the curves: drag it back to see the network as it was at a moment of the run.

The slider's steps are the timeline's moments (:mod:`nnviz.appmodel.timeline`) and, at its right end,
"live". A line on the loss plot marks the chosen moment and says where it is (epoch and step); the Live
button (or End) goes back to the network being trained.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSlider, QWidget

from nnviz.app.painting import ACCENT, background_colour, legible_font

MIN_SLIDER_PX = 80  # ~2 px a moment of a 20-epoch run; the keys and a clicker step one at a time


class TimelineBar(QWidget):
    """``set_moments(positions, steps)`` (epochs and steps, in order); ``momentChosen(index)`` or ``liveChosen()``
    when the slider moves. Where a moment is, is said on the plot (:class:`MomentMarker`), beside the curves of
    that moment, which leaves the bar narrow enough to share a row with the plot's other controls."""

    momentChosen = Signal(int)
    liveChosen = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self._positions: tuple[float, ...] = ()
        self._steps: tuple[int, ...] = ()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("timelineSlider")
        self.slider.setMinimumWidth(MIN_SLIDER_PX)
        self.slider.setPageStep(1)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setToolTip(self.tr("Rewind: drag back (or click the curves) to see the network as it was at "
                                       "that moment of training: the diagram, weights, prediction and histograms "
                                       "follow. Right end: live."))
        self.slider.valueChanged.connect(self._moved)
        self.live_button = QPushButton(self.tr("Live"))
        self.live_button.setObjectName("timelineLive")
        self.live_button.setToolTip(self.tr("Back to the network being trained (End)"))
        self.live_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.live_button.clicked.connect(self.go_live)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.slider, 1)
        row.addWidget(self.live_button)
        self._show_state()

    def set_moments(self, positions, steps) -> None:
        """The timeline changed (a moment kept, thinned out, a new run): live stays live; a chosen moment
        stays chosen if it is still there (else the nearest one is)."""
        chosen = None if self.is_live() or not self._positions else self._positions[self.slider.value()]
        self._positions, self._steps = tuple(positions), tuple(steps)
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(self._positions))
        if chosen is None or not self._positions:
            self.slider.setValue(len(self._positions))
        else:
            nearest = min(range(len(self._positions)), key=lambda i: abs(self._positions[i] - chosen))
            self.slider.setValue(nearest)
            if self._positions[nearest] != chosen:
                self.momentChosen.emit(nearest)
        self.slider.blockSignals(False)
        self._show_state()

    def is_live(self) -> bool:
        return self.slider.value() >= len(self._positions)

    def index(self) -> int | None:
        """The moment shown, or None when live."""
        return None if self.is_live() else self.slider.value()

    def moment_texts(self, index: int) -> tuple[str, str]:
        """Where moment ``index`` lies in the run, in full ('epoch 0.25 · step 117') and short ('0.25')."""
        epoch = f"{self._positions[index]:.2f}"
        return self.tr("epoch {0} · step {1}").format(epoch, f"{self._steps[index]:,}"), epoch

    def choose(self, index: int) -> None:
        self.slider.setValue(max(0, min(index, len(self._positions))))

    def step(self, delta: int) -> bool:
        """One moment back (-1) or forward (+1), as a clicker does; False at either end."""
        value = self.slider.value() + delta
        if not self._positions or not 0 <= value <= len(self._positions):
            return False
        self.slider.setValue(value)
        return True

    def go_live(self) -> None:
        self.slider.setValue(len(self._positions))

    def _moved(self, value: int) -> None:
        self._show_state()
        if value >= len(self._positions):
            self.liveChosen.emit()
        else:
            self.momentChosen.emit(value)

    def _show_state(self) -> None:
        self.live_button.setEnabled(not self.is_live())
        self.slider.setEnabled(bool(self._positions))



class MomentMarker:
    """A dashed line on the loss plot where the moment shown lies, and where it is in words at its foot, on a
    backing that keeps them legible over a curve (on the side of the line with room); hidden while live."""

    def __init__(self, plot):
        self._line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(ACCENT, width=2,
                                                                             style=Qt.PenStyle.DashLine))
        self._label = pg.TextItem("", color=ACCENT)
        self._label.setZValue(16)
        self._box = plot.getPlotItem().getViewBox()
        self._plot = plot
        self._texts: tuple[str, ...] = ("",)
        self._line.setZValue(15)
        for item in (self._line, self._label):
            item.hide()
            self._box.addItem(item, ignoreBounds=True)
        self._box.sigRangeChanged.connect(self._place_label)
        self._box.sigResized.connect(self._place_label)

    def show_at(self, position: float | None, texts: tuple[str, ...] = ("",)) -> None:
        """The line at ``position`` epochs (None: hide), with the first of ``texts`` (longest first) that fits
        beside it."""
        self._texts = texts
        for item in (self._line, self._label):
            item.setVisible(position is not None)
        if position is not None:
            self._line.setPos(position)
            self._label.setFont(legible_font(self._plot, 0.9))
            backing = background_colour(self._plot)
            backing.setAlpha(210)
            self._label.fill = pg.mkBrush(backing)
            self._place_label()

    def _place_label(self, *_) -> None:
        (x0, x1), (y0, _) = self._box.viewRange()
        x = self._line.pos().x()
        right = x > (x0 + x1) / 2  # the words go towards the middle of the plot
        self._label.setAnchor((1.0, 1.0) if right else (0.0, 1.0))
        self._label.setPos(x, y0)
        room = self._box.width() * ((x - x0) if right else (x1 - x)) / max(x1 - x0, 1e-9) - 8
        metrics = QFontMetricsF(self._label.textItem.font())
        self._label.setText(next((t for t in self._texts if metrics.horizontalAdvance(t) <= room), self._texts[-1]))

    def position(self) -> float | None:
        return self._line.pos().x() if self._line.isVisible() else None

    def text(self) -> str:
        return self._label.toPlainText() if self._label.isVisible() else ""
