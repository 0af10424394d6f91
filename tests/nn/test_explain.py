"""A neuron's sum written out: the terms add up to its z, the largest come first."""

import numpy as np

from nnviz.nn import MLP
from nnviz.nn.explain import neuron_terms


def test_the_terms_add_up_to_z_and_the_largest_come_first():
    net = MLP([6, 4, 3], dtype=np.float64, seed=2)
    x = np.linspace(0, 1, 6)
    trace = net.forward(x[None])
    terms = neuron_terms(net, 2, 1, trace, k=2)
    assert terms.z == trace.z[1][0, 1] and terms.a == trace.a[2][0, 1]
    assert np.isclose(terms.products.sum() + terms.bias, terms.z)
    magnitudes = np.abs(terms.products)
    assert magnitudes[terms.top[0]] == magnitudes.max() and len(terms.top) == 2


def test_the_formula_shows_the_real_numbers():
    net = MLP([2, 1], output="sigmoid", dtype=np.float64)
    net.weights[0] = np.array([[0.0], [1.0]])
    net.biases[0] = np.array([4.0])
    terms = neuron_terms(net, 1, 0, net.forward(np.array([[2.0, 3.0]])))
    assert terms.formula() == "z = 1.00×3.00 + 0.00×2.00 + b(4.00) = 7.00"
    assert np.isclose(terms.a, 0.9990889488055994)


def test_without_a_drawing_it_still_shows_the_weights_and_bias():
    terms = neuron_terms(MLP([5, 3], seed=0), 1, 2)
    assert terms.z is None and terms.weights.shape == (5,) and "draw a digit" in terms.formula()


def test_softmax_steps_end_where_softmax_does_and_temperature_flattens():
    from nnviz.nn import softmax
    from nnviz.nn.explain import softmax_steps

    z = np.array([2.0, 1.0, 0.1])
    steps = softmax_steps(z)
    np.testing.assert_allclose(steps.p, softmax(z), rtol=1e-12)
    assert steps.shifted.max() == 0.0 and steps.total == steps.exps.sum()
    hot, cold = softmax_steps(z, 5.0), softmax_steps(z, 0.2)
    assert hot.p.max() < steps.p.max() < cold.p.max()  # higher temperature: less sure
    big = softmax_steps(np.array([1000.0, 999.0]))  # no overflow thanks to the shift
    np.testing.assert_allclose(big.p, [1 / (1 + np.exp(-1)), 1 - 1 / (1 + np.exp(-1))])
