"""Widgets side by side when they fit, else in fewer per row: a narrow column (a 1024x768 projector, large
type) stacks them instead of squeezing a button's text into "rase" or "Jndo".

Four buttons go 4 in a row, then 2 x 2, then one above the other; two panels side by side, then one above
the other.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget

from nnviz.app.throttle import Soon


class FlowRow(QWidget):
    """``widgets`` in a grid of as many columns as fit (all, then half, then one); ``stretches`` share the
    width of a row between its columns. Hidden widgets take no place. ``arranged(per_row)`` when it changes."""

    arranged = Signal(int)

    def __init__(self, widgets: list[QWidget], stretches: list[int] | None = None, spacing: int = 6,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._widgets = list(widgets)
        self._stretches = dict(zip(self._widgets, stretches or [1] * len(self._widgets)))
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        # The minimum is this widget's own (one per row), not the grid's of the moment.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._arranged: tuple[tuple[QWidget, ...], int] = ((), 0)  # the widgets placed, and how many per row
        self._refit = Soon(lambda: self.fit(self.width()), self)
        for widget in self._widgets:
            widget.setParent(self)
            widget.installEventFilter(self)  # shown or hidden: arrange again
        self._arrange(len(self._widgets))

    def per_row(self) -> int:
        return max(1, self._arranged[1])

    def _visible(self) -> list[QWidget]:
        """The widgets not hidden on purpose (as QLayout tells them apart from those not shown yet)."""
        return [widget for widget in self._widgets
                if not (widget.isHidden() and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide))]

    def _choices(self) -> list[int]:
        n = max(1, len(self._visible()))
        return sorted({n, math.ceil(n / 2), 1}, reverse=True)

    def _chunks(self, per_row: int) -> list[list[QWidget]]:
        per_row = max(1, per_row)
        visible = self._visible()
        return [visible[i:i + per_row] for i in range(0, len(visible), per_row)]

    def _width(self, per_row: int) -> int:
        """The least width ``per_row`` widgets in a row need (the widest column decides for each column)."""
        columns = [0] * per_row
        for chunk in self._chunks(per_row):
            for column, widget in enumerate(chunk):
                columns[column] = max(columns[column], widget.minimumSizeHint().width())
        return sum(columns) + self._grid.spacing() * (per_row - 1)

    def _height(self, per_row: int) -> int:
        rows = [max(widget.minimumSizeHint().height() for widget in chunk) for chunk in self._chunks(per_row)]
        return sum(rows) + self._grid.spacing() * max(0, len(rows) - 1)

    def _arrange(self, per_row: int) -> None:
        visible = tuple(self._visible())
        per_row = max(1, min(per_row, len(visible)))
        if (visible, per_row) == self._arranged:
            return
        self._arranged = (visible, per_row)
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        for i, widget in enumerate(visible):
            self._grid.addWidget(widget, i // per_row, i % per_row)
            self._grid.setColumnStretch(i % per_row, max(self._grid.columnStretch(i % per_row),
                                                         self._stretches[widget]))
        self._grid.activate()  # placed now: a layout left waiting for a request that never comes ignores resizes
        self.updateGeometry()
        self.arranged.emit(per_row)

    def fit(self, width: int) -> None:
        """Arrange for ``width`` px: the most per row that fit."""
        self._arrange(next((k for k in self._choices() if self._width(k) <= width), 1))

    def minimumSizeHint(self) -> QSize:
        """As narrow as one per row; as tall as the arrangement now (it changes with the width)."""
        return QSize(self._width(1), self._height(self.per_row()))

    def sizeHint(self) -> QSize:
        widths = [widget.sizeHint().width() for widget in self._visible()]
        return QSize(sum(widths) + self._grid.spacing() * max(0, len(widths) - 1), self._height(self.per_row()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refit.request()  # not inside the layout pass under way

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self._refit.request()  # the widgets on show have changed: _arrange places them again
        return super().eventFilter(watched, event)
