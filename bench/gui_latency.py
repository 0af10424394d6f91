"""How responsive the window is: start-up, pen-to-prediction latency, event-loop stalls while training, and
training throughput in the window compared with headless training.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE QT_QPA_PLATFORM=offscreen python bench/gui_latency.py

Targets (issue 5): start to window shown < 2 s; pen move to updated prediction < 16 ms median; event-loop
stalls p99 < 50 ms while training at full speed and drawing; window throughput >= 90 % of headless.

- start-up: wall time from launching a fresh ``python`` (this script with --child-startup) until the
  window with the shipped model is exposed, median of a few runs.
- pen latency: synthetic mouse moves sent to the canvas; "handler" is the time until the prediction label
  has its new text (the whole chain runs inside the move event), "+ repaint" also processes the paint
  events that follow, i.e. until the new state is on screen.
- stalls: a 5 ms PreciseTimer in the GUI thread records how late each tick is while the worker trains on
  all of MNIST and a 60 Hz timer draws strokes on the canvas (the probe runs in this phase only).
- throughput: samples/s of the window's worker (steps x batch size over wall time, after a warm-up) versus
  nnviz.nn.train in a plain loop on the same data, config and architecture, evaluating the test digits at
  every epoch's end as ``nnviz train`` and the window do, in a fresh process with the user's BLAS
  settings, in alternating rounds (headless before and after each window round); the median of the ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def child_startup() -> None:
    """Run in a fresh interpreter: build and show the window, print when it is exposed."""
    import nnviz.app  # noqa: F401
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    from nnviz.app.main_window import MainWindow
    from nnviz.app.theme import apply_theme
    from nnviz.appmodel.app_options import AppOptions

    app = QApplication(sys.argv[:1])
    apply_theme(app)
    window = MainWindow(AppOptions())
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
    QCoreApplication.processEvents()
    print("shown", flush=True)
    window.close()


def measure_startup(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, __file__, "--child-startup"], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True)
        for line in child.stdout:
            if line.strip() == "shown":
                times.append(time.perf_counter() - started)
                break
        child.wait(timeout=60)
    return times


def default_data_dir() -> str | None:
    """$NNVIZ_DATA, else the shared folder next to the checkout (as the tests use), else the cache."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "data" / "mnist"
    return os.environ.get("NNVIZ_DATA") or (str(shared) if shared.is_dir() else None)


def percentile_ms(values, q) -> float:
    return 1e3 * float(np.percentile(values, q))


class Pen:
    """Draws a 7 on the canvas over and over with synthetic mouse events (logical 280x280 coordinates)."""

    def __init__(self, canvas):
        from PySide6.QtCore import QEvent, QPointF, Qt

        self.canvas, self.QEvent, self.QPointF, self.Qt = canvas, QEvent, QPointF, Qt
        corners = [(75, 62), (205, 58), (125, 242)]
        self.path = []
        for a, b in zip(corners, corners[1:]):
            self.path += [tuple(np.array(a) + (np.array(b) - np.array(a)) * t) for t in np.linspace(0, 1, 40)]
        self.i = 0

    def _send(self, kind, logical, button, buttons) -> None:
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication

        rect = self.canvas.drawing_rect()
        scale = rect.width() / 280
        point = self.QPointF(rect.left() + logical[0] * scale, rect.top() + logical[1] * scale)
        event = QMouseEvent(kind, point, self.QPointF(self.canvas.mapToGlobal(point)), button, buttons,
                            self.Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.canvas, event)

    def next(self) -> None:
        """One mouse event: a press, a move, or (at the end of the 7) a release and a clear."""
        left, none = self.Qt.MouseButton.LeftButton, self.Qt.MouseButton.NoButton
        if self.i == 0:
            self._send(self.QEvent.Type.MouseButtonPress, self.path[0], left, left)
        elif self.i < len(self.path):
            self._send(self.QEvent.Type.MouseMove, self.path[self.i], none, left)
        else:
            self._send(self.QEvent.Type.MouseButtonRelease, self.path[-1], left, none)
            self.canvas.clear()
            self.i = -1
        self.i += 1

    def is_move(self) -> bool:
        return 0 < self.i < len(self.path)


def measure_pen(app, window, moves: int) -> tuple[list[float], list[float]]:
    pen = Pen(window.canvas)
    handler, repaint = [], []
    label = window.prediction_label
    while len(handler) < moves:
        is_move = pen.is_move()
        started = time.perf_counter()
        pen.next()
        after_handler = time.perf_counter()
        app.processEvents()
        after_paint = time.perf_counter()
        if is_move and label.text()[0].isdigit():
            handler.append(after_handler - started)
            repaint.append(after_paint - started)
    return handler, repaint


def training_steps(window) -> int:
    return window.training_panel.status().step


def show_window(app, window) -> None:
    """Show ``window`` and process events until it is on the (offscreen) screen."""
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()


def run_events(app, seconds: float) -> None:
    """Let the event loop run for ``seconds`` (sleeping when idle, unlike a processEvents() spin, which
    would hold the GIL and starve the training thread)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


class LatenessProbe:
    """A 5 ms PreciseTimer in the GUI thread that records how late each tick comes (event-loop stalls)."""

    INTERVAL_S = 0.005

    def __init__(self):
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.lateness: list[float] = []
        self._clock = QElapsedTimer()
        self._last = 0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(round(1000 * self.INTERVAL_S))
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.lateness.append(max(0.0, (now - self._last) / 1e9 - self.INTERVAL_S))
        self._last = now

    def start(self) -> None:
        self._clock.start()
        self._last = 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


def run_window_phase(app, window, seconds: float, draw: bool) -> dict:
    """Train from the window (already running) for ``seconds``; optionally draw at 60 Hz meanwhile, with the
    lateness probe on. Without drawing the probe stays off: its 200 Python calls a second are the
    benchmark's, not the window's, and would be counted against the window's throughput."""
    from PySide6.QtCore import QTimer

    probe = LatenessProbe()
    pen = Pen(window.canvas)
    pen_latency: list[float] = []

    def timed_move():
        started = time.perf_counter()
        move = pen.is_move()
        pen.next()
        if move:
            pen_latency.append(time.perf_counter() - started)

    drawer = QTimer()
    drawer.setInterval(16)
    drawer.timeout.connect(timed_move)
    steps0, t0 = training_steps(window), time.perf_counter()
    if draw:
        probe.start()
        drawer.start()
    run_events(app, seconds)
    probe.stop()
    drawer.stop()
    steps1, t1 = training_steps(window), time.perf_counter()
    batch = window.training_panel.settings().config.batch_size
    return {"samples_per_s": (steps1 - steps0) * batch / (t1 - t0), "lateness": probe.lateness,
            "pen": pen_latency, "steps": steps1 - steps0, "stretch": window.refresh_budget.stretch,
            "gui_share": window.refresh_budget.last_share}


def headless_child(seconds: float, data_dir: str | None) -> float:
    """samples/s of plain ``nnviz.nn.train`` in a fresh process with the user's BLAS settings, as
    ``nnviz train`` runs."""
    child = subprocess.run([sys.executable, os.path.abspath(__file__), "--child-headless", "--seconds", str(seconds)]
                           + (["--data", data_dir] if data_dir else []), capture_output=True, text=True, check=True)
    return float(child.stdout.strip().splitlines()[-1])


def child_headless(seconds: float, data_dir: str | None) -> None:
    """Run in a fresh interpreter with the user's BLAS settings, as `nnviz train` would: print samples/s."""
    from nnviz.appmodel.training_session import TrainingData, TrainingSettings
    from nnviz.data import load_mnist
    from nnviz.nn import TrainConfig

    data = TrainingData.from_mnist(load_mnist(data_dir or default_data_dir()))
    settings = TrainingSettings(config=TrainConfig(epochs=1000))
    print(headless_throughput(data, settings.config, settings.architecture.sizes, seconds), flush=True)


def headless_throughput(data, config, sizes, seconds: float) -> float:
    from nnviz.nn import MLP, StepRecord, train

    net = MLP(sizes, seed=0)
    steps, started = 0, None
    # as `nnviz train` runs it: the test digits evaluated at every epoch's end, like the window does
    for record in train(net, data.x_train, data.y_train, config, X_test=data.x_test, y_test=data.y_test):
        if not isinstance(record, StepRecord):
            continue
        if started is None:  # the first step builds buffers; start the clock after it
            started, steps = time.perf_counter(), 0
            continue
        steps += 1
        if time.perf_counter() - started > seconds:
            break
    return steps * config.batch_size / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child-startup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-headless", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--startup-runs", type=int, default=3)
    parser.add_argument("--moves", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=4.0, help="length of each training phase")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of (window, window + drawing, headless)")
    parser.add_argument("--data", default=None, help="MNIST folder (default: $NNVIZ_DATA, then ../shared/data/mnist, "
                                                     "then the cache)")
    args = parser.parse_args()
    if args.child_startup:
        child_startup()
        return
    if args.child_headless:
        child_headless(args.seconds, args.data)
        return

    startup = measure_startup(args.startup_runs)
    print(f"start to window shown:            median {statistics.median(startup):.2f} s  "
          f"(runs: {', '.join(f'{t:.2f}' for t in startup)})  [target < 2 s]")

    import nnviz.app  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from nnviz.app.main_window import MainWindow
    from nnviz.app.theme import apply_theme
    from nnviz.appmodel.training_session import TrainingData, TrainingSettings, mnist_loader
    from nnviz.appmodel.app_options import AppOptions
    from nnviz.data import load_mnist
    from nnviz.nn import TrainConfig

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    data = TrainingData.from_mnist(load_mnist(args.data or default_data_dir()))
    settings = TrainingSettings(config=TrainConfig(epochs=1000))
    window = MainWindow(AppOptions(), settings=settings, load_training_data=mnist_loader(args.data or default_data_dir()))
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()

    handler, repaint = measure_pen(app, window, args.moves)
    print(f"pen move -> prediction (idle):    handler median {percentile_ms(handler, 50):.2f} ms, "
          f"p95 {percentile_ms(handler, 95):.2f} ms; + repaint median {percentile_ms(repaint, 50):.2f} ms, "
          f"p95 {percentile_ms(repaint, 95):.2f} ms  [target < 16 ms median]")

    window.canvas.clear()
    window.reset_network()
    window.start_training()
    run_events(app, 1.5)  # warm-up: MNIST handed over, buffers built, first snapshots drawn
    window.pause_training()
    # Side by side, headless before and after each window round (the baseline is their mean), so that a
    # machine whose load drifts between phases is compared with itself.
    alone, drawing, headless, in_process = [], [], [], []
    config, sizes = settings.config, settings.architecture.sizes
    before = headless_child(args.seconds, args.data)
    for _ in range(args.rounds):
        window.start_training()
        run_events(app, 0.5)
        alone.append(run_window_phase(app, window, args.seconds, draw=False))
        drawing.append(run_window_phase(app, window, args.seconds, draw=True))
        window.pause_training()
        run_events(app, 0.3)
        in_process.append(headless_throughput(data, config, sizes, args.seconds))  # window paused, same process
        after = headless_child(args.seconds, args.data)
        headless.append((before + after) / 2)
        before = after
    window.close()
    app.processEvents()

    late = [x for phase in drawing for x in phase["lateness"]]
    print(f"event-loop lateness, training + drawing: p50 {percentile_ms(late, 50):.1f} ms, "
          f"p99 {percentile_ms(late, 99):.1f} ms, max {1e3 * max(late):.1f} ms "
          f"({len(late)} ticks of 5 ms)  [target p99 < 50 ms]")
    pen = [x for phase in drawing for x in phase["pen"]]
    if pen:
        print(f"pen move -> prediction (training):  handler median {percentile_ms(pen, 50):.2f} ms, "
              f"p95 {percentile_ms(pen, 95):.2f} ms")
    for label, phases, target in (("window", alone, "[target >= 90 %]"),
                                  ("window while drawing", drawing, "[no target: the pen's forward passes at 60 Hz]")):
        ratios = [phase["samples_per_s"] / h for phase, h in zip(phases, headless)]
        rounds = ", ".join(f"{phase['samples_per_s']:,.0f}/{h:,.0f}" for phase, h in zip(phases, headless))
        print(f"training throughput, {label}: median {100 * statistics.median(ratios):.0f} % of headless "
              f"(rounds, window/headless samples/s: {rounds})  {target}")
        if phases is alone:
            ratios = [phase["samples_per_s"] / h for phase, h in zip(phases, in_process)]
            print(f"    against plain training in the window's own process (window paused): median "
                  f"{100 * statistics.median(ratios):.0f} % (rounds: {', '.join(f'{100 * r:.0f}' for r in ratios)})")
        shares = [phase["gui_share"] for phase in phases if phase["gui_share"] is not None]
        share = f"{100 * statistics.median(shares):.1f} % of a core" if shares else "not measured (phases too short)"
        print(f"    GUI thread: {share}; live views' refresh intervals x "
              f"{statistics.median(phase['stretch'] for phase in phases):.2f} (nnviz.appmodel.refresh_budget)")


if __name__ == "__main__":
    main()
