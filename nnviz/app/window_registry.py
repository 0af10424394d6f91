"""Top-level windows that nothing else holds on to.

PySide deletes a window when its last Python reference goes, so a window that a command opens (a lesson
beside the main window, the main window rebuilt in another language) is kept in a list until it is
closed, and deleted then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def keep_until_closed(window: QWidget, kept: list) -> None:
    """``window`` lives in ``kept`` until it is closed (it is deleted on close, and leaves the list)."""
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    kept.append(window)
    window.destroyed.connect(lambda *_: kept.remove(window) if window in kept else None)
