"""Reading MNIST: the real files load, and every damaged or misplaced file is one clear error."""

import gzip
import shutil
import struct

import numpy as np
import pytest

from nnviz.data import find_missing, load_mnist, read_idx, resolve_data_dir
from nnviz.data.mnist import FILES
from nnviz.errors import DataFileError


def test_real_mnist_loads_as_float_rows(mnist_dir):
    data = load_mnist(mnist_dir)
    assert data.x_train.shape == (60000, 784) and data.x_test.shape == (10000, 784)
    assert data.x_train.dtype == np.float32 and 0 <= data.x_train.min() and data.x_train.max() == 1.0
    assert data.y_train.dtype == np.int64 and set(np.unique(data.y_test)) == set(range(10))


def test_the_folder_comes_from_the_argument_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NNVIZ_DATA", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "arg") == tmp_path / "arg"
    assert resolve_data_dir() == tmp_path / "env"
    monkeypatch.delenv("NNVIZ_DATA")
    assert resolve_data_dir().name == "mnist"


def test_missing_files_say_how_to_get_them(tmp_path):
    assert len(find_missing(tmp_path)) == 4
    with pytest.raises(DataFileError, match="nnviz download.*NNVIZ_DATA"):
        load_mnist(tmp_path)


@pytest.fixture
def copy_of_mnist(mnist_dir, tmp_path):
    for f in FILES.values():
        shutil.copy(mnist_dir / f.name, tmp_path / f.name)
    return tmp_path


def test_truncated_file(copy_of_mnist):
    path = copy_of_mnist / FILES["test_images"].name
    raw = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(raw[:-1000]))
    with pytest.raises(DataFileError, match="t10k-images.*truncated"):
        load_mnist(copy_of_mnist)


def test_cut_gzip_stream(copy_of_mnist):
    path = copy_of_mnist / FILES["train_labels"].name
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(DataFileError, match="train-labels.*gzip"):
        load_mnist(copy_of_mnist)


def test_images_and_labels_swapped(copy_of_mnist):
    images, labels = (copy_of_mnist / FILES[k].name for k in ("test_images", "test_labels"))
    tmp = copy_of_mnist / "tmp"
    images.rename(tmp)
    labels.rename(images)
    tmp.rename(labels)
    with pytest.raises(DataFileError, match="swapped"):
        load_mnist(copy_of_mnist)


def test_train_and_test_swapped(copy_of_mnist):
    for kind in ("images", "labels"):
        a, b = (copy_of_mnist / FILES[f"{s}_{kind}"].name for s in ("train", "test"))
        tmp = copy_of_mnist / "tmp"
        a.rename(tmp)
        b.rename(a)
        tmp.rename(b)
    with pytest.raises(DataFileError, match="swapped"):
        load_mnist(copy_of_mnist)


@pytest.mark.parametrize(
    "content,words",
    [
        (b"hello world, not idx", "not an IDX file"),
        (struct.pack(">BBBB", 0, 0, 0x0D, 1) + struct.pack(">I", 2) + b"\0" * 8, "type 0x0d"),
        (struct.pack(">BBBB", 0, 0, 8, 1) + struct.pack(">I", 3) + bytes([1, 2, 12]), "labels go up to 12"),
    ],
)
def test_foreign_files(copy_of_mnist, content, words):
    (copy_of_mnist / FILES["test_labels"].name).write_bytes(gzip.compress(content))
    with pytest.raises(DataFileError, match=words):
        load_mnist(copy_of_mnist)


def test_raw_uncompressed_idx_reads_too(tmp_path):
    path = tmp_path / "x-idx1-ubyte"
    path.write_bytes(struct.pack(">BBBB", 0, 0, 8, 1) + struct.pack(">I", 3) + bytes([4, 5, 6]))
    assert read_idx(path).tolist() == [4, 5, 6]
