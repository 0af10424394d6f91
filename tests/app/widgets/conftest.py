"""Shared set-up of the widget tests: build a widget, give it a realistic size, show it offscreen."""

from __future__ import annotations

import pytest


@pytest.fixture
def shown(qtbot):
    """``shown(widget, width, height)``: the widget, owned by qtbot, resized and exposed."""

    def show(widget, width, height):
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return show
