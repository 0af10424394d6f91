"""The main window's panels, which a lecturer can hide or pop out into a window of their own.

Each panel sits in one of the window's splitters. Hiding it gives its room to its neighbours; popping it
out moves it into a separate window (for a second screen, or to make it big on the projector) and leaves
an empty placeholder in its place, so the splitter keeps its count and its remembered positions. Closing
that window puts the panel back where it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QStyle, QToolButton, QVBoxLayout, QWidget

POPPED_OUT_SIZE = QSize(900, 640)
ELIDED_MINIMUM = 40  # px: a long title ends in "…" in a narrow panel; it must not widen the window


@dataclass(frozen=True)
class PanelLayout:
    """Which panels are hidden or popped out and where the splitters stand: what presentation mode puts
    back when it ends, and what a window rebuilt in another language takes over."""

    hidden: tuple[str, ...] = ()
    popped_out: tuple[str, ...] = ()
    splitters: tuple[tuple[str, QByteArray], ...] = ()


class ElidedLabel(QLabel):
    """One line that ends in "…" where it does not fit, instead of being cut off mid-letter (a panel's title
    in a narrow column); the whole text then heads its tooltip."""

    def __init__(self, text: str, tooltip: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self._tooltip = tooltip
        self._text_changed()

    def keep_whole(self, whole: bool) -> None:
        """Never elided: as wide as the whole text (a short title beside a control that can shrink)."""
        self._whole = whole
        self._fit_minimum()

    def _fit_minimum(self) -> None:
        whole = getattr(self, "_whole", False)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.text()) + 2 if whole else ELIDED_MINIMUM)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._text_changed()

    def _text_changed(self) -> None:
        """Text or font: what it needs across, and whether the tooltip must say the whole text."""
        self._fit_minimum()
        self._update_tooltip()

    def set_tooltip(self, tooltip: str) -> None:
        """What the tooltip says after the whole text (when that is cut)."""
        self._tooltip = tooltip
        self._update_tooltip()

    def shown_text(self) -> str:
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), self.foregroundRole())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._text_changed()

    def _update_tooltip(self) -> None:
        cut = self.shown_text() != self.text()
        self.setToolTip("\n".join(part for part in (self.text() if cut else "", self._tooltip) if part))


class Panel(QWidget):
    """``body`` under a bold heading with buttons to pop it out and to hide it. ``key`` names the panel
    in objectNames ("<key>Panel") and in the remembered settings."""

    shownChanged = Signal(bool)  # hidden from the window, or shown again (docked or popped out)
    poppedOutChanged = Signal(bool)

    def __init__(self, key: str, title: str, body: QWidget, tooltip: str = "", titled: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.body = body
        self.setObjectName(f"{key}Panel")
        self._title = title
        self._home: tuple[QSplitter, int] | None = None  # where a popped-out panel goes back to
        self._placeholder: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        self.header = QWidget()
        row = QHBoxLayout(self.header)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.heading = ElidedLabel(title, tooltip or body.toolTip())
        self.heading.setObjectName("sectionTitle")
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        row.addWidget(self.heading, 1)
        self.pop_button = self._tool_button(QStyle.StandardPixmap.SP_TitleBarNormalButton, f"{key}PopOut", "")
        self.pop_button.clicked.connect(self.toggle_popped_out)
        self.hide_button = self._tool_button(QStyle.StandardPixmap.SP_TitleBarCloseButton, f"{key}Hide",
                                             self.tr("Hide this panel (View > Panels shows it again)"))
        self.hide_button.clicked.connect(lambda: self.set_shown(False))
        row.addWidget(self.pop_button)
        row.addWidget(self.hide_button)
        self.header.setVisible(titled)
        layout.addWidget(self.header)
        layout.addWidget(body, 1)
        self._show_pop_state()

    def add_header_widget(self, widget: QWidget) -> None:
        """A control of the panel's own (e.g. what the diagram's lines show) in its title row, before the
        pop-out and hide buttons: it takes no room from the panel's body."""
        row = self.header.layout()
        row.insertWidget(row.indexOf(self.pop_button), widget)
        widget.show()
        self.heading.keep_whole(True)  # the title is short; the control gives up room first

    def _tool_button(self, icon: QStyle.StandardPixmap, name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def title(self) -> str:
        return self._title

    # ------------------------------------------------------------------ hide / show
    def is_shown(self) -> bool:
        return not self.isHidden()

    def set_shown(self, shown: bool) -> None:
        if shown == self.is_shown():
            return
        if not shown and self.is_popped_out():
            self.dock()
        self.setVisible(shown)
        self.shownChanged.emit(shown)

    # ------------------------------------------------------------------ pop out / dock
    def is_popped_out(self) -> bool:
        return self._home is not None

    def toggle_popped_out(self) -> None:
        self.set_popped_out(not self.is_popped_out())

    def set_popped_out(self, popped_out: bool) -> None:
        self.pop_out() if popped_out else self.dock()

    def pop_out(self) -> None:
        """Into a window of its own (owned by the main window: it closes with it), where the main window's
        keyboard shortcuts work too."""
        splitter = self.parentWidget()
        if self.is_popped_out() or not isinstance(splitter, QSplitter):
            return
        self.set_shown(True)
        window = self.window()
        self.addActions([action for action in window.findChildren(QAction) if not action.shortcut().isEmpty()])
        index = splitter.indexOf(self)
        size = self.size()
        self._placeholder = self._placeholder or QWidget()
        self._placeholder.setObjectName(f"{self.key}Placeholder")
        splitter.replaceWidget(index, self._placeholder)
        self._placeholder.hide()  # the neighbours share the room
        self._home = (splitter, index)
        self.setParent(window, Qt.WindowType.Window)
        self.setWindowTitle(f"nnviz: {self._title}")
        self.resize(size.expandedTo(POPPED_OUT_SIZE))
        self._show_pop_state()
        self.show()
        self.poppedOutChanged.emit(True)

    def dock(self) -> None:
        """Back into its place in the main window."""
        if not self.is_popped_out():
            return
        splitter, index = self._home
        self._home = None
        self.hide()
        self.setWindowFlags(Qt.WindowType.Widget)
        splitter.replaceWidget(index, self)
        self._placeholder.setParent(None)
        for action in self.actions():
            self.removeAction(action)
        self._show_pop_state()
        self.show()
        self.poppedOutChanged.emit(False)

    def _show_pop_state(self) -> None:
        self.pop_button.setToolTip(self.tr("Put back into the main window") if self.is_popped_out() else
                                   self.tr("Pop out into a window of its own (close it to put it back)"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_popped_out():  # closing the panel's own window puts it back; the main window closes as usual
            event.ignore()
            self.dock()
            return
        super().closeEvent(event)
