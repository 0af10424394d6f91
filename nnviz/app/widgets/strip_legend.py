"""A plot's legend in a strip of its own above the data (the title row, made as tall as the legend): it never
hides a curve or a figure.

Entries fill as few rows as the plot's width allows (balanced: 2 x 2, not 3 + 1). Each entry has a rank: in a
plot too short for all of them (a 1024x768 projector in large type), the entries of the highest rank leave the
legend first, so that the strip never takes more than :data:`MAX_SHARE` of the plot's height while a less
needed entry could go.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QRectF

SAMPLE_PX = 20  # pyqtgraph's line sample in a legend entry
SPACING = 10
EMPTY_STRIP_PX = 10  # above the data while there is no legend: room for the top tick label
MAX_SHARE = 0.4  # of the plot's height, at most, while entries of a higher rank than 0 could leave


@dataclass
class Entry:
    item: pg.GraphicsObject
    text: str
    rank: int  # 0: always listed; higher: leaves a short plot's legend sooner


class StripLegend:
    """The legend of ``plot`` (a PlotItem); ``add``/``remove`` entries, ``fit()`` after any change of size."""

    def __init__(self, plot: pg.PlotItem):
        self._plot = plot
        plot.setTitle(" ", size="1pt")
        self.item = pg.LegendItem(colCount=4, labelTextSize="10pt", verSpacing=SPACING / 2, horSpacing=SPACING,
                                  frame=False)
        self.item.layout.setContentsMargins(0, 0, 0, 0)
        self.item.setParentItem(plot)
        self._entries: list[Entry] = []

    def add(self, item: pg.GraphicsObject, text: str, rank: int = 0) -> None:
        self._entries.append(Entry(item, text, rank))
        self.fit()

    def remove(self, item: pg.GraphicsObject) -> None:
        self._entries = [entry for entry in self._entries if entry.item is not item]
        self.item.removeItem(item)
        self.fit()

    def names(self) -> list[str]:
        """The texts listed now, in order."""
        return [label.text for _, label in self.item.items]

    def set_visible(self, visible: bool) -> None:
        if self.item.isVisible() != visible:
            self.item.setVisible(visible)
            self.fit()

    def restyle(self, colour, point_size: float) -> None:
        self.item.setLabelTextColor(colour)
        self.item.setLabelTextSize(f"{point_size:g}pt")
        for _, label in self.item.items:
            label.setText(label.text)  # pyqtgraph applies a new size when the text is set again
        self.fit()

    def fit(self) -> None:
        """Choose the entries and their rows for the plot's size now, and make the strip as tall as they are."""
        plot = self._plot
        available = plot.width() - 8 if plot.width() > 0 else math.inf
        room = MAX_SHARE * plot.height() if plot.height() > 0 else math.inf
        for limit in sorted({entry.rank for entry in self._entries}, reverse=True) or [0]:
            self._list([entry for entry in self._entries if entry.rank <= limit])
            columns, width, height = self._arrangement(available)
            if height <= room:
                break
        # A fixed size: pyqtgraph sizes a legend from its entries' laid-out heights, which the previous
        # layout stretched, so each change of columns would make it taller.
        self.item.size = (width, height)
        self.item.setColumnCount(columns)
        self.item.setGeometry(QRectF(0, 0, width, height))
        strip = math.ceil(height) + 2 if self.item.isVisible() and self.item.items else EMPTY_STRIP_PX
        if plot.layout.rowMaximumHeight(0) != strip:
            plot.titleLabel.setMaximumHeight(strip)
            plot.layout.setRowFixedHeight(0, strip)
        self.item.anchor(itemPos=(0.5, 0.0), parentPos=(0.5, 0.0), offset=(0, 0))

    def _list(self, entries: list[Entry]) -> None:
        """Make the legend list ``entries``, in their order (rebuilt only when they change)."""
        if [item for item, _ in self.item.items] == [entry.item for entry in entries]:
            return
        self.item.clear()
        for entry in entries:
            self.item.addItem(entry.item, entry.text)

    def _arrangement(self, available: float) -> tuple[int, float, float]:
        """(columns, width, height): as few rows as fit ``available`` px, balanced."""
        n = max(1, len(self.item.items))
        for columns in dict.fromkeys(math.ceil(n / rows) for rows in range(1, n + 1)):
            width, height = self._size(columns)
            if width <= available:
                break
        return columns, width, height

    def _size(self, columns: int) -> tuple[float, float]:
        """The legend's natural size with its entries (line sample, text) filled in ``columns`` per row."""
        entries = [(SAMPLE_PX + label.item.boundingRect().width(), max(SAMPLE_PX, label.item.boundingRect().height()))
                   for _, label in self.item.items] or [(0.0, 0.0)]
        widths = [max(w for w, _ in entries[j::columns]) for j in range(columns)]
        heights = [max(h for _, h in entries[i: i + columns]) for i in range(0, len(entries), columns)]
        return (sum(widths) + (2 * columns - 1) * SPACING, sum(heights) + (len(heights) - 1) * SPACING / 2)

    def rect(self):
        """Where the legend is, in scene coordinates."""
        return self.item.sceneBoundingRect()
