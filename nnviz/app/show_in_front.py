"""Bring a tool window (My examples, Dream, Nudge) in front when it is asked for again."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def show_in_front(widget: QWidget) -> None:
    """Show ``widget`` and raise it above the main window (the offscreen platform, which has no stacking of
    windows, only warns that it cannot raise)."""
    widget.show()
    if QGuiApplication.platformName() != "offscreen":
        widget.raise_()
        widget.activateWindow()
