"""Augmentation: seeded, shape-preserving, centred, and distorting in the intended directions."""

import numpy as np
import pytest
from scipy import ndimage

from nnviz.data import AugmentConfig, augment_batch, load_mnist


@pytest.fixture(scope="module")
def digits(mnist_dir_module):
    return load_mnist(mnist_dir_module).x_train[:256]


@pytest.fixture(scope="module")
def mnist_dir_module():
    import os
    from pathlib import Path

    path = Path(os.environ.get("NNVIZ_DATA", ""))
    if not (path / "train-images-idx3-ubyte.gz").exists():
        pytest.skip("MNIST not found; set NNVIZ_DATA")
    return path


def test_same_seed_same_output_and_shapes_kept(digits):
    a, b = augment_batch(digits, 3), augment_batch(digits, 3)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, augment_batch(digits, 4))
    assert a.shape == digits.shape and a.dtype == np.float32 and a.min() >= 0 and a.max() <= 1
    assert augment_batch(digits.reshape(-1, 28, 28), 3).shape == (256, 28, 28)


def test_roughly_the_chosen_share_is_distorted(digits):
    changed = np.any(augment_batch(digits, 0, AugmentConfig(probability=0.5)) != digits, axis=1)
    assert 0.35 < changed.mean() < 0.65


def test_switched_off_it_only_recentres(digits):
    out = augment_batch(digits, 0, AugmentConfig.off())
    correlations = [np.corrcoef(o, d)[0, 1] for o, d in zip(out, digits)]
    assert np.median(correlations) > 0.95 and np.min(correlations) > 0.85


def test_outputs_stay_centred_by_mass(digits):
    out = augment_batch(digits, 1, AugmentConfig(probability=1.0)).reshape(-1, 28, 28)
    centres = np.array([ndimage.center_of_mass(o) for o in out])
    assert np.abs(centres - 14).mean() < 1.0


def test_thicker_strokes_add_ink_and_thinner_remove_it(digits):
    still = dict(rotation=0, shear=0, scale=(1, 1), jitter=0, elastic_alpha=0, probability=1.0)
    plain = augment_batch(digits, 0, AugmentConfig(**still, thicker=0, thinner=0)).sum()
    assert augment_batch(digits, 0, AugmentConfig(**still, thicker=1, thinner=0)).sum() > 1.2 * plain
    assert augment_batch(digits, 0, AugmentConfig(**still, thicker=0, thinner=1)).sum() < 0.8 * plain


def test_empty_batch():
    assert augment_batch(np.zeros((0, 784), np.float32), 0).shape == (0, 784)
