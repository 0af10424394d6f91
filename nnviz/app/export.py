"""Saving what the window shows: every view as PNG or SVG, and the numbers behind it as CSV.

Each view declares its own export (:mod:`nnviz.app.exportable`: ``EXPORT``, ``export_table()``); the
window lists them (``exportable_views()``). :func:`export_view` writes one file, choosing the format from
its extension; :func:`install_context_menus` gives each view a right-click menu with the three choices
(File -> Export has them too, for the canvas, where the right button erases).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QAbstractScrollArea, QFileDialog, QMenu, QWidget

from nnviz.csv_table import write_csv
from nnviz.errors import DataFileError

FORMATS = {".png": QT_TRANSLATE_NOOP("Export", "PNG image"), ".svg": QT_TRANSLATE_NOOP("Export", "SVG drawing"),
           ".csv": QT_TRANSLATE_NOOP("Export", "CSV table")}
translate = QCoreApplication.translate


def view_named(window, name: str) -> QWidget:
    """The view of ``window`` that exports as ``name``."""
    views = window.exportable_views()
    for view in views:
        if view.EXPORT.name == name:
            return view
    raise KeyError(f"no view called {name!r}; there are: {', '.join(v.EXPORT.name for v in views)}")


def _picture(view) -> QWidget:
    return view.export_picture() if hasattr(view, "export_picture") else view


def export_view(window, name: str, path: str | os.PathLike) -> Path:
    """Write view ``name`` of ``window`` to ``path`` as PNG, SVG or CSV (by extension); the path written."""
    view, path = view_named(window, name), Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DataFileError(translate("Export", "{0}: choose a .png, .svg or .csv file name").format(path.name))
    try:
        if suffix == ".csv":
            table = view.export_table()
            if table is None:
                raise DataFileError(translate("Export", "{0}: no data yet; draw, train or evaluate first")
                                    .format(translate("Export", view.EXPORT.title)))
            write_csv(path, *table)
        elif suffix == ".svg":
            write_svg(_picture(view), path, view.EXPORT.title)
        elif not _picture(view).grab().save(str(path), "PNG"):
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
    title = view_named(window, name).EXPORT.title
    kind = translate("Export", FORMATS[suffix])
    path, _ = QFileDialog.getSaveFileName(
        window, translate("Export", "Save {0} as {1}").format(translate("Export", title), kind),
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
    for view in window.exportable_views():
        submenu = menu.addMenu(translate("Export", view.EXPORT.title))
        for suffix, label in FORMATS.items():
            action = submenu.addAction(translate("Export", "{0}…").format(translate("Export", label)))
            action.triggered.connect(lambda _=False, n=view.EXPORT.name, s=suffix: ask_and_export(window, n, s))


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


def install_context_menus(window) -> QObject:
    """Right-click export menus on every view but the canvas (whose right button erases); the returned
    filter (parented to the window) knows which widget is whose (``targets``)."""
    targets: dict[QObject, str] = {}
    for view in window.exportable_views():
        if view.EXPORT.name == "drawing":
            continue
        widget = _picture(view)
        for target in [widget, *widget.findChildren(QAbstractScrollArea)]:
            targets[target] = view.EXPORT.name
            if isinstance(target, QAbstractScrollArea):
                targets[target.viewport()] = view.EXPORT.name
    filter_ = _ContextMenus(window, targets)
    for target in targets:
        target.installEventFilter(filter_)
    return filter_
