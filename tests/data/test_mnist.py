"""Loading MNIST: the folder it comes from, the checksums nnviz trusts, and clear errors for bad folders."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from nnviz.data import MnistData, find_missing, load_mnist, resolve_data_dir
from nnviz.data.mnist import FILES, TEST_IMAGES, TEST_LABELS, TRAIN_IMAGES, TRAIN_LABELS
from nnviz.errors import DataFileError


def test_the_checksums_and_sizes_are_those_of_the_real_files(mnist_dir):
    for f in FILES.values():
        data = (mnist_dir / f.name).read_bytes()
        assert len(data) == f.size
        assert hashlib.sha256(data).hexdigest() == f.sha256 and hashlib.md5(data).hexdigest() == f.md5


def test_real_mnist_loads_as_float_rows_in_0_1(mnist_dir):
    data = load_mnist(mnist_dir)
    assert isinstance(data, MnistData) and data.folder == mnist_dir
    assert data.x_train.shape == (60000, 784) and data.x_test.shape == (10000, 784)
    assert data.x_train.dtype == data.x_test.dtype == np.float32
    assert data.y_train.shape == (60000,) and data.y_train.dtype == data.y_test.dtype == np.int64
    assert data.x_train.min() == 0 and data.x_train.max() == 1
    raw = gzip.decompress((mnist_dir / TEST_IMAGES).read_bytes())
    first = np.frombuffer(raw, np.uint8, count=784, offset=16)
    np.testing.assert_array_equal(data.x_test[0], first / np.float32(255))  # pixel / 255, row-major
    assert data.y_test[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert np.bincount(data.y_train).min() > 5000
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.folder = Path(".")


def test_the_folder_is_the_argument_then_nnviz_data_then_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("NNVIZ_DATA", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "arg") == tmp_path / "arg"
    assert resolve_data_dir(str(tmp_path / "arg")) == tmp_path / "arg"
    assert resolve_data_dir() == tmp_path / "env"
    monkeypatch.delenv("NNVIZ_DATA")
    from platformdirs import user_cache_dir

    assert resolve_data_dir() == Path(user_cache_dir("nnviz")) / "mnist"


@pytest.fixture
def copy_of_mnist(mnist_dir, tmp_path) -> Path:
    for f in FILES.values():
        shutil.copy(mnist_dir / f.name, tmp_path / f.name)
    return tmp_path


def test_missing_files_are_listed_and_say_how_to_get_them(copy_of_mnist):
    (copy_of_mnist / TRAIN_LABELS).unlink()
    assert find_missing(copy_of_mnist) == [TRAIN_LABELS]
    with pytest.raises(DataFileError, match=f"missing: {TRAIN_LABELS}.*nnviz download.*NNVIZ_DATA"):
        load_mnist(copy_of_mnist)


def test_unpacked_files_count_too(copy_of_mnist):
    packed = copy_of_mnist / TEST_IMAGES
    (copy_of_mnist / TEST_IMAGES.removesuffix(".gz")).write_bytes(gzip.decompress(packed.read_bytes()))
    packed.unlink()
    assert find_missing(copy_of_mnist) == []
    assert load_mnist(copy_of_mnist).x_test.shape == (10000, 784)


def swap(a: Path, b: Path) -> None:
    tmp = a.with_suffix(".tmp")
    a.rename(tmp)
    b.rename(a)
    tmp.rename(b)


def test_images_and_labels_swapped(copy_of_mnist):
    swap(copy_of_mnist / TEST_IMAGES, copy_of_mnist / TEST_LABELS)
    with pytest.raises(DataFileError, match=f"{TEST_IMAGES}.*holds labels where images were expected.*swapped"):
        load_mnist(copy_of_mnist)


def test_train_and_test_swapped(copy_of_mnist):
    swap(copy_of_mnist / TRAIN_IMAGES, copy_of_mnist / TEST_IMAGES)
    swap(copy_of_mnist / TRAIN_LABELS, copy_of_mnist / TEST_LABELS)
    with pytest.raises(DataFileError, match="holds 10,000 digits, but MNIST's train set has 60,000.*swapped"):
        load_mnist(copy_of_mnist)


def test_images_and_labels_that_do_not_belong_together(copy_of_mnist):
    shutil.copy(copy_of_mnist / TEST_LABELS, copy_of_mnist / TRAIN_LABELS)
    with pytest.raises(DataFileError, match="60,000 train images but 10,000 train labels"):
        load_mnist(copy_of_mnist)


def test_images_of_the_wrong_size(copy_of_mnist):
    header = b"\0\0\x08\x03" + b"".join(n.to_bytes(4, "big") for n in (10000, 27, 28))
    (copy_of_mnist / TEST_IMAGES).write_bytes(gzip.compress(header + bytes(10000 * 27 * 28)))
    with pytest.raises(DataFileError, match="27x28 pixels"):
        load_mnist(copy_of_mnist)


def test_a_corrupt_file_is_a_data_file_error_naming_it(copy_of_mnist):
    path = copy_of_mnist / TRAIN_IMAGES
    path.write_bytes(path.read_bytes()[: FILES["train_images"].size // 2])
    with pytest.raises(DataFileError, match=f"{TRAIN_IMAGES}.*truncated gzip"):
        load_mnist(copy_of_mnist)


def test_download_true_fetches_only_what_is_missing(copy_of_mnist, monkeypatch):
    import nnviz.data.download as download

    asked = []

    def fake_download(folder, *, progress=None, files=None):
        asked.append((Path(folder), list(files)))
        shutil.copy(folder / TEST_IMAGES, folder / TEST_LABELS)

    (copy_of_mnist / TEST_LABELS).unlink()
    monkeypatch.setattr(download, "download_mnist", fake_download)
    with pytest.raises(DataFileError):  # the fake "download" put images where labels belong
        load_mnist(copy_of_mnist, download=True)
    assert asked == [(copy_of_mnist, [TEST_LABELS])]
