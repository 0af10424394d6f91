"""The help's list of keyboard shortcuts, made from the menus themselves: every action with a shortcut is
listed with where it lives, so the list can never fall behind the menus (and is in the menus' language).
What no menu holds (keys on the canvas, mouse gestures) is added from :data:`GESTURES`."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

GESTURES = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Shift+0 … Shift+9"),
     QT_TRANSLATE_NOOP("Shortcuts", "\"this drawing is a …\": the network learns your correction")),
    (QT_TRANSLATE_NOOP("Shortcuts", "right mouse button"), QT_TRANSLATE_NOOP("Shortcuts", "erase on the canvas")),
    (QT_TRANSLATE_NOOP("Shortcuts", "mouse wheel"), QT_TRANSLATE_NOOP("Shortcuts", "pen width, over the canvas")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Space, in slow motion"), QT_TRANSLATE_NOOP("Shortcuts", "the next step")),
)


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str]]:
    """(keys, "Menu → Item") for every action with a shortcut in the window's menus, in menu order."""
    rows = []

    def walk(actions: list[QAction], path: list[str]) -> None:
        for action in actions:
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions(), [*path, plain(menu.title())])
            elif not action.isSeparator() and action.shortcuts():
                keys = " / ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
                rows.append((keys, " → ".join([*path, plain(action.text())])))

    walk(window.menuBar().actions(), [])
    return rows


def plain(text: str) -> str:
    """A menu text as read: without its mnemonic marks and the dots of a dialog to come."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").strip()


def shortcut_table(window: QMainWindow) -> str:
    """The shortcuts as an HTML table for the help window."""
    translate = QCoreApplication.translate
    rows = menu_shortcuts(window) + [(translate("Shortcuts", keys), translate("Shortcuts", what))
                                     for keys, what in GESTURES]
    cells = "".join(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>\n" for keys, what in rows)
    return f'<table cellspacing="6">\n{cells}</table>\n'
