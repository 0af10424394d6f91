"""Slow motion: one forward pass of the current drawing, layer by layer, then one backward pass.

Each press of Next (or Space) takes one step of :func:`nnviz.nn.walkthrough.walkthrough`: forward, the
next layer lights up while what flows into it (weight × activation) grows along the connections; backward,
from the output, each layer turns into its deltas (blue negative, red positive, on one symmetric log scale
for every layer that a colour bar under the diagram states: an error of 0.000001 stays neutral instead of
showing as saturated as the output's) while the changes an SGD step would make to the weights into it grow
back along the connections. Beside the diagram the step is
written out with the real numbers, and a clicked neuron is shown in a neuron inspector.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nnviz.app.colormaps import DIVERGING, DIVERGING_DARK, SymLogScale
from nnviz.app.painting import is_dark, legible_font
from nnviz.app.plot_axes import decimals_for, plain_number
from nnviz.appmodel.snapshot import NetworkSnapshot
from nnviz.app.widgets.slow_motion_words import SOFTMAX_LINK, StepWords
from nnviz.app.widgets.diagram.selection import top_edges
from nnviz.app.widgets.diagram.stage import Stage
from nnviz.app.widgets.network_view import NetworkView
from nnviz.app.widgets.neuron_inspector import NeuronInspector
from nnviz.app.widgets.scale_bar import ScaleBar
from nnviz.nn.walkthrough import BackwardStep, ForwardStep, Walkthrough, walkthrough

SPEED_STEPS = 20  # slider positions: from SLOWEST_MS to FASTEST_MS per step, evenly on a log scale
SLOWEST_MS, FASTEST_MS = 4000, 400
ANIMATION_SHARE = 0.6  # of a step's time, the part its animation takes
FRAME_MS = 33  # ~30 frames a second
DEFAULT_LEARNING_RATE = 0.1
DIAGRAM_SHARE = 0.58  # of the width; the rest is for the text
# The deltas' colours: sizes from 0.0001 (neutral) to 1 (saturated) over four decades, the same in every layer
DELTA_SCALE = SymLogScale(floor=1e-4, top=1.0)
DELTA_TICKS = (-1.0, -0.01, 0.0, 0.01, 1.0)


def step_interval_ms(position: int) -> int:
    """Milliseconds per step at a position of the speed slider (0 slowest .. SPEED_STEPS fastest)."""
    return round(SLOWEST_MS * (FASTEST_MS / SLOWEST_MS) ** (position / SPEED_STEPS))


# numbers as the formulas show them: values to 3 decimals; gradients and changes, which may be tiny, to 3
# significant digits


class SlowMotionView(StepWords, QWidget):
    """``set_input(network, x)`` with the drawing as the network's input (784,), or None for no drawing."""

    softmaxRequested = Signal()  # the user asked for softmax step by step (a view of the Inspect panel)
    positionChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("slowMotion")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._network = None
        self._x: np.ndarray | None = None
        self._walk: Walkthrough | None = None
        self._position = 0  # steps done: 0 (only the input shown) .. len(steps)
        self._stage: Stage | None = None
        self._selected: tuple[int, int] | None = None  # the neuron clicked last
        self._split = False
        self._build()
        for child in [self, *self.findChildren(QWidget)]:
            child.installEventFilter(self)  # Space steps wherever the focus is inside this view
        self._show()

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        splitter = self._splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._diagram_column())
        splitter.addWidget(self._words_column())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        # Inside the Inspect panel its layout sets the minimum sizes; shown on its own (tests, screenshots)
        # it needs none, and setting one makes the offscreen platform warn.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._step_buttons())
        layout.addLayout(self._options_row())
        self._timer = QTimer(self)  # Play
        self._timer.timeout.connect(self._advance)
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.valueChanged.connect(self._animate)
        self._speed_changed()
        self._style()

    def _diagram_column(self) -> QWidget:
        self.diagram = NetworkView()
        self.diagram.setObjectName("slowMotionDiagram")
        self.diagram.nodeClicked.connect(self.select_neuron)
        self.diagram.setMinimumWidth(240)  # not its legends' width in one row: they stack when narrow
        self.delta_scale = ScaleBar(DIVERGING, self.tr("δ, log scale (|δ| < {0} shows as 0)").format(
            plain_number(DELTA_SCALE.floor, decimals_for(DELTA_SCALE.floor))))
        self.delta_scale.setObjectName("slowMotionDeltaScale")
        self.delta_scale.set_ticks([(DELTA_SCALE.bar_position(v), plain_number(v, decimals_for(abs(v) or 1)))
                                    for v in DELTA_TICKS])
        self.delta_scale.hide()  # during the backward pass only
        diagram = QWidget()
        diagram_layout = QVBoxLayout(diagram)
        diagram_layout.setContentsMargins(0, 0, 0, 0)
        diagram_layout.addWidget(self.diagram, 1)
        diagram_layout.addWidget(self.delta_scale)
        return diagram

    def _step_buttons(self) -> QHBoxLayout:
        self.restart_button = self._button(self.tr("Restart"), self.restart, "slowMotionRestart",
                                           self.tr("Back to the input, before the first step"))
        self.previous_button = self._button(self.tr("◀ Back"), self.previous_step, "slowMotionPrevious",
                                            self.tr("One step back"))
        self.play_button = self._button(self.tr("Play"), self.toggle_play, "slowMotionPlay",
                                        self.tr("Take the steps one after the other at the chosen speed"))
        self.play_button.setCheckable(True)
        self.next_button = self._button(self.tr("Next ▶"), self.next_step, "slowMotionNext",
                                        self.tr("The next step (Space)"))
        buttons = QHBoxLayout()
        for button in (self.restart_button, self.previous_button, self.play_button, self.next_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def _options_row(self) -> QHBoxLayout:
        """The pace of Play, the digit the backward pass learns towards, and its learning rate."""
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setObjectName("slowMotionSpeed")
        self.speed.setRange(0, SPEED_STEPS)
        self.speed.setValue(SPEED_STEPS // 2)
        self.speed.setMinimumWidth(60)
        self.speed.setToolTip(self.tr("How long each step takes"))
        self.speed.valueChanged.connect(self._speed_changed)
        self.speed_label = QLabel()
        self.target = QSpinBox()
        self.target.setObjectName("slowMotionTarget")
        self.target.setToolTip(self.tr("The digit the drawing really is: the backward pass learns towards it "
                                       "(at first the network's own reading)"))
        self.target.valueChanged.connect(lambda _: self._recompute())
        self.learning_rate = QDoubleSpinBox()
        self.learning_rate.setObjectName("slowMotionLearningRate")
        self.learning_rate.setDecimals(3)
        self.learning_rate.setRange(0.001, 10.0)
        self.learning_rate.setSingleStep(0.05)
        self.learning_rate.setValue(DEFAULT_LEARNING_RATE)
        self.learning_rate.setToolTip(self.tr("The learning rate of the SGD step whose weight changes are shown"))
        self.learning_rate.valueChanged.connect(lambda _: self._recompute())
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("speed")))
        options.addWidget(self.speed, 1)
        options.addWidget(self.speed_label)
        options.addSpacing(8)
        options.addWidget(QLabel(self.tr("true digit")))
        options.addWidget(self.target)
        options.addSpacing(8)
        options.addWidget(QLabel(self.tr("learning rate")))
        options.addWidget(self.learning_rate)
        options.addStretch(1)
        return options

    def _words_column(self) -> QSplitter:
        """What the step does, in words and numbers, over the inspector of a clicked neuron."""
        self.counter = QLabel()
        self.counter.setObjectName("slowMotionCounter")
        self.counter.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setObjectName("slowMotionText")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(lambda url: url.toString() == SOFTMAX_LINK and self.softmaxRequested.emit())
        self.inspector = NeuronInspector()
        self.inspector.setObjectName("slowMotionInspector")
        self.inspector.hide()  # until a neuron is clicked: till then the text has the room
        words = QWidget()
        words_layout = QVBoxLayout(words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.addWidget(self.counter)
        words_layout.addWidget(self.text, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(words)
        right.addWidget(self.inspector)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        return right

    def _button(self, text: str, slot, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda *_: slot())
        return button

    def _style(self) -> None:
        """Fonts from the widget's own: on construction and when it changes (presentation mode)."""
        self.counter.setFont(legible_font(self, bold=True))
        self.text.setFont(legible_font(self))

    # ------------------------------------------------------------------ public API
    def set_input(self, network, x) -> None:
        """Walk ``x`` (n_in,) through ``network`` (an :class:`nnviz.nn.MLP`); None: nothing drawn. A new
        drawing (or architecture) starts again from the input, with its prediction as the true digit; new
        weights for the same drawing keep the step."""
        x = None if x is None else np.asarray(x, dtype=np.float32).reshape(-1)
        same_net = self._network is not None and network is not None and tuple(network.sizes) == tuple(
            self._network.sizes)
        same = same_net and x is not None and self._x is not None and np.array_equal(x, self._x)
        self._network, self._x = network, x
        if same and self.animating():  # training's new weights: the running step goes on with them
            self._recompute(animate=False, keep_animation=True)
            return
        if not same:
            self._stop()
            self._position = 0
            if x is not None and network is not None:
                self.target.blockSignals(True)
                self.target.setRange(0, network.sizes[-1] - 1)
                self.target.setValue(int(np.argmax(network.predict_proba(x))))
                self.target.blockSignals(False)
        self._recompute(animate=False)

    def walkthrough(self) -> Walkthrough | None:
        return self._walk

    def position(self) -> int:
        """How many steps are done: 0 shows only the input, ``step_count()`` the whole backward pass."""
        return self._position

    def step_count(self) -> int:
        return 0 if self._walk is None else len(self._walk.steps)

    def current_step(self) -> ForwardStep | BackwardStep | None:
        return None if self._walk is None or self._position == 0 else self._walk.steps[self._position - 1]

    def description(self) -> str:
        """The current step as plain text (what the text beside the diagram says)."""
        return self.text.toPlainText()

    def step_interval_ms(self) -> int:
        return step_interval_ms(self.speed.value())

    def is_playing(self) -> bool:
        return self._timer.isActive()

    def animating(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def next_step(self) -> None:
        if self._walk is not None and self._position < self.step_count():
            self._go(self._position + 1, animate=True)

    def previous_step(self) -> None:
        if self._walk is not None and self._position > 0:
            self._go(self._position - 1, animate=False)

    def restart(self) -> None:
        self._stop()
        self._go(0, animate=False)

    def toggle_play(self) -> None:
        self.play(not self.is_playing())

    def play(self, on: bool) -> None:
        """Take a step every ``step_interval_ms()`` until the end (from the start if at the end already)."""
        if on and self._walk is not None:
            if self._position == self.step_count():
                self._go(0, animate=False)
            self._timer.start(self.step_interval_ms())
            self.next_step()
        else:
            self._timer.stop()
        self._show_play_state()

    def select_neuron(self, layer: int, index: int) -> None:
        """Show neuron ``index`` of ``layer`` in the inspector, and in the text when its layer is the step's."""
        self._selected = (layer, index)
        self.inspector.show()
        if self._network is not None:
            self.inspector.show_neuron(self._network, layer, index, None if self._walk is None else self._walk.trace)
        self._describe()

    # ------------------------------------------------------------------ stepping
    def _recompute(self, animate: bool = False, keep_animation: bool = False) -> None:
        """The walk-through of the current drawing, network, true digit and learning rate."""
        if self._network is None or self._x is None or len(self._x) != self._network.sizes[0]:
            self._walk = None
            self._position = 0
            self.diagram.set_activations(None)
        else:
            self._walk = walkthrough(self._network, self._x, self.target.value(), self.learning_rate.value())
            self.diagram.set_snapshot(NetworkSnapshot(
                sizes=tuple(self._network.sizes), activation=self._network.activation, output=self._network.output,
                weights=tuple(s.W for s in self._walk.forward), biases=tuple(s.b for s in self._walk.forward)))
            self.diagram.apply_pending()
            self.diagram.set_activations([self._walk.x] + [s.a for s in self._walk.forward])
            if self._selected is not None:
                self.inspector.refresh(self._network, self._walk.trace)
        if keep_animation and self._walk is not None:
            self._stage = self._stage_at(self._position)
            self._show()
            return
        self._go(self._position, animate)

    def _go(self, position: int, animate: bool) -> None:
        self._position = position
        self._animation.stop()
        self._stage = self._stage_at(position)
        if animate and self._stage is not None and self._stage.moving is not None:
            self._animation.setDuration(max(FRAME_MS, round(ANIMATION_SHARE * self.step_interval_ms())))
            self._animate(0.0)
            self._animation.start()
        else:
            self._animate(1.0)
        self._show()
        self.positionChanged.emit(position)

    def _advance(self) -> None:
        if self._position >= self.step_count():
            self._stop()
        else:
            self.next_step()

    def _stop(self) -> None:
        self._timer.stop()
        self._show_play_state()

    def _animate(self, progress) -> None:
        if self._stage is None:
            self.diagram.set_stage(None)
            return
        self.diagram.set_stage(dataclasses.replace(self._stage, progress=float(progress)))

    def _stage_at(self, position: int) -> Stage | None:
        """What the diagram shows after ``position`` steps."""
        walk = self._walk
        if walk is None:
            return None
        n_layers = len(walk.forward)
        if position <= n_layers:  # forward: layers 0..position lit, the connections into the newest one
            looks = tuple("activation" if l <= position else "idle" for l in range(n_layers + 1))
            if position == 0:
                return Stage(looks)
            step = walk.forward[position - 1]
            edges = (position, *top_edges(step.contributions, position, n_layers))
            return Stage(looks, moving=position, was="idle", edges=edges, edge_title=self.tr("weight × input"))
        layer = 2 * n_layers - position + 1  # backward: deltas from the output down to this layer
        signed = tuple(walk.backward_of(l).delta if l >= layer else None for l in range(n_layers + 1))
        looks = tuple("signed" if l >= layer else "activation" for l in range(n_layers + 1))
        step = walk.backward_of(layer)
        edges = (layer, *top_edges(step.W_change, layer, n_layers))
        return Stage(looks, signed, moving=layer, was="activation", edges=edges, backward=True,
                     node_title=self.tr("delta δ"), edge_title=self.tr("weight change"), scale=DELTA_SCALE)

    # ------------------------------------------------------------------ showing
    def _show(self) -> None:
        enabled = self._walk is not None
        self.delta_scale.setVisible(self._stage is not None and self._stage.scale is not None)
        self.delta_scale.set_table(DIVERGING_DARK if is_dark(self) else DIVERGING)  # the diagram's signed table
        for widget in (self.restart_button, self.previous_button, self.play_button, self.next_button):
            widget.setEnabled(enabled)
        self.previous_button.setEnabled(enabled and self._position > 0)
        self.next_button.setEnabled(enabled and self._position < self.step_count())
        self._describe()

    def _show_play_state(self) -> None:
        playing = self.is_playing()
        self.play_button.setChecked(playing)
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _speed_changed(self) -> None:
        interval = self.step_interval_ms()
        self.speed_label.setText(self.tr("{0} s per step").format(f"{interval / 1000:.1f}"))
        if self._timer.isActive():
            self._timer.setInterval(interval)







    # ------------------------------------------------------------------ keys and fonts
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space steps here: the window's Space (start / pause training) must not see it meanwhile."""
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and event.key() == Qt.Key.Key_Space \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self.next_step()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "text"):
            self._style()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        if not self._split:  # the first time it has a width: share it between diagram and text
            self._split = True
            width = self.width()
            self._splitter.setSizes([round(width * DIAGRAM_SHARE), round(width * (1 - DIAGRAM_SHARE))])
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._stop()  # nobody is watching
        super().hideEvent(event)

