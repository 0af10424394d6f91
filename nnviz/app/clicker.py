"""Presenter clickers: what they send (PageDown / Right: next, PageUp / Left: back, B: blank the screen) drives
a window as it drives a slide deck.

:class:`Clicker` gives a window three actions with those keys; the window says what "next" and "back" mean
there (a step of slow motion, of the timeline, of a lesson). Being window shortcuts, they leave a text field
its arrow keys (a field takes them first). B blanks the window black until any key or click, like a slide
deck's B; while it is blank, every key (next and back too) only brings the picture back (the black screen
takes every key before any shortcut sees it).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import QMenu, QWidget

NEXT_KEYS = ("PgDown", "Right")
BACK_KEYS = ("PgUp", "Left")
BLANK_KEY = "B"


class BlankScreen(QWidget):
    """Black over the whole window; any key or click takes it away."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("blankScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.hide()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())
        return False

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:  # every key comes here, none reaches a shortcut
            event.accept()
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:
        QPainter(self).fillRect(self.rect(), Qt.GlobalColor.black)

    def keyPressEvent(self, event) -> None:
        self.hide()

    def mousePressEvent(self, event) -> None:
        self.hide()


class Clicker(QObject):
    """Next / Back / Blank for ``window``; ``step(delta)`` (+1 next, -1 back) does what they mean there and says
    whether anything moved. The actions go into ``menu`` (so the help lists them) or onto the window."""

    def __init__(self, window: QWidget, step: Callable[[int], bool], menu: QMenu | None = None):
        super().__init__(window)
        self._step = step
        self.screen = BlankScreen(window)
        self.next_action = self._action(window, menu, self.tr("&Next (clicker)"), lambda: self.step(1), NEXT_KEYS,
                                        self.tr("The next step of slow motion, the timeline or a lesson"))
        self.back_action = self._action(window, menu, self.tr("&Back (clicker)"), lambda: self.step(-1), BACK_KEYS,
                                        self.tr("The step before, in slow motion, the timeline or a lesson"))
        self.blank_action = self._action(window, menu, self.tr("B&lank the screen"), self.toggle_blank, (BLANK_KEY,),
                                         self.tr("Black, like a slide deck's B; any key or click brings it back"))

    @staticmethod
    def _action(window: QWidget, menu: QMenu | None, text: str, slot, keys, tip: str) -> QAction:
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        (menu or window).addAction(action)
        return action

    def step(self, delta: int) -> bool:
        return bool(self._step(delta))

    def blank(self, on: bool) -> None:
        if on:
            self.screen.cover()
        else:
            self.screen.hide()

    def toggle_blank(self) -> None:
        self.blank(not self.is_blank())

    def is_blank(self) -> bool:
        return self.screen.isVisible()
