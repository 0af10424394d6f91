"""How the main window's panels share the screen, from a 1920x1080 monitor down to a 1024x768 projector and below.

The window's content sits in a scroll area and is arranged for the width it has:

- wide: three columns (drawing | network over activations and weight tiles | training over the curves);
- the activations and the weight tiles one above the other when the middle column is too narrow for both
  side by side (a 1024 px screen);
- narrow (less than three columns need): the training column goes under the other two, training beside the
  curves, and the content scrolls vertically instead of being squeezed until buttons read "rase".

Nothing is ever narrower than its minimum: what does not fit is stacked, and what still does not fit scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QSplitter, QStyle, QWidget

from nnviz.app.throttle import Soon

WIDE, STACKED, NARROW = "wide", "stacked", "narrow"


def fitted_size(size: tuple[int, int], room: tuple[int, int]) -> tuple[int, int]:
    """The window's opening size: ``size`` as asked, but never larger than the screen's ``room`` (its
    available width and height), so that a 1024x768 projector shows the whole window, frame included."""
    return min(size[0], room[0]), min(size[1], room[1])


def min_width(widget: QWidget) -> int:
    """What a panel needs across; nothing when it is hidden or popped out (its room goes to the others)."""
    if widget.isHidden() or widget.parentWidget() is None or widget.isWindow():
        return 0
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


class WindowLayout(QObject):
    """Arranges ``columns`` (a horizontal splitter of drawing, middle and right), ``inside`` (the activations
    and weight tiles, in the middle column under the diagram) and ``right`` (training over the curves) for
    the width of ``scroll``'s viewport; ``content`` is the scroll area's layout that ``columns`` is in."""

    def __init__(self, scroll: QScrollArea, content: QBoxLayout, columns: QSplitter, inside: QSplitter,
                 right: QSplitter, parent: QObject | None = None):
        super().__init__(parent)
        self._scroll, self._content = scroll, content
        self._columns, self._inside, self._right = columns, inside, right
        self._middle = columns.widget(1)
        self._drawing = columns.widget(0)
        self._mode = WIDE
        self._refit = Soon(self.fit, self)
        scroll.viewport().installEventFilter(self)

    def mode(self) -> str:
        return self._mode

    def _chrome(self) -> int:
        margins = self._content.contentsMargins()
        return margins.left() + margins.right() + 2 * self._columns.handleWidth() + 2

    def _middle_widths(self) -> tuple[int, int]:
        """The middle column's least width with the activations beside and under the weight tiles."""
        diagram = min_width(self._middle.widget(0))
        parts = [min_width(self._inside.widget(i)) for i in range(self._inside.count())]
        beside = sum(parts) + self._inside.handleWidth() * (len([p for p in parts if p]) - 1)
        return max(diagram, beside), max([diagram, *parts])

    def _right_width(self) -> int:
        return max([min_width(self._right.widget(i)) for i in range(self._right.count())], default=0)

    def widths(self) -> dict[str, int]:
        """The least content width of each arrangement."""
        beside, under = self._middle_widths()
        drawing, right, chrome = min_width(self._drawing), self._right_width(), self._chrome()
        return {WIDE: drawing + beside + right + chrome, STACKED: drawing + under + right + chrome,
                NARROW: drawing + under + chrome}

    def _room(self) -> int:
        """The viewport's width, less a scroll bar that is about to appear (the content is taller than the view)."""
        viewport, bar = self._scroll.viewport(), self._scroll.verticalScrollBar()
        content = self._scroll.widget()
        width = viewport.width()
        if not bar.isVisible() and content is not None and content.minimumSizeHint().height() > viewport.height():
            width -= self._scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return width

    def fit(self, width: int | None = None) -> None:
        """Arrange for ``width`` px of content (the viewport's now, if not given)."""
        width = self._room() if width is None else width
        widths = self.widths()
        mode = next((mode for mode in (WIDE, STACKED) if widths[mode] <= width), NARROW)
        self._mode = mode
        beside = mode == WIDE or (mode == NARROW and widths[NARROW] + widths[WIDE] - widths[STACKED] <= width)
        self._inside.setOrientation(Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical)
        if mode == NARROW and self._right.parentWidget() is self._columns:
            self._content.addWidget(self._right, 2)
            self._right.setOrientation(Qt.Orientation.Horizontal)
        elif mode != NARROW and self._right.parentWidget() is not self._columns:
            self._columns.insertWidget(2, self._right)
            self._right.setOrientation(Qt.Orientation.Vertical)
        elif mode != NARROW:
            self._right.setOrientation(Qt.Orientation.Vertical)  # a restored splitter state may have turned it
        for splitter in (self._inside, self._middle, self._columns, self._right):
            splitter.updateGeometry()  # their least sizes have changed: the layouts above must not keep the old

    def refit(self) -> None:
        """Arrange again soon (on the next turn of the event loop, not inside a layout pass that is under way)."""
        self._refit.request()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.refit()
        return super().eventFilter(watched, event)
