"""A row of widgets that stacks them when it is too narrow, instead of squeezing their text."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from nnviz.app.widgets.flow_row import FlowRow


def buttons():
    return [QPushButton(text) for text in ("Eraser", "Undo", "Clear", "Why?")]


def test_as_many_per_row_as_fit_then_half_then_one(shown, qtbot):
    row = shown(FlowRow(buttons()), 600, 40)
    qtbot.waitUntil(lambda: row.per_row() == 4, timeout=1000)
    one_row = row.minimumSizeHint().height()
    everything = sum(b.minimumSizeHint().width() for b in row.findChildren(QPushButton)) + 3 * 6
    row.resize(everything - 10, 40)
    qtbot.waitUntil(lambda: row.per_row() == 2, timeout=1000)
    assert row.minimumSizeHint().height() > one_row  # two rows ask for their height
    row.resize(row.minimumSizeHint().width(), 200)  # as narrow as it may be: one per row
    qtbot.waitUntil(lambda: row.per_row() == 1, timeout=1000)
    assert row.minimumSizeHint().width() == max(b.minimumSizeHint().width() for b in row.findChildren(QPushButton))
    for button in row.findChildren(QPushButton):
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())


def test_hidden_widgets_take_no_place(shown, qtbot):
    widgets = buttons()
    row = shown(FlowRow(widgets), 600, 40)
    widest = row.minimumSizeHint().width()
    widgets[0].hide()
    qtbot.waitUntil(lambda: row.sizeHint().width() < sum(w.sizeHint().width() for w in widgets), timeout=1000)
    widgets[0].show()
    assert row.minimumSizeHint().width() == widest
