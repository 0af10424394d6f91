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
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from nnviz.app.export import add_export_menu, install_context_menus
from nnviz.app import settings_store
from nnviz.app.inspection import InspectionPanels
from nnviz.app.panels import ElidedLabel, Panel, PanelLayout
from nnviz.appmodel.refresh_budget import RefreshBudget
from nnviz.app.model_description import FILE, NEW, UNTRAINED, ModelOrigin, describe
from nnviz.appmodel.snapshot import EpochResult, LossPoints, NetworkSnapshot, RunState, TrainingStatus
from nnviz.app.probing import Probing
from nnviz.app.show_in_front import show_in_front
from nnviz.app.teaching import Teaching
from nnviz.app.i18n import LANGUAGES, current_language
from nnviz.app.theme import DARK, PRESENTATION_POINT_SIZE, PROJECTOR, apply_theme
from nnviz.app.throttle import Throttle
from nnviz.appmodel.training_session import TrainingSettings, architecture_of, build_network, mnist_loader
from nnviz.app.widgets.banner import Banner
from nnviz.app.widgets.canvas import MAX_PEN_WIDTH, MIN_PEN_WIDTH, Canvas
from nnviz.app.widgets.download_dialog import DownloadDialog
from nnviz.app.widgets.fitted_label import FittedLabel, SizedLabel
from nnviz.app.widgets.flow_row import FlowRow
from nnviz.app.widgets.heatmaps import ActivationHeatmaps
from nnviz.app.widgets.help_dialog import HelpDialog
from nnviz.app.widgets.input_preview import InputPreview
from nnviz.app.widgets.loss_plot import REFRESH_S as LOSS_REFRESH_S, LossPanel
from nnviz.app.widgets.network_view import DRAWING as DRAWING_LINES, WEIGHTS as STRONGEST_WEIGHTS, NetworkView
from nnviz.app.widgets.probability_bars import ProbabilityBars
from nnviz.app.widgets.training_panel import TrainingPanel, progress_text
from nnviz.app.widgets.weights_view import WeightsView
from nnviz.app.window_layout import NARROW, WindowLayout, fitted_size, min_width
from nnviz.app.window_registry import keep_until_closed
from nnviz.app.background import shared_loader
from nnviz.app.pen_activity import PenActivity
from nnviz.app.training_process import TrainingProcess
from nnviz.cli import AppOptions
from nnviz.errors import DataFileError, ModelFileError, NnvizError
from nnviz.nn import MLP
from nnviz.resources import shipped_model_path

EMPTY_PREDICTION = QT_TRANSLATE_NOOP("MainWindow", "draw a digit")
# While training, the training process sends up to 5 snapshots a second. The window reads the drawing with the
# newest one 5 times a second and redraws the diagram's connections and the weight tiles twice a second:
# enough to watch it learn, and it leaves the two cores of a laptop to training (every millisecond the GUI
# thread spends drawing is one the BLAS threads may wait for; measured by bench/pen_while_training.py).
SNAPSHOT_REFRESH_S = 0.2
VIEWS_REFRESH_S = 0.5
STROKE_VIEWS_S = 1 / 30  # the diagram and heatmaps during a stroke; the prediction and bars follow every move
FRAME_ALLOWANCE = 30  # px of a window manager's title bar, left off the screen's height when the window opens
PRESENTATION_HIDES = ("activations", "weights")  # secondary in a lecture; View > Panels brings them back
MODEL_FILTER = QT_TRANSLATE_NOOP("MainWindow", "nnviz models (*.npz);;All files (*)")
LESSON_FILTER = QT_TRANSLATE_NOOP("MainWindow", "nnviz lessons (*.nnviz);;All files (*)")
PICTURE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.npy);;All files (*)")
HELP_HTML = QT_TRANSLATE_NOOP("MainWindow", """
<h2>nnviz: watch a neural network read and learn</h2>
<p><b>Draw</b> a digit on the black square with the left mouse button (or a pen). The network's guess and
its confidence for every digit update while you draw. The small grid shows the 28×28 picture the network
actually reads: your drawing, cropped, scaled and centred like the MNIST digits it learned from.</p>
<p><b>The diagram</b> shows each layer's most active neurons, coloured by how strongly they respond to your
drawing (an empty ring: a silent one), and the largest contributions into each neuron for your drawing, weight ×
input (blue: negative, red: positive): a 2 and an 8 light different paths. When you lift the pen, the signal
flows through the layers once. D, or the buttons above the diagram, shows the strongest weights instead.
Hover a neuron to see its value and connections. <b>Activations</b> shows each hidden layer as a small image; <b>first-layer
weights</b> shows, for each neuron of the first hidden layer, which pixels excite it (red) or inhibit it
(blue).</p>
<p><b>Train</b>: press Start to train on MNIST's 60,000 digits and watch weights, curves and the
prediction change live. Learning rate, optimizer, batch size and penalties can be changed during a run;
hidden layers, activation and seed take effect on Reset, which can be undone until training starts again.
<b>Speed</b> slows training down to a few steps a second, to talk a class through them.</p>
<p><b>Look inside</b> (Inspect menu): click a neuron in the diagram to see its weights and its sum written
out with the real numbers; <b>Why?</b> colours your drawing by which pixels pushed the answer up (red) or
down (blue); <b>Evaluate</b> shows where the network is wrong on 10,000 test digits (click a cell of the
confusion matrix); the <b>hidden-layer map</b> shows how a layer groups the digits; the <b>histograms</b>
show weights and gradients while training. Right-click a view (or File → Export) to save it as PNG, SVG
or CSV.</p>
<p><b>In a lecture</b>: F11 presents (full screen, large type, high contrast, only the main panels).
Every panel can be popped out into a window of its own or hidden with the buttons beside its title;
View → Panels brings it back. View → Language switches between English and 简体中文.</p>
<table cellspacing="6">
<tr><td><b>Ctrl+Z</b></td><td>undo the last stroke (or the correction just taught)</td></tr>
<tr><td><b>Shift+0 … Shift+9</b></td><td>"this drawing is a …": the network learns your correction</td></tr>
<tr><td><b>Ctrl+Shift+M</b></td><td>my examples: the drawings you corrected</td></tr>
<tr><td><b>Esc</b></td><td>clear the drawing</td></tr>
<tr><td><b>E</b></td><td>eraser on/off (the right mouse button always erases)</td></tr>
<tr><td><b>Space</b></td><td>start / pause training</td></tr>
<tr><td><b>Ctrl+Right</b></td><td>train on one batch (Step)</td></tr>
<tr><td><b>Ctrl+.</b></td><td>stop the run</td></tr>
<tr><td><b>L</b></td><td>loss on a log scale</td></tr>
<tr><td><b>D</b></td><td>diagram lines: for this drawing / strongest weights</td></tr>
<tr><td><b>Ctrl+R</b></td><td>reset: a new untrained network</td></tr>
<tr><td><b>Ctrl+Alt+R</b></td><td>undo the reset: the network before it comes back</td></tr>
<tr><td><b>Ctrl+O / Ctrl+S</b></td><td>open / save a model</td></tr>
<tr><td><b>S</b></td><td>saliency on the drawing ("Why?")</td></tr>
<tr><td><b>Ctrl+E</b></td><td>evaluate on the test digits</td></tr>
<tr><td><b>Ctrl+M / Ctrl+H</b></td><td>hidden-layer map / weight and gradient histograms</td></tr>
<tr><td><b>F11</b></td><td>presentation mode: full screen, large type, high contrast</td></tr>
<tr><td><b>Ctrl+Shift+F</b></td><td>full screen</td></tr>
<tr><td><b>Ctrl+J</b></td><td>slow motion: one forward and backward pass, step by step</td></tr>
<tr><td><b>F1 or ?</b></td><td>this help</td></tr>
<tr><td><b>Ctrl+L / Ctrl+Shift+S</b></td><td>open / save a lesson set-up (.nnviz)</td></tr>
<tr><td><b>Ctrl+Q</b></td><td>quit</td></tr>
</table>
""")


def load_window_model(path: str | Path) -> MLP:
    """A model file the window can use: 784 inputs (28x28), 10 softmax outputs. Raises ModelFileError."""
    net = MLP.load(path)
    if net.sizes[0] != 784 or net.sizes[-1] != 10 or net.output != "softmax":
        raise ModelFileError(QCoreApplication.translate(
            "MainWindow", "{0} is a {1} network with {2} output; the window needs an MNIST classifier "
            "(784 inputs, 10 softmax outputs)").format(Path(path).name, "-".join(map(str, net.sizes)), net.output))
    return net


def prediction_text(p: np.ndarray) -> str:
    """'7 (96 %)': the predicted digit and its probability in whole percent."""
    digit = int(np.argmax(p))
    return f"{digit} ({100.0 * float(p[digit]):.0f} %)"


class MainWindow(QMainWindow):
    """The nnviz window. ``options`` as parsed by the CLI; ``load_training_data`` replaces reading MNIST
    (tests give a small subset); ``training``: the training thread of a window this one takes over from (see
    :meth:`hand_over_to`), instead of a new one."""

    presentingChanged = Signal(bool)
    predictionTextChanged = Signal(str)  # "7 (96 %)", or "" when the canvas is empty
    trainingStateChanged = Signal(str)  # TrainingStatus.state, once per change ("running", "paused", ...)
    replacedBy = Signal(object)  # the window that takes over from this one (rebuilt in another language)

    def __init__(self, options: AppOptions = AppOptions(), *, settings: TrainingSettings | None = None,
                 load_training_data=None, restore_layout: bool = True, training: TrainingProcess | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("nnviz: draw a digit, watch a neural network"))
        self._options = options
        self._prepared = None  # the current drawing as the network's input (nnviz.data.Prepared)
        self._trace = None
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
        self._before_reset = None  # what Undo reset brings back: (origin, accuracy, curves, model file)
        self._resetting = False  # a Reset was asked for: the next new network is its
        self._undoing = None  # what Undo reset brings back, once the training process has brought back the network
        self._lesson_windows: list = []
        self._before_presenting = None  # (window state, PanelLayout) while presenting
        remembered = settings_store.restored_view()
        self._theme = remembered.theme
        self._load_training_data = load_training_data

        apply_theme(QApplication.instance(), self._theme)
        self._build_widgets(settings or TrainingSettings())
        self._build_layout()
        self._build_actions()
        self._snapshot_refresh = Throttle(SNAPSHOT_REFRESH_S, self._apply_pending_snapshot, self)
        self._views_refresh = Throttle(VIEWS_REFRESH_S, self._show_weights, self)
        self._layer_views_refresh = Throttle(STROKE_VIEWS_S, self._show_layer_activity, self)
        self.refresh_budget = RefreshBudget()

        net = self._load_initial_model()
        if settings is None:  # the panel shows the network in use
            self.training_panel.set_architecture(architecture_of(net))
        else:  # the panel shows what Reset will build
            self.training_panel.set_architecture_pending(settings.architecture != architecture_of(net))
        load_data = load_training_data or mnist_loader(options.data)
        if training is None:
            self.training = TrainingProcess(self.training_panel.settings(), network=NetworkSnapshot.of(net),
                                            load_data=load_data, parent=self)
            self._listen_to(self.training)
        else:  # listened to from the moment the other window hands it over
            self.training = training
            training.setParent(self)
            training.set_language(current_language())
        self._pen_activity = PenActivity(lambda drawing: self.training.set_drawing(drawing), self)
        self._build_teaching()  # issue 17: corrections, My examples
        self.training_panel.configChanged.connect(self.training.set_config)
        self.training_panel.architectureChanged.connect(self.training.set_architecture)
        self.training_panel.speedChanged.connect(self.training.set_speed)
        self.training_panel.runControlsChanged.connect(self._fit_training_column)
        self.loss_panel.clear_button.clicked.connect(self._history.clear)
        self.inspection = InspectionPanels(self, shared_loader(load_data))
        self._build_inspection_actions()
        self._build_probing()  # issue 18: silence, clamp, dream, nudge
        self._show_network(NetworkSnapshot.of(net))
        self._origin_W0 = self._snapshot.weights[0]
        self._update_prediction()
        self._size = options.size
        if not (options.size_given or options.screenshot) and self.screen() is not None:
            room = self.screen().availableGeometry()
            self._size = fitted_size(options.size, (room.width(), room.height() - FRAME_ALLOWANCE))
        self.resize(*self._size)
        self._distribute(*self._size)
        # What the user asked for on the command line wins over what the window remembers.
        self._restore_session(
            restore_training=settings is None and not (options.lesson or options.model or options.screenshot),
            restore_layout=restore_layout and not (options.screenshot or options.size_given),
            hidden_panels=remembered.hidden)

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

    def _build_layout(self) -> None:
        pen = QLabel(self.tr("Pen width"))
        pen.setBuddy(self.pen_slider)
        pen_caption = QWidget()
        caption_row = QHBoxLayout(pen_caption)
        caption_row.setContentsMargins(0, 0, 0, 0)
        caption_row.addWidget(pen)
        caption_row.addStretch(1)
        caption_row.addWidget(self.pen_value)
        self.pen_slider.setMinimumWidth(60)
        pen_row = FlowRow([pen_caption, self.pen_slider], [0, 1])  # narrow: the slider under its caption
        tools = FlowRow([self.eraser_button, self.undo_button, self.clear_button, self.saliency_button])
        reading = FlowRow([self.input_preview, self.probabilities], [2, 3], spacing=8)
        drawing = QWidget()
        drawing.setObjectName("drawingColumn")
        column = QVBoxLayout(drawing)
        column.setContentsMargins(6, 4, 6, 4)
        column.setSpacing(6)
        column.addWidget(self.canvas, 5)
        column.addWidget(pen_row)
        column.addWidget(tools)
        column.addWidget(self.prediction_label)
        column.addWidget(reading, 3)

        scroll = QScrollArea()
        scroll.setObjectName("trainingScroll")
        scroll.setWidget(self.training_panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panels = self.panels = {
            "drawing": Panel("drawing", self.tr("Drawing"), drawing, titled=False),
            "network": Panel("network", self.tr("Network"), self.network_view,
                             self.tr("Every layer's most active neurons, coloured by their activation for your "
                                     "drawing,\nwith their strongest connections")),
            "activations": Panel("activations", self.tr("Hidden-layer activations"), self.heatmaps,
                                 self.tr("Each hidden layer as a small image: one square per neuron")),
            "weights": Panel("weights", self.tr("First-layer weights"), self.weights_view, self.tr(
                "One 28×28 tile per neuron of hidden layer 1: what it looks for.\n"
                "Red pixels excite it, blue ones inhibit it.")),
            "training": Panel("training", self.tr("Training"), scroll),
            "loss": Panel("loss", self.tr("Loss and accuracy"), self.loss_panel),
        }
        panels["network"].add_header_widget(self.network_view.mode_selector())
        inside = QSplitter(Qt.Orientation.Horizontal)
        inside.addWidget(panels["activations"])
        inside.addWidget(panels["weights"])
        inside.setStretchFactor(0, 2)
        inside.setStretchFactor(1, 3)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(panels["network"])
        middle.addWidget(inside)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(panels["training"])
        right.addWidget(panels["loss"])
        right.setStretchFactor(0, 0)
        right.setStretchFactor(1, 1)

        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.setObjectName("columns")
        columns.addWidget(panels["drawing"])
        columns.addWidget(middle)
        columns.addWidget(right)
        columns.setStretchFactor(0, 3)
        columns.setStretchFactor(1, 5)
        columns.setStretchFactor(2, 4)
        for splitter in (inside, middle, right, columns):
            splitter.setChildrenCollapsible(False)
            splitter.setHandleWidth(6)
        self._splitters = {"columns": columns, "middle": middle, "inside": inside, "right": right}
        self._fit_training_column()

        content = QWidget()
        content.setObjectName("content")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(columns, 3)
        central = QScrollArea()  # below what the panels need, the content scrolls instead of being squeezed
        central.setObjectName("windowScroll")
        central.setWidget(content)
        central.setWidgetResizable(True)
        central.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setCentralWidget(central)
        self.window_layout = WindowLayout(central, layout, columns, inside, right, self)
        for panel in panels.values():
            panel.shownChanged.connect(lambda _: self.window_layout.refit())
            panel.poppedOutChanged.connect(lambda _: self.window_layout.refit())

    def _fit_training_column(self) -> None:
        """Never narrower than the training panel (a cut-off form is worse than a narrower diagram); as
        narrow as it allows when presentation mode hides its forms. Never so short that Start or the progress
        scroll away (the forms under them may)."""
        scroll = self.panels["training"].body
        self.training_panel.layout().activate()
        scroll.setMinimumWidth(self.training_panel.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width())
        scroll.setMinimumHeight(self.training_panel.run_controls_height() + 2 * scroll.frameWidth() + 4)

    def _distribute(self, width: int, height: int) -> None:
        """Initial splitter sizes for a window of this size: a big canvas on the left, the diagram over
        most of the middle, the training panel at its natural height on the right and the curves under it
        (presenting: a third of the width for them, so that the class sees the loss fall)."""
        layout = self.window_layout
        layout.fit(width)
        splitters = self._splitters
        columns, right = splitters["columns"], splitters["right"]
        share = (0.25, 0.35) if self.is_presenting() else (0.26, 0.29)
        left = max(min_width(columns.widget(0)), int(share[0] * width))
        training = self.panels["training"]
        for widget in (self.training_panel, training):
            widget.layout().activate()  # what it needs now, with the rows presentation mode hides
        if layout.mode() == NARROW:  # the training column is a row under the others: side by side in it
            columns.setSizes([left, max(1, width - left)])
            right.setSizes([width // 2, width - width // 2])
            centre = width - left
        else:
            side = max(min_width(right), int(share[1] * width))
            centre = max(1, width - left - side)
            columns.setSizes([left, centre, side])
            scroll = training.body
            self.training_panel.arrange_for(side - scroll.verticalScrollBar().sizeHint().width() - 12)
            panel = training.header.sizeHint().height() + self.training_panel.sizeHint().height() + 12
            right.setSizes([panel, max(1, height - panel)])
        splitters["middle"].setSizes([int(0.6 * height), int(0.4 * height)])
        inside = splitters["inside"]
        room = centre if inside.orientation() == Qt.Orientation.Horizontal else int(0.4 * height)
        inside.setSizes([int(0.42 * room), int(0.58 * room)])

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip or text)
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file = self.file_menu = bar.addMenu(self.tr("&File"))
        self.open_action = self._action(file, self.tr("&Open model…"), self._ask_open_model, QKeySequence.StandardKey.Open,
                                        self.tr("Open a model file (.npz) saved by nnviz"))
        self.save_action = self._action(file, self.tr("&Save model…"), self._ask_save_model, QKeySequence.StandardKey.Save,
                                        self.tr("Save the current network to a file"))
        self._action(file, self.tr("&Reload the shipped model"), self.reload_shipped_model, None,
                     self.tr("Go back to the pretrained model that comes with nnviz"))
        file.addSeparator()
        self._action(file, self.tr("Open &picture…"), self._ask_open_picture, "Ctrl+I", self.tr("Put a picture of a digit on the canvas"))
        file.addSeparator()
        self._action(file, self.tr("Open &lesson…"), self._ask_open_lesson, "Ctrl+L",
                     self.tr("Open a lesson set-up (.nnviz): architecture, hyperparameters, seed and panels"))
        self._action(file, self.tr("Save lesson set-&up…"), self._ask_save_lesson, "Ctrl+Shift+S",
                     self.tr("Save this set-up as a .nnviz file to open again or share with a class"))
        self._action(file, self.tr("&Download MNIST…"), self.offer_download, None, self.tr("Fetch the MNIST digits used for training"))
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(edit, self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo,
                                        self.tr("Take back the last stroke, or the correction just taught"))
        self.clear_action = self._action(edit, self.tr("&Clear drawing"), self.canvas.clear, "Esc")
        self.eraser_action = self._action(edit, self.tr("&Eraser"), self.canvas.set_eraser, "E", checkable=True)
        self.canvas.eraserChanged.connect(self.eraser_action.setChecked)

        view = bar.addMenu(self.tr("&View"))
        self.log_action = self._action(view, self.tr("&Log-scale loss"), self.loss_plot.set_log_scale, "L", checkable=True)
        self.loss_plot.logScaleChanged.connect(self.log_action.setChecked)
        self.drawing_lines_action = self._action(
            view, self.tr("Diagram: lines for this &drawing"), self._show_drawing_lines, "D",
            self.tr("Lines: each neuron's largest contributions for the drawing (off: its strongest weights)"),
            checkable=True)
        self.drawing_lines_action.setChecked(self.network_view.edge_mode() == DRAWING_LINES)
        self.network_view.edgeModeChanged.connect(
            lambda mode: self.drawing_lines_action.setChecked(mode == DRAWING_LINES))
        self.flow_action = self._action(
            view, self.tr("Diagram: let the signal &flow"), self.network_view.set_flow_enabled, None,
            self.tr("When the drawing changes, the signal runs through the layers one after the other"),
            checkable=True)
        self.flow_action.setChecked(self.network_view.flow_enabled())
        self._action(view, self.tr("Weights: show the &change since Reset"), self._show_weight_change, None,
                     self.tr("Colour each weight by how much training has changed it"), checkable=True)
        self._action(view, self.tr("Weights: one &scale for all tiles"), self._set_global_scale, None,
                     self.tr("All tiles on one colour scale instead of each on its own"), checkable=True)
        view.addSeparator()
        self._build_panel_menus(view)
        view.addSeparator()
        self._build_look_menus(view)
        view.addSeparator()
        self.present_action = self._action(
            view, self.tr("&Present"), self.set_presenting, "F11",
            self.tr("Presentation mode: full screen, large type, high contrast, secondary panels hidden"),
            checkable=True)
        self.present_action.setObjectName("presentAction")
        self.full_screen_action = self._action(view, self.tr("&Full screen"), self._toggle_full_screen,
                                               "Ctrl+Shift+F", checkable=True)

        train = self.train_menu = bar.addMenu(self.tr("&Train"))
        self.train_action = self._action(train, self.tr("&Start / pause"), self.toggle_training, "Space",
                                         self.tr("Start or pause training (Space)"))
        self._action(train, self.tr("S&tep (one batch)"), self.step_training, "Ctrl+Right")
        self._action(train, self.tr("St&op"), self.stop_training, "Ctrl+.")
        self._action(train, self.tr("&Reset network"), self.reset_network, "Ctrl+R",
                     self.tr("A new untrained network with the panel's hidden layers, activation and seed"))
        self.undo_reset_action = self._action(
            train, self.tr("&Undo reset"), self.undo_reset, "Ctrl+Alt+R",
            self.tr("Bring back the network the last Reset replaced (until training starts again)"))
        self.undo_reset_action.setEnabled(False)

        help_menu = self.help_menu = bar.addMenu(self.tr("&Help"))
        help_action = self._action(help_menu, self.tr("&Help and shortcuts"), self.show_help, QKeySequence.StandardKey.HelpContents)
        help_action.setShortcuts([*QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents), QKeySequence("?")])
        self._action(help_menu, self.tr("&About nnviz"), self._show_about)

        panel = self.training_panel
        panel.startPauseClicked.connect(self.toggle_training)
        panel.stepClicked.connect(self.step_training)
        panel.stopClicked.connect(self.stop_training)
        panel.resetClicked.connect(self.reset_network)

    def _build_panel_menus(self, view: QMenu) -> None:
        shown = view.addMenu(self.tr("P&anels"))
        popped = view.addMenu(self.tr("Pop &out"))
        for panel in self.panels.values():
            action = self._action(shown, panel.title(), panel.set_shown, None,
                                  self.tr("Show or hide this panel"), checkable=True)
            action.setChecked(True)
            panel.shownChanged.connect(action.setChecked)
            action = self._action(popped, panel.title(), panel.set_popped_out, None,
                                  self.tr("Move this panel into a window of its own"), checkable=True)
            panel.poppedOutChanged.connect(action.setChecked)
        shown.addSeparator()
        self._action(shown, self.tr("Show &all"), self.show_all_panels)

    def _build_look_menus(self, view: QMenu) -> None:
        themes = view.addMenu(self.tr("&Theme"))
        self._theme_actions = self._choices(themes, {
            DARK: self.tr("Dark"), PROJECTOR: self.tr("High contrast (projector)")}, self.set_theme, self._theme)
        languages = view.addMenu(self.tr("&Language"))
        self._choices(languages, LANGUAGES, self.switch_language, current_language())

    def _choices(self, menu: QMenu, names: dict[str, str], choose, current: str) -> dict[str, QAction]:
        """Exclusive checkable actions, one per key of ``names``; ``choose(key)`` when one is picked."""
        group = QActionGroup(self)
        actions = {}
        for key, name in names.items():
            action = QAction(name, self, checkable=True, checked=key == current)
            action.setData(key)
            group.addAction(action)
            menu.addAction(action)
            action.triggered.connect(lambda _=False, k=key: choose(k))
            actions[key] = action
        return actions

    def _build_inspection_actions(self) -> None:
        inspect = self.inspect_menu = QMenu(self.tr("&Inspect"), self)
        self.menuBar().insertMenu(self.help_menu.menuAction(), inspect)
        inspection = self.inspection
        self.saliency_action = self._action(
            inspect, self.tr("&Saliency on the canvas"), inspection.set_saliency, "S",
            self.tr("Colour the drawing by how each pixel pushes the predicted digit's score: red up, blue down"),
            checkable=True)
        self._action(inspect, self.tr("Saliency by &occlusion"), inspection.set_occlusion, None,
                     self.tr("Instead of the gradient: how much the prediction loses when a 4×4 patch is covered"),
                     checkable=True)
        inspect.addSeparator()
        self._action(inspect, self.tr("&Evaluate on the test digits"), inspection.evaluate, "Ctrl+E",
                     self.tr("Accuracy, confusion matrix and mistakes on the 10,000 MNIST test digits"))
        self._action(inspect, self.tr("Hidden-layer &map"), lambda: inspection.show_tab(inspection.hidden_map), "Ctrl+M",
                     self.tr("The test digits as a hidden layer sees them, flattened to 2-D by PCA"))
        self._action(inspect, self.tr("Weight and gradient &histograms"), lambda: inspection.show_tab(inspection.histograms),
                     "Ctrl+H", self.tr("How each layer's weights and gradients are distributed, live"))
        self._action(inspect, self.tr("Soft&max step by step"), lambda: inspection.show_tab(inspection.softmax), None,
                     self.tr("The ten output values through softmax: exp, sum, divide, with a temperature"))
        self._action(inspect, self.tr("Neuron &inspector"), lambda: inspection.show_tab(inspection.inspector), None,
                     self.tr("Click a neuron in the network diagram to see its weights and its sum written out"))
        self._action(inspect, self.tr("S&low motion"), lambda: inspection.show_tab(inspection.slow_motion), "Ctrl+J",
                     self.tr("One forward and one backward pass for your drawing, layer by layer (Space: next step)"))
        self.saliency_button.toggled.connect(self.saliency_action.setChecked)
        self.saliency_action.toggled.connect(self.saliency_button.setChecked)
        quit_action = self.file_menu.actions()[-1]
        add_export_menu(self, self.file_menu.insertMenu(quit_action, QMenu(self.tr("&Export"), self)).menu())
        self.file_menu.insertSeparator(quit_action)
        install_context_menus(self)

    def _training_connections(self, training: TrainingProcess) -> list:
        """(signal, slot) of everything the training process tells this window (emitted in the GUI thread)."""
        return [(training.snapshotReady, self._on_snapshot), (training.statusChanged, self._on_status),
                (training.lossPoints, self._on_loss_points), (training.epochFinished, self._on_epoch),
                (training.networkReplaced, self._on_network_replaced), (training.dataMissing, self._on_data_missing),
                (training.failed, self._on_failed), (training.taught, self._on_taught),
                (training.crashed, self._on_training_crashed)]

    def _listen_to(self, training: TrainingProcess) -> None:
        for signal, slot in self._training_connections(training):
            signal.connect(slot)

    def _stop_listening_to(self, training: TrainingProcess) -> None:
        for signal, slot in self._training_connections(training):
            signal.disconnect(slot)

    def hand_over_to(self, successor: "MainWindow") -> None:
        """``successor`` (made with ``training=self.training``) goes on with this window's run as it is, running
        or paused: from now on the training process tells it, not this window, and no message is lost on the
        way (the process's signals are emitted in this thread, so nothing arrives while they are switched
        over). It gets the network, the curves, the log scale, the run's status and what the status bar
        says, worded in its own language."""
        self._stop_listening_to(self.training)
        successor._listen_to(self.training)
        self._handed_over = True
        successor.training_panel.set_speed(self.training_panel.speed())  # the child keeps its pace
        successor._go_on_from(self._pending_snapshot or self._snapshot, self._origin, self._trained_accuracy,
                              self._history, self.loss_plot.log_scale(), self.training_panel.status())

    def _go_on_from(self, snapshot: NetworkSnapshot, origin: ModelOrigin, accuracy: float | None, history: list,
                    log_scale: bool, status: TrainingStatus) -> None:
        """Take over from the window this one replaces (see :meth:`hand_over_to`)."""
        self._origin, self._trained_accuracy = origin, accuracy
        self._replace_network(snapshot)
        self._origin_W0 = snapshot.weights[0]  # "the change since Reset" starts here: the old start is gone
        for message in history:  # the curves as they were, drawn from the same messages in the same order
            self._add_to_curves(message)
        self.loss_plot.apply_pending()
        self.loss_plot.set_log_scale(log_scale)
        self._show_status(status)  # the other window said what there was to say about it

    # ------------------------------------------------------------------ the network in the UI thread
    def _load_initial_model(self) -> MLP:
        path = Path(self._options.model) if self._options.model else shipped_model_path()
        try:
            net = load_window_model(path)
        except ModelFileError as error:
            self._show_model_problem(path, error)
            net = build_network(self.training_panel.settings().architecture, self.training_panel.settings().config.seed)
            self._set_model_info(None, net)
            return net
        self._model_path = path
        self._set_model_info(path, net)
        return net

    def _show_model_problem(self, path: Path, error: Exception) -> None:
        missing = not path.exists()
        what = (self.tr("The model {0} was not found.") if missing else
                self.tr("The model {0} could not be loaded: {1}.")).format(path.name, error)
        self.banner.show_message(
            what + " " + self.tr("The predictions come from an untrained network until you train one "
                                 "(Start) or open a model file (Ctrl+O)."), "error",
            [(self.tr("Start training"), self.start_training), (self.tr("Open model…"), self._ask_open_model),
             (self.tr("Retry"), self.reload_model)], kind="model")

    def _set_model_info(self, path: Path | None, net: MLP) -> None:
        accuracy = net.metadata.get("test_accuracy")
        accuracy = float(accuracy) if isinstance(accuracy, (int, float)) else None
        self._origin = ModelOrigin(FILE, path.name, accuracy) if path is not None else ModelOrigin(UNTRAINED)
        self._trained_accuracy = None
        self.model_label.set_tooltip(str(path) if path is not None else self.tr("no model file loaded"))
        self._describe_model(net.sizes, 0)

    def _describe_model(self, sizes=None, steps: int | None = None) -> None:
        """The status bar's words about the network in use (by default: the newest snapshot's)."""
        snapshot = self._snapshot
        sizes = snapshot.sizes if sizes is None else sizes
        steps = (snapshot.step if snapshot is not None else 0) if steps is None else steps
        text = describe(self._origin, sizes, steps, self._trained_accuracy)
        if text != self.model_label.text():
            self.model_label.setText(text)

    def _show_network(self, snapshot: NetworkSnapshot, views_now: bool = True) -> None:
        """Make ``snapshot`` the network of the UI thread, re-read the drawing with it, and redraw the
        diagram's connections and the weight tiles (at once, or within VIEWS_REFRESH_S while training)."""
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
        self.inspection.after_network_replaced()

    def _show_weights(self) -> None:
        """The diagram's strongest connections and the first layer's weight tiles, from the newest snapshot."""
        snapshot = self._snapshot
        if snapshot is None:
            return
        self.network_view.set_snapshot(snapshot)
        if snapshot.sizes[0] == 784:
            self.weights_view.set_weights(snapshot.weights[0])
        self.inspection.network_changed(snapshot)

    @Slot(int)
    def _show_pen_width(self, width: int) -> None:
        self.pen_value.setText(f"{width} px")

    def network(self) -> MLP:
        """The UI thread's copy of the network (read-only use)."""
        return self._net

    # ------------------------------------------------------------------ drawing -> prediction
    @Slot(object)
    def _on_canvas_image(self, image: np.ndarray) -> None:
        from nnviz.data import prepare

        self._prepared = prepare(image)
        self.probabilities.set_before(None)  # another drawing: a correction's "before" is over
        self.input_preview.set_image(None if self._prepared.is_empty else self._prepared.image)
        self._predict()
        if self.canvas.is_drawing():  # a new stroke: the diagram follows the pen at once
            self._pen_activity.touch()
            self.network_view.finish_flow()
        else:
            self._drawing_done()

    def _drawing_done(self) -> None:
        """A stroke ended, a picture arrived, the network changed: the signal flows through the layers once and
        the weight tiles show the neurons most active for the drawing (not at every pen move: they would jump)."""
        self.network_view.play_flow()
        trace = self._trace
        self.weights_view.set_activity(None if trace is None or len(trace.a) < 3 else trace.a[1][0])

    def _update_prediction(self) -> None:
        self._on_canvas_image(self.canvas.image())

    def _predict(self) -> None:
        prepared = self._prepared
        if prepared is None or prepared.is_empty:
            if not self._showing_empty:  # a new snapshot changes none of these: no repaints while training
                self._trace, self._showing_empty = None, True
                self.probabilities.set_probabilities(None)
                self.network_view.set_activations(None)
                self.heatmaps.set_activations(None)
                self._set_prediction("")
            self.inspection.drawing_changed()  # an inspected neuron's bias and weights follow the network
            return
        trace = self.reading_network().forward(prepared.image.reshape(1, -1))
        self._trace, self._showing_empty = trace, False
        p = trace.a[-1][0]
        self.probabilities.set_probabilities(p)
        self._set_prediction(prediction_text(p))
        if self.canvas.is_drawing():  # the pen moves 60 times a second: the layers follow at half that
            self._layer_views_refresh.request()
        else:
            self._layer_views_refresh.cancel()
            self._show_layer_activity()
        self.inspection.drawing_changed()

    def _show_layer_activity(self) -> None:
        """The diagram and the heatmaps show the current reading (the most expensive views to redraw)."""
        trace = self._trace
        if trace is not None:
            self.network_view.set_activations([a[0] for a in trace.a])
            self.heatmaps.set_activations([a[0] for a in trace.a[1:-1]])

    # ------------------------------------------------------------------ probing (nnviz.app.probing)
    def _build_probing(self) -> None:
        self._probed = None
        self.probing = Probing(self)
        self.probing.probesChanged.connect(self._on_probes)
        inspect = self.inspect_menu
        inspect.addSeparator()
        self._action(inspect, self.tr("&Dream a digit…"), lambda: self.probing.show_dream(), "Ctrl+Shift+D",
                     self.tr("What does the network think a 3 looks like? Grow a picture it is sure of"))
        self._action(inspect, self.tr("&Nudge the drawing…"), self.probing.show_nudge, "Ctrl+Shift+N",
                     self.tr("The smallest change to your drawing that makes the network read another digit"))
        self._action(inspect, self.tr("&Restore all neurons"), lambda: self.probing.restore_all())

    def reading_network(self) -> MLP:
        """The network the drawing is read with: the window's, with the neurons a person silenced or clamped."""
        probes = self.probing.probes()
        if not probes:
            return self._net
        if self._probed is None:
            self._probed = probes.apply(self._net)
        return self._probed

    def _on_probes(self, probes) -> None:
        self._probed = None
        self._showing_empty = False
        self._predict()

    def context_menu_extras(self, view: str, watched, pos, menu) -> bool:
        """Items before a view's export items in its right-click menu: the diagram's neuron probes."""
        return view == "network" and self.probing.add_neuron_actions(watched, pos, menu)

    # ------------------------------------------------------------------ teaching (nnviz.app.teaching)
    def _build_teaching(self) -> None:
        from nnviz.app.widgets.my_examples import MyExamplesDialog

        self.teaching = Teaching(self, self.training)
        self.probabilities.digitClicked.connect(self.teaching.correct)
        for digit in range(10):
            shortcut = QShortcut(QKeySequence(f"Shift+{digit}"), self)
            shortcut.activated.connect(lambda digit=digit: self.teaching.correct(digit))
        self._examples_dialog = None

        def show_examples():
            if self._examples_dialog is None:
                self._examples_dialog = MyExamplesDialog(self.teaching, self)
            show_in_front(self._examples_dialog)

        train = self.train_menu
        train.addSeparator()
        self.examples_action = self._action(train, self.tr("&My examples…"), show_examples, "Ctrl+Shift+M",
                                            self.tr("The drawings you corrected: relabel, delete, learn from all, "
                                                    "export or import"))
        self._action(train, self.tr("&Learn from all my examples"), self.teaching.learn_all)
        self.training_panel.examplesToggled.connect(self._send_examples)
        self.teaching.examplesChanged.connect(self._send_examples)
        self._action(train, self.tr("&Back to the shipped model"), self.back_to_shipped_model, "",
                     self.tr("Forget what was taught or trained here: the shipped model comes back"))

    def _send_examples(self) -> None:
        """Training includes the person's examples while the panel's box says so (from the next run)."""
        examples = self.teaching.examples()
        included = self.training_panel.examples_check.isChecked() and len(examples) > 0
        self.training.set_extra((examples.images, examples.labels) if included else None)

    def undo(self) -> None:
        """Ctrl+Z: the correction just taught, if nothing was drawn since; else the last stroke."""
        if not self.teaching.undo():
            self.canvas.undo()

    def show_taught_network(self, snapshot: NetworkSnapshot, before=None) -> None:
        """Show at once the network a correction made (or its undo), with the bars as they were ``before``."""
        self._pending_snapshot = None
        self._show_network(snapshot)
        self.probabilities.set_before(before)

    @Slot(object)
    def _on_taught(self, outcome) -> None:
        self.teaching.on_outcome(outcome)

    def back_to_shipped_model(self) -> None:
        self.open_model(shipped_model_path())

    def current_trace(self):
        """The forward pass of the current drawing with the window's network (None for an empty canvas)."""
        return self._trace

    def current_input(self):
        """The current drawing as the network's input (:class:`nnviz.data.Prepared`), or None."""
        return self._prepared

    def snapshot(self) -> NetworkSnapshot | None:
        """The newest network snapshot the window shows."""
        return self._snapshot

    def _set_prediction(self, text: str) -> None:
        self.prediction_label.setText(text or self.tr(EMPTY_PREDICTION))
        self.prediction_label.setProperty("empty", not text)
        if text != self._prediction:
            self._prediction = text
            self.predictionTextChanged.emit(text)

    def prediction(self) -> str:
        """The prediction shown ("7 (96 %)"), or "" for an empty canvas."""
        return self._prediction

    # ------------------------------------------------------------------ from the training process
    @Slot(object)
    def _on_snapshot(self, snapshot: NetworkSnapshot) -> None:
        self._pending_snapshot = snapshot  # newest wins; read at most every SNAPSHOT_REFRESH_S
        self._snapshot_refresh.request()

    def _apply_pending_snapshot(self) -> None:
        snapshot, self._pending_snapshot = self._pending_snapshot, None
        if snapshot is not None:
            self._show_network(snapshot, views_now=False)

    @Slot(object)
    def _on_network_replaced(self, snapshot: NetworkSnapshot) -> None:
        self._pending_snapshot = None
        self.refresh_budget.forget()  # another network, other costs
        self.loss_plot.clear()
        self._history.clear()
        self._trained_accuracy = None
        if self._undoing is not None:
            self._undo_done()
        elif self._resetting:
            self._resetting = False
            self._reset_done()
        else:  # another network altogether (a file): the one before the last reset is gone
            self._before_reset = None
            self._show_undo_state()
        self._replace_network(snapshot)
        self._origin_W0 = snapshot.weights[0]
        self.weights_view.set_baseline(self._origin_W0 if self._baseline_on else None)
        self.training_panel.set_architecture(architecture_of(snapshot))

    @Slot(object)
    def _on_status(self, status: TrainingStatus) -> None:
        changed = status.state != self._training_state
        self._show_status(status)
        if status.state == RunState.DIVERGED:
            self.banner.show_message(
                self.tr("Training diverged. {0}").format(status.message), "warning",
                [(self.tr("Divide the learning rate by 10"), self._lower_learning_rate)], kind="training")
        elif status.state == RunState.RUNNING:
            self.banner.dismiss("training")
            self.banner.dismiss("model")
            if self._before_reset is not None:  # the training process has let go of the network before the reset
                self._before_reset = None
                self.banner.dismiss("reset")
                self._show_undo_state()
        announcement = self._announcement(status, changed)
        if announcement:
            self.statusBar().showMessage(announcement, 8000)
        if status.state == RunState.FINISHED:
            self._model_changed_by_training()

    @staticmethod
    def _announcement(status: TrainingStatus, changed: bool) -> str:
        """What the status bar says when a run ends or a network is new: worded here, in this window's language."""
        if status.state in (RunState.FINISHED, RunState.STOPPED):
            return progress_text(status) if changed else ""
        if status.state == RunState.IDLE:
            return progress_text(status) if status.new_network else status.message  # a message: why it is idle
        return ""

    def _show_status(self, status: TrainingStatus) -> None:
        """Where the run is, in the training panel and the Train menu; the refresh budget follows it."""
        self.training_panel.set_status(status)
        budget = self.refresh_budget
        rates_changed = budget.measure() if status.state == RunState.RUNNING else budget.reset()
        if rates_changed:
            self._stretch_refresh(budget.stretch)
        if status.state != self._training_state:
            self._training_state = status.state
            self.trainingStateChanged.emit(str(status.state))
        running = status.state in (RunState.RUNNING, RunState.LOADING)
        self.train_action.setText(self.tr("&Pause training") if running else self.tr("&Start training"))

    def _stretch_refresh(self, stretch: float) -> None:
        """Everything training drives redraws ``stretch`` times less often (see nnviz.appmodel.refresh_budget)."""
        self._snapshot_refresh.set_interval(SNAPSHOT_REFRESH_S * stretch)
        self._views_refresh.set_interval(VIEWS_REFRESH_S * stretch)
        self.loss_plot.set_refresh_interval(LOSS_REFRESH_S * stretch)

    @Slot(object)
    def _on_loss_points(self, points: LossPoints) -> None:
        self._add_to_curves(points)

    def _add_to_curves(self, message: LossPoints | EpochResult) -> None:
        """Draw loss points or an epoch's result, and keep them (a window that takes over draws them again)."""
        self._history.append(message)
        if isinstance(message, EpochResult):
            self.loss_plot.add_epoch(message)
            if message.test_accuracy is not None:
                self._trained_accuracy = message.test_accuracy
                self._describe_model()
        else:
            self.loss_plot.add_points(message)

    @Slot(object)
    def _on_epoch(self, result: EpochResult) -> None:
        self._add_to_curves(result)
        self.inspection.epoch_finished()
        if result.test_accuracy is not None and result.test_loss is not None:
            self.statusBar().showMessage(
                self.tr("epoch {0}: test accuracy {1:.1f} %, test loss {2:.3f}, training loss {3:.3f} ({4:.1f} s)"
                        ).format(result.epoch, 100 * result.test_accuracy, result.test_loss, result.loss,
                                 result.seconds), 10000)
        elif result.test_accuracy is not None:
            self.statusBar().showMessage(
                self.tr("epoch {0}: test accuracy {1:.1f} %, training loss {2:.3f} ({3:.1f} s)").format(
                    result.epoch, 100 * result.test_accuracy, result.loss, result.seconds), 10000)

    @Slot(str)
    def _on_data_missing(self, message: str) -> None:
        self.offer_download(message)

    @Slot(str, str)
    def _on_failed(self, message: str, details: str) -> None:
        actions = [(self.tr("Details…"), lambda: self._show_details(message, details))] if details else []
        self.banner.show_message(message, "error", actions, kind="training")

    @Slot(str, str)
    def _on_training_crashed(self, message: str, details: str) -> None:
        """The training process died: drawing goes on with the last weights it sent; Restart trains them on."""
        self._apply_pending_snapshot()
        self._show_status(TrainingStatus(state=RunState.STOPPED, epochs=self.training_panel.settings().config.epochs,
                                         message=self.tr("training stopped")))
        actions = [(self.tr("Restart"), self.restart_training)]
        if details:
            actions.insert(0, (self.tr("Details…"), lambda: self._show_details(message, details)))
        self.banner.show_message(self.tr("Training stopped: {0}. Drawing still works with the last weights.").format(
            message), "error", actions, kind="training")

    def restart_training(self) -> None:
        """A new training process, from the network the window shows."""
        self.banner.dismiss("training")
        self.training.restart(self._snapshot)

    def _model_changed_by_training(self) -> None:
        self._model_path = None  # Save suggests a new name: the file it came from holds another network now

    # ------------------------------------------------------------------ commands
    def toggle_training(self) -> None:
        if self.training_panel.is_running():
            self.training.pause()
        else:
            self.start_training()

    def start_training(self) -> None:
        self.training.start()

    def pause_training(self) -> None:
        self.training.pause()

    def step_training(self) -> None:
        self.training.step()

    def stop_training(self) -> None:
        self.training.stop()

    def reset_network(self) -> None:
        """A new, untrained network from the panel's settings; the one it replaces can come back with
        :meth:`undo_reset` until training starts again."""
        snapshot = self._snapshot
        worth_keeping = snapshot is not None and (snapshot.step > 0 or self._origin.kind == FILE)
        self._before_reset = ((self._origin, self._trained_accuracy, list(self._history), self._model_path)
                              if worth_keeping else None)
        self._resetting = True
        self.training.set_architecture(self.training_panel.settings().architecture)
        self.training.set_config(self.training_panel.settings().config)
        self.training.reset()
        self.banner.dismiss("training")
        self._model_path = None
        self._origin = ModelOrigin(NEW)
        self.model_label.set_tooltip("")

    def can_undo_reset(self) -> bool:
        return self._before_reset is not None

    def undo_reset(self) -> None:
        """The network the last Reset replaced comes back, trained as it was, with its curves."""
        if self._before_reset is None:
            return
        self._undoing, self._before_reset = self._before_reset, None
        self.banner.dismiss("reset")
        self.training.undo_reset()
        self._show_undo_state()

    def _show_undo_state(self) -> None:
        self.undo_reset_action.setEnabled(self.can_undo_reset())

    def _reset_done(self) -> None:
        """The training process has built the new network: say so, with the way back if there is one."""
        if self._before_reset is not None:
            self.banner.show_message(
                self.tr("A new, untrained network replaced the one before (its training and curves are kept "
                        "until you start training again)."), "info",
                [(self.tr("Undo reset"), self.undo_reset)], kind="reset")
        self._show_undo_state()

    def _undo_done(self) -> None:
        """The training process has brought back the network: its name, accuracy and curves come back too."""
        origin, accuracy, history, path = self._undoing
        self._undoing = None
        self._origin, self._trained_accuracy, self._model_path = origin, accuracy, path
        self.model_label.set_tooltip(str(path) if path is not None else "")
        for message in history:
            self._add_to_curves(message)
        self.loss_plot.apply_pending()
        self._describe_model()

    def _lower_learning_rate(self) -> None:
        settings = self.training_panel.settings()
        config = settings.config.replace(lr=settings.config.lr / 10)
        self.training_panel.set_settings(TrainingSettings(settings.architecture, config))
        self.training.set_config(config)
        self.statusBar().showMessage(self.tr("learning rate is now {0:g}; press Start to go on").format(config.lr), 8000)

    def open_model(self, path: str | Path) -> bool:
        """Use the model in ``path`` for predictions and further training. Problems are shown, not raised."""
        path = Path(path)
        try:
            net = load_window_model(path)
        except ModelFileError as error:
            self.banner.show_message(self.tr("Could not open {0}: {1}").format(path.name, error), "error", kind="model")
            return False
        self._model_path = path
        self.banner.dismiss("model")
        self.adopt_network(NetworkSnapshot.of(net))
        self._set_model_info(path, net)
        self.statusBar().showMessage(self.tr("opened {0}").format(path), 6000)
        return True

    def adopt_network(self, snapshot: NetworkSnapshot, description: str | None = None) -> None:
        """Make ``snapshot`` the network shown and trained from here on; ``description`` for the status bar
        (by default it says what it knows of the network: see nnviz.app.model_description)."""
        self._replace_network(snapshot)
        self.training.set_network(snapshot)
        self.training_panel.set_architecture(architecture_of(snapshot))
        if description is not None:
            self.model_label.setText(description)

    def model_description(self) -> str:
        return self.model_label.text()

    def save_model(self, path: str | Path) -> bool:
        """Save the network as shown (the newest snapshot) atomically. Problems are shown, not raised."""
        path = Path(path)
        if path.suffix.lower() != ".npz":
            path = path.with_name(path.name + ".npz")
        config = self.training_panel.settings().config
        metadata = {
            "saved_by": "nnviz window", "steps_trained_in_window": self._snapshot.step if self._snapshot else 0,
            "recipe": {name: getattr(config, name) for name in config.__dataclass_fields__},
        }
        try:
            self._net.save(path, metadata)
        except ModelFileError as error:
            self.banner.show_message(self.tr("Could not save the model: {0}").format(error), "error", kind="save")
            return False
        self._model_path = path
        self.statusBar().showMessage(self.tr("saved {0}").format(path), 6000)
        return True

    def reload_model(self) -> None:
        path = Path(self._options.model) if self._options.model else shipped_model_path()
        try:
            load_window_model(path)
        except ModelFileError as error:
            self._show_model_problem(path, error)
            return
        self.open_model(path)

    def reload_shipped_model(self) -> None:
        path = shipped_model_path()
        if not self.open_model(path):
            self._show_model_problem(path, ModelFileError(self.tr("{0} is missing or damaged").format(path)))

    def offer_download(self, reason: str = "") -> None:
        from nnviz.data import resolve_data_dir

        dialog = DownloadDialog(resolve_data_dir(self._options.data), reason, self)
        dialog.finished.connect(self._download_finished)
        dialog.open()

    @Slot(int)
    def _download_finished(self, result: int) -> None:
        dialog = self.sender()
        if dialog is None:
            return
        if dialog.succeeded():
            load_data = mnist_loader(str(dialog.folder()))
            self.training.set_data_loader(load_data)
            self.inspection.set_data_loader(shared_loader(load_data))
            self.statusBar().showMessage(self.tr("{0}; press Start to train").format(dialog.message()), 10000)
        elif dialog.message():
            self.banner.show_message(self.tr("MNIST was not downloaded: {0}").format(dialog.message()), "warning",
                                     [(self.tr("Try again"), self.offer_download)], kind="data")
        dialog.deleteLater()

    # ------------------------------------------------------------------ dialogs
    def _ask_open_model(self) -> None:
        start = str(self._model_path.parent if self._model_path else shipped_model_path().parent)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a model"), start, self.tr(MODEL_FILTER))
        if path:
            self.open_model(path)

    def _ask_save_model(self) -> None:
        start = str(self._model_path if self._model_path else Path.cwd() / "my-mnist-mlp.npz")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the model"), start, self.tr(MODEL_FILTER))
        if path:
            self.save_model(path)

    def open_lesson_file(self, path: str | Path) -> bool:
        """A .nnviz file: a set-up of this window is applied (and the network reset to it); a built-in
        lesson opens in its own window. Problems are shown, not raised."""
        from nnviz.appmodel.lesson_setup import WINDOW_LESSON, settings_from_lesson
        from nnviz.lessons.lesson_file import LessonFile

        try:
            lesson = LessonFile.load(path)
            if lesson.lesson != WINDOW_LESSON:
                self._open_lesson_window(lesson.lesson)
                return True
            settings = settings_from_lesson(lesson)
        except NnvizError as error:
            self.banner.show_message(self.tr("Could not open the lesson: {0}").format(error), "error", kind="lesson")
            return False
        self._apply_settings(settings)
        self.reset_network()
        for tab in lesson.panels:
            self.inspection.show_tab_named(tab)
        self.statusBar().showMessage(self.tr("lesson {0}: {1}, press Start").format(
            lesson.title or Path(path).name, "-".join(map(str, settings.architecture.sizes))), 10000)
        return True

    def _open_lesson_window(self, name: str) -> None:
        """A lesson in a window of its own, beside this one (kept until it is closed)."""
        from nnviz.app.lesson_window import LessonWindow

        window = LessonWindow(name)
        keep_until_closed(window, self._lesson_windows)
        window.show()

    def lesson_windows(self) -> list:
        return list(self._lesson_windows)

    def save_lesson_file(self, path: str | Path, title: str = "") -> bool:
        from nnviz.appmodel.lesson_setup import lesson_from_settings

        path = Path(path)
        if path.suffix.lower() != ".nnviz":
            path = path.with_name(path.name + ".nnviz")
        try:
            lesson_from_settings(self.training_panel.settings(), self.inspection.visible_tabs(), title).save(path)
        except (NnvizError, OSError) as error:
            self.banner.show_message(self.tr("Could not save the lesson: {0}").format(error), "error", kind="lesson")
            return False
        self.statusBar().showMessage(self.tr("saved {0}").format(path), 6000)
        return True

    def _ask_open_lesson(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a lesson"), "", self.tr(LESSON_FILTER))
        if path:
            self.open_lesson_file(path)

    def _ask_save_lesson(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the lesson set-up"), "lesson.nnviz",
                                              self.tr(LESSON_FILTER))
        if path:
            self.save_lesson_file(path)

    def _ask_open_picture(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a picture of a digit"), str(Path.cwd()),
                                              self.tr(PICTURE_FILTER))
        if path:
            try:
                self.canvas.load_image_file(path)
            except DataFileError as error:
                self._on_picture_failed(str(error))

    @Slot(str)
    def _on_picture_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def show_help(self) -> None:
        dialog = self.findChild(HelpDialog)
        if dialog is None:
            dialog = HelpDialog(self.tr(HELP_HTML), self)
        dialog.show()

    def _show_about(self) -> None:
        from nnviz import __version__

        QMessageBox.about(self, self.tr("About nnviz"), self.tr(
            "<b>nnviz {0}</b><br>A from-scratch NumPy neural network you can draw for and watch learn. "
            "MIT licence.").format(__version__))

    def _show_details(self, message: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("nnviz: internal error"), message,
                          QMessageBox.StandardButton.Close, self)
        box.setInformativeText(self.tr("This is a bug in nnviz; the window stays usable. "
                                       "The details below help to fix it."))
        box.setDetailedText(details)
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    # ------------------------------------------------------------------ view options
    def _show_weight_change(self, on: bool) -> None:
        self._baseline_on = on
        self.weights_view.set_baseline(self._origin_W0 if on else None)

    def _show_drawing_lines(self, on: bool) -> None:
        self.network_view.set_edge_mode(DRAWING_LINES if on else STRONGEST_WEIGHTS)

    def _set_global_scale(self, on: bool) -> None:
        self.weights_view.set_scaling("global" if on else "tile")

    def _toggle_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.WindowStateChange and hasattr(self, "full_screen_action"):
            blocked = self.full_screen_action.blockSignals(True)  # only show the state (F11 may have set it)
            self.full_screen_action.setChecked(self.isFullScreen())
            self.full_screen_action.blockSignals(blocked)
        super().changeEvent(event)

    # ------------------------------------------------------------------ panels, theme, presentation, language
    def show_all_panels(self) -> None:
        for panel in self.panels.values():
            panel.set_shown(True)
            panel.dock()

    def theme(self) -> str:
        return self._theme

    def set_theme(self, theme: str) -> None:
        """The everyday theme (presentation mode always uses the high-contrast one)."""
        self._theme = theme
        self._theme_actions[theme].setChecked(True)
        if not self.is_presenting():
            apply_theme(QApplication.instance(), theme)

    def is_presenting(self) -> bool:
        return self._before_presenting is not None

    def set_presenting(self, on: bool, full_screen: bool = True) -> None:
        """Presentation mode: large type, high contrast, only what the lecture needs (drawing, prediction,
        network, training and its curves); everything comes back as it was when it ends. ``full_screen``
        False keeps the window's size (screenshots)."""
        if on == self.is_presenting():
            return
        self.refresh_budget.forget()  # other panels on show, other costs
        app = QApplication.instance()
        if on:
            self._before_presenting = (self.windowState(), self.panel_layout())
            for key in PRESENTATION_HIDES:
                self.panels[key].set_shown(False)
            apply_theme(app, PROJECTOR, PRESENTATION_POINT_SIZE)
            self._compact_training(True)
            if full_screen:
                self.showFullScreen()
            QTimer.singleShot(0, self, lambda: self._distribute(self.width(), self.height()))
        else:
            state, layout = self._before_presenting
            self._before_presenting = None
            apply_theme(app, self._theme)
            self._compact_training(False)
            if self.isFullScreen():
                self.setWindowState(state)
            self.apply_panel_layout(layout)
        self.present_action.setChecked(on)
        self.presentingChanged.emit(on)

    def _compact_training(self, compact: bool) -> None:
        self.training_panel.set_compact(compact)
        self._fit_training_column()

    def panel_layout(self) -> PanelLayout:
        """The panels and splitters as they are now (as they were before presentation mode, while it is on)."""
        if self.is_presenting():
            return self._before_presenting[1]
        return PanelLayout(
            hidden=tuple(key for key, panel in self.panels.items() if not panel.is_shown()),
            popped_out=tuple(key for key, panel in self.panels.items() if panel.is_popped_out()),
            splitters=tuple((name, splitter.saveState()) for name, splitter in self._splitters.items()))

    def apply_panel_layout(self, layout: PanelLayout) -> None:
        for key, panel in self.panels.items():
            panel.set_shown(key not in layout.hidden)
            panel.set_popped_out(key in layout.popped_out)
        states = dict(layout.splitters)
        # once the window has its size: before, a splitter shares out its new room again
        QTimer.singleShot(0, self, lambda: [splitter.restoreState(states[name])
                                            for name, splitter in self._splitters.items() if name in states])

    def view_settings(self) -> settings_store.ViewSettings:
        """What QSettings keeps of the view: the everyday theme and hidden panels (not presentation mode's)."""
        return settings_store.ViewSettings(theme=self._theme, hidden=self.panel_layout().hidden)

    def switch_language(self, language: str) -> "MainWindow":
        """Widgets translate their text when they are made, so a new window in ``language`` takes over
        from this one: same network, settings, drawing, size and panels (the loss curve starts afresh)."""
        from nnviz.app.language_switch import rebuild_in_language

        if language == current_language():
            return self
        return rebuild_in_language(self, language)

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

    def sizeHint(self) -> QSize:
        return QSize(*self._size)

    # ------------------------------------------------------------------ remembered between sessions
    def splitters(self) -> dict:
        """The window's splitters by name (their positions are remembered)."""
        return dict(self._splitters)

    def _restore_session(self, restore_training: bool, restore_layout: bool, hidden_panels: tuple[str, ...]) -> None:
        for key in hidden_panels if restore_layout else ():
            if key in self.panels:
                self.panels[key].set_shown(False)
        if restore_layout and settings_store.restore_geometry(self):
            QTimer.singleShot(0, self, lambda: settings_store.restore_splitters(self))
        remembered = settings_store.restored_training() if restore_training else None
        if remembered is None:
            return
        settings, panels = remembered
        self._apply_settings(settings)
        self.training_panel.set_architecture_pending(settings.architecture != architecture_of(self._net))
        for tab in panels:
            self.inspection.show_tab_named(tab)

    def _apply_settings(self, settings: TrainingSettings) -> None:
        """Show ``settings`` in the panel and hand them to the training process (the architecture for the next Reset)."""
        self.training_panel.set_settings(settings)
        self.training.set_config(settings.config)
        self.training.set_architecture(settings.architecture)

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
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

