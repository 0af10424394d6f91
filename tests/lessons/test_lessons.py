"""Each lesson reproduces the textbook's numbers and shows what it promises."""

import numpy as np
import pytest

from nnviz.lessons import LESSONS, fit_sine, forward, losses_activations, neuron, optimizer_race, two_layer, xor


def test_every_lesson_module_declares_itself_once_in_order():
    assert list(LESSONS) == ["neuron", "two-layer", "forward", "fit-sine", "xor", "optimizers", "losses-activations"]
    modules = [lesson.module for lesson in LESSONS.values()]
    assert len(set(modules)) == len(modules) and "nnviz.lessons.xor" in modules
    assert all(lesson.view.startswith("nnviz.app.lesson_views.") for lesson in LESSONS.values())


def test_neuron_preset():
    out = neuron.preset()
    assert out.z == 7.0 and out.sigmoid == 0.9990889488055994 and out.perceptron == 1.0
    assert neuron.neuron([2, 3], [0, 1], -4).perceptron == 0.0


def test_two_layer_forward_pass():
    assert two_layer.textbook_network().predict_proba(two_layer.X_EXAMPLE)[0] == 0.7216325609518421


def test_two_layer_learns_gender_and_the_boundary_separates_the_people():
    *_, (net, last) = two_layer.train_gender(epochs=1000)
    assert last.loss < 0.01
    np.testing.assert_array_equal(last.predictions > 0.5, two_layer.GENDER_Y[:, 0] > 0.5)
    _, _, grid = two_layer.decision_grid(net)
    assert grid.min() < 0.1 and grid.max() > 0.9


def test_forward_lesson_intermediate_values():
    steps = forward.forward_steps()
    np.testing.assert_allclose(steps[0]["z"], [0.3, 0.7, 1.1], atol=1e-12)
    np.testing.assert_allclose(steps[0]["a_out"], [0.57444252, 0.66818777, 0.75026011], atol=5e-9)
    np.testing.assert_allclose(steps[-1]["a_out"], [0.31682708, 0.69627909], atol=5e-9)


def test_fit_sine_bends_into_shape():
    epochs = list(fit_sine.fit_sine(epochs=100))
    assert epochs[-1].loss < 0.01 * epochs[0].loss
    assert epochs[-1].loss < 1e-3
    np.testing.assert_allclose(epochs[-1].fitted, fit_sine.target(fit_sine.P), atol=0.05)
    assert epochs[-1].fitted.shape == (100,)


def test_fit_sine_reports_the_two_sigmoids_it_adds_up():
    last = list(fit_sine.fit_sine(epochs=20))[-1]
    assert last.parts.shape == (2, len(fit_sine.P))
    np.testing.assert_allclose(last.parts.sum(axis=0) + last.bias, last.fitted, atol=1e-12)
    for part in last.parts:  # each is one scaled sigmoid: monotonic in p
        steps = np.diff(part)
        assert np.all(steps >= -1e-15) or np.all(steps <= 1e-15)


def test_xor_perceptron_cannot_but_a_hidden_layer_can():
    assert all(mistakes > 0 for _, _, mistakes in xor.perceptron_epochs(100))
    *_, (_, last) = xor.train_network(epochs=2000)
    np.testing.assert_array_equal(last.outputs > 0.5, xor.Y > 0.5)


def test_optimizer_race_on_a_surface():
    paths = optimizer_race.race_on_surface("bowl", steps=300)
    assert len(paths) == 10
    start = np.array(optimizer_race.SURFACES["bowl"].start)
    for name, path in paths.items():
        assert path.shape[1] == 2 and np.all(np.isfinite(path))
        assert np.linalg.norm(path[-1]) < np.linalg.norm(start), name


def test_optimizer_race_on_an_mlp_uses_identical_starts():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 4))
    y = (X[:, 0] > 0).astype(int)
    curves = optimizer_race.race_on_mlp(X, y, steps=50)
    first_losses = {name: curve[0] for name, curve in curves.items()}
    assert len(set(np.round(list(first_losses.values()), 12))) == 1  # same start, same first batch
    assert curves["adam"][-1] < curves["adam"][0]


def test_losses_and_activations_tables():
    assert losses_activations.compare_losses([0.7, 0.2, 0.1], 0) == pytest.approx(
        {"mse": (0.09 + 0.04 + 0.01) / 3, "cross_entropy": -np.log(0.7)})
    curves = losses_activations.loss_curves()
    assert curves["cross_entropy"][0] > 5 > curves["mse"][0]
    table = losses_activations.activation_table()
    z = table["sigmoid"]["z"]
    np.testing.assert_allclose(table["sigmoid"]["da"], table["sigmoid"]["a"] * (1 - table["sigmoid"]["a"]))
    np.testing.assert_allclose(table["relu"]["da"], (z > 0).astype(float))
    schedules = losses_activations.schedule_curves()
    assert schedules["cosine"][0] == 1 and schedules["cosine"][-1] < 0.01


def test_l1_makes_weights_sparser_than_l2():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 20))
    y = (X[:, 0] + X[:, 1] > 0).astype(int)
    weights = losses_activations.l1_vs_l2_weights(X, y, strength=1e-3, steps=300)
    near_zero = {k: np.mean(np.abs(w) < 1e-2) for k, w in weights.items()}
    assert near_zero["l1"] > near_zero["none"] and near_zero["l1"] > near_zero["l2"]


def test_each_hidden_neuron_of_the_xor_network_cuts_the_plane_along_its_line():
    from nnviz.lessons.hidden_lines import hidden_lines, line_in_box

    box = (-0.5, 1.5, -0.5, 1.5)
    np.testing.assert_allclose(line_in_box(np.array([1.0, 1.0]), -1.0, box), [[-0.5, 1.5], [1.5, -0.5]])
    np.testing.assert_allclose(line_in_box(np.array([0.0, 2.0]), -1.0, box), [[-0.5, 0.5], [1.5, 0.5]])
    assert line_in_box(np.array([1.0, 0.0]), -5.0, box) is None  # x = 5: outside
    assert line_in_box(np.zeros(2), 1.0, box) is None
    *_, (net, last) = xor.train_network(epochs=3000)
    lines = hidden_lines(net, box)
    assert len(lines) == 2 and all(line is not None for line in lines)
    for j, line in enumerate(lines):
        z = line @ net.weights[0][:, j] + net.biases[0][j]
        np.testing.assert_allclose(z, 0.0, atol=1e-9)  # the end points are on the neuron's z = 0
    # the two lines put the four XOR points into at least three regions: they are what separates them
    sides = np.sign(xor.X @ net.weights[0] + net.biases[0])  # (4 points, 2 neurons)
    assert len({tuple(row) for row in sides}) >= 3


def test_a_new_optimizer_joins_the_race_by_being_registered(monkeypatch):
    """Adding an optimizer touches nnviz/nn/optimizers.py only: it carries its name and race settings."""
    from nnviz.nn.optimizers import OPTIMIZERS, SGD

    class HalfStep(SGD):
        name = "halfstep"
        race_lr = 5e-4

    monkeypatch.setitem(OPTIMIZERS, "halfstep", HalfStep)
    paths = optimizer_race.race_on_surface("bowl", steps=20)
    assert "halfstep" in paths and len(paths) == 11
    assert np.linalg.norm(paths["halfstep"][-1] - paths["halfstep"][0]) < np.linalg.norm(paths["sgd"][-1] - paths["sgd"][0])
