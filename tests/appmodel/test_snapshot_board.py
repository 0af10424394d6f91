"""The snapshot board: the newest snapshot in shared memory, never seen half-written."""

from __future__ import annotations

import multiprocessing
import os
import time

import numpy as np
import pytest

from nnviz.appmodel.snapshot import NetworkSnapshot
from nnviz.appmodel.snapshot_board import PREFIX, BoardLayout, SnapshotBoard
from nnviz.nn import MLP

SIZES = (784, 64, 10)


def snapshot_of_step(step: int, gradients: bool = True) -> NetworkSnapshot:
    """Every number in it is the step: a mixed read would show two."""
    net = MLP(SIZES, seed=0)
    snap = NetworkSnapshot.of(net)
    fill = lambda arrays: tuple(np.full_like(a, step) for a in arrays)  # noqa: E731
    return NetworkSnapshot(snap.sizes, snap.activation, snap.output, fill(snap.weights), fill(snap.biases), step,
                           step // 10, {"name": "test"}, fill(snap.weights) if gradients else ())


def write_forever(name_queue, stop) -> None:
    """In another process: a new snapshot as fast as it goes, until told to stop."""
    board = SnapshotBoard.create(BoardLayout.of(snapshot_of_step(1)))
    name_queue.put((board.name, board.layout))
    step = 1
    while not stop.is_set():
        board.write(snapshot_of_step(step))
        step += 1
    board.close()


def test_a_written_snapshot_is_read_back_exactly_and_frozen():
    board = SnapshotBoard.create(BoardLayout.of(snapshot_of_step(0)))
    try:
        assert board.read() is None  # nothing written yet
        number = board.write(snapshot_of_step(7))
        reader = SnapshotBoard.attach(board.name, board.layout)
        read_number, snap = reader.read()
        assert read_number == number == 1
        assert snap.step == 7 and snap.epoch == 0 and snap.metadata == {"name": "test"} and snap.sizes == SIZES
        assert all(np.all(a == 7) and not a.flags.writeable for a in (*snap.weights, *snap.biases, *snap.gradients))
        board.write(snapshot_of_step(8, gradients=False))
        assert reader.read()[1].gradients == () and reader.read()[0] == 2
        reader.close()
    finally:
        board.close()
    assert not any(name == board.name for name in os.listdir("/dev/shm")) if os.path.isdir("/dev/shm") else True


def test_a_board_fits_only_its_own_shape():
    board = SnapshotBoard.create(BoardLayout.of(snapshot_of_step(0)))
    try:
        assert board.fits(snapshot_of_step(3))
        assert not board.fits(NetworkSnapshot.of(MLP((784, 32, 10), seed=0)))
        assert board.name.startswith(PREFIX)
    finally:
        board.close()


def test_a_reader_never_sees_a_half_written_snapshot_from_another_process():
    context = multiprocessing.get_context("spawn")
    names, stop = context.Queue(), context.Event()
    writer = context.Process(target=write_forever, args=(names, stop), daemon=True)
    writer.start()
    try:
        name, layout = names.get(timeout=30)
        reader = SnapshotBoard.attach(name, layout)
        steps, deadline = [], time.monotonic() + 30
        while len(set(steps)) < 50 and time.monotonic() < deadline:
            read = reader.read()
            if read is None:
                continue
            snap = read[1]
            values = np.unique(np.concatenate([a.ravel() for a in (*snap.weights, *snap.biases, *snap.gradients)]))
            assert values.tolist() == [snap.step], "a snapshot mixed from two moments"
            steps.append(snap.step)
        assert steps == sorted(steps) and len(set(steps)) >= 50  # read while the writer moved on
        reader.close()
    finally:
        stop.set()
        writer.join(10)
    assert writer.exitcode == 0


def test_attaching_a_board_that_is_gone_raises_file_not_found():
    board = SnapshotBoard.create(BoardLayout.of(snapshot_of_step(0)))
    name, layout = board.name, board.layout
    board.close()
    with pytest.raises(FileNotFoundError):
        SnapshotBoard.attach(name, layout)
