"""Learning-rate schedules: the factor by which the base learning rate is multiplied.

A schedule is a function of training progress measured in epochs (a float: 2.5 is half-way through
the third epoch), so it does not change meaning when the batch size changes during a run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nnviz.errors import ConfigError

SCHEDULES = ("constant", "step", "exponential", "cosine")


@dataclass(frozen=True)
class Schedule:
    """``factor(epoch)`` in (0, 1]: linear warm-up over ``warmup`` epochs, then the decay ``kind``.

    - constant:    1
    - step:        gamma ** floor(epoch / step_size)
    - exponential: gamma ** epoch
    - cosine:      min_factor + (1 - min_factor) * (1 + cos(pi * epoch / total)) / 2
    """

    kind: str = "constant"
    total: float = 1.0
    gamma: float = 0.5
    step_size: float = 1.0
    warmup: float = 0.0
    min_factor: float = 0.0

    def __post_init__(self):
        if self.kind not in SCHEDULES:
            raise ConfigError(f"unknown schedule {self.kind!r}; choose one of: {', '.join(SCHEDULES)}")
        for name in ("total", "gamma", "step_size", "warmup", "min_factor"):
            value = getattr(self, name)
            if not math.isfinite(value) or value < 0:
                raise ConfigError(f"schedule {name} must be a finite number >= 0, got {value}")
        if self.total <= 0 or self.step_size <= 0:
            raise ConfigError("schedule total and step_size must be > 0")

    def factor(self, epoch: float) -> float:
        warm = min(1.0, (epoch + 1e-12) / self.warmup) if self.warmup > 0 else 1.0
        if self.kind == "step":
            decay = self.gamma ** math.floor(epoch / self.step_size)
        elif self.kind == "exponential":
            decay = self.gamma**epoch
        elif self.kind == "cosine":
            progress = min(1.0, epoch / self.total)
            decay = self.min_factor + (1 - self.min_factor) * 0.5 * (1 + math.cos(math.pi * progress))
        else:
            decay = 1.0
        # The last steps of a cosine run would otherwise have lr == 0, which optimizers refuse.
        return max(warm * decay, 1e-6)

    __call__ = factor
