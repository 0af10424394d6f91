"""What every lesson view is built from: plots with legible axes and legend, and bold status lines."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from nnviz.app.painting import background_colour, legible_font, text_colour
from nnviz.app.plot_axes import plain_plot

def lesson_plot(owner: QWidget, bottom: str, left: str, legend: bool = True,
                legend_at: tuple[int, int] = (10, 10)) -> pg.PlotWidget:
    """A plot in the window's colours, axis labels and ticks in the lesson's type, a legend if asked
    (``legend_at``: pyqtgraph's offset, negative x for the right-hand side)."""
    background = background_colour(owner)
    plot = plain_plot(background=background)
    plot.setMenuEnabled(False)
    # room above and to the right, so that the tick labels at the ends of the axes are not cut in half
    plot.getPlotItem().setContentsMargins(0, 12, 12, 0)
    font = legible_font(owner)
    size = f"{font.pointSizeF():g}pt"
    for axis, text in (("bottom", bottom), ("left", left)):
        plot.getAxis(axis).setTickFont(font)
        plot.setLabel(axis, text, **{"font-size": size})
    if legend:
        # the window's text colour on a veiled background: readable over curves and landscapes alike
        veil = QColor(background)
        veil.setAlpha(200)
        plot.addLegend(offset=legend_at, labelTextSize=size, labelTextColor=text_colour(owner), brush=pg.mkBrush(veil))
    return plot


def name_tag(owner: QWidget, text: str) -> pg.TextItem:
    """A name written on a plot (a point's label): light text on a dark veil, legible on any colour map."""
    tag = pg.TextItem(text, color="#ffffff", fill=pg.mkBrush(0, 0, 0, 150), anchor=(0.5, 1.25))
    tag.setFont(legible_font(owner))
    return tag


def status_label(owner: QWidget, name: str) -> QLabel:
    """A bold line that says where the lesson is (epoch, loss, ...)."""
    label = QLabel("")
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setFont(legible_font(owner, 1.2, bold=True))
    return label
