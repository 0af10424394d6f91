"""A hint that covers a view while it has nothing to show: "Click a neuron in the diagram" instead of empty axes
with dummy ranges. It lies over the view (a child that fills it), so the view itself stays where it is."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from nnviz.app.painting import legible_font


class HintOverlay(QWidget):
    """Covers ``target`` with ``text`` (and a button doing ``action``, if given) while shown."""

    def __init__(self, target: QWidget, text: str, action_text: str = "", action: Callable[[], None] | None = None):
        super().__init__(target)
        self.setObjectName(f"{target.objectName()}Hint")
        self.setAutoFillBackground(True)  # the page's own colour: nothing of the empty view shows through
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setProperty("role", "hint")
        self.label.setFont(legible_font(self, 1.15))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.label)
        self.button = None
        if action is not None:
            self.button = QPushButton(action_text)
            self.button.clicked.connect(lambda *_: action())
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        target.installEventFilter(self)
        self.setGeometry(target.rect())

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def set_shown(self, shown: bool) -> None:
        if shown:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        self.setVisible(shown)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "label"):
            self.label.setFont(legible_font(self, 1.15))
        super().changeEvent(event)
