"""The training timeline: the network as it was at moments of a run, to rewind to.

The training session keeps a :class:`Moment` at the start of a run, densely in the first epoch (where most
changes happen: after steps 1, 2, 4, 8, ... and every tenth of the epoch) and at the end of every epoch. The
window holds them in a :class:`Timeline` within a memory budget: when a new moment would exceed it, the
moment whose neighbours lie closest together goes first, so the first epoch thins out before the epochs do
and the timeline stays spread over the whole run. A timeline is saved with the model as attachments of its
file (:mod:`nnviz.nn.model_file`) and read back with it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnviz.appmodel.snapshot import NetworkSnapshot, frozen_copy
from nnviz.errors import ModelFileError
from nnviz.nn.model_file import load_attachments

BUDGET_BYTES = 256 * 2**20  # about 130 moments of the default 784-256-128-64-10 network, gradients included
DENSE_STEPS = frozenset(2**k for k in range(12))  # 1, 2, 4, ... 2048 steps into the first epoch
DENSE_PARTS = 10  # and every tenth of the first epoch
_INDEX = "timeline"  # the attachment that lists the moments, as JSON


@dataclass(frozen=True)
class Moment:
    """The network at ``position`` epochs since the reset (where it lies on the curves)."""

    position: float
    snapshot: NetworkSnapshot

    @property
    def nbytes(self) -> int:
        s = self.snapshot
        return sum(a.nbytes for a in (*s.weights, *s.biases, *s.gradients))


class MomentSchedule:
    """Which steps of a run are moments: the first, steps 1, 2, 4, ... and each tenth of the first epoch, and
    every epoch's end. Counted from the reset: a second run on the same network adds its epochs' ends."""

    def __init__(self) -> None:
        self._tenths_kept = 0

    def keep_step(self, steps_done: int, epochs_done: int, position: float) -> bool:
        """After a step: ``steps_done`` since the reset, ``position`` in epochs (the epoch's end is its own moment)."""
        if epochs_done > 0 or position >= 1.0 - 1e-9:
            return False
        tenth = math.floor(position * DENSE_PARTS + 1e-9)
        if 0 < tenth < DENSE_PARTS and tenth > self._tenths_kept:
            self._tenths_kept = tenth
            return True
        return steps_done in DENSE_STEPS


class Timeline:
    """Moments in the order of the run, within ``budget_bytes``."""

    def __init__(self, moments=(), budget_bytes: int = BUDGET_BYTES):
        self.budget_bytes = budget_bytes
        self._moments: list[Moment] = []
        for moment in moments:
            self.add(moment)

    def add(self, moment: Moment) -> None:
        """Keep ``moment`` (a moment at the same position replaces the one there); thin out to the budget."""
        if self._moments and self._moments[-1].position >= moment.position:
            self._moments = [m for m in self._moments if m.position < moment.position]
        self._moments.append(moment)
        while self.nbytes > self.budget_bytes and len(self._moments) > 2:
            del self._moments[self._most_crowded()]

    def _most_crowded(self) -> int:
        """The inner moment whose neighbours are closest together (the earlier one of equals)."""
        positions = [m.position for m in self._moments]
        gaps = [positions[i + 1] - positions[i - 1] for i in range(1, len(positions) - 1)]
        return 1 + gaps.index(min(gaps))

    @property
    def moments(self) -> tuple[Moment, ...]:
        return tuple(self._moments)

    @property
    def nbytes(self) -> int:
        return sum(m.nbytes for m in self._moments)

    def __len__(self) -> int:
        return len(self._moments)

    def __getitem__(self, index: int) -> Moment:
        return self._moments[index]

    def index_near(self, position: float) -> int:
        """The moment closest to ``position`` epochs (the timeline must not be empty)."""
        return min(range(len(self._moments)), key=lambda i: abs(self._moments[i].position - position))

    # ------------------------------------------------------------------ files
    def attachments(self) -> dict[str, np.ndarray]:
        """The timeline as arrays to attach to a model file (see :func:`nnviz.nn.model_file.save_model`)."""
        index, arrays = [], {}
        for i, moment in enumerate(self._moments):
            s = moment.snapshot
            index.append({"position": moment.position, "step": s.step, "epoch": s.epoch,
                          "gradients": bool(s.gradients)})
            for kind, layers in (("W", s.weights), ("b", s.biases), ("g", s.gradients)):
                arrays.update({f"t{i}_{kind}{l}": np.asarray(a) for l, a in enumerate(layers)})
        arrays[_INDEX] = np.array(json.dumps(index))
        return arrays

    @classmethod
    def read(cls, path: str | Path, like: NetworkSnapshot, budget_bytes: int = BUDGET_BYTES) -> "Timeline":
        """The timeline saved in the model file ``path`` with the network ``like`` (empty if it has none), or a
        ModelFileError saying what is wrong with it."""
        arrays = load_attachments(path)
        if _INDEX not in arrays:
            return cls(budget_bytes=budget_bytes)
        try:
            index = json.loads(str(arrays[_INDEX]))
            moments = [_moment_from(arrays, i, entry, like) for i, entry in enumerate(index)]
        except (KeyError, TypeError, ValueError) as error:
            raise ModelFileError(f"{Path(path).name}: its training timeline is damaged ({error})") from None
        return cls(moments, budget_bytes)


def _moment_from(arrays: dict, i: int, entry: dict, like: NetworkSnapshot) -> Moment:
    n = len(like.sizes) - 1

    def layers(kind: str, shapes) -> tuple[np.ndarray, ...]:
        found = tuple(frozen_copy(arrays[f"t{i}_{kind}{l}"]) for l in range(n))
        for l, (array, expected) in enumerate(zip(found, shapes)):
            if array.shape != expected.shape or array.dtype.kind != "f" or not np.all(np.isfinite(array)):
                raise ValueError(f"moment {i}: {kind}{l} does not fit the network")
        return found

    weights = layers("W", like.weights)
    snapshot = NetworkSnapshot(
        sizes=like.sizes, activation=like.activation, output=like.output, weights=weights,
        biases=layers("b", like.biases), step=int(entry["step"]), epoch=int(entry["epoch"]),
        metadata=dict(like.metadata), gradients=layers("g", like.weights) if entry["gradients"] else ())
    return Moment(float(entry["position"]), snapshot)
