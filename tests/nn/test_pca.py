"""PCA by SVD: known directions, variance shares, deterministic signs."""

import numpy as np
import pytest

from nnviz.errors import ConfigError
from nnviz.nn import fit_pca


def test_points_on_a_tilted_line_project_onto_their_distance_along_it():
    rng = np.random.default_rng(0)
    t = rng.normal(size=200)
    direction = np.array([3.0, 4.0, 0.0]) / 5
    X = 10 + t[:, None] * direction + 1e-3 * rng.normal(size=(200, 3))
    pca = fit_pca(X, k=2)
    np.testing.assert_allclose(pca.components[0], direction, atol=1e-3)
    np.testing.assert_allclose(pca.project(X)[:, 0], t - t.mean(), atol=5e-3)
    assert pca.explained[0] > 0.999


def test_components_are_orthonormal_and_project_a_single_row():
    X = np.random.default_rng(1).normal(size=(50, 6)) @ np.diag([5, 4, 3, 2, 1, 0.5])
    pca = fit_pca(X, k=3)
    np.testing.assert_allclose(pca.components @ pca.components.T, np.eye(3), atol=1e-10)
    assert pca.project(X[0]).shape == (3,)
    assert np.all(np.diff(pca.explained) <= 0)


def test_the_same_data_gives_the_same_signs():
    X = np.random.default_rng(2).normal(size=(40, 4))
    a, b = fit_pca(X), fit_pca(X.copy()[::-1])
    np.testing.assert_allclose(a.components, b.components, atol=1e-10)


@pytest.mark.parametrize("X,k", [(np.zeros((1, 3)), 1), (np.zeros((5, 3)), 4), (np.zeros(5), 1)])
def test_impossible_requests_are_config_errors(X, k):
    with pytest.raises(ConfigError):
        fit_pca(X, k)


def test_fewer_rows_than_columns_and_more_rows_give_the_same_directions():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(8, 5)) @ np.diag([6, 3, 1, 0.5, 0.1])
    wide = np.hstack([X, np.zeros((8, 6))])  # 8 rows, 11 columns: the direct SVD route
    tall, direct = fit_pca(X), fit_pca(wide)
    np.testing.assert_allclose(direct.components[:, :5], tall.components, atol=1e-8)
    np.testing.assert_allclose(direct.project(wide), tall.project(X), atol=1e-8)
