"""The menus and their actions (with shortcuts), built once when the window is made.

A part of :class:`~nnviz.app.main_window.MainWindow` (which inherits it), kept in a file of its own."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from nnviz.app.clicker import Clicker
from nnviz.app.export import add_export_menu, install_context_menus
from nnviz.app.i18n import LANGUAGES, current_language
from nnviz.app.theme import DARK, PROJECTOR
from nnviz.app.widgets.diagram.selection import DRAWING as DRAWING_LINES


class Actions:
    """The menus, built from the window's commands; the help lists their shortcuts (see shortcut_list)."""

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
        self._build_file_menu(bar.addMenu(self.tr("&File")))
        self._build_edit_menu(bar.addMenu(self.tr("&Edit")))
        self._build_view_menu(bar.addMenu(self.tr("&View")))
        self._build_train_menu(bar.addMenu(self.tr("&Train")))
        self._build_help_menu(bar.addMenu(self.tr("&Help")))
        panel = self.training_panel
        panel.startPauseClicked.connect(self.toggle_training)
        panel.stepClicked.connect(self.step_training)
        panel.stopClicked.connect(self.stop_training)
        panel.resetClicked.connect(self.reset_network)

    def _build_file_menu(self, file: QMenu) -> None:
        self.file_menu = file
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
        self._build_record_action(file)
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

    def _build_edit_menu(self, edit: QMenu) -> None:
        self.undo_action = self._action(edit, self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo,
                                        self.tr("Take back the last stroke, or the correction just taught"))
        self.clear_action = self._action(edit, self.tr("&Clear drawing"), self.canvas.clear, "Esc")
        self.eraser_action = self._action(edit, self.tr("&Eraser"), self.canvas.set_eraser, "E", checkable=True)
        self.canvas.eraserChanged.connect(self.eraser_action.setChecked)

    def _build_view_menu(self, view: QMenu) -> None:
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
        self.clicker = Clicker(self, self.clicker_step, view.addMenu(self.tr("Cl&icker")))

    def _build_train_menu(self, train: QMenu) -> None:
        self.train_menu = train
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
        self.rerun_action = self._action(
            train, self.tr("Run &again with the same seed"), lambda: self.run_again(), "Ctrl+Shift+G",
            self.tr("A new network from the same seed, trained with the same settings: the same curves again, "
                    "over the faint ones of this run"))
        self.live_action = self._action(train, self.tr("Back to &live"), self.go_live, "End",
                                        self.tr("After rewinding: show the network being trained again"))

    def _build_help_menu(self, help_menu: QMenu) -> None:
        self.help_menu = help_menu
        help_action = self._action(help_menu, self.tr("&Help and shortcuts"), self.show_help, QKeySequence.StandardKey.HelpContents)
        help_action.setShortcuts([*QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents), QKeySequence("?")])
        self._action(help_menu, self.tr("&About nnviz"), self._show_about)

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
        self._export_context_menus = install_context_menus(self)
