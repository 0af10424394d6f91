"""The training panel: network shape, hyperparameters, Start/Pause, Step, Stop, Reset, and a progress bar.

It edits a :class:`~nnviz.appmodel.training_session.TrainingSettings` (an Architecture and a TrainConfig) and
knows nothing of the training process: every committed, valid change of a hyperparameter is emitted at once as a
new TrainConfig (``configChanged``; training applies it at its next step), a change of the network's
shape as a new Architecture (``architectureChanged``; applied by Reset). Invalid entries are refused
with a message under the fields and are not emitted.

Text fields commit on Enter or when they lose focus, spin boxes when typing is done (arrow steps at once),
so typing "0.05" never sends a learning rate of 0 or 5 to a running network on the way.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from nnviz.appmodel.snapshot import Architecture, RunState, TrainingStatus
from nnviz.app.widgets.flow_row import FlowRow
from nnviz.app.widgets.hyperparameter_fields import HyperparameterField, choice_box
from nnviz.app.widgets.run_progress import PROGRESS_STEPS, progress_text, progress_value, speed_text
from nnviz.appmodel.network_limits import HIDDEN_ACTIVATIONS, format_hidden, parse_hidden
from nnviz.appmodel.hyperparameters import HYPERPARAMETERS
from nnviz.appmodel.training_session import TrainingSettings
from nnviz.errors import ConfigError
from nnviz.nn import TrainConfig

SPEEDS = (None, 100, 20, 5, 1)  # training steps a second at most; None: as fast as possible
FIELD_TEXT = "0.0001"  # what a field must show at least (a learning rate, a penalty, a seed, "adam")
FIELD_FRAME = 34  # px of a field that are not text: frame, margins, arrows


class TrainingPanel(QWidget):
    """Controls of a training run. Emits settings; shows the run's progress from ``set_status``."""

    configChanged = Signal(object)  # TrainConfig, valid, at once
    architectureChanged = Signal(object)  # Architecture, valid; applied by Reset
    startPauseClicked = Signal()
    stepClicked = Signal()
    stopClicked = Signal()
    resetClicked = Signal()
    speedChanged = Signal(object)  # steps a second at most, or None: as fast as possible
    examplesToggled = Signal(bool)  # train on the person's own examples too (My examples)
    runControlsChanged = Signal()  # the buttons and the progress need another height (see run_controls_height)

    def __init__(self, settings: TrainingSettings = TrainingSettings(), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self._settings = settings
        self._status = TrainingStatus(state=RunState.IDLE, epochs=settings.config.epochs)
        self._errors: dict[str, str] = {}
        self._build()
        self.set_settings(settings)
        self.set_status(self._status)

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        network, training = self._network_group(), self._training_group()
        self.error_label = QLabel()
        self.error_label.setObjectName("settingsError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = self._run_controls()
        self._build_progress()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(6)
        # Start and the progress first: a short window scrolls the forms, never the button that starts training.
        layout.addWidget(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(network)
        layout.addWidget(training)
        layout.addWidget(self.error_label)
        self._detail = (network, training, self.step_button, self.stop_button)  # hidden when compact
        layout.addStretch(1)
        self._connect_fields()

    def _network_group(self) -> QGroupBox:
        """What Reset builds: hidden layers, activation, seed."""
        architecture_hint = self.tr("Hidden layers, activation and seed take effect when you press Reset.")
        network = QGroupBox(self.tr("Network (applied by Reset)"))
        network.setToolTip(architecture_hint)
        self.hidden_edit = QLineEdit()
        self.hidden_edit.setObjectName("hiddenSizes")
        self.hidden_edit.setPlaceholderText(self.tr("e.g. 256,128,64"))
        self.hidden_edit.setToolTip(self.tr("Neurons per hidden layer, separated by commas (e.g. 256,128,64 or 16,16).")
                                    + "\n" + architecture_hint)
        self.activation_box = choice_box(HIDDEN_ACTIVATIONS, self.tr("Activation function of the hidden layers.")
                                          + "\n" + architecture_hint)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setKeyboardTracking(False)
        self.seed_spin.setToolTip(self.tr("Seed of the random initial weights (used by Reset) and of the order\n"
                                          "of the training digits (used by the next run). Same seed, same run."))
        self.pending_label = QLabel(self.tr("Changed: press Reset to build this network "
                                            "(until then, training goes on with the current one)."))
        self.pending_label.setObjectName("resetHint")
        self.pending_label.setWordWrap(True)
        self.pending_label.setProperty("role", "error")
        self.pending_label.hide()
        grid = QGridLayout(network)
        grid.setVerticalSpacing(4)
        self._add_row(grid, 0, (self.tr("Hidden layers"), self.hidden_edit),
                      (self.tr("Activation"), self.activation_box), (self.tr("Seed"), self.seed_spin))
        grid.addWidget(self.pending_label, 1, 0, 1, 6)
        return network

    def _training_group(self) -> QGroupBox:
        """What the next step uses: the panel's hyperparameters (made from their table) and my examples."""
        training = QGroupBox(self.tr("Training (applied at the next step)"))
        training.setToolTip(self.tr("These take effect at the next training step, even in the middle of a run."))
        self._fields = {hp.key: HyperparameterField(hp) for hp in HYPERPARAMETERS if hp.panel}
        self.field("lr").setObjectName("learningRate")
        self.examples_check = QCheckBox(self.tr("My examples"))
        self.examples_check.setObjectName("includeExamples")
        self.examples_check.setToolTip(self.tr("Train on the drawings you corrected too (Train > My examples), "
                                               "each 10 times an epoch.\nTakes effect from the next run."))
        checks = QWidget(training)  # parented at once: a parentless local in a parentless layout gets deleted
        checks_column = QVBoxLayout(checks)
        checks_column.setContentsMargins(0, 0, 0, 0)
        checks_column.setSpacing(2)
        cells: list[tuple[str, QWidget]] = []
        for field in self._fields.values():
            if isinstance(field.widget, QCheckBox):  # the flags share one cell, where the first one is
                if not checks_column.count():
                    cells.append(("", checks))
                checks_column.addWidget(field.widget)
            else:
                cells.append((field.label, field.widget))
        checks_column.addWidget(self.examples_check)
        grid = QGridLayout(training)
        grid.setVerticalSpacing(4)
        for row in range(0, len(cells), 3):
            self._add_row(grid, row // 3, *cells[row:row + 3])
        return training

    def _run_controls(self) -> FlowRow:
        """Start/Pause, Step, Stop, Reset and the pace, in one row that wraps when narrow."""
        style = self.style()
        self.train_button = QPushButton(self.tr("Start"))
        self.train_button.setObjectName("trainButton")
        self._play_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setObjectName("stepButton")
        self.step_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.step_button.setToolTip(self.tr("Train on one batch, then pause (Ctrl+Right)"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaStop))
        self.stop_button.setToolTip(self.tr("End the run; the network keeps what it learned (Start begins a new run)"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.reset_button.setToolTip(self.tr("A new, untrained network with the hidden layers, activation and seed\n"
                                             "above; the curves start over (Ctrl+R)"))
        run_buttons = (self.train_button, self.step_button, self.stop_button, self.reset_button)
        for button in run_buttons:
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Space stays the window's Start/Pause key
        self.speed_box = QComboBox()
        self.speed_box.setObjectName("trainingSpeed")
        for steps_per_s in SPEEDS:
            self.speed_box.addItem(speed_text(steps_per_s), steps_per_s or 0)  # 0: as fast as possible
        self.speed_box.setToolTip(self.tr("Training steps a second at most: slow enough to talk through the first\n"
                                          "steps of a run (the diagram and the curves follow each step), or as "
                                          "fast as the computer goes"))
        self.speed_box.currentIndexChanged.connect(lambda _: self.speedChanged.emit(self.speed()))
        # the pace beside the buttons, presenting too: a lecturer slows a run down to talk it through
        buttons = self._run_buttons = FlowRow([*run_buttons, self.speed_box], [2, 1, 1, 1, 1])
        buttons.arranged.connect(lambda _: self.runControlsChanged.emit())
        return buttons

    def _build_progress(self) -> None:
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setTextVisible(True)
        self.progress.setToolTip(self.tr("Progress of the run: epoch, time left, and training speed"))
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # hidden before a run (presenting): its slim room stays, nothing jumps
        self.progress.setSizePolicy(policy)

        # in large type the progress text does not fit the bar: it goes below, wrapped, instead
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressText")
        self.progress_label.setWordWrap(True)
        self.progress_label.hide()
        self._compact = False
        self._controls_height = 0

    def _connect_fields(self) -> None:
        """Every committed, valid change goes out at once (see the module's docstring)."""
        self.hidden_edit.textChanged.connect(self._check_architecture)
        self.hidden_edit.editingFinished.connect(self._commit_architecture)
        self.activation_box.currentIndexChanged.connect(self._commit_architecture)
        self.seed_spin.valueChanged.connect(self._seed_changed)
        for field in self._fields.values():
            field.connect(self._check_config, self._commit_config)
        self.examples_check.toggled.connect(self.examplesToggled)
        self.train_button.clicked.connect(self.startPauseClicked)
        self.step_button.clicked.connect(self.stepClicked)
        self.stop_button.clicked.connect(self.stopClicked)
        self.reset_button.clicked.connect(self._reset_clicked)

    @staticmethod
    def _add_row(grid: QGridLayout, row: int, *fields: tuple[str, QWidget]) -> None:
        """One row of three fields, each with its caption above it, sharing the width equally (narrow enough
        for a side column on a 1024 px screen: the fields give up their width before the window does)."""
        for column, (text, widget) in enumerate(fields):
            cell = QVBoxLayout()
            cell.setSpacing(1)
            if text:
                caption = QLabel(text)
                caption.setBuddy(widget)
                caption.setToolTip(widget.toolTip())
                caption.setProperty("role", "hint")
                cell.addWidget(caption)
            cell.addWidget(widget)
            grid.addLayout(cell, row, column)
            if isinstance(widget, (QComboBox, QSpinBox)):  # their hint fits the longest choice, or 2147483647
                widget.setMinimumWidth(min(widget.minimumSizeHint().width(),
                                           widget.fontMetrics().horizontalAdvance(FIELD_TEXT) + FIELD_FRAME))
        for column in range(3):
            grid.setColumnStretch(column, 1)

    # ------------------------------------------------------------------ settings
    def set_compact(self, compact: bool) -> None:
        """Only Start/Pause, Reset and the progress (presentation mode: the lecturer set up the run before)."""
        self._compact = compact
        for widget in self._detail:
            widget.setVisible(not compact)
        self.progress.setProperty("compact", compact)  # a slim bar: its words are under it
        self._repolish(self.progress)
        self._show_progress()

    def arrange_for(self, width: int) -> None:
        """Arrange the buttons for a panel ``width`` px wide now (before it is laid out: its height hint follows)."""
        margins = self.layout().contentsMargins()
        self._run_buttons.fit(width - margins.left() - margins.right())

    def run_controls_height(self) -> int:
        """What the buttons, the bar and the words under it need down: the part of the panel that must never be
        scrolled away (the forms under it may be)."""
        margins, spacing = self.layout().contentsMargins(), self.layout().spacing()
        height = margins.top() + self._run_buttons.minimumSizeHint().height() + spacing
        height += self.progress.sizeHint().height() + spacing
        if not self.progress_label.isHidden():
            height += self.progress_label.heightForWidth(max(50, self.width() - margins.left() - margins.right()))
        return height

    def _show_progress(self) -> None:
        """The status line in the bar where it fits, else under it, wrapped (large type, a narrow column, a long
        end-of-run line): never cut at both ends. In compact mode, before a run, the bar would be an empty box:
        only the words then."""
        text = progress_text(self._status)
        fits = not self._compact and self.progress.fontMetrics().horizontalAdvance(text) + 16 <= self.progress.width()
        self.progress.setFormat(text)
        self.progress.setTextVisible(fits)
        self.progress_label.setText(text)
        self.progress_label.setVisible(not fits)
        height = self.run_controls_height()
        if height != self._controls_height:  # another line of words, the label shown or hidden
            self._controls_height = height
            self.runControlsChanged.emit()
        self.progress.setVisible(not self._compact or self._status.state not in (RunState.IDLE, RunState.ERROR))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_progress()

    def speed(self) -> float | None:
        """Training steps a second at most (None: as fast as possible)."""
        return self.speed_box.currentData() or None

    def set_speed(self, steps_per_s: float | None) -> None:
        """Show a speed (emits nothing): one of SPEEDS."""
        with QSignalBlocker(self.speed_box):
            self.speed_box.setCurrentIndex(max(0, self.speed_box.findData(steps_per_s or 0)))

    def settings(self) -> TrainingSettings:
        """The last valid settings (what was emitted)."""
        return self._settings

    def set_settings(self, settings: TrainingSettings) -> None:
        """Show ``settings`` in the fields (emits nothing)."""
        self._settings = settings
        config, arch = settings.config, settings.architecture
        blockers = [QSignalBlocker(w) for w in (self.hidden_edit, self.activation_box, self.seed_spin)]
        self.hidden_edit.setText(format_hidden(arch.hidden))
        self.activation_box.setCurrentIndex(self.activation_box.findData(arch.activation))
        self.seed_spin.setValue(config.seed)
        del blockers
        for key, field in self._fields.items():
            field.set_value(getattr(config, key))
        self._errors.clear()
        self._show_errors()

    def field(self, key: str) -> QWidget:
        """The widget that edits hyperparameter ``key`` (see :data:`~nnviz.appmodel.hyperparameters.HYPERPARAMETERS`)."""
        return self._fields[key].widget

    def set_architecture(self, architecture: Architecture) -> None:
        """Show the shape of the network actually in use (after Reset or opening a model)."""
        self.set_settings(TrainingSettings(architecture, self._settings.config))
        self.set_architecture_pending(False)

    def error_text(self) -> str:
        return self.error_label.text() if self._errors else ""

    def architecture_pending(self) -> bool:
        return not self.pending_label.isHidden()

    def _form_architecture(self) -> Architecture:
        hidden = parse_hidden(self.hidden_edit.text())
        return Architecture(hidden=hidden, activation=self.activation_box.currentData())

    def _form_config(self) -> TrainConfig:
        """The fields' values over the current config (which keeps what the panel does not show)."""
        values = {key: field.value() for key, field in self._fields.items()}
        return self._settings.config.replace(**values, seed=self.seed_spin.value())

    def _check_architecture(self) -> Architecture | None:
        try:
            architecture = self._form_architecture()
        except ConfigError as error:
            self._errors["architecture"] = str(error)
            architecture = None
        else:
            self._errors.pop("architecture", None)
        self._show_errors()
        return architecture

    def _commit_architecture(self) -> None:
        architecture = self._check_architecture()
        if architecture is not None and architecture != self._settings.architecture:
            self._settings = TrainingSettings(architecture, self._settings.config)
            self.set_architecture_pending(True)
            self.architectureChanged.emit(architecture)

    def _check_config(self) -> TrainConfig | None:
        try:
            config = self._form_config()
        except ConfigError as error:
            self._errors["config"] = str(error)
            config = None
        else:
            self._errors.pop("config", None)
        self._show_errors()
        return config

    def _commit_config(self, *_) -> None:
        config = self._check_config()
        if config is not None and config != self._settings.config:
            self._settings = TrainingSettings(self._settings.architecture, config)
            self.configChanged.emit(config)

    def _seed_changed(self) -> None:
        self.set_architecture_pending(True)
        self._commit_config()

    def _reset_clicked(self) -> None:
        self.set_architecture_pending(False)
        self.resetClicked.emit()

    def set_architecture_pending(self, pending: bool) -> None:
        """Say (or stop saying) that the fields describe another network than the one in use."""
        self.pending_label.setVisible(pending)

    def _show_errors(self) -> None:
        text = "\n".join(self._errors.values())
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # ------------------------------------------------------------------ run state
    def set_status(self, status: TrainingStatus) -> None:
        self._status = status
        running = status.state.under_way
        self.set_running(running)
        self.train_button.setText(self.tr("Pause") if running
                                  else self.tr("Resume") if status.state == RunState.PAUSED else self.tr("Start"))
        if status.state == RunState.LOADING:
            self.progress.setRange(0, 0)  # busy
        else:
            self.progress.setRange(0, PROGRESS_STEPS)
            self.progress.setValue(progress_value(status))
        self._show_progress()

    def status(self) -> TrainingStatus:
        return self._status

    def is_running(self) -> bool:
        """Whether the Start button shows Pause (the run is under way or loading)."""
        return self._status.state.under_way

    def set_running(self, running: bool) -> None:
        if self.train_button.property("running") == running:
            return  # statuses come several times a second while training: the button is repainted only when it changes
        self.train_button.setIcon(self._pause_icon if running else self._play_icon)
        self.train_button.setToolTip(self.tr("Pause training (Space)") if running
                                     else self.tr("Start or resume training (Space)"))
        self.train_button.setProperty("running", running)
        self._repolish(self.train_button)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()
