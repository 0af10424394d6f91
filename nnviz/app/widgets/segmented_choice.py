"""A choice of two or three things as buttons joined into one bar (the checked one highlighted), with long
labels where there is room, short ones where there is less, and in the least room only the current choice,
which a click turns into the next one (a panel's title row in large type on a 1024 px projector)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QSizePolicy, QToolButton, QWidget


@dataclass(frozen=True)
class Choice:
    key: str
    text: str
    short: str
    tooltip: str = ""


class SegmentedChoice(QWidget):
    """``chosen(key)`` when the user picks another choice; ``set_current(key)`` shows one (emits nothing)."""

    chosen = Signal(str)

    def __init__(self, choices: list[Choice], current: str, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self._choices = list(choices)
        self._single = False
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.setSizeConstraint(QHBoxLayout.SizeConstraint.SetNoConstraint)  # the minimum is this widget's own
        self._group = QButtonGroup(self)
        self._buttons: dict[str, QToolButton] = {}
        for choice in self._choices:
            button = QToolButton()
            button.setObjectName(f"{name}_{choice.key}")
            button.setText(choice.text)
            button.setToolTip(choice.tooltip)
            button.setCheckable(True)
            button.setChecked(choice.key == current)
            button.setProperty("role", "segment")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, key=choice.key: self._clicked(key))
            self._group.addButton(button)
            self._buttons[choice.key] = button
            row.addWidget(button)
        row.addStretch(1)  # the buttons stay joined when there is more room than they need

    def _clicked(self, key: str) -> None:
        if self._single and key == self.current():  # the only button shown: on to the next choice
            keys = [choice.key for choice in self._choices]
            key = keys[(keys.index(key) + 1) % len(keys)]
            self.set_current(key)
        self.chosen.emit(key)

    def current(self) -> str:
        return next(key for key, button in self._buttons.items() if button.isChecked())

    def set_current(self, key: str) -> None:
        self._buttons[key].setChecked(True)
        if self._single:
            self._show_labels("single")

    def buttons(self) -> list[QToolButton]:
        return list(self._buttons.values())

    def _widths(self, short: bool) -> list[int]:
        widths = []
        for choice, button in zip(self._choices, self._buttons.values()):
            metrics = button.fontMetrics()
            frame = button.sizeHint().width() - metrics.horizontalAdvance(button.text())  # padding, border
            widths.append(metrics.horizontalAdvance(choice.short if short else choice.text) + frame)
        return widths

    def sizeHint(self) -> QSize:
        return QSize(sum(self._widths(False)), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(max(self._widths(True)), self._height())

    def _height(self) -> int:
        return max(button.sizeHint().height() for button in self._buttons.values())

    def _show_labels(self, labels: str) -> None:
        """``labels``: "long", "short", or "single" (only the current choice, short)."""
        self._single = labels == "single"
        current = self.current()
        for choice, button in zip(self._choices, self._buttons.values()):
            button.setText(choice.text if labels == "long" else choice.short)
            button.setVisible(not self._single or choice.key == current)

    def resizeEvent(self, event) -> None:
        width = event.size().width()
        self._show_labels("long" if width >= sum(self._widths(False)) else
                          "short" if width >= sum(self._widths(True)) else "single")
        super().resizeEvent(event)
