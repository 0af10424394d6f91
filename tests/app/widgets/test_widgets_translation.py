"""The main window's widgets in Simplified Chinese: everything they show is translated, and the training
panel's settings mean the same whatever language its combo boxes speak."""

from __future__ import annotations

import re
import threading
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QTableWidget,
    QWidget,
)

from nnviz.app.i18n import CHINESE, ENGLISH, install_language
from nnviz.appmodel.snapshot import NetworkSnapshot, TrainingStatus
from nnviz.app.widgets.banner import Banner
from nnviz.app.widgets.canvas import Canvas
from nnviz.app.widgets.picture_file import read_picture
from nnviz.app.widgets.color_legend import ColorLegend
from nnviz.app.widgets.download_dialog import DownloadDialog
from nnviz.app.widgets.evaluation_view import EvaluationView
from nnviz.app.widgets.heatmaps import ActivationHeatmaps
from nnviz.app.widgets.help_dialog import HelpDialog
from nnviz.app.widgets.hidden_map import HiddenMapView
from nnviz.app.widgets.histograms import HistogramsView
from nnviz.app.widgets.input_preview import InputPreview
from nnviz.app.widgets.loss_plot import LossPanel
from nnviz.app.widgets.neuron_inspector import NeuronInspector
from nnviz.app.widgets.probability_bars import ProbabilityBars
from nnviz.app.widgets.softmax_view import SoftmaxView
from nnviz.app.widgets.training_panel import TrainingPanel
from nnviz.app.widgets.weights_view import WeightsView
from nnviz.errors import DataFileError, DownloadError
from nnviz.nn import MLP

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # ideographs and full-width punctuation
# What may stay in Latin letters inside a Chinese text: the names textbooks use untranslated (optimizers,
# activation functions), file formats and units, keyboard shortcuts, and the letters of the formulas.
NAMES = r"(?i:sgd|nag|adagrad|rmsprop|adamw|adam|adadelta|amsgrad|nadam|leaky_relu|relu|tanh|sigmoid|softmax)"
TECHNICAL = r"MNIST|nnviz|NumPy|PNG|JPEG|BMP|MB|L1|L2|W\d+|log10|exp|max|Ctrl\+\w+|Space|Esc"
MATH = r"[zTpabw]|\d+(?:\.\d+)?e[-+]?\d+"  # letters of formulas; numbers like 1e-05
ALLOWED = re.compile(rf"\b(?:{NAMES}|{TECHNICAL}|{MATH})\b")
CODE = re.compile(r"<code>.*?</code>")  # environment variables, commands, file names and folders
TAGS = re.compile(r"<[^>]+>")


def untranslated_words(text: str) -> str:
    """What is left of ``text`` once Chinese, markup and the allowed names are taken out: must hold no letters."""
    return CJK.sub(" ", ALLOWED.sub(" ", TAGS.sub(" ", CODE.sub(" ", text))))


def scene_texts(view: QGraphicsView) -> list[str]:
    """Axis titles, legend entries and text items of a pyqtgraph view."""
    texts = []
    for item in view.scene().items():
        if not item.isVisible():
            continue
        if isinstance(item, pg.AxisItem) and item.label.isVisible():
            texts.append(item.labelText)
        elif isinstance(item, pg.LegendItem):
            texts += [label.text for _, label in item.items]
        elif isinstance(item, pg.TextItem):
            texts.append(item.textItem.toPlainText())
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    """What ``widget`` itself says: its text, title, items, tooltip."""
    texts = [widget.toolTip(), widget.windowTitle() if widget.isWindow() else ""]
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    elif isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.placeholderText()]
    elif isinstance(widget, QProgressBar):
        texts.append(widget.format())
    elif isinstance(widget, QTableWidget):
        texts += [widget.horizontalHeaderItem(i).text() for i in range(widget.columnCount())]
    elif isinstance(widget, QListWidget):
        texts += [t for i in range(widget.count()) for t in (widget.item(i).text(), widget.item(i).toolTip())]
    elif isinstance(widget, ColorLegend):
        texts += widget.labels()
    elif isinstance(widget, QGraphicsView):
        texts += scene_texts(widget)
    return texts


def shown_texts(widget: QWidget) -> list[str]:
    """Every text of ``widget`` and its visible descendants."""
    children = [child for child in widget.findChildren(QWidget) if child.isVisibleTo(widget)]
    return [text for w in (widget, *children) for text in widget_texts(w) if text.strip()]


def assert_chinese(widget: QWidget, *extra: str, without: str = "") -> None:
    """Everything ``widget`` shows (and ``extra`` texts) is Chinese, numbers, symbols or allowed names;
    ``without`` (a file path, say) is taken out first."""
    texts = [text.replace(without, " ") if without else text for text in (*shown_texts(widget), *extra)]
    assert any(CJK.search(text) for text in texts), texts
    english = [text for text in texts if re.search("[A-Za-z]", untranslated_words(text))]
    assert english == []


@pytest.fixture
def chinese(qapp):
    """The widgets built in the test speak Chinese; English comes back afterwards."""
    assert install_language(CHINESE) == CHINESE
    yield
    install_language(ENGLISH)


@pytest.fixture
def net():
    """Hidden layers of 5 and 4: the sums of the later layers are short enough to be written out in full."""
    return MLP((784, 5, 4, 10), activation="relu", seed=0)


@pytest.fixture
def digits():
    rng = np.random.default_rng(0)
    return rng.random((600, 784), dtype=np.float32), rng.integers(0, 10, 600)


def test_the_allow_list_catches_english():
    for text in ("训练 loss", "第 3 轮 · 5 samples/s", "隐藏层 1, neuron 3", "<b>准确率</b> on 3", "默认 default",
                 "z = 0.41×1.00 + … (781 more: 0.35)"):
        assert re.search("[A-Za-z]", untranslated_words(text)), text
    for text in ("第 3/8 轮 · 剩余 1:23", "adam", "leaky_relu", "z = 0.41×1.00 + b(0.02) = 1.23", "W1",
                 "11.1 MB", "训练一个批次后暂停（Ctrl+Right）", "放到 <code>/home/me/mnist</code>", "exp(·) ≤ 1",
                 "1e-05", "✕"):
        assert not re.search("[A-Za-z]", untranslated_words(text)), text


def test_training_panel(chinese, shown):
    panel = shown(TrainingPanel(), 370, 460)
    assert_chinese(panel)
    for status in (TrainingStatus("idle", new_network=(784, 256, 10)), TrainingStatus("loading"),
                   TrainingStatus("running", epoch=3, epochs=8, samples_per_s=5234, eta_s=83),
                   TrainingStatus("running", epoch=1, epochs=8), TrainingStatus("paused", epoch=2, epochs=8, step=900),
                   TrainingStatus("stopped", epoch=2, epochs=8), TrainingStatus("finished", epoch=8, epochs=8),
                   TrainingStatus("diverged", epoch=1, epochs=8), TrainingStatus("error")):
        panel.set_status(status)
        assert_chinese(panel)
    panel.field("lr").lineEdit().setText("-1")
    panel.field("lr").lineEdit().textEdited.emit("-1")
    assert panel.error_label.isVisible()
    assert_chinese(panel)
    panel.hidden_edit.setText("16")
    panel.hidden_edit.editingFinished.emit()
    assert panel.architecture_pending()
    assert_chinese(panel)


def choose_everything(panel: TrainingPanel) -> None:
    """The same choices in any language: combo entries by their engine key, numbers typed, "default" picked."""
    for box, key in ((panel.field("optimizer"), "momentum"), (panel.field("schedule"), "step"),
                     (panel.activation_box, "leaky_relu")):
        box.setCurrentIndex(box.findData(key))
    for field, text in ((panel.field("lr"), "0.03"), (panel.field("l2"), "1e-05"), (panel.field("weight_decay"), "0.001")):
        field.lineEdit().setText(text)
        field.lineEdit().editingFinished.emit()
    panel.field("weight_decay").setCurrentIndex(0)  # "default", in the panel's language
    panel.field("weight_decay").activated.emit(0)
    panel.field("batch_size").setValue(64)
    panel.field("augment").setChecked(True)
    panel.hidden_edit.setText("32,16")
    panel.hidden_edit.editingFinished.emit()


def test_training_panel_settings_do_not_depend_on_the_language(qapp, shown):
    english = shown(TrainingPanel(), 370, 460)
    choose_everything(english)
    install_language(CHINESE)
    try:
        chinese = shown(TrainingPanel(), 370, 460)
        choose_everything(chinese)
        assert chinese.field("weight_decay").currentText() == "默认" and chinese.field("schedule").currentText() != "step"
        assert chinese.settings() == english.settings()
        assert (chinese.settings().config.optimizer, chinese.settings().config.schedule) == ("momentum", "step")
        assert chinese.settings().config.weight_decay is None
        assert chinese.settings().architecture.activation == "leaky_relu"
        chinese.field("weight_decay").lineEdit().setText("default")  # the English word works in every language
        chinese.field("weight_decay").lineEdit().editingFinished.emit()
        assert chinese.error_text() == "" and chinese.settings().config.weight_decay is None
        fresh = shown(TrainingPanel(), 370, 460)
        fresh.set_settings(english.settings())
        assert fresh.settings() == english.settings() and fresh.field("optimizer").currentData() == "momentum"
    finally:
        install_language(ENGLISH)


def test_loss_panel(chinese, shown):
    panel = shown(LossPanel(), 480, 300)
    assert_chinese(panel)
    panel.plot.set_log_scale(True)
    assert_chinese(panel)


def test_evaluation_view(chinese, shown, qtbot, net, digits):
    view = shown(EvaluationView(), 900, 500)
    assert_chinese(view)
    x, y = digits
    with qtbot.waitSignal(view.finished, timeout=10_000):
        view.evaluate(net, x, y)
    assert_chinese(view)
    view.show_cell(3, 3)
    assert_chinese(view)
    view.show_cell(3, int(view.result().predicted[y == 3][0]))
    assert_chinese(view)
    view.invalidate()
    assert_chinese(view)


def test_download_dialog(chinese, qtbot, tmp_path):
    def download(folder, *, progress=None, cancel=None):
        while not cancel():
            threading.Event().wait(0.01)
        raise DownloadError("cancelled")

    folder = str(tmp_path / "mnist")
    dialog = DownloadDialog(folder, download=download)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_chinese(dialog, without=folder)
    dialog.start_download()
    assert_chinese(dialog, without=folder)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.download_button.isEnabled(), timeout=5_000)
    assert dialog.download_button.text() == "重试" and dialog.progress.format() == "已取消"
    assert_chinese(dialog, without=folder)


def test_the_canvas_and_its_messages(chinese, shown, tmp_path):
    canvas = shown(Canvas(), 300, 300)
    missing = tmp_path / "missing.png"
    with pytest.raises(DataFileError) as error:
        read_picture(missing)
    assert_chinese(canvas, str(error.value).replace(str(missing), ""))


def test_the_small_widgets(chinese, shown, net, tmp_path):
    banner = shown(Banner(), 500, 40)
    banner.show_message("训练发散", "warning")
    assert_chinese(banner)
    assert_chinese(shown(HelpDialog("<p>帮助</p>"), 400, 300))
    assert_chinese(shown(ProbabilityBars(), 320, 200))
    preview = shown(InputPreview(), 200, 230)
    assert_chinese(preview)
    heatmaps = shown(ActivationHeatmaps(), 400, 250)
    heatmaps.set_activations([np.ones(5), np.ones(4)])
    assert_chinese(heatmaps)
    weights = shown(WeightsView(), 400, 300)
    weights.set_weights(net.weights[0])
    weights.apply_pending()
    assert_chinese(weights)
    weights.set_baseline(net.weights[0])
    weights.set_scaling("global")
    assert_chinese(weights)


def test_the_inspection_widgets(chinese, shown, qtbot, net, digits):
    trace = net.forward(digits[0][:1])
    inspector = shown(NeuronInspector(), 400, 500)
    assert_chinese(inspector)
    for layer, index, drawing in ((1, 2, None), (2, 1, trace), (3, 7, trace), (3, 7, None), (0, 400, trace),
                                  (0, 400, None)):
        inspector.show_neuron(net, layer, index, drawing)
        assert_chinese(inspector)
    inspector.show_neuron(net, 3, 7)
    inspector.refresh(MLP((784, 10), seed=1))  # the output is layer 1 now: there is no layer 3
    assert inspector.node() is None
    assert_chinese(inspector)

    softmax = shown(SoftmaxView(), 500, 400)
    assert_chinese(softmax)
    softmax.set_trace(trace)
    assert_chinese(softmax)

    histograms = shown(HistogramsView(), 400, 500)
    snapshot = NetworkSnapshot.of(net)
    histograms.set_snapshot(snapshot)
    assert_chinese(histograms)
    histograms.set_snapshot(replace(snapshot, gradients=snapshot.weights))
    assert_chinese(histograms)

    hidden_map = shown(HiddenMapView(), 500, 400)
    assert_chinese(hidden_map)
    hidden_map.set_samples(*digits)
    with qtbot.waitSignal(hidden_map.mapped, timeout=10_000):
        hidden_map.refresh(net)
    hidden_map.set_drawing(trace)
    assert_chinese(hidden_map)
    hidden_map.refresh(MLP((784, 10), seed=1))
    assert_chinese(hidden_map)


def test_what_the_model_notes_is_worded_in_chinese(chinese):
    from nnviz.app.widgets.run_progress import NOTES, note_text
    from nnviz.appmodel.snapshot import Note

    for kind in NOTES:
        text = note_text(Note(kind, ("x", "y")))
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), (kind, text)
