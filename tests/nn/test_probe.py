"""Poking the network: silenced and clamped neurons, the knock-out study, dreams and nudges."""

import numpy as np
import pytest

from nnviz.errors import ConfigError
from nnviz.nn import (
    ACTIVATIONS,
    MLP,
    accuracy,
    clamp,
    dream,
    dream_steps,
    knockout,
    nudge,
    silence,
)
from nnviz.nn.activations import get_activation
from nnviz.nn.probe import Blur, dream_objective, knockout_steps, nudge_objective
from nnviz.resources import shipped_model_path

SMOOTH_ACTIVATIONS = sorted(set(ACTIVATIONS) - {"step"})


@pytest.fixture(scope="module")
def shipped():
    return MLP.load(shipped_model_path())


@pytest.fixture(scope="module")
def test_digits():
    """200 MNIST test digits, or a skip without MNIST (the mnist_dir fixture is per test, this is per module)."""
    import os
    from pathlib import Path

    from nnviz.data import load_mnist

    folder = Path(os.environ.get("NNVIZ_DATA", ""))
    if not (folder / "t10k-images-idx3-ubyte.gz").exists():
        pytest.skip("MNIST not found; set NNVIZ_DATA to a folder with the four files")
    data = load_mnist(folder)
    return data.x_test[:200], data.y_test[:200]


def small_net(activation="relu", dtype=np.float64, seed=1):
    """16 inputs (a 4x4 image) -> 7 -> 5 -> 4 classes."""
    return MLP([16, 7, 5, 4], activation=activation, dtype=dtype, seed=seed)


def forward_with(net, X, layer, neurons, value):
    """The output of ``net`` with the activations of ``neurons`` of hidden ``layer`` replaced by ``value``,
    computed the plain way, layer by layer (what silence and clamp must be equivalent to)."""
    act = get_activation(net.activation)
    a = np.asarray(X, np.float64)
    for l in range(net.n_layers):
        z = a @ net.weights[l] + net.biases[l]
        if l == net.n_layers - 1:
            return np.exp(z - z.max(1, keepdims=True)) / np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True)
        a = act.forward(z)
        if l + 1 == layer:
            a[:, neurons] = value


def numeric_gradient(f, x, eps=1e-6):
    return np.array([(f(x + eps * e) - f(x - eps * e)) / (2 * eps) for e in np.eye(len(x))])


# ------------------------------------------------------------------------------------------ silence and clamp
@pytest.mark.parametrize("activation", SMOOTH_ACTIVATIONS)
def test_a_silenced_neuron_adds_nothing_downstream_whatever_its_activation(activation):
    net = small_net(activation)
    X = np.random.default_rng(0).uniform(0, 1, (6, 16))
    for layer, neurons in ((1, [0, 3]), (2, [4])):
        np.testing.assert_allclose(silence(net, layer, neurons).predict_proba(X),
                                   forward_with(net, X, layer, neurons, 0.0), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("activation", SMOOTH_ACTIVATIONS)
def test_a_clamped_neuron_feeds_its_value_downstream_for_every_input(activation):
    net = small_net(activation)
    X = np.random.default_rng(1).uniform(0, 1, (6, 16))
    for value in (0.0, 0.7, 2.5, -1.0):  # -1 is beyond relu's range, yet the next layer still receives it
        np.testing.assert_allclose(clamp(net, 2, 3, value).predict_proba(X), forward_with(net, X, 2, [3], value),
                                   rtol=1e-12, atol=1e-15)


def test_the_diagram_shows_a_silenced_relu_neuron_off_and_a_clamped_one_at_its_value():
    net = small_net("relu")
    X = np.random.default_rng(2).uniform(0, 1, (5, 16))
    assert not silence(net, 1, [2, 5]).forward(X).a[1][:, [2, 5]].any()
    assert np.all(clamp(net, 1, 4, 1.25).forward(X).a[1][:, 4] == 1.25)


def test_silencing_nobody_changes_nothing():
    net = small_net()
    quiet = silence(net, 1, [])
    assert np.array_equal(quiet.params, net.params) and quiet is not net
    X = np.random.default_rng(3).uniform(0, 1, (4, 16))
    assert np.array_equal(quiet.predict_proba(X), net.predict_proba(X))


@pytest.mark.parametrize("layer", [1, 2])
def test_silencing_a_whole_layer_makes_every_input_read_the_same(layer):
    net = small_net("sigmoid")  # sigmoid(0) = 0.5: silencing must stop more than the zero of relu
    quiet = silence(net, layer, range(net.sizes[layer]))
    X = np.random.default_rng(4).uniform(0, 1, (8, 16))
    proba = quiet.predict_proba(X)
    assert np.array_equal(proba, np.repeat(proba[:1], len(X), axis=0))
    assert not np.allclose(net.predict_proba(X), net.predict_proba(X)[:1])  # it did not read the same before


def test_the_network_given_is_left_exactly_as_it_was(shipped):
    before = shipped.params.copy()
    x = np.zeros(784, np.float32)
    silence(shipped, 1, [0, 1, 2])
    clamp(shipped, 3, 5, 4.0)
    dream(shipped, 3)
    list(dream_steps(shipped, target=(2, 7), steps=3))
    nudge(shipped, x, 4)
    knockout(shipped, 3, np.zeros((3, 784), np.float32), np.zeros(3, int))
    assert np.array_equal(shipped.params, before)


# ------------------------------------------------------------------------------------------------- knock-out
def test_knockout_is_the_accuracy_of_each_silenced_network():
    rng = np.random.default_rng(5)
    net = small_net("tanh")
    X, y = rng.uniform(0, 1, (300, 16)), rng.integers(0, 4, 300)
    y[:150] = net.predict(X[:150])  # half of the labels agree with the network, so accuracy moves both ways
    for layer in (1, 2):
        expected = [accuracy(silence(net, layer, [j]), X, y) for j in range(net.sizes[layer])]
        np.testing.assert_array_equal(knockout(net, layer, X, y), expected)


def test_knockout_reports_progress_in_chunks_and_ends_complete(monkeypatch):
    import nnviz.nn.probe as probe

    monkeypatch.setattr(probe, "KNOCKOUT_CHUNK", 2 * 50 * 5)  # two neurons per chunk for 50 rows into 5 neurons
    net = small_net()
    X, y = np.random.default_rng(6).uniform(0, 1, (50, 16)), np.zeros(50, int)
    seen = []
    result = knockout(net, 1, X, y, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 7), (2, 7), (4, 7), (6, 7), (7, 7)]
    steps = list(knockout_steps(net, 1, X, y))
    assert np.isnan(steps[0].accuracy).all() and np.isnan(steps[1].accuracy[2:]).all()
    assert not np.isnan(steps[1].accuracy[:2]).any() and not np.isnan(steps[-1].accuracy).any()
    np.testing.assert_array_equal(steps[-1].accuracy, result)


def test_knockout_on_the_shipped_model_matches_silencing(shipped, test_digits):
    X, y = test_digits
    result = knockout(shipped, 2, X, y)
    assert result.shape == (128,)
    for j in (0, int(np.argmin(result))):
        assert result[j] == pytest.approx(accuracy(silence(shipped, 2, [j]), X, y), abs=1 / len(y))


# ------------------------------------------------------------------------------------ objectives' gradients
@pytest.mark.parametrize("activation", SMOOTH_ACTIVATIONS)
@pytest.mark.parametrize("smooth", [0.0, 1.2])
@pytest.mark.parametrize("target", [2, (1, 3), (2, 0)])
def test_the_dream_objective_climbs_its_true_gradient(activation, smooth, target):
    net = small_net(activation)
    u = np.random.default_rng(7).uniform(0.1, 0.9, 16)
    value, gradient = dream_objective(net, u[None], target, smooth)
    numeric = numeric_gradient(lambda v: dream_objective(net, v[None], target, smooth)[0][0], u)
    np.testing.assert_allclose(gradient[0], numeric, rtol=1e-5, atol=1e-9)


def test_a_digits_dream_score_is_its_log_probability():
    net = small_net()
    x = np.random.default_rng(8).uniform(0, 1, (3, 16))
    value, _ = dream_objective(net, x, 1)
    np.testing.assert_allclose(value, np.log(net.predict_proba(x)[:, 1]), rtol=1e-12)


@pytest.mark.parametrize("activation", SMOOTH_ACTIVATIONS)
def test_the_nudge_objective_is_the_cross_entropy_with_its_true_gradient(activation):
    net = small_net(activation)
    X = np.random.default_rng(9).uniform(0.1, 0.9, (2, 16))
    value, gradient = nudge_objective(net, X, 3)
    np.testing.assert_allclose(value, [net.loss(x[None], [3]) for x in X], rtol=1e-12)
    for row in range(2):
        numeric = numeric_gradient(lambda v: nudge_objective(net, v[None], 3)[0][0], X[row])
        np.testing.assert_allclose(gradient[row], numeric, rtol=1e-5, atol=1e-9)


def test_the_blur_keeps_images_in_range_and_its_transpose_is_the_adjoint():
    blur = Blur(1.5, 784)
    rng = np.random.default_rng(10)
    U, V = rng.uniform(0, 1, (2, 784)), rng.normal(size=(2, 784))
    assert blur(U).min() >= 0 and blur(U).max() <= 1 + 1e-12
    assert np.isclose(np.sum(blur(U) * V), np.sum(U * blur.transpose(V)))
    assert blur(U).std() < U.std()  # it smooths
    assert Blur(0, 784)(U) is U


# ----------------------------------------------------------------------------------------------------- dream
@pytest.mark.parametrize("smooth", [0.0, 1.5])
def test_the_shipped_model_dreams_every_digit_with_probability_of_at_least_0_9(shipped, smooth):
    for digit in range(10):
        image = dream(shipped, digit, smooth=smooth)
        assert image.shape == (784,) and image.dtype == np.float32
        assert image.min() >= 0 and image.max() <= 1
        assert shipped.predict_proba(image)[digit] >= 0.9, digit


def test_the_same_seed_dreams_the_same_image_another_seed_another(shipped):
    assert np.array_equal(dream(shipped, 3, seed=4), dream(shipped, 3, seed=4))
    assert not np.array_equal(dream(shipped, 3, seed=4), dream(shipped, 3, seed=5))
    assert np.array_equal(dream(shipped, 3, smooth=1.0), dream(shipped, 3, smooth=1.0))


def test_a_dream_unfolds_step_by_step_from_its_start(shipped):
    blank = np.zeros(784, np.float32)
    frames = list(dream_steps(shipped, 8, steps=20, start=blank))
    assert [f.step for f in frames] == list(range(21))
    assert np.array_equal(frames[0].image, blank)
    assert frames[-1].value > frames[0].value and frames[-1].value == pytest.approx(frames[-1].probabilities[8])
    with pytest.raises(ValueError):
        frames[-1].image[0] = 1.0  # frozen: a view may hold on to it
    assert np.array_equal(dream(shipped, 8), list(dream_steps(shipped, 8))[-1].image)


def test_a_hidden_neuron_can_be_dreamed_of_and_fires(shipped):
    frames = list(dream_steps(shipped, target=(2, 17), steps=40))
    start, end = frames[0], frames[-1]
    assert end.value > max(1.0, 5 * start.value)
    assert end.value == pytest.approx(shipped.forward(end.image[None]).a[2][0, 17], rel=1e-5)


def test_smooth_dreams_are_smoother_than_raw_ones(shipped):
    def roughness(image):
        im = image.reshape(28, 28)
        return np.abs(np.diff(im, axis=0)).mean() + np.abs(np.diff(im, axis=1)).mean()

    assert roughness(dream(shipped, 5, smooth=1.5)) < 0.5 * roughness(dream(shipped, 5))


# ----------------------------------------------------------------------------------------------------- nudge
def test_nudges_turn_real_digits_into_the_next_within_the_budget(shipped, test_digits):
    X, y = test_digits
    changes = []
    for x, label in zip(X[:12], y[:12]):
        target = (label + 1) % 10
        nudged = nudge(shipped, x, target, max_change=0.25)
        assert nudged is not None, label
        assert nudged.shape == (784,) and nudged.dtype == np.float32
        assert nudged.min() >= 0 and nudged.max() <= 1
        change = np.abs(nudged.astype(np.float64) - x).max()
        assert change <= 0.25
        assert shipped.predict(nudged) == target
        changes.append(change)
    assert np.median(changes) < 0.15  # the change is shrunk far below the budget, not just kept within it


def test_no_nudge_within_a_tiny_budget(shipped, test_digits):
    X, y = test_digits
    assert nudge(shipped, X[0], (y[0] + 1) % 10, max_change=0.002) is None


def test_a_digit_already_read_as_the_target_needs_no_change(shipped, test_digits):
    X, y = test_digits
    x = X[shipped.predict(X) == y][0]
    assert np.array_equal(nudge(shipped, x, shipped.predict(x)), x)


def test_nudge_stays_in_range_at_the_edges_of_the_box():
    net = small_net(dtype=np.float32)
    x = np.random.default_rng(11).choice([0.0, 0.3, 1.0], 16).astype(np.float32)
    target = (net.predict(x) + 1) % 4
    nudged = nudge(net, x, target, max_change=1.0)
    assert nudged is not None and net.predict(nudged) == target
    assert nudged.min() >= 0 and nudged.max() <= 1


def test_the_same_seed_nudges_the_same(shipped, test_digits):
    X, y = test_digits
    assert np.array_equal(nudge(shipped, X[1], 3, seed=2), nudge(shipped, X[1], 3, seed=2))


# --------------------------------------------------------------------------------------------- bad arguments
BAD = {
    "unknown layer": (lambda n: silence(n, 4, [0]), "layer 4 is not a hidden layer of the 784-256-128-64-10 network; choose 1..3"),
    "layer 0": (lambda n: clamp(n, 0, 0, 1.0), "layer 0 is not a hidden layer"),
    "output layer in a dream": (lambda n: dream_steps(n, target=(4, 0)), "layer 4 is not a hidden layer"),
    "knock-out layer": (lambda n: knockout(n, 9, np.zeros((2, 784)), [0, 0]), "layer 9 is not a hidden layer"),
    "neuron out of range": (lambda n: silence(n, 2, [3, 128]), "neuron 128 is out of range: hidden layer 2 has neurons 0..127"),
    "negative neuron": (lambda n: clamp(n, 1, -1, 1.0), "neuron -1 is out of range"),
    "dreamt neuron out of range": (lambda n: list(dream_steps(n, target=(3, 64))), "neuron 64 is out of range"),
    "neuron not whole": (lambda n: silence(n, 1, [1.5]), "neuron 1.5 is out of range"),
    "clamp to NaN": (lambda n: clamp(n, 1, 0, float("nan")), "the value a neuron is clamped to must be a finite number"),
    "digit 11": (lambda n: dream(n, 11), "digit 11 is not one of the network's classes 0..9"),
    "nudge to digit -1": (lambda n: nudge(n, np.zeros(784), -1), "digit -1 is not one of the network's classes 0..9"),
    "neither digit nor neuron": (lambda n: list(dream_steps(n)), "dream of a digit or of a hidden neuron"),
    "both digit and neuron": (lambda n: list(dream_steps(n, 3, target=(1, 0))), "dream of a digit or of a hidden neuron"),
    "neuron not a pair": (lambda n: list(dream_steps(n, target=7)), "a neuron to dream of is (layer, index), got 7"),
    "negative smoothing": (lambda n: dream(n, 3, smooth=-1), "the smoothing width (pixels) must be a number >= 0"),
    "no steps": (lambda n: list(dream_steps(n, 3, steps=0)), "a dream's number of steps must be a whole number >= 1"),
    "NaN image": (lambda n: nudge(n, np.full(784, np.nan), 3), "the image has NaN or infinite pixels"),
    "NaN start": (lambda n: list(dream_steps(n, 3, start=np.full(784, np.nan))), "the image has NaN or infinite pixels"),
    "wrong image shape": (lambda n: nudge(n, np.zeros(783), 3), "an image for this network has 784 pixels, shape (784,), got shape (783,)"),
    "a batch, not an image": (lambda n: nudge(n, np.zeros((2, 784)), 3), "got shape (2, 784)"),
    "pixels beyond 1": (lambda n: nudge(n, np.full(784, 2.0), 3), "the image's pixels must lie in [0, 1], got 2..2"),
    "max_change 0": (lambda n: nudge(n, np.zeros(784), 3, max_change=0), "the largest change per pixel must lie in (0, 1], got 0.0"),
    "max_change 1.5": (lambda n: nudge(n, np.zeros(784), 3, max_change=1.5), "must lie in (0, 1], got 1.5"),
    "max_change NaN": (lambda n: nudge(n, np.zeros(784), 3, max_change=float("nan")), "the largest change per pixel must be a finite number"),
    "knock-out images of the wrong width": (lambda n: knockout(n, 1, np.zeros((2, 100)), [0, 0]), "rows of 784 pixels, got shape (2, 100)"),
    "knock-out labels of the wrong length": (lambda n: knockout(n, 1, np.zeros((2, 784)), [0]), "one label per image: 2 images"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_arguments_raise_one_clear_error(shipped, case):
    call, message = BAD[case]
    with pytest.raises(ConfigError) as raised:
        call(shipped)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_square_image_is_read_as_its_rows(shipped, test_digits):
    X, y = test_digits
    target = (y[2] + 1) % 10
    assert np.array_equal(nudge(shipped, X[2].reshape(28, 28), target), nudge(shipped, X[2], target))


def test_dreams_and_nudges_need_a_softmax_network():
    net = MLP([16, 5, 4], output="sigmoid", seed=0)
    with pytest.raises(ConfigError, match="softmax"):
        dream(net, 1)
