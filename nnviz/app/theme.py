"""The window's look: a dark, high-contrast Fusion palette, type legible from the back of a lecture hall,
and pyqtgraph configured to match (antialiased lines, the same background and text colours).

Widgets take their colours from the palette (see :mod:`nnviz.app.painting`), so this is the one place
that decides them. Colours that carry meaning (weights, activations) come from :mod:`nnviz.app.colormaps`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget


BACKGROUND = "#1b1d23"
TEXT = "#eceff4"
MUTED = "#a9b0bd"
BASE_POINT_SIZE = 11.0
PRESENTATION_POINT_SIZE = 20.0  # a lecture hall's last row, with the window at 1280x720
PREDICTION_POINT_SIZE = 30.0
_system_font: QFont | None = None  # the desktop's own type, before nnviz made it larger
_applied: tuple[str, float | None] | None = None  # the (theme, point size) the application has now
DARK = "dark"
PROJECTOR = "projector"


@dataclass(frozen=True)
class Colours:
    background: str
    surface: str  # panels, inputs
    raised: str  # buttons
    text: str
    muted: str
    disabled: str
    highlight: str
    link: str
    line: str  # frames, splitter handles
    warning_bg: str
    warning_line: str
    error_bg: str
    error_line: str
    info_bg: str
    info_line: str
    error_text: str


THEMES = {
    # the everyday look: easy on the eyes on a monitor
    DARK: Colours(BACKGROUND, "#23262e", "#2c3039", TEXT, MUTED, "#6b7280", "#3d8fd6", "#7cc4ff", "#3a3f4b",
                  "#3b2a12", "#a8741a", "#3d1f22", "#c0504d", "#1f2f42", "#3d8fd6", "#ff7b72"),
    # a washed-out projector keeps black on white readable when greys and dark blues fade to nothing
    PROJECTOR: Colours("#ffffff", "#f3f3f3", "#e2e4e8", "#000000", "#1f1f1f", "#6b6b6b", "#0046ad", "#0046ad",
                       "#5a5a5a", "#fff0c2", "#9a6700", "#ffe0e0", "#b3261e", "#e0ecff", "#0046ad", "#b3261e"),
}


def style_sheet(theme: str = DARK, point_size: float | None = None) -> str:
    """The style sheet of ``theme``; the prediction is twice ``point_size`` (presentation mode) or 30 pt."""
    c = THEMES[theme]
    sheet = f"""
QToolTip {{ color: {c.text}; background: {c.surface}; border: 1px solid {c.highlight}; padding: 4px; }}
QGroupBox {{ border: 1px solid {c.line}; border-radius: 6px; margin-top: 1.2em; padding-top: 0.3em; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; color: {c.muted}; }}
QSplitter::handle {{ background: {c.line}; }}
QSplitter::handle:hover {{ background: {c.highlight}; }}
QProgressBar {{ border: 1px solid {c.line}; border-radius: 4px; background: {c.surface}; text-align: center;
               color: {c.text}; min-height: 1.6em; }}
QProgressBar::chunk {{ background: #2f6fa8; border-radius: 3px; }}
QProgressBar[compact="true"] {{ min-height: 0.45em; max-height: 0.45em; }}
QPushButton {{ padding: 4px 8px; }}
QPushButton:checked {{ background: {c.highlight}; border: 1px solid {c.link}; border-radius: 3px; color: #ffffff; }}
QToolButton[role="segment"] {{ padding: 1px 8px; border: 1px solid {c.line}; background: {c.surface}; color: {c.text}; }}
QToolButton[role="segment"]:checked {{ background: {c.highlight}; border-color: {c.highlight}; color: #ffffff; }}
QPushButton#trainButton {{ font-weight: bold; }}
QPushButton#trainButton[running="false"] {{ background: #2f7d4a; border: 1px solid #3fa35f; color: white; }}
QPushButton#trainButton[running="true"] {{ background: #8a5a12; border: 1px solid #c98a1f; color: white; }}
QLabel#prediction {{ color: {c.text}; }}
QLabel[role="error"] {{ color: {c.error_text}; }}
QLabel[role="hint"] {{ color: {c.muted}; }}
QFrame#banner {{ background: {c.warning_bg}; border: 1px solid {c.warning_line}; border-radius: 6px; }}
QFrame#banner[severity="error"] {{ background: {c.error_bg}; border: 1px solid {c.error_line}; }}
QFrame#banner[severity="info"] {{ background: {c.info_bg}; border: 1px solid {c.info_line}; }}
QStatusBar {{ color: {c.muted}; }}
"""
    prediction = 2 * point_size if point_size else PREDICTION_POINT_SIZE
    return sheet + f"QLabel#prediction {{ font-size: {prediction:g}pt; font-weight: bold; }}\n"


STYLE_SHEET = style_sheet()


def palette_of(theme: str = DARK) -> QPalette:
    c = THEMES[theme]
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, c.background), (roles.WindowText, c.text), (roles.Base, c.surface),
        (roles.AlternateBase, c.raised), (roles.ToolTipBase, c.surface), (roles.ToolTipText, c.text),
        (roles.PlaceholderText, c.disabled), (roles.Text, c.text), (roles.Button, c.raised),
        (roles.ButtonText, c.text), (roles.BrightText, "#ffffff"), (roles.Highlight, c.highlight),
        (roles.HighlightedText, "#ffffff"), (roles.Link, c.link), (roles.LinkVisited, c.link),
        (roles.Light, c.line), (roles.Midlight, c.line), (roles.Mid, c.raised),
        (roles.Dark, c.muted if theme == PROJECTOR else "#15171c"), (roles.Shadow, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor(c.disabled))
    palette.setColor(disabled, roles.Button, QColor(c.surface))
    palette.setColor(disabled, roles.Highlight, QColor(c.line))
    return palette


def dark_palette() -> QPalette:
    return palette_of(DARK)


def configure_pyqtgraph(theme: str = DARK) -> None:
    """Antialiased curves on the theme's background, text in its colours (for plots made from now on;
    those on screen follow the palette themselves)."""
    c = THEMES[theme]
    pg.setConfigOptions(antialias=True, background=c.background, foreground=c.muted, useOpenGL=False)


def legible(font: QFont) -> QFont:
    font = QFont(font)
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
    return font


def apply_theme(app: QApplication, theme: str = DARK, point_size: float | None = None) -> None:
    """For the whole application: Fusion style (the same on every OS), the theme's palette and style sheet
    (dialogs, tooltips and popped-out panels too), the type size (``point_size``: presentation mode's
    large type, else the desktop's own, at least BASE_POINT_SIZE), pyqtgraph and plots to match. Can be
    called again to switch: palette and font go first, because a new style sheet re-polishes every widget
    with what it finds then."""
    global _system_font, _applied
    if (theme, point_size) == _applied:  # every main window asks for its theme; the same look is not redone
        return
    _applied = (theme, point_size)
    if _system_font is None:
        _system_font = QFont(app.font())
    old = app.palette().color(QPalette.ColorRole.Window)
    app.setStyle("Fusion")
    app.setPalette(palette_of(theme))
    font = legible(_system_font)
    if point_size is not None:
        font.setPointSizeF(point_size)
    app.setFont(font)
    app.setStyleSheet(style_sheet(theme, point_size))
    configure_pyqtgraph(theme)
    before = next((colours for colours in THEMES.values() if QColor(colours.background) == old), None)
    if before is not None:
        _recolour_plots(app, before, THEMES[theme])


def _recolour_plots(app: QApplication, old: Colours, new: Colours) -> None:
    """Plots that took the theme's colours when they were made (those that follow the palette have done
    so already) get the new theme's background and axes."""
    for widget in app.allWidgets():
        if not isinstance(widget, pg.GraphicsView) or widget.backgroundBrush().color() != QColor(old.background):
            continue
        widget.setBackground(new.background)
        if isinstance(widget, pg.PlotWidget) and widget.plotItem is not None:  # None once closed
            for axis in widget.getPlotItem().axes.values():
                if axis["item"].textPen().color() == QColor(old.muted):
                    axis["item"].setTextPen(new.muted)
                    axis["item"].setPen(new.muted)


def theme_window(window: QWidget) -> None:
    """The dark look for one window and its children only, leaving the application's defaults alone
    (a window built inside another program)."""
    window.setPalette(dark_palette())
    window.setFont(legible(window.font()))
    window.setStyleSheet(STYLE_SHEET)
