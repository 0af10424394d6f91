"""Every view saves as a real PNG and SVG, and the numbers behind it as CSV; mistakes are clear errors."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication

from nnviz.app.export import FORMATS, export_view
from nnviz.appmodel.training_session import mnist_loader
from nnviz.errors import DataFileError
from window_helpers import DIGITS, draw, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"This plugin does not support raise\(\)")


@pytest.fixture
def window(qtbot, mnist_dir):
    window = make_window(qtbot, load_training_data=mnist_loader(str(mnist_dir), 1024, 300))
    draw(window.canvas, DIGITS[7][0])
    return window


# Every view the window exports, in File -> Export's order (each view declares its own: nnviz.app.exportable).
VIEWS = ("drawing", "network-input", "probabilities", "network", "activations", "first-layer-weights", "loss",
         "neuron", "confusion-matrix", "hidden-layer-map", "histograms", "knock-out")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("name", VIEWS)
def test_each_view_saves_as_a_valid_png_and_svg(window, qtbot, tmp_path, name):
    if name in ("confusion-matrix", "hidden-layer-map", "histograms", "neuron"):
        window.inspection.show_tab(window.inspection.tabs.widget(0))
    png = export_view(window, name, tmp_path / f"{name}.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 10 and image.height() > 10
    svg = export_view(window, name, tmp_path / f"{name}.svg")
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg") and len(list(root.iter())) > 3


def test_the_probabilities_csv_is_the_ten_probabilities(window, tmp_path):
    rows = read_csv(export_view(window, "probabilities", tmp_path / "p.csv"))
    assert rows[0] == ["digit", "probability"] and len(rows) == 11
    p = np.array([float(r[1]) for r in rows[1:]])
    assert p.sum() == pytest.approx(1.0, abs=1e-5) and p.argmax() == 7


def test_the_confusion_csv_counts_the_test_set_after_evaluation(window, qtbot, tmp_path):
    with pytest.raises(DataFileError, match="no data yet"):
        export_view(window, "confusion-matrix", tmp_path / "c.csv")
    with qtbot.waitSignal(window.inspection.evaluation.finished, timeout=20_000):
        window.inspection.evaluate()
    rows = read_csv(export_view(window, "confusion-matrix", tmp_path / "c.csv"))
    assert rows[0] == [f"predicted_{d}" for d in range(10)]
    assert np.array(rows[1:], int).sum() == 300


def test_images_export_as_matrices_and_activations_as_rows(window, tmp_path):
    rows = read_csv(export_view(window, "network-input", tmp_path / "input.csv"))
    assert len(rows) == 28 and all(len(r) == 28 for r in rows)
    rows = read_csv(export_view(window, "activations", tmp_path / "a.csv"))
    assert rows[0] == ["layer", "neuron", "activation"] and len(rows) == 1 + 256 + 128 + 64


@pytest.mark.parametrize("file_name,words", [("x.jpg", "png, .svg or .csv"), ("missing/x.png", "could not write")])
def test_bad_file_names_are_clear_errors(window, tmp_path, file_name, words):
    with pytest.raises(DataFileError, match=words):
        export_view(window, "probabilities", tmp_path / file_name)


@pytest.mark.qt_log_ignore("propagateSizeHints", r"raise\(\)", "grabbing the keyboard", "grabbing the mouse")  # offscreen popups
def test_right_clicking_a_view_offers_the_three_formats(window, qtbot):
    seen = []

    def read_and_close_menu():
        menu = QApplication.activePopupWidget()
        seen.extend(action.text() for action in menu.actions())
        menu.close()

    QTimer.singleShot(50, read_and_close_menu)
    target = window.probabilities
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10),
                                                     target.mapToGlobal(QPoint(10, 10))))
    assert seen == [f"Save as {label}…" for label in FORMATS.values()]


def test_file_export_lists_every_view(window):
    export = next(a.menu() for a in window.file_menu.actions() if a.menu() and "Export" in a.text())
    assert [view.EXPORT.name for view in window.exportable_views()] == list(VIEWS)
    assert [a.text() for a in export.actions()] == [view.EXPORT.title for view in window.exportable_views()]


def test_the_canvas_keeps_its_right_button_for_erasing(window):
    assert window.canvas not in window._export_context_menus.targets


@pytest.mark.parametrize("name", ["loss", "histograms", "hidden-layer-map"])
def test_views_without_data_yet_say_so_for_csv(window, tmp_path, name):
    with pytest.raises(DataFileError, match="no data yet"):
        export_view(window, name, tmp_path / "x.csv")
