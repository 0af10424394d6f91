"""How soon the window shows what a correction taught: from the click on the right digit to the new network
on screen (the diagram's changed connections, the bars before and after, the sentence), with MNIST's
training digits as replay, idle and while training runs.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE QT_QPA_PLATFORM=offscreen python bench/teach_latency.py

Goal (issue 17): the window shows the change within 0.5 s of the click. The first correction also reads
MNIST (reported apart); each later one is measured on a drawing the network reads as another digit.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="nnviz-bench-data-")  # not the user's own examples
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="nnviz-bench-config-")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "app"))


def measure(window, rounds: int) -> list[float]:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from window_helpers import DIGITS, draw

    seconds = []
    for i in range(rounds):
        window.canvas.clear()
        draw(window.canvas, DIGITS[(1, 7, 0)[i % 3]][0])
        label = (int(window.prediction()[0]) + 1 + i % 8) % 10  # another digit than it reads
        shown = []
        window.teaching.outcomeShown.connect(shown.append)
        started = time.perf_counter()
        window.teaching.correct(label)
        while not shown:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        QCoreApplication.processEvents()  # the repaint that follows
        seconds.append(time.perf_counter() - started)
        window.teaching.outcomeShown.disconnect(shown.append)
        window.teaching.undo()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    import nnviz.app  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from nnviz.app.main_window import MainWindow
    from nnviz.appmodel.app_options import AppOptions

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    window = MainWindow(AppOptions(size=(1280, 720), size_given=True))
    window.show()
    first = measure(window, 1)[0]
    print(f"first correction (reads MNIST for the replay first): {first:.2f} s")
    idle = measure(window, args.rounds)
    print(f"click -> change shown, idle: median {statistics.median(idle) * 1000:.0f} ms, "
          f"max {max(idle) * 1000:.0f} ms over {len(idle)} corrections  [goal <= 500 ms]")
    window.start_training()
    training = measure(window, args.rounds)
    window.pause_training()
    print(f"click -> change shown, while training: median {statistics.median(training) * 1000:.0f} ms, "
          f"max {max(training) * 1000:.0f} ms over {len(training)} corrections  [goal <= 500 ms]")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
