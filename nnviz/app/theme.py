"""The window's look: a dark, high-contrast Fusion palette, type legible from the back of a lecture hall,
and pyqtgraph configured to match (antialiased lines, the same background and text colours).

Widgets take their colours from the palette (see :mod:`nnviz.app.painting`), so this is the one place
that decides them. Colours that carry meaning (weights, activations) come from :mod:`nnviz.app.colormaps`.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget


BACKGROUND = "#1b1d23"
SURFACE = "#23262e"  # panels, inputs
RAISED = "#2c3039"  # buttons
TEXT = "#eceff4"
MUTED = "#a9b0bd"
DISABLED = "#6b7280"
HIGHLIGHT = "#3d8fd6"
LINK = "#7cc4ff"
ERROR = "#ff7b72"
WARNING = "#f2cc60"
SUCCESS = "#7ee787"
BASE_POINT_SIZE = 11.0

STYLE_SHEET = f"""
QToolTip {{ color: {TEXT}; background: {SURFACE}; border: 1px solid {HIGHLIGHT}; padding: 4px; }}
QGroupBox {{ border: 1px solid #3a3f4b; border-radius: 6px; margin-top: 1.2em; padding-top: 0.3em; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; color: {MUTED}; }}
QSplitter::handle {{ background: #2a2d35; }}
QSplitter::handle:hover {{ background: {HIGHLIGHT}; }}
QProgressBar {{ border: 1px solid #3a3f4b; border-radius: 4px; background: {SURFACE}; text-align: center;
               color: {TEXT}; min-height: 1.6em; }}
QProgressBar::chunk {{ background: #2f6fa8; border-radius: 3px; }}
QPushButton {{ padding: 4px 12px; }}
QPushButton#trainButton {{ font-weight: bold; }}
QPushButton#trainButton[running="false"] {{ background: #2f7d4a; border: 1px solid #3fa35f; color: white; }}
QPushButton#trainButton[running="true"] {{ background: #8a5a12; border: 1px solid #c98a1f; color: white; }}
QLabel#prediction {{ color: {TEXT}; }}
QLabel[role="error"] {{ color: {ERROR}; }}
QLabel[role="hint"] {{ color: {MUTED}; }}
QFrame#banner {{ background: #3b2a12; border: 1px solid #a8741a; border-radius: 6px; }}
QFrame#banner[severity="error"] {{ background: #3d1f22; border: 1px solid #c0504d; }}
QFrame#banner[severity="info"] {{ background: #1f2f42; border: 1px solid #3d8fd6; }}
QStatusBar {{ color: {MUTED}; }}
"""


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, BACKGROUND), (roles.WindowText, TEXT), (roles.Base, SURFACE),
        (roles.AlternateBase, RAISED), (roles.ToolTipBase, SURFACE), (roles.ToolTipText, TEXT),
        (roles.PlaceholderText, DISABLED), (roles.Text, TEXT), (roles.Button, RAISED),
        (roles.ButtonText, TEXT), (roles.BrightText, "#ffffff"), (roles.Highlight, HIGHLIGHT),
        (roles.HighlightedText, "#ffffff"), (roles.Link, LINK), (roles.LinkVisited, LINK),
        (roles.Light, "#3a3f4b"), (roles.Midlight, "#323641"), (roles.Mid, "#262a32"),
        (roles.Dark, "#15171c"), (roles.Shadow, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor(DISABLED))
    palette.setColor(disabled, roles.Button, QColor("#24272e"))
    palette.setColor(disabled, roles.Highlight, QColor("#3a3f4b"))
    return palette


def configure_pyqtgraph() -> None:
    """Antialiased curves on the window's background, text in the palette's colours."""
    pg.setConfigOptions(antialias=True, background=BACKGROUND, foreground=MUTED, useOpenGL=False)


def legible(font: QFont) -> QFont:
    font = QFont(font)
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
    return font


def apply_theme(app: QApplication) -> None:
    """For the whole application (``nnviz`` run as a program): Fusion style (the same on every OS), the
    dark palette and style sheet (dialogs and tooltips too), a legible base font, pyqtgraph to match."""
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    app.setFont(legible(app.font()))
    app.setStyleSheet(STYLE_SHEET)
    configure_pyqtgraph()


def theme_window(window: QWidget) -> None:
    """The same look for one window and its children only, leaving the application's defaults alone
    (a window built inside tests or another program)."""
    window.setPalette(dark_palette())
    window.setFont(legible(window.font()))
    window.setStyleSheet(STYLE_SHEET)
