"""The terminal progress bar: redrawn in place on a terminal, silent in logs and pipes."""

import io

from nnviz.data.progress_bar import TerminalBar


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_it_redraws_one_line_only_when_something_changed_and_ends_it():
    screen = FakeTerminal()
    bar = TerminalBar(screen, width=10)
    for fraction in (0.0, 0.01, 0.5, 0.5, 1.0):
        bar.draw(fraction, prefix="epoch 1 ", suffix="loss 0.3")
    bar.finish()
    lines = screen.getvalue().split("\r")[1:]
    assert len(lines) == 4  # 0.5 twice is drawn once
    assert lines[0].startswith("epoch 1 [----------]   0 % loss 0.3")
    assert lines[2].startswith("epoch 1 [#####-----]  50 %")
    assert lines[-1].startswith("epoch 1 [##########] 100 %") and lines[-1].endswith("\n")


def test_fractions_outside_0_1_are_clipped():
    screen = FakeTerminal()
    TerminalBar(screen, width=4).draw(7.5)
    assert "[####] 100 %" in screen.getvalue()


def test_it_writes_nothing_when_the_stream_is_not_a_terminal():
    log = io.StringIO()
    bar = TerminalBar(log)
    bar.draw(0.3)
    bar.finish()
    assert log.getvalue() == ""
