"""Drawing while the window trains, with a person's pace of pen: event-loop gaps, pen latency, training
throughput in the window against headless training, start-up and memory.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE QT_QPA_PLATFORM=offscreen python bench/pen_while_training.py

Goals (issue 20): event-loop gaps while training and drawing p99 < 25 ms, worst < 100 ms; throughput >= 95 %
of headless when not drawing and >= 75 % while drawing; pen -> prediction < 16 ms median while training;
start-up < 2 s.

- The pen moves about 60 times a second along a stroke, lifts, rests 300 ms and draws the next stroke (a 7's
  two strokes, then the canvas is cleared), as a person draws; every event goes through the canvas's real
  mouse handlers.
- A 10 ms heartbeat timer in the GUI thread records the gap between its ticks (10 ms when nothing waits).
- Throughput: training steps x batch size over wall time in the window, against plain ``nnviz.nn.train`` in a
  fresh process (headless before and after each window round; the baseline is their mean), median of rounds.
- Memory: resident memory of the window's process and every process it started, at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gui_latency import Pen, default_data_dir, headless_child, measure_startup, run_events, training_steps  # noqa: E402

STROKES = (((75, 62), (205, 58)), ((205, 58), (125, 242)))  # a 7, one stroke each
MOVE_MS = 16
REST_MS = 300


class PersonPen:
    """Strokes at a person's pace: ~60 moves a second while the pen is down, a rest between strokes."""

    def __init__(self, canvas):
        self.canvas = canvas
        self._send = Pen(canvas)._send  # synthetic mouse events through the canvas's real handlers
        self.latency: list[float] = []
        self.strokes = [[tuple(np.add(a, np.subtract(b, a) * t)) for t in np.linspace(0, 1, 30)] for a, b in STROKES]
        self.stroke, self.i = 0, 0

    def next(self) -> int:
        """One pen event; returns how many ms until the next one."""
        from PySide6.QtCore import QEvent, Qt

        left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
        path = self.strokes[self.stroke]
        if self.i == 0:
            self._send(QEvent.Type.MouseButtonPress, path[0], left, left)
        elif self.i < len(path):
            started = time.perf_counter()
            self._send(QEvent.Type.MouseMove, path[self.i], none, left)
            self.latency.append(time.perf_counter() - started)
        else:
            self._send(QEvent.Type.MouseButtonRelease, path[-1], left, none)
            self.stroke, self.i = (self.stroke + 1) % len(self.strokes), 0
            if self.stroke == 0:
                self.canvas.clear()
            return REST_MS
        self.i += 1
        return MOVE_MS


class Heartbeat:
    """A 10 ms PreciseTimer in the GUI thread; the gaps between its ticks show how long the loop was busy."""

    def __init__(self):
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.gaps: list[float] = []
        self._clock, self._last = QElapsedTimer(), None
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed() / 1e9
        if self._last is not None:
            self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self._clock.start()
        self._last = None
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


def phase(app, window, seconds: float, draw: bool) -> dict:
    """Let the window train for ``seconds``, drawing with the person's pen meanwhile or not."""
    from PySide6.QtCore import QTimer

    pen, beat, timer = PersonPen(window.canvas), Heartbeat(), QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: timer.start(pen.next()))
    steps0, t0, cpu0 = training_steps(window), time.perf_counter(), time.process_time()
    beat.start()
    if draw:
        timer.start(0)
    run_events(app, seconds)
    timer.stop()
    beat.stop()
    steps1, t1 = training_steps(window), time.perf_counter()
    batch = window.training_panel.settings().config.batch_size
    return {"samples_per_s": (steps1 - steps0) * batch / (t1 - t0), "gaps": beat.gaps, "pen": pen.latency,
            "window_cpu": (time.process_time() - cpu0) / (t1 - t0)}


def tree_rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process and all its descendants (Linux /proc), in MB."""
    pid = pid or os.getpid()
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            pass
    return total


def ms(values, q) -> float:
    return 1e3 * float(np.percentile(values, q))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each training phase")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--startup-runs", type=int, default=3)
    parser.add_argument("--data", default=None, help="MNIST folder (default: $NNVIZ_DATA, then ../shared/data/mnist)")
    args = parser.parse_args()
    data_dir = args.data or default_data_dir()

    startup = measure_startup(args.startup_runs)

    import nnviz.app  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from nnviz.app.launch import freeze_startup_objects
    from nnviz.app.main_window import MainWindow
    from nnviz.app.theme import apply_theme
    from nnviz.appmodel.training_session import TrainingSettings, mnist_loader
    from nnviz.appmodel.app_options import AppOptions
    from nnviz.data.preprocess import warm_up
    from nnviz.nn import TrainConfig

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    settings = TrainingSettings(config=TrainConfig(epochs=1000))
    window = MainWindow(AppOptions(size=(1280, 720), size_given=True), settings=settings,
                        load_training_data=mnist_loader(data_dir))  # a projector's size, whatever the screen
    warm_up()  # as `nnviz` does before the window takes input
    window.show()
    freeze_startup_objects()  # as `nnviz` does once the window is shown
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()
    window.reset_network()
    window.start_training()
    run_events(app, 3.0)  # MNIST read, buffers built, first snapshots drawn
    window.pause_training()
    alone, drawing, headless = [], [], []
    before = headless_child(args.seconds, data_dir)
    window.start_training()
    run_events(app, 0.5)
    for _ in range(args.rounds):
        alone.append(phase(app, window, args.seconds, draw=False))
        drawing.append(phase(app, window, args.seconds, draw=True))
        window.pause_training()
        run_events(app, 0.3)
        after = headless_child(args.seconds, data_dir)
        headless.append((before + after) / 2)
        before = after
        window.start_training()
        run_events(app, 0.5)
    memory = tree_rss_mb()
    window.pause_training()
    window.close()
    app.processEvents()

    print(f"start to window shown: median {statistics.median(startup):.2f} s "
          f"(runs {', '.join(f'{t:.2f}' for t in startup)})  [goal < 2 s]")
    gaps = [g for p in drawing for g in p["gaps"]]
    worst = [max(p["gaps"]) for p in drawing]
    print(f"event-loop gaps, training + drawing: p50 {ms(gaps, 50):.1f} ms, p99 {ms(gaps, 99):.1f} ms, "
          f"worst {1e3 * max(gaps):.1f} ms (per round: {', '.join(f'{1e3 * w:.0f}' for w in worst)} ms; "
          f"{len(gaps)} ticks of 10 ms)  [goal p99 < 25 ms, worst < 100 ms]")
    quiet = [g for p in alone for g in p["gaps"]]
    print(f"event-loop gaps, training alone:     p50 {ms(quiet, 50):.1f} ms, p99 {ms(quiet, 99):.1f} ms, "
          f"worst {1e3 * max(quiet):.1f} ms")
    pen = [x for p in drawing for x in p["pen"]]
    print(f"pen move -> prediction while training: median {ms(pen, 50):.2f} ms, p95 {ms(pen, 95):.2f} ms  "
          f"[goal < 16 ms median]")
    for label, phases, goal in (("not drawing", alone, 95), ("while drawing", drawing, 75)):
        ratios = [p["samples_per_s"] / h for p, h in zip(phases, headless)]
        rounds = ", ".join(f"{p['samples_per_s']:,.0f}/{h:,.0f}" for p, h in zip(phases, headless))
        print(f"training throughput, {label}: median {100 * statistics.median(ratios):.0f} % of headless "
              f"(window/headless samples/s: {rounds})  [goal >= {goal} %]")
        shares = ", ".join(f"{100 * p['window_cpu']:.0f} %" for p in phases)
        print(f"  the window's own CPU meanwhile (all its threads, of one core): {shares}")
    print(f"memory, window and the processes it started: {memory:.0f} MB")


if __name__ == "__main__":
    main()
