"""Lesson 1: one neuron. A perceptron (step) and a sigmoid neuron computing from the same numbers.

    z = w . x + b,   perceptron: a = 1 if z > 0 else 0,   sigmoid neuron: a = 1 / (1 + e^-z)

Preset (the textbook's): w = [0, 1], b = 4, x = [2, 3] gives z = 7 and a = 0.9990889488055994.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.nn.activations import Step, sigmoid
from nnviz.lessons.lesson import Lesson

LESSON = Lesson("neuron", order=1, view="nnviz.app.lesson_views.neuron_view:NeuronLessonView")

PRESET = {"w": (0.0, 1.0), "b": 4.0, "x": (2.0, 3.0)}


@dataclass(frozen=True)
class NeuronOutput:
    z: float
    perceptron: float
    sigmoid: float


def neuron(x, w, b: float) -> NeuronOutput:
    """Both neurons' outputs for inputs ``x`` and weights ``w`` (float64, as printed in the textbook)."""
    x, w = np.asarray(x, dtype=np.float64), np.asarray(w, dtype=np.float64)
    z = np.array([np.dot(w, x) + b])
    return NeuronOutput(z=float(z[0]), perceptron=float(Step().forward(z)[0]), sigmoid=float(sigmoid(z)[0]))


def preset() -> NeuronOutput:
    return neuron(PRESET["x"], PRESET["w"], PRESET["b"])
