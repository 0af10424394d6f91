"""Lesson 3: forward propagation through a 2-3-2-2 network with every intermediate value shown.

Sigmoid hidden layers and an identity output; with x = [1, 0.5] the textbook prints
z1 = [0.3, 0.7, 1.1], a1 = [0.57444252, 0.66818777, 0.75026011], y = [0.31682708, 0.69627909].
"""

from __future__ import annotations

import numpy as np

from nnviz.nn import MLP, Trace
from nnviz.lessons.lesson import Lesson

LESSON = Lesson("forward", order=3, view="nnviz.app.lesson_views.forward_view:ForwardLessonView")

X = np.array([1.0, 0.5])
PARAMETERS = (
    (np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]), np.array([0.1, 0.2, 0.3])),
    (np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]), np.array([0.1, 0.2])),
    (np.array([[0.1, 0.3], [0.2, 0.4]]), np.array([0.1, 0.2])),
)


def textbook_network() -> MLP:
    net = MLP([2, 3, 2, 2], activation="sigmoid", output="identity", dtype=np.float64)
    for layer, (W, b) in enumerate(PARAMETERS):
        net.weights[layer][...] = W
        net.biases[layer][...] = b
    return net


def forward_steps(net: MLP | None = None, x: np.ndarray = X) -> list[dict[str, np.ndarray]]:
    """One dict per layer: its input a, W, b, z = a W + b and output f(z), for a step-by-step display."""
    net = net or textbook_network()
    trace: Trace = net.forward(x)
    return [
        {"a_in": trace.a[l][0], "W": net.weights[l].copy(), "b": net.biases[l].copy(), "z": trace.z[l][0],
         "a_out": trace.a[l + 1][0]}
        for l in range(net.n_layers)
    ]
