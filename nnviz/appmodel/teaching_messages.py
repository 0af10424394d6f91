"""What the window asks the training side to teach, and what comes back: plain frozen data, so that the
request can travel to wherever the live network is trained (a thread today, a process tomorrow) and the
answer can be shown without touching the live network.

:func:`teach_session` does the work on the training side: it teaches the session's live network in place,
between two training steps, with MNIST's training digits as replay when they are loaded.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from nnviz.appmodel.snapshot import FrozenOnArrival, NetworkSnapshot, frozen_copy
from nnviz.nn.teach import teach_and_report


@dataclass(frozen=True, eq=False)
class TeachRequest(FrozenOnArrival):
    """Drawings to learn: images (n, 784) float32 in [0, 1] as ``to_mnist`` makes them, labels (n,) ints.
    ``seed`` makes the replay the same each time; ``correction``: one drawing the user just corrected
    (Ctrl+Z undoes it), not the whole personal set."""

    images: np.ndarray
    labels: np.ndarray
    seed: int = 0
    correction: bool = True

    def __post_init__(self):
        object.__setattr__(self, "images", frozen_copy(np.asarray(self.images, np.float32).reshape(-1, 784)))
        object.__setattr__(self, "labels", frozen_copy(np.asarray(self.labels, np.int64).ravel()))


@dataclass(frozen=True, eq=False)
class TeachOutcome(FrozenOnArrival):
    """What one request did. ``previous`` and ``snapshot``: the network before and after (the same step,
    so undo restores exactly ``previous``). ``before``/``after``: (n, 10) probabilities of the taught
    drawings. ``layer_change``: per layer, the mean |change| of a weight over the mean |weight| (how much
    the correction moved each layer). ``replayed``: distinct replay digits used (0: none were loaded)."""

    request: TeachRequest
    previous: NetworkSnapshot
    snapshot: NetworkSnapshot
    before: np.ndarray
    after: np.ndarray
    weight_change: tuple[np.ndarray, ...]
    layer_change: tuple[float, ...]
    steps: int
    replay_per_step: int
    replayed: int
    seconds: float

    @property
    def corrected(self) -> bool:
        """Every taught drawing is now read as its label."""
        return bool(np.all(self.after.argmax(axis=1) == self.request.labels))


def teach_session(session, request: TeachRequest) -> TeachOutcome:
    """Teach ``session``'s live network ``request`` in place (on the training side, between two steps)."""
    started = time.perf_counter()
    previous = session.snapshot()
    replay = None if session.data is None else (session.data.x_train, session.data.y_train)
    result = teach_and_report(session.net, request.images, request.labels, replay=replay, seed=request.seed)
    session.adopt_weights(result.net)
    changes = tuple(float(np.abs(d).mean() / max(float(np.abs(w).mean()), 1e-12))
                    for d, w in zip(result.W_change, previous.weights))
    return TeachOutcome(
        request=request, previous=previous, snapshot=session.snapshot(), before=frozen_copy(result.before),
        after=frozen_copy(result.after), weight_change=tuple(frozen_copy(d) for d in result.W_change),
        layer_change=changes, steps=result.steps, replay_per_step=result.replay_per_step,
        replayed=len(result.replayed), seconds=time.perf_counter() - started)


@dataclass(frozen=True, eq=False)
class TeachFailure:
    """A request that could not be taught (e.g. the drawings do not fit the network): why, in one line."""

    request: TeachRequest
    message: str
