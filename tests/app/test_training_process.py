"""The training process: commands in as messages, immutable records out as signals in the GUI thread.

Every test here runs a real child process ("spawn"); what it loads must be a plain importable function."""

from __future__ import annotations

import functools
import os
import signal
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QObject, QThread, Slot

from nnviz.app.background import shared_loader
from nnviz.app.training_process import TrainingProcess
from nnviz.app.widgets.run_progress import note_text
from nnviz.appmodel.snapshot import Architecture, EpochResult, LossPoints, NetworkSnapshot, TrainingStatus
from nnviz.appmodel.training_service import PUBLISH_HZ
from nnviz.appmodel.training_session import TrainingData, TrainingSettings, mnist_loader
from nnviz.errors import DataFileError
from nnviz.nn import MLP, TrainConfig
from toy_data import toy_data
from training_helpers import leftover_segments, process_gone
from window_helpers import ask_training

SETTINGS = TrainingSettings(Architecture(hidden=(16,)), TrainConfig(epochs=2, batch_size=16, schedule="constant"))


def missing_mnist() -> TrainingData:
    raise DataFileError("MNIST is not in /nowhere")


def broken_loader() -> TrainingData:
    raise RuntimeError("disk on fire")


class Recorder(QObject):
    """Everything the training process sent, in the order it arrived, and in which thread."""

    def __init__(self, worker: TrainingProcess):
        super().__init__()
        self.events: list = []
        self.threads: set = set()
        for records in (worker.snapshotReady, worker.statusChanged, worker.lossPoints, worker.epochFinished,
                        worker.networkReplaced):
            records.connect(self._record)
        worker.dataMissing.connect(self._missing)
        worker.failed.connect(self._failed)
        worker.crashed.connect(self._crashed)

    @Slot(object)
    def _record(self, item) -> None:
        self.threads.add(QThread.currentThread())
        self.events.append(item)

    @Slot(str)
    def _missing(self, message: str) -> None:
        self.events.append(("missing", message))

    @Slot(object, str)
    def _failed(self, note, details: str) -> None:
        self.events.append(("failed", note, details))

    @Slot(str, str)
    def _crashed(self, message: str, details: str) -> None:
        self.events.append(("crashed", message, details))

    def tagged(self, tag: str) -> list:
        return [e for e in self.events if isinstance(e, tuple) and e[0] == tag]

    def of(self, kind) -> list:
        return [e for e in self.events if isinstance(e, kind)]

    def states(self) -> list[str]:
        return [s.state for s in self.of(TrainingStatus)]

    def last_state(self) -> str | None:
        states = self.states()
        return states[-1] if states else None


@pytest.fixture
def make(qtbot):
    handles = []

    def make(settings=SETTINGS, data=toy_data, **kwargs):
        handle = TrainingProcess(settings, load_data=data, **kwargs)
        recorder = Recorder(handle)
        handles.append(handle)
        return handle, recorder

    yield make
    for handle in handles:
        assert handle.shutdown()


def test_a_run_streams_every_loss_point_snapshots_and_epoch_results(make, qtbot):
    handle, rec = make()
    handle.start()
    qtbot.waitUntil(lambda: rec.last_state() == "finished", timeout=10_000)
    points = rec.of(LossPoints)
    x = np.concatenate([p.progress for p in points])
    assert len(x) == 2 * 512 // 16  # every step, none dropped
    assert np.all(np.diff(x) > 0)
    epochs = rec.of(EpochResult)
    assert [e.epoch for e in epochs] == [1, 2] and all(e.test_accuracy is not None for e in epochs)
    # the epoch result comes right after the points of that epoch
    first_epoch = rec.events.index(epochs[0])
    last_points_before = [e for e in rec.events[:first_epoch] if isinstance(e, LossPoints)][-1]
    assert last_points_before.progress[-1] == pytest.approx(1.0)
    snaps = rec.of(NetworkSnapshot)
    assert snaps and snaps[-1].step == 64 and snaps[-1].sizes == (784, 16, 10)
    assert not snaps[-1].weights[0].flags.writeable
    assert rec.threads == {QThread.currentThread()}  # delivered in the GUI thread
    assert "loading" in rec.states()


def snapshots_of_a_long_run(make, qtbot, config: TrainConfig, count: int, timeout: int):
    """Start a run on 20,000 toy digits, pause it once ``count`` snapshots have come: (handle, recorder, snapshots)."""
    handle, rec = make(TrainingSettings(Architecture(hidden=(64,)), config), data=functools.partial(toy_data, n=20_000))
    handle.start()
    qtbot.waitUntil(lambda: len(rec.of(NetworkSnapshot)) >= count, timeout=timeout)
    handle.pause()
    qtbot.waitUntil(lambda: rec.last_state() == "paused")
    return handle, rec, rec.of(NetworkSnapshot)


def test_publishing_is_throttled(make, qtbot):
    _, rec, snaps = snapshots_of_a_long_run(make, qtbot, TrainConfig(epochs=1, batch_size=1, schedule="constant"),
                                            6, 10_000)
    steps = np.diff([s.step for s in snaps])
    assert steps.mean() > 3  # many steps per snapshot: stale states are never sent
    points = np.concatenate([p.progress for p in rec.of(LossPoints)])
    assert len(points) == snaps[-1].step  # ... but no loss point is lost
    assert PUBLISH_HZ <= 30


def test_pause_step_and_stop(make, qtbot):
    handle, rec = make()
    handle.step()
    qtbot.waitUntil(lambda: bool(rec.of(NetworkSnapshot)) and rec.of(NetworkSnapshot)[-1].step == 1, timeout=10_000)
    assert rec.last_state() == "paused"
    handle.step()
    qtbot.waitUntil(lambda: rec.of(NetworkSnapshot)[-1].step == 2)
    assert sum(len(p.loss) for p in rec.of(LossPoints)) == 2  # exactly one batch per step
    handle.stop()
    qtbot.waitUntil(lambda: rec.last_state() == "stopped")


def test_a_new_learning_rate_reaches_the_running_run(make, qtbot):
    slow = TrainingSettings(Architecture(hidden=(16,)), TrainConfig(epochs=50, batch_size=8, lr=1e-3,
                                                                     schedule="constant"))
    handle, rec = make(slow)
    handle.start()
    qtbot.waitUntil(lambda: bool(rec.of(TrainingStatus)) and rec.of(TrainingStatus)[-1].step > 5, timeout=10_000)
    handle.set_config(slow.config.replace(lr=0.02, optimizer="sgd"))
    qtbot.waitUntil(lambda: rec.of(TrainingStatus)[-1].lr == pytest.approx(0.02), timeout=5_000)
    assert rec.last_state() == "running"  # no reset, no restart
    assert ask_training(qtbot, handle, "config").lr == 0.02


def test_reset_builds_a_new_network_from_the_architecture(make, qtbot):
    handle, rec = make()
    handle.step()
    qtbot.waitUntil(lambda: rec.last_state() == "paused", timeout=10_000)
    handle.set_architecture(Architecture(hidden=(8, 8), activation="tanh"))
    handle.reset()
    qtbot.waitUntil(lambda: any(isinstance(e, NetworkSnapshot) and e.sizes == (784, 8, 8, 10) for e in rec.events))
    assert rec.last_state() == "idle"


def test_a_training_speed_paces_the_steps_and_the_eta_follows_the_pace(make, qtbot):
    import time

    handle, rec = make(TrainingSettings(Architecture(hidden=(16,)), TrainConfig(epochs=50, batch_size=16)))
    handle.set_speed(10.0)
    handle.start()
    qtbot.waitUntil(lambda: rec.last_state() == "running", timeout=10_000)
    started = time.monotonic()
    qtbot.wait(1500)
    elapsed = time.monotonic() - started
    handle.pause()
    qtbot.waitUntil(lambda: rec.last_state() == "paused", timeout=5_000)
    steps = rec.of(TrainingStatus)[-1].step
    assert 0.5 * 10 * elapsed <= steps <= 10 * (elapsed + 0.5)  # about ten a second, not thousands
    running = [s for s in rec.of(TrainingStatus) if s.state == "running" and s.samples_per_s > 0]
    assert running and max(s.samples_per_s for s in running) <= 10 * 16 + 1e-6  # the speed shown is the pace's
    handle.set_speed(None)
    handle.start()
    qtbot.waitUntil(lambda: rec.of(TrainingStatus)[-1].step > steps + 200, timeout=10_000)  # full speed again


def test_undo_reset_brings_back_the_network_the_reset_replaced(make, qtbot):
    handle, rec = make()
    for step in (1, 2):  # (the first one loads the data first)
        handle.step()
        qtbot.waitUntil(lambda: bool(rec.of(TrainingStatus)) and rec.of(TrainingStatus)[-1].step == step,
                        timeout=10_000)
    before = rec.of(NetworkSnapshot)[-1]
    handle.reset()
    qtbot.waitUntil(lambda: len(rec.of(NetworkSnapshot)) >= 2 and rec.of(NetworkSnapshot)[-1].step == 0, timeout=5_000)
    handle.undo_reset()
    qtbot.waitUntil(lambda: rec.of(NetworkSnapshot)[-1].step == 2, timeout=5_000)
    back = rec.of(NetworkSnapshot)[-1]
    assert all(np.array_equal(a, b) for a, b in zip(back.weights, before.weights))


def test_set_network_trains_an_opened_model(make, qtbot):
    handle, rec = make()
    net = MLP([784, 12, 10], seed=5)
    handle.set_network(NetworkSnapshot.of(net))
    qtbot.waitUntil(lambda: bool(rec.of(NetworkSnapshot)))
    snap = rec.of(NetworkSnapshot)[-1]
    assert snap.sizes == (784, 12, 10)
    np.testing.assert_array_equal(snap.weights[0], net.weights[0])


def test_missing_data_is_reported_for_the_download_dialog(make, qtbot):
    handle, rec = make(data=missing_mnist)
    handle.start()
    qtbot.waitUntil(lambda: bool(rec.tagged("missing")), timeout=5_000)
    assert "/nowhere" in rec.tagged("missing")[0][1]
    assert rec.last_state() == "idle"


def test_divergence_pauses_and_says_what_to_do(make, qtbot):
    wild = TrainingSettings(Architecture(hidden=(16,)), TrainConfig(epochs=5, batch_size=16, optimizer="sgd",
                                                                     lr=1e10, schedule="constant"))
    handle, rec = make(wild)
    handle.start()
    qtbot.waitUntil(lambda: rec.last_state() == "diverged", timeout=10_000)
    status = rec.of(TrainingStatus)[-1]
    assert status.note.kind == "diverged" and "learning rate" in note_text(status.note)
    assert all(np.isfinite(w).all() for w in ask_training(qtbot, handle, "network").weights)


def test_a_bug_becomes_an_error_with_details_and_the_process_goes_on(make, qtbot):
    handle, rec = make(data=broken_loader)
    handle.start()
    qtbot.waitUntil(lambda: bool(rec.tagged("failed")), timeout=5_000)
    _, note, details = rec.tagged("failed")[0]
    assert "disk on fire" in note_text(note) and "Traceback" in details
    handle.set_data_loader(toy_data)
    handle.step()
    qtbot.waitUntil(lambda: bool(rec.of(NetworkSnapshot)) and rec.of(NetworkSnapshot)[-1].step == 1, timeout=10_000)


def test_shutdown_mid_run_is_quick(make, qtbot):
    long = TrainingSettings(Architecture(hidden=(256, 128)), TrainConfig(epochs=100, batch_size=64))
    handle, rec = make(long, data=functools.partial(toy_data, n=4096))
    handle.start()
    qtbot.waitUntil(lambda: rec.last_state() == "running", timeout=20_000)
    pid = handle.pid()
    started = time.perf_counter()
    assert handle.shutdown()
    assert time.perf_counter() - started < 1.0
    assert not handle.is_running() and process_gone(pid) and not leftover_segments(pid)
    handle.start()  # ignored after shutdown
    assert not handle.is_running()


def test_mnist_loader_reads_a_subset(mnist_dir):
    data = mnist_loader(str(mnist_dir), limit=100, test_limit=50)()
    assert data.x_train.shape == (100, 784) and data.x_test.shape == (50, 784)


def test_a_shared_loader_reads_once_for_everyone_and_retries_after_a_failure():
    calls = []

    def load():
        calls.append(1)
        if len(calls) == 1:
            raise DataFileError("not there yet")
        return "data"

    load_once = shared_loader(load)
    with pytest.raises(DataFileError):
        load_once()
    assert load_once() == "data" and load_once() == "data" and len(calls) == 2


def test_it_trains_in_another_process_at_a_lower_priority(make, qtbot):
    handle, rec = make()
    handle.step()
    qtbot.waitUntil(lambda: bool(rec.of(NetworkSnapshot)), timeout=20_000)
    assert handle.pid() not in (None, os.getpid())
    if hasattr(os, "getpriority"):
        assert os.getpriority(os.PRIO_PROCESS, handle.pid()) > os.getpriority(os.PRIO_PROCESS, 0)


def test_snapshots_arrive_read_only_and_whole(make, qtbot):
    handle, _, snaps = snapshots_of_a_long_run(
        make, qtbot, TrainConfig(epochs=100, batch_size=4, schedule="constant"), 5, 20_000)
    assert all(not a.flags.writeable for s in snaps for a in (*s.weights, *s.biases, *s.gradients))
    steps = [s.step for s in snaps]
    assert steps == sorted(steps)  # newest wins, never an older one after a newer
    live = ask_training(qtbot, handle, "network")  # paused: the last snapshot is the live network, step and all
    assert live.step == snaps[-1].step
    assert all(np.array_equal(a, b) for a, b in zip(live.weights, snaps[-1].weights))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_child_is_reported_and_restart_goes_on_from_the_weights_given(make, qtbot):
    handle, rec = make(TrainingSettings(Architecture(hidden=(16,)), TrainConfig(epochs=1000, batch_size=16)))
    handle.start()
    qtbot.waitUntil(lambda: len(rec.of(NetworkSnapshot)) >= 2, timeout=20_000)
    pid, last = handle.pid(), rec.of(NetworkSnapshot)[-1]
    os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: bool(rec.tagged("crashed")), timeout=10_000)
    assert "signal 9" in rec.tagged("crashed")[0][1]
    qtbot.waitUntil(lambda: not leftover_segments(pid), timeout=5_000)  # the board it could not remove
    handle.restart(last)
    live = ask_training(qtbot, handle, "network")
    assert handle.pid() != pid and all(np.array_equal(a, b) for a, b in zip(live.weights, last.weights))
    handle.start()
    qtbot.waitUntil(lambda: rec.of(NetworkSnapshot)[-1].step > 0 and rec.last_state() == "running", timeout=20_000)


def test_a_child_that_cannot_start_is_reported(make, qtbot, monkeypatch):
    import multiprocessing.context

    def refuse(self):
        raise OSError("no more processes")

    monkeypatch.setattr(multiprocessing.context.SpawnProcess, "start", refuse)
    handle, rec = make()
    handle.start()
    qtbot.waitUntil(lambda: bool(rec.tagged("crashed")), timeout=5_000)
    assert "no more processes" in rec.tagged("crashed")[0][1]


WINDOW_SCRIPT = """
import sys, time
from PySide6.QtCore import QCoreApplication, QTimer
import nnviz.app
from nnviz.app.training_process import TrainingProcess
from nnviz.app.widgets.run_progress import note_text
from nnviz.appmodel.snapshot import Architecture
from nnviz.appmodel.training_session import TrainingSettings
from nnviz.nn import TrainConfig
from toy_data import toy_data

if __name__ == "__main__":
    app = QCoreApplication([])
    training = TrainingProcess(TrainingSettings(Architecture(hidden=(16,)), TrainConfig(epochs=1000, batch_size=16)),
                               load_data=toy_data)
    training.snapshotReady.connect(lambda snapshot: print("child", training.pid(), flush=True) if snapshot.step else None)
    training.start()
    app.exec()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_window_leaves_no_process_and_no_shared_memory_behind(tmp_path):
    import subprocess

    script = tmp_path / "window.py"
    script.write_text(WINDOW_SCRIPT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), *sys.path])}
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env) as window:
        try:
            line = window.stdout.readline()
            assert line.startswith("child"), line
            child = int(line.split()[1])
            assert not process_gone(child) and leftover_segments(child)
        finally:
            window.kill()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not (process_gone(child) and not leftover_segments(child)):
        time.sleep(0.05)
    assert process_gone(child) and not leftover_segments(child)
