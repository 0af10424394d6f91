"""Teaching the network a corrected drawing: a new network that reads it right and still reads MNIST."""

import numpy as np
import pytest

from nnviz.errors import ConfigError, DivergenceError
from nnviz.nn import MLP, TeachConfig, TeachResult, predict_proba_batched, teach, teach_and_report
from nnviz.resources import shipped_model_path


def small_net(seed=0):
    return MLP([784, 16, 10], seed=seed)


def drawings(n=6, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, 784), dtype=np.float32), rng.integers(0, 10, n)


def replay_set(n=200, seed=1):
    rng = np.random.default_rng(seed)
    return rng.random((n, 784), dtype=np.float32), rng.integers(0, 10, n)


# ---------------------------------------------------------------- the contract


def test_the_network_passed_in_is_left_exactly_as_it_was():
    net = small_net()
    params, metadata = net.params.copy(), dict(net.metadata)
    taught = teach(net, *drawings(), replay=replay_set())
    assert taught is not net
    np.testing.assert_array_equal(net.params, params)
    assert net.metadata == metadata
    assert not np.array_equal(taught.params, params)  # the new one did learn


def test_the_same_seed_gives_the_same_network_and_another_seed_another():
    net, X, y = small_net(), *drawings()
    replay = replay_set(n=1000)  # more than the candidates of a step: which are drawn depends on the seed
    a = teach(net, X, y, replay=replay, seed=3)
    b = teach(net, X, y, replay=replay, seed=3)
    c = teach(net, X, y, replay=replay, seed=4)
    np.testing.assert_array_equal(a.params, b.params)
    assert not np.array_equal(a.params, c.params)


def test_the_defaults_are_the_measured_ones():
    assert TeachConfig() == TeachConfig(steps=30, lr=0.05, optimizer="sgd", max_grad_norm=1.0, replay=16,
                                        candidates=256, examples_per_step=64)
    with pytest.raises(AttributeError):
        TeachConfig().steps = 3  # frozen: the window reads a copy, never a live object


@pytest.mark.parametrize("images, labels, words", [
    (np.zeros((0, 784), np.float32), np.zeros(0, int), "nothing to teach"),
    (np.zeros((3, 784), np.float32), [1, 2], "one label each"),
    (np.zeros((3, 28, 28), np.float32), [1, 2, 3], "shape (n, 784)"),
    (np.zeros(784, np.float32), [1], "shape (n, 784)"),
    (np.full((2, 784), np.nan, np.float32), [1, 2], "NaN"),
    (np.full((2, 784), 255.0, np.float32), [1, 2], "[0, 1]"),
    (np.zeros((2, 784), np.float32), [1, 10], "digits 0-9, got 10"),
    (np.zeros((2, 784), np.float32), [-1, 3], "digits 0-9, got -1"),
    (np.zeros((2, 784), np.float32), [1.5, 3], "whole numbers"),
    (np.zeros((2, 784), np.float32), ["7", "1"], "whole numbers"),
    ([["a"] * 784], [1], "array of numbers"),
])
def test_drawings_that_cannot_be_taught_are_one_clear_error(images, labels, words):
    net = small_net()
    with pytest.raises(ConfigError) as error:
        teach(net, images, labels)
    assert words in str(error.value)


@pytest.mark.parametrize("replay, words", [
    (np.zeros((5, 784), np.float32), "pair"),
    ((np.zeros((5, 784), np.float32), np.zeros(4, int)), "one label per image"),
    ((np.zeros((0, 784), np.float32), np.zeros(0, int)), "at least one image"),
    ((np.zeros((5, 10), np.float32), np.zeros(5, int)), "shape (m, 784)"),
    ((np.zeros((5, 784), np.uint8), np.zeros(5, int)), "float array"),
    ((np.zeros((5, 784), np.float32), np.full(5, 12)), "digits 0-9, got 12"),
    ((np.full((5, 784), np.nan, np.float32), np.zeros(5, int)), "NaN"),
])
def test_a_replay_set_that_cannot_be_used_is_one_clear_error(replay, words):
    with pytest.raises(ConfigError) as error:
        teach(small_net(), *drawings(), replay=replay)
    assert words in str(error.value)


@pytest.mark.parametrize("changes, words", [
    ({"steps": 0}, "steps"), ({"steps": 2.5}, "steps"), ({"replay": -1}, "replay"),
    ({"replay": 32, "candidates": 16}, "candidates"), ({"optimizer": "newton"}, "unknown optimizer"),
    ({"lr": -0.1}, "learning rate"), ({"max_grad_norm": 0.0}, "max_grad_norm"),
    ({"max_grad_norm": float("inf")}, "max_grad_norm"), ({"examples_per_step": 0}, "examples_per_step"),
])
def test_a_config_that_cannot_work_is_refused_when_made(changes, words):
    with pytest.raises(ConfigError, match=words):
        TeachConfig(**changes)


def test_only_a_classifier_can_be_taught():
    with pytest.raises(ConfigError, match="softmax"):
        teach(MLP([784, 4, 10], output="sigmoid"), *drawings())


def test_a_run_that_diverges_says_so_and_leaves_the_network_alone():
    net = small_net()
    params = net.params.copy()
    with pytest.raises(DivergenceError, match="smaller"):
        teach(net, *drawings(), config=TeachConfig(lr=1e30, max_grad_norm=None))
    np.testing.assert_array_equal(net.params, params)


# ---------------------------------------------------------------- what a step is


def test_one_step_without_replay_is_one_sgd_step_on_the_drawings():
    net, (X, y) = small_net(), drawings()
    config = TeachConfig(steps=1, lr=0.05, max_grad_norm=None, replay=0)
    result = teach_and_report(net, X, y, config=config)
    dW, db = net.gradients(X, y)
    for change, grad in zip(result.W_change + result.b_change, dW + db):
        np.testing.assert_allclose(change, -0.05 * grad, rtol=1e-4, atol=1e-7)


def test_a_step_never_moves_the_weights_further_than_lr_times_the_clipping_norm():
    net, (X, y) = small_net(), drawings()
    dW, db = net.gradients(X, y)
    norm = np.sqrt(sum(float((g**2).sum()) for g in dW + db))
    assert norm > 0.1  # so the clipping below bites
    result = teach_and_report(net, X, y, config=TeachConfig(steps=1, lr=0.05, max_grad_norm=0.1, replay=0))
    moved = np.sqrt(sum(float((c.astype(np.float64) ** 2).sum()) for c in result.W_change + result.b_change))
    assert moved == pytest.approx(0.05 * 0.1, rel=1e-3)


def test_each_step_replays_the_digits_the_network_finds_hardest():
    net = small_net()
    X, y = replay_set(n=40)
    config = TeachConfig(steps=1, replay=3, candidates=40)  # every replay digit is a candidate
    result = teach_and_report(net, *drawings(), replay=(X, y), config=config)
    p_right = net.predict_proba(X)[np.arange(40), y]
    np.testing.assert_array_equal(result.replayed, np.sort(np.argsort(p_right)[:3]))
    assert result.replay_per_step == 3


def test_a_large_set_of_drawings_is_taught_a_few_at_a_time():
    net, (X, y) = small_net(), drawings(n=2)
    config = TeachConfig(steps=1, lr=0.05, max_grad_norm=None, replay=0, examples_per_step=1)
    change = teach_and_report(net, X, y, config=config).W_change[0]
    one_each = [-0.05 * net.gradients(X[i : i + 1], y[i : i + 1])[0][0] for i in range(2)]
    assert any(np.allclose(change, c, rtol=1e-4, atol=1e-7) for c in one_each)
    assert not np.allclose(change, -0.05 * net.gradients(X, y)[0][0], rtol=1e-4, atol=1e-7)


# ---------------------------------------------------------------- what the window shows


def test_the_report_says_what_changed():
    net, (X, y) = small_net(), drawings()
    result = teach_and_report(net, X, y, replay=replay_set(), config=TeachConfig(steps=5, replay=4, candidates=8))
    assert isinstance(result, TeachResult) and result.steps == 5 and result.examples == len(y)
    np.testing.assert_array_equal(result.labels, y)
    np.testing.assert_allclose(result.before, net.predict_proba(X))
    np.testing.assert_allclose(result.after, result.net.predict_proba(X))
    np.testing.assert_array_equal(result.read_before, result.before.argmax(1))
    np.testing.assert_array_equal(result.corrected, result.after.argmax(1) == y)
    for l in range(net.n_layers):
        np.testing.assert_array_equal(result.W_change[l], result.net.weights[l] - net.weights[l])
        np.testing.assert_array_equal(result.b_change[l], result.net.biases[l] - net.biases[l])
    assert result.largest_change() == max(np.abs(w).max() for w in result.W_change) > 0
    assert result.replay_per_step == 4 and 4 <= len(result.replayed) <= 20
    assert np.all(np.diff(result.replayed) > 0) and result.replayed.max() < 200


def test_without_replay_nothing_is_replayed():
    result = teach_and_report(small_net(), *drawings(), config=TeachConfig(steps=2))
    assert result.replay_per_step == 0 and len(result.replayed) == 0


# ---------------------------------------------------------------- on real digits


def test_misread_mnist_digits_are_read_right_after_teaching_and_mnist_is_not_forgotten(mnist_dir):
    from nnviz.data import load_mnist

    mnist, net = load_mnist(mnist_dir), MLP.load(shipped_model_path())
    X, y = mnist.x_test[:2000], mnist.y_test[:2000]
    misread = np.flatnonzero(net.predict(X) != y)[:5]
    assert len(misread) == 5  # any model short of perfect misreads five of 2000
    held_out_x, held_out_y = mnist.x_test[2000:6000], mnist.y_test[2000:6000]
    before = np.mean(predict_proba_batched(net, held_out_x).argmax(1) == held_out_y)

    result = teach_and_report(net, X[misread], y[misread], replay=(mnist.x_train, mnist.y_train))

    assert result.corrected.all(), result.read_after
    assert (result.read_before != y[misread]).all()
    after = np.mean(predict_proba_batched(result.net, held_out_x).argmax(1) == held_out_y)
    assert 100 * (before - after) <= 0.3  # points; bench/teach.py measures the drop over whole writers
