"""Principal component analysis by the singular value decomposition, for the hidden-layer map.

Centre the rows of X, take X - mean = U S V^T; the first k rows of V^T are the directions of largest
variance and (X - mean) @ V[:k].T the coordinates along them. With more rows than columns (2,000 digits,
256 neurons) the same V and S^2 come from the SVD of the small d x d matrix (X - mean)^T (X - mean),
several times faster. Each component's sign is fixed so that
its largest loading is positive: the same data always gives the same picture, not a mirror image.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.errors import ConfigError


@dataclass(frozen=True)
class PCA:
    """mean: (d,); components: (k, d) orthonormal rows; explained: (k,) share of the variance each carries."""

    mean: np.ndarray
    components: np.ndarray
    explained: np.ndarray

    def project(self, X: np.ndarray) -> np.ndarray:
        """(n, k) coordinates of the rows of ``X`` (n, d); a single row (d,) gives (k,)."""
        return (np.asarray(X, dtype=np.float64) - self.mean) @ self.components.T


def fit_pca(X: np.ndarray, k: int = 2) -> PCA:
    """The first ``k`` principal components of the rows of ``X`` (n, d)."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or len(X) < 2 or not 1 <= k <= X.shape[1]:
        raise ConfigError(f"PCA needs at least 2 rows and 1 <= k <= {X.shape[-1] if X.ndim else 0} columns, "
                          f"got shape {X.shape} and k={k}")
    mean = X.mean(axis=0)
    centred = X - mean
    if len(X) > X.shape[1]:
        _, variance, vt = np.linalg.svd(centred.T @ centred, hermitian=True)
    else:
        _, s, vt = np.linalg.svd(centred, full_matrices=False)
        variance = s**2
    components = vt[:k]
    signs = np.sign(components[np.arange(k), np.abs(components).argmax(axis=1)])
    components = components * np.where(signs == 0, 1, signs)[:, None]
    total = variance.sum()
    explained = variance[:k] / total if total > 0 else np.zeros(k)
    return PCA(mean=mean, components=components, explained=explained)
