"""The knock-out study in the window: how long the event loop waits at most while it runs (a 10 ms heartbeat
timer), for hidden layer 1 of the shipped model (256 neurons) on 2,000 test digits.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE QT_QPA_PLATFORM=offscreen python bench/knockout_in_window.py

Goal (issue 18): no event-loop stall over 50 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="nnviz-bench-config-")


def main() -> int:
    import nnviz.app  # noqa: F401
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from nnviz.app.main_window import MainWindow
    from nnviz.appmodel.app_options import AppOptions

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    window = MainWindow(AppOptions(size=(1280, 720), size_given=True))
    window.show()
    knockout = window.inspection.knockout
    for round_ in range(4):  # the first one also reads the test digits
        done, gaps, last = [], [], [time.perf_counter()]

        def beat():
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer(interval=10)
        heartbeat.timeout.connect(beat)
        knockout.finished.connect(done.append)
        started = time.perf_counter()
        window.inspection.study_knockout(1)
        heartbeat.start()
        while not done:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        heartbeat.stop()
        knockout.finished.disconnect(done.append)
        print(f"round {round_ + 1}: {time.perf_counter() - started:.2f} s; heartbeat gaps median "
              f"{statistics.median(gaps) * 1000:.1f} ms, longest {max(gaps) * 1000:.1f} ms  [goal: no stall over 50 ms]"
              + ("  (read the test digits first)" if round_ == 0 else ""))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
