"""Labels whose width does not follow their text: the large prediction shrinks rather than being cut off, and a
changing value keeps the width of its longest text."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from nnviz.app.widgets.fitted_label import SMALLEST, FittedLabel, SizedLabel


def test_the_prediction_keeps_its_size_where_it_fits_and_shrinks_where_it_does_not(shown, qtbot):
    label = FittedLabel("7 (100 %)")
    font = QFont(label.font())
    font.setPointSizeF(40)
    label.setFont(font)
    shown(label, 600, 80)
    assert label.shown_font().pointSizeF() == 40
    whole = QFontMetricsF(font).horizontalAdvance(label.text())
    label.resize(int(0.7 * whole), 80)
    qtbot.waitUntil(lambda: label.width() < whole, timeout=1000)
    shown_font = label.shown_font()
    assert 40 * SMALLEST <= shown_font.pointSizeF() < 40
    assert QFontMetricsF(shown_font).horizontalAdvance(label.text()) <= label.contentsRect().width()
    assert label.minimumSizeHint().width() < whole  # a narrow column may take it


def test_a_sized_label_is_as_wide_as_its_template(shown):
    label = shown(SizedLabel("8 px", "60 px"), 100, 30)
    wide = label.sizeHint().width()
    label.setText("18 px")
    assert label.sizeHint().width() == wide >= label.fontMetrics().horizontalAdvance("60 px")
