"""The main window: draw a digit, see what the network reads and how sure it is, and watch it learn.

Layout (three columns in splitters, so it fits 1280x720 and uses 1920x1080):

    drawing             | network diagram                 | training panel
    canvas + pen tools  |                                 |
    prediction          |---------------------------------|-----------------
    28x28 input | bars  | activations   | first weights   | loss & accuracy

Data flow: the canvas emits its image on every pen move; the window turns it into the network's input
(:func:`nnviz.data.prepare`) and runs a forward pass with its own copy of the network, then feeds every
view. The copy is refreshed from the training process's snapshots (a few a second, newest wins), so the
prediction for the current drawing follows training live. Widgets never see the training process; it never
sees a widget.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QSizePolicy, QSlider, QStatusBar

from nnviz.app import settings_store
from nnviz.app.panels import ElidedLabel
from nnviz.appmodel.reading import FrozenNetworks
from nnviz.appmodel.refresh_budget import RefreshBudget
from nnviz.app.model_description import UNTRAINED, ModelOrigin
from nnviz.appmodel.snapshot import EpochResult, LossPoints, NetworkSnapshot, RunState
from nnviz.app.theme import apply_theme
from nnviz.appmodel.training_session import TrainingSettings, architecture_of, mnist_loader
from nnviz.app.widgets.banner import Banner
from nnviz.app.widgets.canvas import MAX_PEN_WIDTH, MIN_PEN_WIDTH, Canvas
from nnviz.app.widgets.download_dialog import DownloadDialog
from nnviz.app.widgets.fitted_label import FittedLabel, SizedLabel
from nnviz.app.widgets.heatmaps import ActivationHeatmaps
from nnviz.app.widgets.input_preview import InputPreview
from nnviz.app.widgets.loss_plot import LossPanel
from nnviz.app.widgets.network_view import NetworkView
from nnviz.app.widgets.probability_bars import ProbabilityBars
from nnviz.app.widgets.training_panel import TrainingPanel
from nnviz.app.widgets.weights_view import WeightsView
from nnviz.app.background import shared_loader
from nnviz.app.training_process import TrainingProcess
from nnviz.appmodel.app_options import AppOptions
from nnviz.app.window.actions import Actions
from nnviz.app.window.arrangement import Arrangement
from nnviz.app.window.comparing import ComparingRuns
from nnviz.app.window.documents import Documents
from nnviz.app.window.filming import Filming
from nnviz.app.window.rates import RefreshPolicy
from nnviz.app.window.reading import EMPTY_PREDICTION, DrawingReader
from nnviz.app.window.rewinding import Rewinding
from nnviz.app.window.training_link import TrainingLink

class MainWindow(DrawingReader, TrainingLink, Rewinding, ComparingRuns, Documents, Filming, Actions, Arrangement,
                 QMainWindow):
    """The nnviz window. ``options`` as parsed by the CLI; ``load_training_data`` replaces reading MNIST
    (tests give a small subset); ``training``: the training thread of a window this one takes over from (see
    :meth:`hand_over_to`), instead of a new one."""

    presentingChanged = Signal(bool)
    predictionTextChanged = Signal(str)  # "7 (96 %)", or "" when the canvas is empty
    trainingStateChanged = Signal(str)  # TrainingStatus.state, once per change ("running", "paused", ...)
    replacedBy = Signal(object)  # the window that takes over from this one (rebuilt in another language)
    momentShown = Signal(float, int)  # the timeline's moment shown (epochs, step); (-1, -1): live again

    def __init__(self, options: AppOptions = AppOptions(), *, settings: TrainingSettings | None = None,
                 load_training_data=None, restore_layout: bool = True, training: TrainingProcess | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("nnviz: draw a digit, watch a neural network"))
        self._options = options
        self._init_state()
        remembered = settings_store.restored_view()
        self._theme = remembered.theme
        self._load_training_data = load_training_data

        apply_theme(QApplication.instance(), self._theme)
        self._build_widgets(settings or TrainingSettings())
        self._build_layout()
        self._build_actions()
        self.refresh_policy = policy = RefreshPolicy()
        self._snapshot_refresh = policy.throttle("snapshot", self._apply_pending_snapshot, self)
        self._views_refresh = policy.throttle("views", self._show_weights, self)
        self._layer_views_refresh = policy.throttle("stroke", self._show_layer_activity, self)
        self.refresh_budget = RefreshBudget()
        self._build_rewinding()

        net = self._load_initial_model()
        if settings is None:  # the panel shows the network in use
            self.training_panel.set_architecture(architecture_of(net))
        else:  # the panel shows what Reset will build
            self.training_panel.set_architecture_pending(settings.architecture != architecture_of(net))
        load_data = load_training_data or mnist_loader(options.data)
        first = NetworkSnapshot.of(net)
        self._link_training(first, load_data, training)
        self._build_comparing()
        self.training_panel.runControlsChanged.connect(self._fit_training_column)
        self.loss_panel.clear_action.triggered.connect(self._history.clear)
        self._build_inspection(shared_loader(load_data))
        for channel, view in (("loss", self.loss_plot), ("histograms", self.inspection), ("fed", self.network_view),
                              ("fed", self.weights_view)):
            policy.govern(channel, view.set_refresh_interval)
        self._build_inspection_actions()
        self._build_probing()  # issue 18: silence, clamp, dream, nudge
        self._show_network(first)
        self._origin_W0 = self._snapshot.weights[0]
        self._update_prediction()
        self._open_at_size(options)
        # What the user asked for on the command line wins over what the window remembers.
        self._restore_session(
            restore_training=settings is None and not (options.lesson or options.model or options.screenshot),
            restore_layout=restore_layout and not (options.screenshot or options.size_given),
            hidden_panels=remembered.hidden)

    def _init_state(self) -> None:
        self._prepared = None  # the current drawing as the network's input (nnviz.data.Prepared)
        self._trace = None
        self._frozen_networks = FrozenNetworks()  # what readings hand the views (never self._net)
        self._showing_empty = False  # the views show the empty canvas for the current layer sizes
        self._prediction = ""
        self._snapshot: NetworkSnapshot | None = None
        self._pending_snapshot: NetworkSnapshot | None = None
        self._model_path: Path | None = None
        self._origin_W0: np.ndarray | None = None  # first-layer weights at the last reset, for "show the change"
        self._baseline_on = False
        self._training_state = RunState.IDLE
        self._origin = ModelOrigin(UNTRAINED)
        self._trained_accuracy: float | None = None  # the last epoch's test accuracy of the network in use
        self._history: list[LossPoints | EpochResult] = []  # what the curves were drawn from, in order
        self._handed_over = False  # the training thread went on with another window
        self._before_reset = None  # what Undo reset brings back (a KeptNetwork)
        self._resetting = False  # a Reset was asked for: the next new network is its
        self._undoing = None  # what Undo reset brings back, once the training process has brought back the network
        self._lesson_windows: list = []
        self._before_presenting = None  # (window state, PanelLayout) while presenting

    # ------------------------------------------------------------------ construction
    def _build_widgets(self, settings: TrainingSettings) -> None:
        self.banner = Banner()
        self.canvas = Canvas()
        self.canvas.imageChanged.connect(self._on_canvas_image)
        self.canvas.loadFailed.connect(self._on_picture_failed)

        self.pen_slider = QSlider(Qt.Orientation.Horizontal)
        self.pen_slider.setObjectName("penWidth")
        self.pen_slider.setRange(MIN_PEN_WIDTH, MAX_PEN_WIDTH)
        self.pen_slider.setValue(self.canvas.pen_width())
        self.pen_slider.setToolTip(self.tr("Pen width (also: mouse wheel over the drawing)"))
        self.pen_slider.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.pen_slider.valueChanged.connect(self.canvas.set_pen_width)
        self.canvas.penWidthChanged.connect(self.pen_slider.setValue)
        self.pen_value = SizedLabel(f"{self.canvas.pen_width()} px", f"{MAX_PEN_WIDTH} px")
        self.canvas.penWidthChanged.connect(self._show_pen_width)
        self.eraser_button = QPushButton(self.tr("Eraser"))
        self.eraser_button.setObjectName("eraserButton")
        self.eraser_button.setCheckable(True)
        self.eraser_button.setToolTip(self.tr("Erase with the left button too (E). The right button always erases."))
        self.eraser_button.toggled.connect(self.canvas.set_eraser)
        self.canvas.eraserChanged.connect(self.eraser_button.setChecked)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(self.tr("Take back the last stroke (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("clearButton")
        self.clear_button.setToolTip(self.tr("Erase the whole drawing (Esc)"))
        self.clear_button.clicked.connect(self.canvas.clear)
        self.saliency_button = QPushButton(self.tr("Why?"))
        self.saliency_button.setObjectName("saliencyButton")
        self.saliency_button.setCheckable(True)
        self.saliency_button.setToolTip(self.tr("Show which pixels pushed the prediction up (red) or down (blue) (S)"))
        for button in (self.eraser_button, self.undo_button, self.clear_button, self.saliency_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.prediction_label = FittedLabel(EMPTY_PREDICTION)
        self.prediction_label.setObjectName("prediction")
        self.prediction_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prediction_label.setToolTip(self.tr("The network's answer: the digit it finds most likely, and how sure it is"))
        self.prediction_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.input_preview = InputPreview()
        self.probabilities = ProbabilityBars()
        self.network_view = NetworkView(follow_drawing=True)
        self.heatmaps = ActivationHeatmaps()
        self.weights_view = WeightsView()
        self.training_panel = TrainingPanel(settings)
        self.loss_panel = LossPanel()
        self.loss_plot = self.loss_panel.plot

        self.model_label = ElidedLabel("")  # a narrow window shows "mnist-mlp.npz · 784-…", the tooltip the rest
        self.model_label.setObjectName("modelInfo")
        status = QStatusBar()
        status.addPermanentWidget(self.model_label)
        # a message ("epoch 3: test accuracy …") has the whole bar for its time, not what the model line leaves
        status.messageChanged.connect(lambda message: self.model_label.setVisible(not message))
        self.setStatusBar(status)

    def _show_network(self, snapshot: NetworkSnapshot, views_now: bool = True) -> None:
        """Make ``snapshot`` the network of the UI thread, re-read the drawing with it, and redraw the
        diagram's connections and the weight tiles (at once, or within the "views" interval while training)."""
        self._snapshot = snapshot
        self._probed = None  # the poked copy of the network is made again from these weights
        net = getattr(self, "_net", None)
        if net is not None and net.sizes == tuple(snapshot.sizes) and net.activation == snapshot.activation:
            net.weights = snapshot.weights  # copies into the existing arrays: no new network per snapshot
            net.biases = snapshot.biases
        else:
            self._net = snapshot.to_network()
            self.probing.network_changed(self._net.sizes)
            self._showing_empty = False
            views_now = True  # new layer sizes: the views must match the activations drawn next
        if views_now and self._views_refresh.pending():
            self._views_refresh.flush()  # draws this snapshot (the newest) now
        elif views_now:
            self._show_weights()
        else:
            self._views_refresh.request()
        self._predict()
        self._describe_model()

    def _replace_network(self, snapshot: NetworkSnapshot) -> None:
        """Another network altogether (reset, opened file): what the Inspect panel computed for the old one
        goes before the new one is shown, and what it shows is redone after."""
        self.inspection.network_replaced()
        self._show_network(snapshot)
        self._drawing_done()
        self.inspection.after_network_replaced(self.reading())

    def _show_weights(self) -> None:
        """The diagram's strongest connections and the first layer's weight tiles, from the newest snapshot."""
        snapshot = self._snapshot
        if snapshot is None:
            return
        self.network_view.set_snapshot(snapshot)
        if snapshot.sizes[0] == 784:
            self.weights_view.set_weights(snapshot.weights[0])
        self.inspection.network_changed(self.reading())

    def clicker_step(self, delta: int) -> bool:
        """What a clicker's next (+1) and back (-1) step: slow motion while it is shown, else the timeline."""
        slow = self.inspection.slow_motion
        if self.inspection.showing(slow):
            before = slow.position()
            slow.next_step() if delta > 0 else slow.previous_step()
            return slow.position() != before
        return self.step_timeline(delta)

    def options(self) -> AppOptions:
        return self._options

    def training_data_loader(self):
        return self._load_training_data

    # ------------------------------------------------------------------ tests, screenshots
    def apply_pending(self) -> None:
        """Draw whatever waits for a refresh interval now (screenshots, tests)."""
        self._snapshot_refresh.flush()
        self._views_refresh.flush()
        self.loss_plot.apply_pending()
        self.network_view.apply_pending()
        self.weights_view.apply_pending()

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_recording()  # a film under way is finished and saved
        self.set_presenting(False)  # what is remembered is the everyday window
        if not self._options.screenshot:  # a scripted picture must not change what the user's window remembers
            settings_store.save_window(self)  # never raises: the thread below must always be stopped
        for dialog in self.findChildren(DownloadDialog):
            dialog.stop()
        for panel in self.panels.values():
            panel.dock()  # a panel's own window must not keep the application open
        self.inspection.close()  # nor the Inspect panel's, left behind on the screen
        if not self._handed_over:
            self.training.shutdown()
        super().closeEvent(event)

