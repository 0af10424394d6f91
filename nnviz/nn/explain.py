"""One neuron's arithmetic, written out: z = sum_i w_i a_i + b with the actual numbers of its largest terms.

The inspector and the layer-math views show this; it is plain NumPy so it can be tested and printed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class NeuronTerms:
    """Neuron ``index`` of layer ``layer`` (1 = first hidden .. L = output) for one input.

    weights: (n_prev,) its incoming weights; bias; inputs: (n_prev,) the previous layer's activations (None
    without an input); top: indices of the largest |w_i a_i| terms, largest first; z, a: its values.
    """

    layer: int
    index: int
    weights: np.ndarray
    bias: float
    inputs: np.ndarray | None
    top: np.ndarray
    z: float | None
    a: float | None

    @property
    def products(self) -> np.ndarray | None:
        return None if self.inputs is None else self.weights * self.inputs

    def formula(self, digits: int = 2, more: str = "{0} more") -> str:
        """'z = 0.41×1.00 + (−0.12)×0.80 + … (781 more: 0.35) + b(0.02) = 1.23'; ``more`` words the count
        of terms left out (an interface in another language passes its own)."""
        number = functools.partial(formula_number, spec=f".{digits}f")
        if self.inputs is None:
            return f"z = Σ w·a + b, with b = {number(self.bias)}: draw a digit to see the numbers"
        products = self.products
        shown = [f"{number(self.weights[i], wrap=True)}×{number(self.inputs[i])}" for i in self.top]
        rest = np.setdiff1d(np.arange(len(products)), self.top)
        parts = shown + ([f"… ({more.format(len(rest))}: {number(products[rest].sum())})"] if len(rest) else [])
        return f"z = {' + '.join(parts)} + b({number(self.bias)}) = {number(self.z)}"


def neuron_terms(snapshot_or_net, layer: int, index: int, trace=None, k: int = 5) -> NeuronTerms:
    """The numbers behind neuron ``index`` of ``layer`` (1..L); ``trace`` is a forward pass of one input
    (``Trace`` with batch 1), or None when there is no drawing."""
    weights = np.asarray(snapshot_or_net.weights[layer - 1])[:, index].astype(np.float64)
    bias = float(snapshot_or_net.biases[layer - 1][index])
    if trace is None:
        return NeuronTerms(layer, index, weights, bias, None, np.array([], int), None, None)
    inputs = np.asarray(trace.a[layer - 1][0], np.float64)
    products = weights * inputs
    k = min(k, len(products))
    top = np.argsort(-np.abs(products), kind="stable")[:k]
    return NeuronTerms(layer, index, weights, bias, inputs, top,
                       float(trace.z[layer - 1][0, index]), float(trace.a[layer][0, index]))


def formula_number(value: float, spec: str = ".2f", wrap: bool = False) -> str:
    """``value`` formatted by ``spec`` as a formula prints it: a real minus sign, and in brackets when it
    is negative and ``wrap`` (a negative factor in a product)."""
    text = format(value, spec).replace("-", "−")
    return f"({text})" if wrap and value < 0 else text


@dataclass(frozen=True)
class SoftmaxSteps:
    """Softmax at temperature T, one step at a time, as it is computed (stably):

    scaled = z / T;  shifted = scaled − max(scaled)  (so no e^x can overflow);  e = exp(shifted);
    total = Σ e;  p = e / total.
    """

    z: np.ndarray
    temperature: float
    scaled: np.ndarray
    shifted: np.ndarray
    exps: np.ndarray
    total: float
    p: np.ndarray


def softmax_steps(z: np.ndarray, temperature: float = 1.0) -> SoftmaxSteps:
    """The steps of softmax(z / temperature) for one output vector ``z`` (n,)."""
    if not (np.isfinite(temperature) and temperature > 0):
        raise ValueError(f"the temperature must be a number > 0, got {temperature}")
    z = np.asarray(z, dtype=np.float64)
    scaled = z / temperature
    shifted = scaled - scaled.max()
    exps = np.exp(shifted)
    total = float(exps.sum())
    return SoftmaxSteps(z, float(temperature), scaled, shifted, exps, total, exps / total)
