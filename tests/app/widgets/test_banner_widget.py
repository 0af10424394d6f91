"""The message banner: text, severity, actions, dismissal by topic."""

from __future__ import annotations

import pytest

from nnviz.app.widgets.banner import Banner

# The offscreen platform says this when a top-level widget's size constraints change; not a problem.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_shows_text_and_runs_actions(shown):
    banner = shown(Banner(), 600, 60)
    calls = []
    banner.show_message("The model is missing.", "error", [("Retry", lambda: calls.append("retry"))], kind="model")
    assert banner.text() == "The model is missing." and banner.property("severity") == "error"
    assert banner.action_labels() == ["Retry"]
    banner.trigger("Retry")
    assert calls == ["retry"] and banner.text() == ""


def test_dismiss_only_its_own_topic(shown):
    banner = shown(Banner(), 600, 60)
    banner.show_message("diverged", "warning", kind="training")
    banner.dismiss("model")
    assert banner.text() == "diverged"
    banner.dismiss("training")
    assert banner.text() == ""


def test_refuses_unknown_severity(shown):
    banner = shown(Banner(), 600, 60)
    with pytest.raises(ValueError):
        banner.show_message("x", "panic")
