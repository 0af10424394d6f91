"""Lesson 7: loss functions, activation functions and their derivatives, L1 vs L2, learning-rate schedules.

Pure tables of numbers for the plots: the lesson view only draws them.
"""

from __future__ import annotations

import numpy as np

from nnviz.nn import ACTIVATIONS, MLP, Schedule, get_activation, make_optimizer
from nnviz.lessons.lesson import Lesson

LESSON = Lesson("losses-activations", order=7, view="nnviz.app.lesson_views.losses_activations_view:LossesActivationsLessonView")


def mse(prediction, target) -> float:
    return float(np.mean((np.asarray(prediction, float) - np.asarray(target, float)) ** 2))


def cross_entropy(probabilities, label: int) -> float:
    return float(-np.log(np.clip(np.asarray(probabilities, float)[label], 1e-300, None)))


def compare_losses(probabilities, label: int) -> dict[str, float]:
    """MSE against the one-hot target and cross-entropy, for the same prediction."""
    p = np.asarray(probabilities, float)
    return {"mse": mse(p, np.eye(len(p))[label]), "cross_entropy": cross_entropy(p, label)}


def loss_curves(n: int = 200) -> dict[str, np.ndarray]:
    """Both losses as the probability p given to the right one of two classes goes from ~0 to 1.

    With prediction [p, 1 - p] and target [1, 0], MSE = ((1 - p)^2 + (1 - p)^2) / 2 = (1 - p)^2 stays
    below 1 however wrong the network is, while cross-entropy -log p grows without bound: that is why
    cross-entropy learns faster from confident mistakes.
    """
    p = np.linspace(0.005, 1.0, n)
    return {"p": p, "mse": (1 - p) ** 2, "cross_entropy": -np.log(p)}


def activation_table(z_min: float = -5, z_max: float = 5, n: int = 201) -> dict[str, dict[str, np.ndarray]]:
    """{name: {"z", "a", "da"}} for every activation: the function and its derivative."""
    z = np.linspace(z_min, z_max, n)
    table = {}
    for name in ACTIVATIONS:
        act = get_activation(name)
        a = act.forward(z.copy())
        da = act.derivative(z.copy()) if act.trainable else np.zeros_like(z)
        table[name] = {"z": z, "a": a, "da": da}
    return table


def l1_vs_l2_weights(X, y, strength: float = 1e-3, steps: int = 300, seed: int = 0) -> dict[str, np.ndarray]:
    """First-layer weights after training the same small net with no penalty, L1 and L2: L1 drives many
    weights to (near) zero, L2 shrinks all of them a little."""
    out = {}
    for name, kwargs in (("none", {}), ("l1", {"l1": strength}), ("l2", {"l2": strength * 10})):
        net = MLP((X.shape[1], 32, int(y.max()) + 1), seed=seed, dtype=np.float64, **kwargs)
        optimizer = make_optimizer("adam", lr=1e-2)
        rng = np.random.default_rng(seed)
        for _ in range(steps):
            idx = rng.choice(len(X), size=min(64, len(X)), replace=False)
            net.train_step(X[idx], y[idx], optimizer)
        out[name] = net.weights[0].ravel().copy()
    return out


def schedule_curves(epochs: float = 10, n: int = 200, warmup: float = 0.0) -> dict[str, np.ndarray]:
    """The learning-rate factor of every schedule over a run."""
    e = np.linspace(0, epochs, n)
    curves = {"epoch": e}
    for kind in ("constant", "step", "exponential", "cosine"):
        s = Schedule(kind, total=epochs, gamma=0.5 if kind == "step" else 0.8, step_size=epochs / 4, warmup=warmup)
        curves[kind] = np.array([s(x) for x in e])
    return curves
