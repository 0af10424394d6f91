"""Evaluating a network on a labelled set: counts against a direct count, cells and mistakes in order."""

import numpy as np
import pytest

from nnviz.nn import MLP, evaluate
from nnviz.nn.evaluation import Evaluation, confusion_matrix


def test_confusion_counts_match_a_direct_count_and_sum_to_the_set():
    rng = np.random.default_rng(0)
    X, y = rng.uniform(size=(500, 20)), rng.integers(0, 10, 500)
    net = MLP([20, 16, 10], seed=1)
    result = evaluate(net, X, y)
    predicted = net.predict(X)
    direct = np.zeros((10, 10), int)
    for t, p in zip(y, predicted):
        direct[t, p] += 1
    np.testing.assert_array_equal(result.confusion, direct)
    assert result.confusion.sum() == 500
    assert result.accuracy == np.mean(predicted == y)


def test_cells_and_mistakes_list_the_right_samples_most_confident_first():
    proba = np.array([[0.9, 0.1], [0.3, 0.7], [0.6, 0.4], [0.2, 0.8], [0.95, 0.05]])
    y = np.array([0, 0, 1, 1, 1])
    result = Evaluation(y, proba, proba.argmax(1), confusion_matrix(y, proba.argmax(1), 2))
    assert result.cell(1, 0).tolist() == [4, 2]  # label 1 read as 0: 0.95 before 0.6
    assert result.mistakes().tolist() == [4, 1, 2]  # 0.95, 0.7, 0.6
    np.testing.assert_allclose(result.per_class, [0.5, 1 / 3])


def test_loss_and_accuracy_in_chunks_equal_the_whole_set_at_once():
    from nnviz.nn.evaluation import accuracy, loss_and_accuracy

    rng = np.random.default_rng(2)
    X, y = rng.uniform(size=(700, 20)), rng.integers(0, 10, 700)
    net = MLP([20, 16, 10], seed=3, dtype=np.float64, l2=0.01)
    loss, acc = loss_and_accuracy(net, X, y, chunk=64)  # chunks that do not divide the set
    assert loss == pytest.approx(net.loss(X, y), rel=1e-12)  # the penalty included, as in training
    assert loss > net.loss(X, y, l2=0.0)
    assert acc == accuracy(net, X, y)
