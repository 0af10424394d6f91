"""Preparing the next training samples in a background thread while the current ones train.

Augmentation costs about as much NumPy work as a training step; done in line it would nearly double
an epoch. :class:`EpochSamples` transforms the epoch's shuffled samples chunk by chunk, one or two
chunks ahead, on a worker thread (NumPy releases the GIL inside its loops). Each chunk gets its own
random generator, drawn in order from the run's generator, so a seeded run is reproducible no matter
how the threads interleave.

On two cores the training step's BLAS threads already want both; an augmenting thread of equal
priority preempts them mid-product and the epoch gets slower than doing the work in line. The
prefetch thread therefore runs at the lowest priority (:func:`lowest_thread_priority`): it fills the gaps
between BLAS calls, and when training waits for a chunk the core is all its own anyway.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

import numpy as np

CHUNK = 4096
AHEAD = 2


def lowest_thread_priority() -> None:
    """Give the calling thread the lowest scheduling priority (Linux has per-thread nice values;
    elsewhere, or where it is not allowed, nothing changes)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass


def prefetch_executor() -> ThreadPoolExecutor:
    """The single low-priority thread that prepares the next chunks of an epoch."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="nnviz-augment", initializer=lowest_thread_priority)


class EpochSamples:
    """``take(start, count)``: rows ``order[start:start+count]`` of ``X``, passed through ``transform``."""

    def __init__(self, X: np.ndarray, order: np.ndarray, transform: Callable, rng: np.random.Generator,
                 executor: ThreadPoolExecutor, chunk: int = CHUNK):
        self.X, self.order, self.transform, self.chunk = X, order, transform, chunk
        self.executor = executor
        n_chunks = -(-len(order) // chunk)
        self.seeds = rng.integers(0, 2**63, size=n_chunks)
        self.futures: dict[int, Future] = {}
        self._submit(0)

    def _submit(self, k: int) -> None:
        if k < len(self.seeds) and k not in self.futures:
            rows = self.order[k * self.chunk : (k + 1) * self.chunk]
            self.futures[k] = self.executor.submit(self.transform, self.X[rows], np.random.default_rng(self.seeds[k]))

    def _chunk(self, k: int) -> np.ndarray:
        for ahead in range(AHEAD + 1):
            self._submit(k + ahead)
        for old in [j for j in self.futures if j < k]:
            del self.futures[old]
        return self.futures[k].result()

    def take(self, start: int, count: int) -> np.ndarray:
        end = min(start + count, len(self.order))
        parts, position = [], start
        while position < end:
            k, offset = divmod(position, self.chunk)
            piece = self._chunk(k)[offset : offset + end - position]
            parts.append(piece)
            position += len(piece)
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def cancel(self) -> None:
        for future in self.futures.values():
            future.cancel()
