"""Saliency: the gradient of a class's score with respect to the input, checked against finite differences."""

import numpy as np
import pytest

from nnviz.nn import ACTIVATIONS, MLP, input_gradient, occlusion


def logit(net, x, cls):
    return net.forward(x.reshape(1, -1)).z[-1][0, cls]


@pytest.mark.parametrize("activation", sorted(set(ACTIVATIONS) - {"step"}))
def test_input_gradient_matches_central_differences(activation):
    rng = np.random.default_rng(3)
    net = MLP([12, 7, 5, 4], activation=activation, dtype=np.float64, seed=4)
    x = rng.uniform(0.1, 0.9, 12)
    for cls in (0, 3):
        grad = input_gradient(net, x, cls)
        eps = 1e-6
        numeric = np.array([(logit(net, x + eps * e, cls) - logit(net, x - eps * e, cls)) / (2 * eps)
                            for e in np.eye(12)])
        np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-8)


def test_a_one_layer_network_has_its_weight_column_as_saliency():
    net = MLP([6, 3], seed=0)
    np.testing.assert_allclose(input_gradient(net, np.ones(6), 2), net.weights[0][:, 2], rtol=1e-6)


def test_occlusion_marks_the_pixels_a_class_depends_on():
    net = MLP([16, 2], output="softmax", dtype=np.float64, seed=0)
    W = np.zeros((16, 2))
    W[5, 1] = 8.0  # class 1 lights up only through pixel (1, 1) of a 4x4 image
    net.weights[0] = W
    image = np.zeros((4, 4))
    image[1, 1] = 1.0
    heat = occlusion(net, image, 1, patch=2, stride=1)
    assert heat.shape == (4, 4)
    assert heat[1, 1] > 0.4 and heat[3, 3] == 0.0


def test_near_ink_keeps_the_map_on_and_around_the_strokes_only():
    from nnviz.nn import near_ink

    image = np.zeros((7, 7))
    image[3, 2:5] = 1.0  # a short horizontal stroke
    saliency = np.full((7, 7), 0.5)
    saliency[3, 3] = -2.0
    saliency[4, 2] = 0.05  # next to the ink but small: below a twentieth of the largest kept (2.0)
    kept = near_ink(saliency, image, reach=1)
    assert kept[3, 3] == -2.0 and kept[2, 1] == 0.5 and kept[4, 5] == 0.5  # on the stroke and a pixel around it
    assert kept[4, 2] == 0.0
    assert not kept[0].any() and not kept[6].any() and not kept[:, 0].any()  # the background: nothing
    assert not near_ink(np.ones((4, 4)), np.zeros((4, 4))).any()  # no ink, nothing to explain
