"""How the window is arranged: its panels and splitters, what fits a small screen, presentation mode,
theme, language, view options, and what it remembers between sessions.

A part of :class:`~nnviz.app.main_window.MainWindow` (which inherits it), kept in a file of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from nnviz.app import settings_store
from nnviz.app.panels import Panel, PanelLayout
from nnviz.app.i18n import current_language
from nnviz.app.inspection import InspectionPanels
from nnviz.app.theme import PRESENTATION_POINT_SIZE, PROJECTOR, apply_theme
from nnviz.appmodel.training_session import TrainingSettings, architecture_of
from nnviz.app.widgets.flow_row import FlowRow
from nnviz.app.widgets.diagram.selection import DRAWING as DRAWING_LINES, WEIGHTS as STRONGEST_WEIGHTS
from nnviz.app.window_layout import NARROW, WindowLayout, fitted_size, min_width


if TYPE_CHECKING:
    from nnviz.app.main_window import MainWindow

FRAME_ALLOWANCE = 30  # px of a window manager's title bar, left off the screen's height when the window opens
INSPECT_SHARE = 0.36  # of the window's height, when the Inspect panel first opens under the other panels
CURVES_SHARE = 0.5  # of the training column's height at least, for the loss plot: its legend, curves and timeline
PRESENTATION_HIDES = ("activations", "weights")  # secondary in a lecture; View > Panels brings them back


def splitter(orientation: Qt.Orientation, *parts: tuple[QWidget, int]) -> QSplitter:
    """A splitter of (widget, stretch) parts that never collapses one."""
    split = QSplitter(orientation)
    for index, (widget, stretch) in enumerate(parts):
        split.addWidget(widget)
        split.setStretchFactor(index, stretch)
    split.setChildrenCollapsible(False)
    split.setHandleWidth(6)
    return split


class Arrangement:
    """Panels, splitters, presentation mode, theme and language; what the window remembers."""

    def _open_at_size(self, options) -> None:
        """The size asked for, or (unless given on the command line) no larger than the screen."""
        self._size = options.size
        if not (options.size_given or options.screenshot) and self.screen() is not None:
            room = self.screen().availableGeometry()
            self._size = fitted_size(options.size, (room.width(), room.height() - FRAME_ALLOWANCE))
        self.resize(*self._size)
        self._distribute(*self._size)

    def _build_layout(self) -> None:
        panels = self.panels = self._make_panels(self._drawing_column())
        columns = self._split(panels)
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
        splitters = self._splitters
        self.window_layout = WindowLayout(central, layout, columns, splitters["inside"], splitters["right"], self)
        for panel in panels.values():
            panel.shownChanged.connect(lambda _: self.window_layout.refit())
            panel.poppedOutChanged.connect(lambda _: self.window_layout.refit())

    def _drawing_column(self) -> QWidget:
        """The canvas with its pen and tools, the prediction, the 28x28 input and the probabilities."""
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
        return drawing

    def _make_panels(self, drawing: QWidget) -> dict[str, Panel]:
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
        return panels

    def _split(self, panels: dict[str, Panel]) -> QSplitter:
        """The panels in three columns of splitters: drawing | network over activations and weights | training
        over the curves."""
        across, down = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        inside = splitter(across, (panels["activations"], 2), (panels["weights"], 3))
        middle = splitter(down, (panels["network"], 3), (inside, 2))
        right = splitter(down, (panels["training"], 0), (panels["loss"], 1))
        columns = splitter(across, (panels["drawing"], 3), (middle, 5), (right, 4))
        columns.setObjectName("columns")
        self._splitters = {"columns": columns, "middle": middle, "inside": inside, "right": right}
        self._fit_training_column()
        return columns

    def _build_inspection(self, load_data) -> None:
        """The Inspect panel: docked under the window's panels, fed frozen readings, heard through signals."""
        inspection = self.inspection = InspectionPanels(load_data, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, inspection.inspect_dock)
        self.network_view.nodeClicked.connect(inspection.inspect_node)
        inspection.overlayChanged.connect(self.canvas.set_overlay)
        inspection.imageChosen.connect(self.canvas.set_image)
        inspection.statusMessage.connect(lambda text, ms: self.statusBar().showMessage(text, ms) if text
                                         else self.statusBar().clearMessage())
        inspection.downloadNeeded.connect(self.offer_download)
        inspection.problem.connect(lambda text: self.banner.show_message(text, "error", [], kind="data"))
        inspection.firstShown.connect(lambda: self.resizeDocks([inspection.inspect_dock], [int(
            INSPECT_SHARE * self.height())], Qt.Orientation.Vertical))

    def exportable_views(self) -> list:
        """The views File → Export can save, in menu order (each declares how: :mod:`nnviz.app.exportable`)."""
        return [self.canvas, self.input_preview, self.probabilities, self.network_view, self.heatmaps,
                self.weights_view, self.loss_plot, *self.inspection.exportable_views()]

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
        most of the middle, the training panel at its natural height on the right and the curves under it, with
        at least CURVES_SHARE of the column (presenting: a third of the width for them, so that the class sees
        the loss fall)."""
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
            panel = min(panel, int((1 - CURVES_SHARE) * height))  # the form scrolls; Start and the progress stay
            right.setSizes([panel, max(1, height - panel)])
        splitters["middle"].setSizes([int(0.6 * height), int(0.4 * height)])
        inside = splitters["inside"]
        room = centre if inside.orientation() == Qt.Orientation.Horizontal else int(0.4 * height)
        inside.setSizes([int(0.42 * room), int(0.58 * room)])

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

    def sizeHint(self) -> QSize:
        return QSize(*self._size)
