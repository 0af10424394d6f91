"""Long use of the window: a thousand drawings and repeated training runs leave memory and objects flat.

Growth is measured after a warm-up (caches, the undo stack filling to its depth, pyqtgraph's first
paints), with tracemalloc (Python and NumPy allocations) and the process's resident memory.
"""

from __future__ import annotations

import gc
import os
import tracemalloc

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from nnviz.appmodel.training_session import mnist_loader
from window_helpers import DIGITS, LONG, draw, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

MB = 1 << 20
LIMIT = 20 * MB


def resident_bytes() -> int | None:
    """Resident set size of this process (Linux), or None where /proc is not there."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return None


class Growth:
    """Memory and object counts at the start of a measured stretch, compared at its end."""

    def __enter__(self):
        gc.collect()
        tracemalloc.start()
        self.traced0 = tracemalloc.get_traced_memory()[0]
        self.rss0 = resident_bytes()
        self.widgets0 = len(QApplication.allWidgets())
        return self

    def __exit__(self, *exc):
        QApplication.processEvents()
        gc.collect()
        self.traced = tracemalloc.get_traced_memory()[0] - self.traced0
        tracemalloc.stop()
        rss = resident_bytes()
        self.rss = None if rss is None or self.rss0 is None else rss - self.rss0
        self.widgets = len(QApplication.allWidgets()) - self.widgets0

    def discount(self, nbytes: int) -> None:
        """Memory that was meant to be kept (bounded, and tested on its own) does not count as growth."""
        self.traced -= nbytes
        self.rss = None if self.rss is None else self.rss - nbytes

    def assert_flat(self):
        rss = "n/a" if self.rss is None else f"{self.rss / MB:+.1f} MB"
        print(f"growth: traced {self.traced / MB:+.2f} MB, resident {rss}, widgets {self.widgets:+d}")  # -s shows it
        assert self.traced < LIMIT, f"traced memory grew by {self.traced / MB:.1f} MB"
        assert self.rss is None or self.rss < LIMIT, f"resident memory grew by {self.rss / MB:.1f} MB"
        assert self.widgets == 0, f"{self.widgets} widgets more than before"


def test_a_thousand_draw_and_predict_cycles_leak_nothing(qtbot):
    window = make_window(qtbot)
    stroke = DIGITS[7][0][::3]  # a press, a dozen moves (each one predicts), a release

    def cycle():
        draw(window.canvas, stroke)
        assert window.prediction().startswith("7")
        window.canvas.clear()

    for _ in range(50):
        cycle()
    with Growth() as growth:
        for _ in range(1000):
            cycle()
    growth.assert_flat()


def test_five_start_stop_cycles_keep_one_training_process_and_flat_memory(qtbot, mnist_dir):
    window = make_window(qtbot, settings=LONG, load_training_data=mnist_loader(str(mnist_dir), 2048, 500))
    panel = window.training_panel
    pids = []

    def run_and_stop():
        steps = panel.status().step
        window.start_training()
        qtbot.waitUntil(lambda: panel.status().state == "running" and panel.status().step > steps + 20,
                        timeout=20_000)
        window.stop_training()
        qtbot.waitUntil(lambda: panel.status().state == "stopped", timeout=5_000)
        pids.append(window.training.pid())

    run_and_stop()
    timeline = window.timeline.nbytes
    with Growth() as growth:
        for _ in range(5):
            run_and_stop()
            draw(window.canvas, DIGITS[1][0])
            window.canvas.clear()
    assert window.timeline.nbytes <= window.timeline.budget_bytes
    growth.discount(window.timeline.nbytes - timeline)  # the moments kept to rewind to (tests/appmodel/test_timeline)
    growth.assert_flat()
    assert len(set(pids)) == 1 and window.training.is_running()  # one training process all along
    assert not [thread for thread in window.findChildren(QThread) if thread.isRunning()]
