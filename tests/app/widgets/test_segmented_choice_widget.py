"""A choice as joined buttons: long labels, short labels, or only the current choice as room shrinks."""

from __future__ import annotations

from nnviz.app.widgets.segmented_choice import Choice, SegmentedChoice

CHOICES = [Choice("drawing", "for this drawing", "drawing", "contributions"),
           Choice("weights", "strongest weights", "weights", "weights")]


def texts(choice):
    return [b.text() for b in choice.buttons() if not b.isHidden()]


def test_labels_follow_the_room(shown, qtbot):
    choice = shown(SegmentedChoice(CHOICES, "drawing", "modes"), 600, 30)
    qtbot.waitUntil(lambda: texts(choice) == ["for this drawing", "strongest weights"], timeout=1000)
    assert choice.sizeHint().width() > choice.minimumSizeHint().width()
    choice.resize(choice.sizeHint().width() - 10, 30)  # a little less than the long labels need
    qtbot.waitUntil(lambda: texts(choice) == ["drawing", "weights"], timeout=1000)
    choice.resize(choice.minimumSizeHint().width(), 30)
    qtbot.waitUntil(lambda: texts(choice) == ["drawing"], timeout=1000)  # only the current choice


def test_a_click_chooses_and_in_the_least_room_moves_on_to_the_next(shown, qtbot):
    choice = shown(SegmentedChoice(CHOICES, "drawing", "modes"), 600, 30)
    with qtbot.waitSignal(choice.chosen) as blocker:
        choice.buttons()[1].click()
    assert blocker.args == ["weights"] and choice.current() == "weights"
    choice.set_current("drawing")
    choice.resize(choice.minimumSizeHint().width(), 30)
    qtbot.waitUntil(lambda: texts(choice) == ["drawing"], timeout=1000)
    with qtbot.waitSignal(choice.chosen) as blocker:
        choice.buttons()[0].click()
    assert blocker.args == ["weights"] and choice.current() == "weights" and texts(choice) == ["weights"]
