"""What each step of the slow motion says: the forward and backward pass of one drawing written out in words
and the real numbers of the neuron in focus. A part of :class:`~nnviz.app.widgets.slow_motion.SlowMotionView`."""

from __future__ import annotations

import functools

import numpy as np

from nnviz.nn.activations import get_activation
from nnviz.nn.explain import formula_number, neuron_terms
from nnviz.nn.walkthrough import BackwardStep, ForwardStep

SOFTMAX_LINK = "softmax"  # the link in the output step's text that opens the softmax view
_fix = functools.partial(formula_number, spec=".3f")
_sig = functools.partial(formula_number, spec=".3g")


class StepWords:
    """The text beside the diagram, for the step shown."""

    def _describe(self) -> None:
        walk = self._walk
        if walk is None:
            self.counter.setText(self.tr("Slow motion"))
            self.text.setHtml(self.tr("<p>Draw a digit: slow motion then takes it through the network one layer "
                                      "at a time, forward to the ten outputs and back again.</p>"))
            return
        total = self.step_count()
        step = self.current_step()
        n_layers = len(walk.forward)
        if step is None:
            self.counter.setText(self.tr("Step {0} of {1}: the input").format(0, total))
            html = self.tr("<p>The drawing, as {0} numbers a⁰ between 0 (black) and 1 (white).</p>"
                           "<p>Press <b>Space</b> or <b>Next</b> to send it through the network, one layer at a "
                           "time; then the backward pass sends the error back and shows how one step of gradient "
                           "descent would change the weights.</p>").format(len(walk.x))
        elif isinstance(step, ForwardStep):
            self.counter.setText(self.tr("Step {0} of {1}: forward pass, {2}").format(
                self._position, total, self._layer_name(step.layer, n_layers)))
            html = self._forward_html(step, n_layers)
        else:
            self.counter.setText(self.tr("Step {0} of {1}: backward pass, {2}").format(
                self._position, total, self._layer_name(step.layer, n_layers)))
            html = self._backward_html(step, n_layers)
        self.text.setHtml(html)

    def _layer_name(self, layer: int, n_layers: int) -> str:
        if layer == 0:
            return self.tr("input layer")
        return self.tr("output layer") if layer == n_layers else self.tr("hidden layer {0}").format(layer)

    def _neuron(self, layer: int, default: int) -> int:
        """The clicked neuron if it is in ``layer``, else ``default``."""
        if self._selected is not None and self._selected[0] == layer:
            return self._selected[1]
        return default

    def _forward_html(self, step: ForwardStep, n_layers: int) -> str:
        walk, l = self._walk, step.layer
        is_output = l == n_layers
        j = self._neuron(l, int(np.argmax(step.a)))
        terms = neuron_terms(self._network, l, j, walk.trace)
        html = self.tr("<p>z<sup>{0}</sup> = W<sup>{0}</sup>·a<sup>{1}</sup> + b<sup>{0}</sup>: each of the {2} "
                       "neurons adds up its {3} inputs, each times its weight, and its bias. The lines show the "
                       "largest products weight × input (red: positive, blue: negative).</p>").format(
            l, l - 1, len(step.z), len(step.a_prev))
        who = self.tr("digit {0}").format(j) if is_output else self.tr("neuron {0}").format(j)
        html += self.tr("<p><b>{0}</b>: {1}</p>").format(who, terms.formula(3, more=self.tr("{0} more")))
        if is_output and step.activation == "softmax":
            p = step.a
            html += self.tr("<p>Softmax turns the {0} values z into probabilities: p<sub>i</sub> = "
                            "exp(z<sub>i</sub>) / Σ<sub>k</sub> exp(z<sub>k</sub>). Digit {1}: p = {2} %.</p>"
                            "<p>The network reads <b>{3}</b> ({4} %). <a href=\"{5}\">Softmax step by step…</a>"
                            "</p>").format(len(p), j, f"{100 * p[j]:.1f}", walk.prediction,
                                           f"{100 * p[walk.prediction]:.1f}", SOFTMAX_LINK)
        else:
            html += self.tr("<p>a = {0}(z) = {0}({1}) = {2}</p>").format(step.activation, _fix(step.z[j]), _fix(step.a[j]))
            if not is_output and step.activation in ("relu", "leaky_relu"):  # the others are never exactly 0
                html += self.tr("<p>{0} of the {1} neurons of this layer are active (a &gt; 0).</p>").format(
                    int(np.count_nonzero(step.a > 0)), len(step.a))
        return html

    def _backward_html(self, step: BackwardStep, n_layers: int) -> str:
        walk, l = self._walk, step.layer
        j = self._neuron(l, int(np.argmax(np.abs(step.delta))))
        if l == n_layers:
            t = walk.target
            p_t = float(walk.forward[-1].a[t])
            if walk.output == "softmax":
                others = np.abs(step.delta).copy()
                others[t] = -1.0
                k = self._neuron(l, int(np.argmax(others)))
                if k == t:  # the true digit is described first; the second line is about another digit
                    k = int(np.argmax(others))
                html = self.tr("<p>Loss for the true digit {0}: L = −log p<sub>{0}</sub> = −log {1} = {2}</p>"
                               "<p>δ = ∂L/∂z = p − y (y: 1 for digit {0}, 0 for the others). Digit {0}: "
                               "δ = {1} − 1 = {3}. Digit {4}: δ = p<sub>{4}</sub> − 0 = {5}.</p>").format(
                    t, f"{p_t:.4f}", _sig(walk.loss), _sig(step.delta[t]), k, _sig(step.delta[k]))
            else:
                html = self.tr("<p>Loss for the true digit {0}: {1}. Output {2}: δ = ∂L/∂z = {3}.</p>").format(
                    t, f"{walk.loss:.4f}", j, formula_number(step.delta[j], ".4f"))
        else:
            above = walk.backward_of(l + 1)
            back = float(walk.forward[l].W[j] @ above.delta)
            name = walk.forward[l - 1].activation
            slope = float(get_activation(name).derivative(np.array([walk.forward[l - 1].z[j]]))[0])
            html = self.tr("<p>δ<sup>{0}</sup> = (W<sup>{1}</sup> δ<sup>{1}</sup>) ⊙ {2}′(z<sup>{0}</sup>): the "
                           "error of the layer above, sent back through the same weights, times the slope of "
                           "{2}.</p><p><b>Neuron {3}</b>: Σ<sub>k</sub> w<sub>k</sub> δ<sub>k</sub> = {4}, "
                           "{2}′({5}) = {6}, so δ = {7}</p>").format(
                l, l + 1, name, j, _sig(back), _fix(walk.forward[l - 1].z[j]), _sig(slope), _sig(step.delta[j]))
            silent = int(np.count_nonzero(step.delta == 0))
            if silent:
                html += self.tr("<p>{0} of the {1} neurons get no error at all: their slope is 0.</p>").format(
                    silent, len(step.delta))
        i, k = step.largest_gradient
        html += self.tr("<p>Gradient ∂L/∂W = a<sup>{0}</sup> ⊗ δ<sup>{1}</sup>: the largest, {2}, is on the "
                        "weight from {3} to {4}. One step of gradient descent with learning rate {5} changes it "
                        "by −{5} × {6} = {7}; the lines show the largest changes (red: the weight grows, blue: "
                        "it shrinks).</p>").format(
            l - 1, l, _sig(step.dW[i, k]), self._neuron_name(l - 1, i, n_layers), self._neuron_name(l, k, n_layers),
            f"{walk.learning_rate:g}", _sig(step.dW[i, k], wrap=True), _sig(step.W_change[i, k]))
        return html

    def _neuron_name(self, layer: int, index: int, n_layers: int) -> str:
        if layer == 0:
            return self.tr("input pixel {0}").format(index)
        if layer == n_layers:
            return self.tr("output {0}").format(index)
        return self.tr("neuron {0} of hidden layer {1}").format(index, layer)
