"""The training worker in its own thread: commands in as queued signals, immutable records out."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QObject, QThread, Slot

from nnviz.app.snapshot import Architecture, EpochResult, LossPoints, NetworkSnapshot, TrainingStatus
from nnviz.app.training_session import TrainingData, TrainingSettings
from nnviz.app.worker import PUBLISH_HZ, TrainingThread, TrainingWorker, mnist_loader, shared_loader
from nnviz.errors import DataFileError
from nnviz.nn import MLP, TrainConfig

SETTINGS = TrainingSettings(Architecture(hidden=(16,)), TrainConfig(epochs=2, batch_size=16, schedule="constant"))


def toy_data(n=512, n_test=64, seed=0) -> TrainingData:
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 10, n + n_test)
    x = rng.random((n + n_test, 784), dtype=np.float32) * 0.3
    for i, label in enumerate(y):
        x[i, label * 78:(label + 1) * 78] += 0.7
    return TrainingData(x[:n], y[:n], x[n:], y[n:])


class Recorder(QObject):
    """Everything the worker sent, in the order it arrived. A QObject living in the GUI thread, so the
    worker's signals reach it queued (a lambda would be called in the worker's thread; so would
    qtbot.waitSignal's callback, which is why these tests wait with waitUntil)."""

    def __init__(self, worker: TrainingWorker):
        super().__init__()
        self.events: list = []
        self.threads: set = set()
        for signal in (worker.snapshotReady, worker.statusChanged, worker.lossPoints, worker.epochFinished,
                       worker.networkReplaced):
            signal.connect(self._record)
        worker.dataMissing.connect(self._missing)
        worker.failed.connect(self._failed)

    @Slot(object)
    def _record(self, item) -> None:
        self.threads.add(QThread.currentThread())
        self.events.append(item)

    @Slot(str)
    def _missing(self, message: str) -> None:
        self.events.append(("missing", message))

    @Slot(str, str)
    def _failed(self, message: str, details: str) -> None:
        self.events.append(("failed", message, details))

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
        worker = TrainingWorker(settings, load_data=data, **kwargs)
        recorder = Recorder(worker)
        handle = TrainingThread(worker)
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


def test_publishing_is_throttled(make, qtbot):
    big = TrainingSettings(Architecture(hidden=(64,)), TrainConfig(epochs=1, batch_size=1, schedule="constant"))
    handle, rec = make(big, data=lambda: toy_data(n=20_000))
    handle.start()
    qtbot.waitUntil(lambda: len(rec.of(NetworkSnapshot)) >= 6, timeout=10_000)
    handle.pause()
    qtbot.waitUntil(lambda: rec.last_state() == "paused")
    snaps = rec.of(NetworkSnapshot)
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
    assert handle.worker.session.config.lr == 0.02


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
    def missing():
        raise DataFileError("MNIST is not in /nowhere")

    handle, rec = make(data=missing)
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
    assert "learning rate" in status.message
    assert all(np.isfinite(w).all() for w in handle.worker.session.net.weights)


def test_a_bug_becomes_an_error_with_details_and_the_worker_goes_on(make, qtbot):
    calls = threading.Event()

    def broken_loader():
        calls.set()
        raise RuntimeError("disk on fire")

    handle, rec = make(data=broken_loader)
    handle.start()
    qtbot.waitUntil(lambda: bool(rec.tagged("failed")), timeout=5_000)
    _, message, details = rec.tagged("failed")[0]
    assert "disk on fire" in message and "Traceback" in details
    handle.set_data_loader(toy_data)
    handle.step()
    qtbot.waitUntil(lambda: bool(rec.of(NetworkSnapshot)) and rec.of(NetworkSnapshot)[-1].step == 1, timeout=10_000)


def test_shutdown_mid_run_is_quick(make, qtbot):
    long = TrainingSettings(Architecture(hidden=(256, 128)), TrainConfig(epochs=100, batch_size=64))
    handle, rec = make(long, data=lambda: toy_data(n=4096))
    handle.start()
    qtbot.waitUntil(lambda: rec.last_state() == "running", timeout=10_000)
    import time

    started = time.perf_counter()
    assert handle.shutdown()
    assert time.perf_counter() - started < 1.0
    assert not handle.thread.isRunning()
    handle.start()  # ignored after shutdown, and never runs in the GUI thread


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
