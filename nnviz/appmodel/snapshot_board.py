"""The newest network snapshot in shared memory: the training child writes it, the window reads it.

A snapshot of a 784-256-128-64-10 network is about 2 MB (weights, biases, last gradients); a few times a
second it would be pickled through a pipe and copied twice. The board holds it once, in a
``multiprocessing.shared_memory`` segment, guarded by a sequence number as in a seqlock: the writer makes
it odd before writing and even after, and a reader keeps a copy only if the number was even and unchanged
around its copy. So the newest snapshot wins and a half-written one is never seen.

A board is made for one network shape (:class:`BoardLayout`); a network of another shape gets a new board.
"""

from __future__ import annotations

import itertools
import os
import time
from dataclasses import dataclass, field
from multiprocessing import shared_memory

import numpy as np

from nnviz.appmodel.snapshot import NetworkSnapshot, frozen_copy

PREFIX = "nnviz_"  # every segment's name starts so: tests look for leftovers by it
_SEQ, _STEP, _EPOCH, _HAS_GRADIENTS = range(4)
_HEADER_BYTES = 64
_READ_ATTEMPTS = 1000
_names = itertools.count()


@dataclass(frozen=True)
class BoardLayout:
    """What stays the same for every snapshot on one board (sent once, with the board's name)."""

    sizes: tuple[int, ...]
    activation: str
    output: str
    dtype: str
    metadata: dict = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, snapshot: NetworkSnapshot) -> "BoardLayout":
        return cls(tuple(snapshot.sizes), snapshot.activation, snapshot.output, np.dtype(snapshot.weights[0].dtype).str,
                   dict(snapshot.metadata))

    def shapes(self) -> list[tuple[int, ...]]:
        """Weights, biases, then gradients (shaped as the weights), in the order they lie on the board."""
        weights = [(n_in, n_out) for n_in, n_out in zip(self.sizes, self.sizes[1:])]
        return weights + [(n_out,) for n_out in self.sizes[1:]] + weights

    def nbytes(self) -> int:
        return _HEADER_BYTES + sum(int(np.prod(shape)) for shape in self.shapes()) * np.dtype(self.dtype).itemsize


class SnapshotBoard:
    """One segment: :meth:`create` by the writer, :meth:`attach` by the reader (by name)."""

    def __init__(self, memory: shared_memory.SharedMemory, layout: BoardLayout, owner: bool):
        self.layout = layout
        self._memory, self._owner = memory, owner
        self._header = np.ndarray((4,), np.int64, memory.buf)
        self._arrays: list[np.ndarray] = []
        offset, dtype = _HEADER_BYTES, np.dtype(layout.dtype)
        for shape in layout.shapes():
            array = np.ndarray(shape, dtype, memory.buf, offset)
            self._arrays.append(array)
            offset += array.nbytes

    @classmethod
    def create(cls, layout: BoardLayout) -> "SnapshotBoard":
        name = f"{PREFIX}{os.getpid()}_{next(_names)}"
        memory = shared_memory.SharedMemory(name=name, create=True, size=layout.nbytes())
        board = cls(memory, layout, owner=True)
        board._header[:] = 0
        return board

    @classmethod
    def attach(cls, name: str, layout: BoardLayout) -> "SnapshotBoard":
        """Raises FileNotFoundError when the segment is gone (the writer replaced it meanwhile)."""
        return cls(shared_memory.SharedMemory(name=name), layout, owner=False)

    @property
    def name(self) -> str:
        return self._memory.name

    @property
    def sequence(self) -> int:
        """How many snapshots were written (twice that, while one is being written)."""
        return int(self._header[_SEQ])

    def fits(self, snapshot: NetworkSnapshot) -> bool:
        return BoardLayout.of(snapshot) == self.layout

    def write(self, snapshot: NetworkSnapshot) -> int:
        """Put ``snapshot`` on the board (its shape must fit); returns its number, for :meth:`read`."""
        n = len(self.layout.sizes) - 1
        self._header[_SEQ] += 1  # odd: being written
        for target, source in zip(self._arrays, (*snapshot.weights, *snapshot.biases)):
            target[...] = source
        if snapshot.gradients:
            for target, source in zip(self._arrays[2 * n:], snapshot.gradients):
                target[...] = source
        self._header[_STEP], self._header[_EPOCH] = snapshot.step, snapshot.epoch
        self._header[_HAS_GRADIENTS] = bool(snapshot.gradients)
        self._header[_SEQ] += 1  # even: complete
        return int(self._header[_SEQ]) // 2

    def read(self) -> tuple[int, NetworkSnapshot] | None:
        """(number, frozen copy) of the newest complete snapshot, or None if none was written yet. Retries
        while the writer is in the middle of one."""
        for _ in range(_READ_ATTEMPTS):
            before = int(self._header[_SEQ])
            if before % 2 == 0:
                if before == 0:
                    return None
                header = self._header.copy()
                arrays = [frozen_copy(array) for array in self._arrays]
                if int(self._header[_SEQ]) == before:
                    return before // 2, self._snapshot(header, arrays)
            time.sleep(0)  # let the writer finish
        return None

    def _snapshot(self, header: np.ndarray, arrays: list[np.ndarray]) -> NetworkSnapshot:
        n = len(self.layout.sizes) - 1
        return NetworkSnapshot(
            sizes=self.layout.sizes, activation=self.layout.activation, output=self.layout.output,
            weights=tuple(arrays[:n]), biases=tuple(arrays[n:2 * n]), step=int(header[_STEP]),
            epoch=int(header[_EPOCH]), metadata=dict(self.layout.metadata),
            gradients=tuple(arrays[2 * n:]) if header[_HAS_GRADIENTS] else ())

    def close(self) -> None:
        """Let go of the segment; the writer also removes it (a reader's copies stay valid)."""
        self._header = None
        self._arrays = []
        if self._owner:
            self._memory.unlink()
        self._memory.close()


def unlink(name: str) -> None:
    """Remove a segment by name if it is still there (the window cleans up after a child that was killed)."""
    try:
        memory = shared_memory.SharedMemory(name=name)
    except FileNotFoundError:
        return
    memory.close()
    memory.unlink()
