"""Saving what the window shows: every view as PNG or SVG, and the numbers behind it as CSV.

:data:`VIEWS` lists the views by name with the function that builds each one's table from the window's
current state. :func:`export_view` writes one file, choosing the format from its extension;
:func:`install_context_menus` gives each view a right-click menu with the three choices (File -> Export
has them too, for the canvas, where the right button erases).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QAbstractScrollArea, QFileDialog, QMenu, QWidget

from nnviz.csv_table import write_csv
from nnviz.errors import DataFileError

Table = tuple[list[str] | None, np.ndarray]  # (column names or None for a plain matrix, rows)
FORMATS = {".png": QT_TRANSLATE_NOOP("Export", "PNG image"), ".svg": QT_TRANSLATE_NOOP("Export", "SVG drawing"),
           ".csv": QT_TRANSLATE_NOOP("Export", "CSV table")}
translate = QCoreApplication.translate


@dataclass(frozen=True)
class View:
    name: str  # file-name friendly, e.g. "confusion-matrix"
    title: str  # for menus and dialogs
    widget: Callable  # window -> QWidget
    table: Callable  # window -> Table | None (None: nothing to export yet)


def _rows(header: list[str], rows: list[tuple]) -> Table | None:
    """A table of mixed columns, or None when there is nothing in it yet."""
    return (header, np.array(rows, dtype=object)) if rows else None


def _matrix(values) -> Table | None:
    return None if values is None else (None, np.asarray(values))


def _activations(window, hidden_only: bool) -> Table | None:
    trace = window.current_trace()
    if trace is None:
        return None
    layers = range(1, len(trace.a) - 1) if hidden_only else range(len(trace.a))
    rows = [(layer, j, float(v)) for layer in layers for j, v in enumerate(trace.a[layer][0])]
    return ["layer", "neuron", "activation"], np.array(rows, dtype=object)


def _probabilities(window) -> Table | None:
    p = window.probabilities.probabilities()
    return None if p is None else (["digit", "probability"], np.column_stack([np.arange(len(p)), p]).astype(object))


def _first_layer_weights(window) -> Table | None:
    snapshot = window.snapshot()
    if snapshot is None:
        return None
    W = np.asarray(snapshot.weights[0])
    return [f"neuron_{j}" for j in range(W.shape[1])], W


def _loss(window) -> Table | None:
    x, loss = window.loss_plot.loss_data()
    ax, acc = window.loss_plot.accuracy_data()
    rows = [("batch_loss", a, b) for a, b in zip(x, loss)] + [("test_accuracy_percent", a, b) for a, b in zip(ax, acc)]
    return _rows(["series", "epochs", "value"], rows)


def _confusion(window) -> Table | None:
    result = window.inspection.evaluation.result()
    if result is None:
        return None
    return [f"predicted_{d}" for d in range(result.confusion.shape[1])], result.confusion


def _hidden_map(window) -> Table | None:
    view = window.inspection.hidden_map
    if view.pca() is None:
        return None
    rows = [(digit, x, y) for digit in range(10) for x, y in view.points(digit)]
    return _rows(["digit", "pc1", "pc2"], rows)


def _knockout(window) -> Table | None:
    accuracy = window.inspection.knockout.accuracy()
    if accuracy is None:
        return None
    return _rows(["neuron", "accuracy_silenced"], [(j, a) for j, a in enumerate(accuracy) if not np.isnan(a)])


def _histograms(window) -> Table | None:
    view = window.inspection.histograms
    rows = []
    for kind in ("weights", "gradients"):
        for layer in range(view.layer_count()):
            edges, percent = view.curve_data(kind, layer)
            rows += [(kind, layer + 1, lo, hi, p) for lo, hi, p in zip(edges[:-1], edges[1:], percent)]
    return _rows(["kind", "layer", "bin_low", "bin_high", "percent"], rows)


def _neuron(window) -> Table | None:
    reading = window.reading()
    window.inspection.inspector.refresh(reading.network(), reading.trace)  # it may have been hidden
    terms = window.inspection.inspector.terms()
    if terms is None:
        return None
    inputs = terms.inputs if terms.inputs is not None else np.full(len(terms.weights), np.nan)
    rows = np.column_stack([np.arange(len(terms.weights)), terms.weights, inputs, terms.weights * inputs])
    return ["input_neuron", "weight", "input_activation", "product"], rows


VIEWS: tuple[View, ...] = (
    View("drawing", QT_TRANSLATE_NOOP("Export", "Drawing"), lambda w: w.canvas, lambda w: _matrix(w.canvas.image())),
    View("network-input", QT_TRANSLATE_NOOP("Export", "Network input (28×28)"), lambda w: w.input_preview, lambda w: _matrix(w.input_preview.image())),
    View("probabilities", QT_TRANSLATE_NOOP("Export", "Probabilities"), lambda w: w.probabilities, _probabilities),
    View("network", QT_TRANSLATE_NOOP("Export", "Network diagram"), lambda w: w.network_view, lambda w: _activations(w, hidden_only=False)),
    View("activations", QT_TRANSLATE_NOOP("Export", "Hidden-layer activations"), lambda w: w.heatmaps, lambda w: _activations(w, hidden_only=True)),
    View("first-layer-weights", QT_TRANSLATE_NOOP("Export", "First-layer weights"), lambda w: w.weights_view, _first_layer_weights),
    View("loss", QT_TRANSLATE_NOOP("Export", "Loss and accuracy"), lambda w: w.loss_plot, _loss),
    View("neuron", QT_TRANSLATE_NOOP("Export", "Neuron inspector"), lambda w: w.inspection.inspector, _neuron),
    View("confusion-matrix", QT_TRANSLATE_NOOP("Export", "Confusion matrix"), lambda w: w.inspection.evaluation.matrix, _confusion),
    View("hidden-layer-map", QT_TRANSLATE_NOOP("Export", "Hidden-layer map"), lambda w: w.inspection.hidden_map.plot, _hidden_map),
    View("histograms", QT_TRANSLATE_NOOP("Export", "Weight and gradient histograms"), lambda w: w.inspection.histograms, _histograms),
    View("knock-out", QT_TRANSLATE_NOOP("Export", "Knock-out study"), lambda w: w.inspection.knockout, _knockout),
)


def view_named(name: str) -> View:
    for view in VIEWS:
        if view.name == name:
            return view
    raise KeyError(f"no view called {name!r}; there are: {', '.join(v.name for v in VIEWS)}")


def export_view(window, name: str, path: str | os.PathLike) -> Path:
    """Write view ``name`` of ``window`` to ``path`` as PNG, SVG or CSV (by extension); the path written."""
    view, path = view_named(name), Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DataFileError(translate("Export", "{0}: choose a .png, .svg or .csv file name").format(path.name))
    try:
        if suffix == ".csv":
            table = view.table(window)
            if table is None:
                raise DataFileError(translate("Export", "{0}: no data yet; draw, train or evaluate first")
                                    .format(translate("Export", view.title)))
            write_csv(path, *table)
        elif suffix == ".svg":
            write_svg(view.widget(window), path, view.title)
        elif not view.widget(window).grab().save(str(path), "PNG"):
            raise OSError("Qt could not write the image")
    except OSError as error:
        reason = getattr(error, "strerror", None) or error
        raise DataFileError(translate("Export", "could not write {0}: {1}").format(path, reason)) from None
    return path




def write_svg(widget: QWidget, path: Path, title: str) -> None:
    """Render ``widget`` into an SVG file (vector where Qt draws vectors: lines, text, shapes)."""
    size = widget.size() if widget.width() > 0 else QSize(800, 600)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("exported from nnviz")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError("cannot open the file for writing")
    try:
        QWidget.render(widget, painter, QPoint(0, 0))  # the widget as shown (QGraphicsView.render draws its scene)
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError("nothing was written")


def ask_and_export(window, name: str, suffix: str) -> None:
    """The file dialog of a menu entry, then :func:`export_view`; problems go to the window's banner."""
    view = view_named(name)
    kind = translate("Export", FORMATS[suffix])
    path, _ = QFileDialog.getSaveFileName(
        window, translate("Export", "Save {0} as {1}").format(translate("Export", view.title), kind),
        f"nnviz-{name}{suffix}", f"{kind} (*{suffix})")
    if not path:
        return
    if not path.lower().endswith(suffix):
        path += suffix
    try:
        export_view(window, name, path)
    except DataFileError as error:
        window.banner.show_message(str(error), "warning", [], kind="export")
        return
    window.statusBar().showMessage(translate("Export", "saved {0}").format(path), 6000)


def add_export_menu(window, menu: QMenu) -> None:
    """File -> Export: one submenu per view with PNG, SVG and CSV."""
    for view in VIEWS:
        submenu = menu.addMenu(translate("Export", view.title))
        for suffix, label in FORMATS.items():
            action = submenu.addAction(translate("Export", "{0}…").format(translate("Export", label)))
            action.triggered.connect(lambda _=False, n=view.name, s=suffix: ask_and_export(window, n, s))


class _ContextMenus(QObject):
    """Shows the export menu of a view on a right click anywhere in it."""

    def __init__(self, window, targets: dict[QObject, str]):
        super().__init__(window)
        self.window, self.targets = window, targets

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ContextMenu and watched in self.targets:
            name = self.targets[watched]
            menu = QMenu(self.window)
            extras = getattr(self.window, "context_menu_extras", None)  # e.g. the diagram's neuron probes
            if extras is not None and extras(name, watched, event.pos(), menu):
                menu.addSeparator()
            for suffix, label in FORMATS.items():
                action = menu.addAction(translate("Export", "Save as {0}…").format(translate("Export", label)))
                action.triggered.connect(lambda _=False, s=suffix: ask_and_export(self.window, name, s))
            menu.exec(event.globalPos())
            return True
        return False


def install_context_menus(window) -> None:
    """Right-click export menus on every view but the canvas (whose right button erases)."""
    targets: dict[QObject, str] = {}
    for view in VIEWS:
        if view.name == "drawing":
            continue
        widget = view.widget(window)
        for target in [widget, *widget.findChildren(QAbstractScrollArea)]:
            targets[target] = view.name
            if isinstance(target, QAbstractScrollArea):
                targets[target.viewport()] = view.name
    filter_ = _ContextMenus(window, targets)
    for target in targets:
        target.installEventFilter(filter_)
    window._export_context_menus = filter_  # kept alive with the window
