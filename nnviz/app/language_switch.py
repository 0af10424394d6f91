"""Switching the interface's language while nnviz runs.

Qt widgets translate their text when they are made; rather than teach every widget to re-translate
itself, a new main window is built in the new language and takes over from the old one: the same training
process with its run as it was (running or paused), the network, the curves and their log scale, training
settings, drawing, window geometry, theme, panels and the Inspect tab on show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nnviz.app.i18n import install_language, remember_language
from nnviz.app.window_registry import keep_until_closed

if TYPE_CHECKING:
    from nnviz.app.main_window import MainWindow

_windows: list = []  # the windows made here (see keep_until_closed)


def rebuild_in_language(window: "MainWindow", language: str) -> "MainWindow":
    """The new main window (shown if the old one was); the old one is closed."""
    install_language(language)
    remember_language(language)
    layout = window.panel_layout()  # the everyday one, also while presenting
    new = type(window)(window.options(), settings=window.training_panel.settings(),
                     load_training_data=window.training_data_loader(), restore_layout=False,
                     training=window.training)
    keep_until_closed(new, _windows)
    window.hand_over_to(new)
    if not window.canvas.is_empty():
        new.canvas.set_image(window.canvas.image())
    for tab in window.inspection.visible_tabs():
        new.inspection.show_tab_named(tab)
    new.set_theme(window.theme())
    new.restoreGeometry(window.saveGeometry())
    visible, presenting = window.isVisible(), window.is_presenting()
    window.close()
    if visible:
        new.show()
    new.apply_panel_layout(layout)
    if presenting:
        new.set_presenting(True)
    window.replacedBy.emit(new)
    return new
