"""How often the live views may redraw while training, so that the window leaves the CPU to training.

On a laptop with two cores, training uses both (the training thread and BLAS's helper), so every
millisecond the GUI thread spends redrawing is taken from training, and a little more, because BLAS's two
threads wait for each other. :class:`RefreshBudget` measures the GUI thread's own CPU time while training
runs and stretches the refresh intervals of what training drives (snapshots, diagram edges, weight tiles,
loss curves) until the window uses at most :data:`SHARE` of one core. On a fast machine nothing is
stretched; on a slow one, or with a large network or a 4K window, the views refresh less often but
training keeps its speed. Pen input is never throttled: it is the user's.

Plain Python (no Qt): the window calls :meth:`RefreshBudget.measure` from its own thread.
"""

from __future__ import annotations

import math
import time
from typing import Callable

SHARE = 0.02  # of one core, for everything the GUI thread does while training runs (training loses about twice that)
PERIOD_S = 1.0  # CPU use is averaged over this long before the intervals change
MAX_STRETCH = 3.0  # views refresh at least every 3 x their interval: still live
MIN_CHANGE = 0.1  # smaller relative changes are not applied (no churn of timers)


class RefreshBudget:
    """``stretch`` (>= 1) multiplies the live views' refresh intervals. Call :meth:`measure` often while
    training runs (from the thread being budgeted) and :meth:`reset` when it stops; both return True
    when ``stretch`` changed."""

    def __init__(self, share: float = SHARE, period_s: float = PERIOD_S, max_stretch: float = MAX_STRETCH,
                 cpu_clock: Callable[[], float] = time.thread_time, wall_clock: Callable[[], float] = time.monotonic):
        self.share, self.period_s, self.max_stretch = share, period_s, max_stretch
        self._cpu_clock, self._wall_clock = cpu_clock, wall_clock
        self.stretch = 1.0
        self.last_share: float | None = None  # the CPU share measured last (of one core)
        self._since: tuple[float, float] | None = None  # (wall, cpu) at the start of the current period
        self.resume_at = 1.0  # the stretch the next run starts from: the last run's, on the same machine

    def measure(self) -> bool:
        wall, cpu = self._wall_clock(), self._cpu_clock()
        if self._since is None:
            self._since = wall, cpu
            changed = self.resume_at != self.stretch
            self.stretch = self.resume_at
            return changed
        elapsed = wall - self._since[0]
        if elapsed < self.period_s:
            return False
        share = max(0.0, cpu - self._since[1]) / elapsed
        self._since, self.last_share = (wall, cpu), share
        # What the views cost scales with 1/stretch: this stretch would meet the budget. Move halfway
        # there (geometrically), so that one busy second (a resize, a dialog) does not swing the rates.
        wanted = self.stretch * share / self.share
        stretch = min(self.max_stretch, max(1.0, math.sqrt(self.stretch * max(wanted, 1e-9))))
        if abs(stretch - self.stretch) < MIN_CHANGE * self.stretch and stretch not in (1.0, self.max_stretch):
            return False
        changed = stretch != self.stretch
        self.stretch = stretch
        return changed

    def forget(self) -> None:
        """What the views cost has changed (another network, another layout): the next run starts unstretched."""
        self.resume_at = 1.0

    def reset(self) -> bool:
        """Training paused or stopped: full refresh rates, so that its last state shows at once. The next run
        starts from the stretch this one reached and measures afresh."""
        if self._since is not None:
            self.resume_at = self.stretch
        self._since = self.last_share = None
        changed, self.stretch = self.stretch != 1.0, 1.0
        return changed
