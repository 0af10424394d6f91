"""Why did it say that? Which input pixels push a class's score up or down.

:func:`input_gradient` is backpropagation run one step further than training needs: past the first
layer, into the input. With s = z[L][c], the output neuron's score before softmax (Simonyan et al.
2014's saliency), and delta[l] = ds/dz[l]:

    delta[L]   = e_c                                  (1 for class c, 0 elsewhere)
    delta[l-1] = (delta[l] @ W[l].T) * f'(z[l-1])
    ds/dx      = delta[1] @ W[1].T

:func:`occlusion` asks the same question without calculus: cover a patch, see how much the class's
probability drops.

:func:`near_ink` keeps what a class should look at: the map on and around the strokes. Over the empty
background the gradient answers "what if there were ink here?", a faint speckle that would otherwise
cover the picture and hide the strokes' own colours.
"""

from __future__ import annotations

import numpy as np

from nnviz.nn.activations import get_activation

INK = 0.05  # input values below this are background (as in nnviz.data.preprocess)


def input_gradient(net, x: np.ndarray, cls: int) -> np.ndarray:
    """ds/dx (n_in,) float64 for one input ``x`` (n_in,), s = the output neuron ``cls``'s z (its logit)."""
    trace = net.forward(np.asarray(x, dtype=np.float64).reshape(1, -1))
    delta = np.zeros((1, net.sizes[-1]))
    delta[0, cls] = 1.0
    return backprop_to_input(net, trace, delta)[0]


def backprop_to_input(net, trace, delta: np.ndarray, layer: int | None = None) -> np.ndarray:
    """dS/dx (batch, n_in) for the scores S whose gradient with respect to ``z[layer]`` is ``delta``
    (batch, n_layer); ``trace`` is ``net.forward`` of the inputs x, ``layer`` 1..L (default L, the output).

    Any score that depends on x through one layer's z goes through here: a logit (delta = e_c), a log-
    probability (delta = e_c - p), a hidden neuron (delta = e_j at its layer). The result has ``delta``'s
    dtype (float64 deltas give float64 gradients of a float32 network).
    """
    layer = net.n_layers if layer is None else layer
    act = get_activation(net.activation)
    for l in range(layer - 1, 0, -1):
        delta = delta @ net.weights[l].T
        act.backward(delta, trace.z[l - 1], trace.a[l])
    return delta @ net.weights[0].T


def occlusion(net, image: np.ndarray, cls: int, patch: int = 4, stride: int = 2) -> np.ndarray:
    """(h, w) float32: how much the probability of ``cls`` drops, on average, when a ``patch`` x ``patch``
    square covering each pixel is blanked (negative: covering it helps the class). One batched pass."""
    image = np.asarray(image, dtype=np.float32)
    h, w = image.shape
    tops = range(0, h - patch + 1, stride)
    lefts = range(0, w - patch + 1, stride)
    boxes = [(t, l) for t in tops for l in lefts]
    covered = np.repeat(image[None], len(boxes), axis=0)
    for k, (t, l) in enumerate(boxes):
        covered[k, t : t + patch, l : l + patch] = 0
    base = net.predict_proba(image.reshape(1, -1))[0, cls]
    drops = base - net.predict_proba(covered.reshape(len(boxes), -1))[:, cls]
    total, count = np.zeros((h, w), np.float64), np.zeros((h, w), np.float64)
    for drop, (t, l) in zip(drops, boxes):
        total[t : t + patch, l : l + patch] += drop
        count[t : t + patch, l : l + patch] += 1
    return (total / np.maximum(count, 1)).astype(np.float32)


def near_ink(saliency: np.ndarray, image: np.ndarray, reach: int = 1, floor: float = 0.05) -> np.ndarray:
    """``saliency`` (h, w) where ``image`` (h, w) has ink or is at most ``reach`` pixels from it, and where its
    size is at least ``floor`` times the largest size kept; 0 elsewhere (float32)."""
    saliency = np.asarray(saliency, np.float32).reshape(np.shape(image))
    ink = np.asarray(image) > INK
    near = ink.copy()
    for _ in range(reach):  # grow the ink by one pixel, the 8 neighbours included
        grown = np.pad(near, 1)
        near = np.any([grown[1 + dy: grown.shape[0] - 1 + dy, 1 + dx: grown.shape[1] - 1 + dx]
                       for dy in (-1, 0, 1) for dx in (-1, 0, 1)], axis=0)
    kept = np.where(near, saliency, np.float32(0.0))
    largest = float(np.abs(kept).max()) if kept.size else 0.0
    return np.where(np.abs(kept) >= floor * largest, kept, np.float32(0.0)) if largest > 0 else kept
