"""Documents: model files, lesson set-ups and pictures opened and saved, MNIST downloaded, and the
dialogs that ask for them (help, about, details of an error).

A part of :class:`~nnviz.app.main_window.MainWindow` (which inherits it), kept in a file of its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnviz.app.model_description import FILE, UNTRAINED, ModelOrigin, describe
from nnviz.appmodel.snapshot import NetworkSnapshot
from nnviz.appmodel.training_session import architecture_of, build_network, mnist_loader
from nnviz.app.widgets.download_dialog import DownloadDialog
from nnviz.app.widgets.help_dialog import HelpDialog
from nnviz.app.window.shortcut_list import shortcut_table
from nnviz.app.window_registry import keep_until_closed
from nnviz.app.background import shared_loader
from nnviz.appmodel.mnist_model import load_mnist_model
from nnviz.errors import DataFileError, ModelFileError, NnvizError
from nnviz.nn import MLP
from nnviz.resources import shipped_model_path


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
<p><b>Compare and rewind</b>: after Reset, the run before stays on the loss plot, faint, named by what was
different; the Runs menu under the plot shows, hides and removes earlier runs, and Train → Run again with the
same seed repeats a run exactly. The slider under the curves goes back in time: the diagram, weights,
prediction and histograms show the network as it was then; Live (or End) comes back. Save model keeps this
timeline in the file.</p>
<p><b>Look inside</b> (Inspect menu): click a neuron in the diagram to see its weights and its sum written
out with the real numbers; <b>Why?</b> colours your drawing by which pixels pushed the answer up (red) or
down (blue); <b>Evaluate</b> shows where the network is wrong on 10,000 test digits (click a cell of the
confusion matrix); the <b>hidden-layer map</b> shows how a layer groups the digits; the <b>histograms</b>
show weights and gradients while training. Right-click a view (or File → Export) to save it as PNG, SVG
or CSV.</p>
<p><b>In a lecture</b>: F11 presents (full screen, large type, high contrast, only the main panels).
Every panel can be popped out into a window of its own or hidden with the buttons beside its title;
View → Panels brings it back. A presenter's clicker works: PageDown / → and PageUp / ← step slow motion, the
timeline or a lesson; B blanks the screen. View → Language switches between English and 简体中文.</p>
""")


class Documents:
    """Models, lessons and pictures in and out; the download of MNIST; help and error dialogs."""

    def _load_initial_model(self) -> MLP:
        path = Path(self._options.model) if self._options.model else shipped_model_path()
        try:
            net = load_mnist_model(path)
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

    def open_model(self, path: str | Path) -> bool:
        """Use the model in ``path`` for predictions and further training. Problems are shown, not raised."""
        path = Path(path)
        try:
            net = load_mnist_model(path)
        except ModelFileError as error:
            self.banner.show_message(self.tr("Could not open {0}: {1}").format(path.name, error), "error", kind="model")
            return False
        self._model_path = path
        self.banner.dismiss("model")
        self.adopt_network(NetworkSnapshot.of(net))
        self._read_timeline(path)
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
        """Save the network being trained (the newest snapshot) and its timeline atomically. Problems are shown,
        not raised."""
        path = Path(path)
        if path.suffix.lower() != ".npz":
            path = path.with_name(path.name + ".npz")
        config = self.training_panel.settings().config
        metadata = {
            "saved_by": "nnviz window", "steps_trained_in_window": self._snapshot.step if self._snapshot else 0,
            "recipe": {name: getattr(config, name) for name in config.__dataclass_fields__},
        }
        self.go_live()
        try:
            self._net.save(path, metadata, self.timeline_attachments())
        except ModelFileError as error:
            self.banner.show_message(self.tr("Could not save the model: {0}").format(error), "error", kind="save")
            return False
        self._model_path = path
        self.statusBar().showMessage(self.tr("saved {0}").format(path), 6000)
        return True

    def reload_model(self) -> None:
        path = Path(self._options.model) if self._options.model else shipped_model_path()
        try:
            load_mnist_model(path)
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
            dialog = HelpDialog(self.tr(HELP_HTML) + shortcut_table(self), self)
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
