"""The lessons in Simplified Chinese: every word a student reads in a lesson window is Chinese, apart from
numbers, formulas and the technical names the Chinese textbooks write in Latin letters too."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QTabBar, QTabWidget

from nnviz.app.i18n import install_language
from nnviz.app.lesson_views import VIEWS
from nnviz.app.lesson_views.two_layer_view import PEOPLE_TO_TRANSLATE
from nnviz.app.lesson_window import LessonWindow, lesson_name
from nnviz.app.translation_files import ts_path, update_part
from nnviz.errors import ConfigError
from nnviz.lessons.two_layer import PEOPLE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"raise\(\)")

CJK = re.compile(r"[\u3400-\u9fff]")
# Names written in Latin letters in Chinese textbooks as well: functions, optimizers, a test function.
TECHNICAL = re.compile(r"\b(?:sigmoid|tanh|Leaky|ReLU|SGD|Momentum|NAG|AdaGrad|RMSprop|Adam|AdamW|AdaDelta|AMSGrad|"
                       r"NAdam|Rosenbrock|XOR|sin|nnviz)\b")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")  # single letters are the formulas' variables (x, w₁, z, a0, W1)
MARKUP = re.compile(r"<[^>]+>|&\w+;")


def english_words(text: str) -> list[str]:
    """The words of ``text`` that are neither Chinese nor technical names: what was left untranslated."""
    return ENGLISH_WORD.findall(TECHNICAL.sub(" ", MARKUP.sub(" ", text)))


def test_the_checker_tells_formulas_from_untranslated_text():
    assert english_words("z = 0·2 + 1·3 + 4 = 7") == []
    assert english_words("a1 = sigmoid(z1) = [0.5, 0.6]") == []
    assert english_words("第 3 轮：损失 0.1 <b>z &gt; 0</b>，AdaGrad") == []
    assert english_words("▶ Play") == ["Play"]
    assert english_words("体重 − 135 lb") == ["lb"]
    assert english_words("P(female)：爱丽丝") == ["female"]


def plot_texts(plot: pg.PlotWidget) -> list[str]:
    """What a plot writes: its axis titles, its legend's entries and the names placed on it."""
    item = plot.getPlotItem()
    texts = [item.getAxis(side).labelText for side in ("left", "bottom")]
    if item.legend is not None:
        texts += [label.text for _, label in item.legend.items]
    texts += [child.textItem.toPlainText() for child in item.vb.addedItems if isinstance(child, pg.TextItem)]
    return texts


def visible_texts(window: LessonWindow) -> list[str]:
    texts = [label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window)]
    texts += [button.text() for button in window.findChildren(QAbstractButton) if button.isVisibleTo(window)]
    return texts + [text for plot in window.findChildren(pg.PlotWidget) if plot.isVisibleTo(window)
                    for text in plot_texts(plot)]


def shown_texts(window: LessonWindow) -> list[str]:
    """Every text the window shows, on every page of its tabs, in its lists and its number boxes."""
    texts = [window.windowTitle()] + visible_texts(window)
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            texts += visible_texts(window)
    texts += [bar.tabText(i) for bar in window.findChildren(QTabBar) for i in range(bar.count())]
    texts += [box.itemText(i) for box in window.findChildren(QComboBox) for i in range(box.count())]
    texts += [box.prefix() + box.suffix() for box in window.findChildren(QAbstractSpinBox) if hasattr(box, "suffix")]
    return [text for text in texts if text.strip()]


@pytest.fixture
def chinese(qapp):
    """The application in Simplified Chinese for one test, English again afterwards."""
    assert install_language("zh_CN") == "zh_CN"
    yield
    install_language("en")


@pytest.fixture
def open_chinese_lesson(qtbot, chinese):
    windows = []  # kept alive for the test: a view belongs to its window

    def open_(name: str) -> LessonWindow:
        window = LessonWindow(name, (1280, 720))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    return open_


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_lesson_window_is_in_chinese(open_chinese_lesson, name):
    window = open_chinese_lesson(name)
    view = window.view
    assert CJK.search(view.title) and CJK.search(view.explanation)
    controls = getattr(view, "controls", None)
    if controls is not None:  # the Pause label too, and the status after a few frames
        controls.play_button.click()
        assert CJK.search(controls.play_button.text())
        controls.play_button.click()
        view.player.tick()
    texts = shown_texts(window)
    assert view.title in texts and len(texts) > 3
    untranslated = {text: english_words(text) for text in texts if english_words(text)}
    assert untranslated == {}


def test_the_numbers_stay_the_textbooks_in_chinese(open_chinese_lesson):
    view = open_chinese_lesson("neuron").view
    assert view.sum_label.text() == "z = 0·2 + 1·3 + 4 = 7"
    assert view.sigmoid_label.text().endswith("a = 0.9991")
    assert view.sigmoid_label.toolTip().endswith("a = 0.9990889488055994")
    two_layer = open_chinese_lesson("two-layer").view
    assert "0.7216" in two_layer.forward_label.text() and "0.7216325609518421" in two_layer.forward_label.toolTip()
    assert "爱丽丝" in two_layer.status.text()


def test_a_wrong_lesson_name_is_explained_in_chinese(chinese):
    with pytest.raises(ConfigError, match="swim") as error:
        lesson_name("swim")
    assert CJK.search(str(error.value))


def test_the_chinese_lessons_are_complete_and_keep_every_placeholder(tmp_path):
    ts = tmp_path / "zh_CN_lessons.ts"
    shutil.copy(ts_path("lessons", "zh_CN"), ts)
    assert update_part("lessons", "zh_CN", ts) == []  # nothing in the code that the file does not translate
    for message in ET.parse(ts).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        assert sorted(re.findall(r"\{\d\}", source)) == sorted(re.findall(r"\{\d\}", translation)), source
        assert sorted(re.findall(r"</?\w+>", source)) == sorted(re.findall(r"</?\w+>", translation)), source


def test_the_people_marked_for_translation_are_the_lessons_people():
    assert PEOPLE_TO_TRANSLATE == PEOPLE
