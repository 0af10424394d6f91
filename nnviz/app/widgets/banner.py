"""A message strip across the top of the window: what went wrong (or what to know) and what to do about it.

Used instead of modal error boxes, so a problem (a missing model, a diverged run) is said in the window
while everything else stays usable.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

SEVERITIES = ("info", "warning", "error")


class Banner(QFrame):
    """``show_message(text, severity, actions)``; hidden until then, closable by the user."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("severity", "warning")
        self._label = QLabel()
        self._label.setObjectName("bannerText")
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons: list[QPushButton] = []
        self._close = QToolButton()
        self._close.setText("✕")
        self._close.setToolTip(self.tr("Hide this message"))
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.dismiss)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self._label, 1)
        self._layout.addWidget(self._close)
        self._kind = ""
        self.hide()

    def show_message(self, text: str, severity: str = "warning",
                     actions: list[tuple[str, Callable[[], None]]] | None = None, kind: str = "") -> None:
        """Show ``text``; each action becomes a button that runs its callable and hides the banner.
        ``kind`` names the topic, so that e.g. a new training status can clear only a training message."""
        if severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}")
        self._kind = kind
        self._label.setText(text)
        self.setProperty("severity", severity)
        self.style().unpolish(self)
        self.style().polish(self)
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for index, (label, action) in enumerate(actions or []):
            button = QPushButton(label)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(self._run(action))
            self._layout.insertWidget(1 + index, button)
            self._buttons.append(button)
        self.show()

    def _run(self, action: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            self.dismiss()
            action()

        return run

    def dismiss(self, kind: str | None = None) -> None:
        """Hide the banner (only if it is about ``kind``, when given)."""
        if kind is None or kind == self._kind:
            self.hide()
            self._kind = ""

    def text(self) -> str:
        """The message shown, or "" while hidden."""
        return "" if self.isHidden() else self._label.text()

    def kind(self) -> str:
        return self._kind

    def action_labels(self) -> list[str]:
        return [button.text() for button in self._buttons]

    def trigger(self, label: str) -> None:
        """Press the action button called ``label`` (tests, keyboard users)."""
        for button in self._buttons:
            if button.text() == label:
                button.click()
                return
        raise KeyError(label)
