"""What every lesson view is built from: plots with legible axes and legend, and bold status lines."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QWidget

from nnviz.app.painting import background_colour, legible_font

# Okabe-Ito: told apart with the common colour-vision deficiencies; enough for the ten optimizers.
SERIES_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#FFFFFF",
                  "#999999", "#8C564B")


def lesson_plot(owner: QWidget, bottom: str, left: str, legend: bool = True,
                legend_at: tuple[int, int] = (10, 10)) -> pg.PlotWidget:
    """A plot in the window's colours, axis labels and ticks in the lesson's type, a legend if asked
    (``legend_at``: pyqtgraph's offset, negative x for the right-hand side)."""
    plot = pg.PlotWidget(background=background_colour(owner))
    plot.setMenuEnabled(False)
    font = legible_font(owner)
    size = f"{font.pointSizeF():g}pt"
    for axis, text in (("bottom", bottom), ("left", left)):
        plot.getAxis(axis).setTickFont(font)
        plot.setLabel(axis, text, **{"font-size": size})
    if legend:
        plot.addLegend(offset=legend_at, labelTextSize=size)
    return plot


def status_label(owner: QWidget, name: str) -> QLabel:
    """A bold line that says where the lesson is (epoch, loss, ...)."""
    label = QLabel("")
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setFont(legible_font(owner, 1.2, bold=True))
    return label
