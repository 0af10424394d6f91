"""End to end with a real display: the installed ``nnviz`` on Xvfb, drawn on with the X pointer (xdotool).

The app is started as a user starts it, with ``--log-predictions`` so it tells us where its canvas is
on the screen and prints every change of prediction and of the training state. Nothing here reaches
into the process: what we check is what it prints and how it exits.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time

import pytest

LINE_TIMEOUT_S = 30.0
SCREEN = "1600x1000x24"

# Strokes of each digit in fractions of the canvas (x, y), drawn as a real pen would: press, move, release.
DIGITS = {
    "7": [[(0.25, 0.22), (0.75, 0.20), (0.45, 0.85)]],
    "1": [[(0.50, 0.15), (0.50, 0.85)]],
    "0": [[(0.50, 0.15), (0.30, 0.25), (0.25, 0.50), (0.30, 0.75), (0.50, 0.85), (0.70, 0.75), (0.75, 0.50),
           (0.70, 0.25), (0.50, 0.15)]],
}


@pytest.fixture(scope="module")
def display():
    """An Xvfb server of our own; skip (saying why) where none can start."""
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (apt-get install xvfb xdotool libxcb-cursor0)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
                              pass_fds=(write_end,), stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        server.wait()
        pytest.skip("Xvfb could not start an X server here")
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


class App:
    """``nnviz --log-predictions`` on the test display, with its stdout read line by line."""

    def __init__(self, display: str, *args: str):
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        command = [shutil.which("nnviz") or sys.executable, *([] if shutil.which("nnviz") else ["-m", "nnviz"])]
        self.display = display
        self.process = subprocess.Popen([*command, "--log-predictions", *args], env=env, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        x, y, width, height = (int(v) for v in self.wait_for("canvas:").split()[1:])
        self.canvas = (x, y, width, height)

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, prefix: str, timeout: float = LINE_TIMEOUT_S) -> str:
        """The next printed line that starts with ``prefix`` (earlier lines are kept in ``seen``)."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None and self.lines.empty():
                raise AssertionError(f"no line starting {prefix!r} within {timeout:.0f} s; printed: {self.seen[-8:]}")
            try:
                line = self.lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.display}, check=True, timeout=30)

    def draw(self, strokes) -> None:
        """Drag the real pointer through each stroke, with many small steps, as a hand would."""
        x0, y0, width, height = self.canvas
        for stroke in strokes:
            points = [(x0 + fx * width, y0 + fy * height) for fx, fy in stroke]
            path: list[str] = ["mousemove", str(round(points[0][0])), str(round(points[0][1])), "mousedown", "1"]
            for (ax, ay), (bx, by) in zip(points, points[1:]):
                for t in [i / 12 for i in range(1, 13)]:
                    path += ["mousemove", str(round(ax + (bx - ax) * t)), str(round(ay + (by - ay) * t)),
                             "sleep", "0.01"]
            self.xdotool(*path, "mouseup", "1")

    def close(self) -> int:
        if self.process.poll() is None:
            self.process.kill()
        code = self.process.wait(timeout=10)
        self.reader.join(timeout=10)  # it ends at end of file, which came when the process exited
        self.process.stdout.close()
        self.process.stderr.close()
        return code


@pytest.fixture
def app(display):
    running = App(display)
    yield running
    running.close()


def test_a_real_mouse_draws_7_1_and_0_and_each_is_read(app):
    for digit, strokes in DIGITS.items():
        app.draw(strokes)
        app.wait_for(f"prediction: {digit}")
        app.xdotool("key", "Escape")
        app.wait_for("prediction: none")


def test_training_starts_pauses_resumes_and_the_window_closes_cleanly(app, mnist_dir):
    app.draw(DIGITS["7"])
    app.wait_for("prediction: 7")
    app.xdotool("key", "space")
    app.wait_for("training: running", timeout=60)
    app.xdotool("key", "space")
    app.wait_for("training: paused")
    app.xdotool("key", "space")
    app.wait_for("training: running")
    closed_at = time.monotonic()
    app.xdotool("key", "ctrl+q")
    assert app.process.wait(timeout=10) == 0
    assert time.monotonic() - closed_at < 5
    errors = app.process.stderr.read()
    assert "QThread" not in errors and "Traceback" not in errors, errors


def test_a_clicker_rewinds_training_and_comes_back_live(app, mnist_dir):
    """PageUp / Left, as a presenter's clicker sends them through X, step back through the moments training kept;
    PageDown / Right step forward again, to live."""
    app.draw(DIGITS["7"])
    app.wait_for("prediction: 7")
    app.xdotool("key", "ctrl+Right")  # one training step: the network before it and after it are kept
    app.wait_for("training: paused", timeout=60)
    app.xdotool("key", "Prior")
    assert app.wait_for("timeline: ") == "timeline: epoch 0.00, step 1"
    app.xdotool("key", "Left")
    assert app.wait_for("timeline: ") == "timeline: epoch 0.00, step 0"
    app.xdotool("key", "Next")
    assert app.wait_for("timeline: ") == "timeline: epoch 0.00, step 1"
    app.xdotool("key", "Right")
    app.wait_for("timeline: live")
    app.xdotool("key", "ctrl+q")
    assert app.process.wait(timeout=10) == 0
