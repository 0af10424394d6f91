"""Lesson 6: the ten optimizers racing from the same start.

On a 2-D loss surface (trajectories to draw on a contour plot) and on the same small MLP (loss
curves side by side). The 2-D race uses the very optimizer classes that train the MNIST network.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from nnviz.nn import MLP, OPTIMIZERS, make_optimizer
from nnviz.lessons.lesson import Lesson

LESSON = Lesson("optimizers", order=6, view="nnviz.app.lesson_views.optimizers_view:OptimizersLessonView")


@dataclass(frozen=True)
class Surface:
    name: str
    f: Callable[[np.ndarray], float]
    grad: Callable[[np.ndarray], np.ndarray]
    start: tuple[float, float]
    extent: tuple[float, float, float, float]  # x min, x max, y min, y max
    minimum: tuple[float, float]


def _rosenbrock(p):
    x, y = p
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def _rosenbrock_grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])


def _bowl(p):
    x, y = p
    return 0.5 * (x * x + 10 * y * y)  # an elongated bowl: plain SGD zig-zags across it


def _bowl_grad(p):
    x, y = p
    return np.array([x, 10 * y])


SURFACES = {
    "rosenbrock": Surface("rosenbrock", _rosenbrock, _rosenbrock_grad, (-1.5, 2.0), (-2, 2, -1, 3), (1, 1)),
    "bowl": Surface("bowl", _bowl, _bowl_grad, (-4.0, 1.5), (-5, 5, -2, 2), (0, 0)),
}

def race_on_surface(surface: str = "rosenbrock", steps: int = 500, lr: dict[str, float] | None = None) -> dict[str, np.ndarray]:
    """{optimizer: (steps + 1, 2) trajectory} from the surface's start point."""
    spec = SURFACES[surface]
    rates = {name: rule.race_lr for name, rule in OPTIMIZERS.items()} | (lr or {})  # each rule's own
    paths = {}
    for name in OPTIMIZERS:
        p = np.array(spec.start, dtype=np.float64)
        optimizer = make_optimizer(name, lr=rates[name], weight_decay=0.0)
        path = [p.copy()]
        for _ in range(steps):
            g = spec.grad(p)
            optimizer.update(p, g)
            if not np.all(np.isfinite(p)):
                break
            path.append(p.copy())
        paths[name] = np.array(path)
    return paths


def race_on_mlp(X: np.ndarray, y: np.ndarray, hidden=(16,), steps: int = 200, batch: int = 64, seed: int = 0,
                lr: dict[str, float] | None = None) -> dict[str, np.ndarray]:
    """{optimizer: (steps,) loss curve}: each rule trains an identical copy of one small MLP on the same batches."""
    rng = np.random.default_rng(seed)
    batches = [rng.choice(len(X), size=min(batch, len(X)), replace=False) for _ in range(steps)]
    start = MLP((X.shape[1], *hidden, int(y.max()) + 1), seed=seed, dtype=np.float64)
    curves = {}
    for name in OPTIMIZERS:
        net = start.copy()
        optimizer = make_optimizer(name, lr=(lr or {}).get(name), weight_decay=0.0)
        curves[name] = np.array([net.train_step(X[i], y[i], optimizer) for i in batches])
    return curves
