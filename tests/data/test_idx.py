"""Reading IDX files: the real ones, and every way a file can be damaged, as one clear DataFileError."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.data import read_idx
from nnviz.data.mnist import TEST_IMAGES, TEST_LABELS
from nnviz.errors import DataFileError


def idx_bytes(values: np.ndarray, type_code: int = 0x08) -> bytes:
    """An IDX file holding ``values`` (uint8), built by hand from the format's definition."""
    header = struct.pack(">BBBB", 0, 0, type_code, values.ndim) + struct.pack(f">{values.ndim}I", *values.shape)
    return header + values.astype(np.uint8).tobytes()


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_the_real_test_set_reads_as_uint8_arrays(mnist_dir):
    images = read_idx(mnist_dir / TEST_IMAGES, expect="images")
    labels = read_idx(mnist_dir / TEST_LABELS, expect="labels")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8 and images.max() == 255
    assert labels.shape == (10000,) and labels.dtype == np.uint8
    assert np.bincount(labels).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_gzip_and_raw_files_give_the_same_array(tmp_path):
    values = np.arange(2 * 3 * 4).reshape(2, 3, 4)
    raw = write(tmp_path, "x-idx3-ubyte", idx_bytes(values))
    packed = write(tmp_path, "x-idx3-ubyte.gz", gzip.compress(idx_bytes(values)))
    np.testing.assert_array_equal(read_idx(raw), values)
    np.testing.assert_array_equal(read_idx(packed), values)


def test_gzip_is_recognised_by_content_not_by_name(tmp_path):
    values = np.array([3, 1, 4])
    np.testing.assert_array_equal(read_idx(write(tmp_path, "labels.idx", gzip.compress(idx_bytes(values)))), values)


def expect_error(path: Path, *words: str, **kwargs) -> str:
    with pytest.raises(DataFileError) as info:
        read_idx(path, **kwargs)
    message = str(info.value)
    assert str(path) in message and "nnviz download" in message and "NNVIZ_DATA" in message
    for word in words:
        assert word in message
    return message


def test_a_missing_file(tmp_path):
    expect_error(tmp_path / "nothing.gz", "does not exist")


def test_a_truncated_file(tmp_path, mnist_dir):
    raw = gzip.decompress((mnist_dir / TEST_IMAGES).read_bytes())
    expect_error(write(tmp_path, TEST_IMAGES, gzip.compress(raw[:-1000], compresslevel=1)), "truncated", "7,840,016 bytes")


def test_a_file_with_bytes_to_spare(tmp_path):
    expect_error(write(tmp_path, "x", idx_bytes(np.array([1, 2, 3])) + b"\0"), "1 bytes more")


def test_a_gzip_stream_cut_short(tmp_path, mnist_dir):
    cut = (mnist_dir / TEST_LABELS).read_bytes()[:2000]
    expect_error(write(tmp_path, TEST_LABELS, cut), "truncated gzip")


def test_a_garbled_gzip_stream(tmp_path, mnist_dir):
    data = bytearray((mnist_dir / TEST_LABELS).read_bytes())
    data[100:140] = bytes(40)
    expect_error(write(tmp_path, TEST_LABELS, bytes(data)), "gzip")


def test_a_gzip_header_with_nothing_behind_it(tmp_path):
    expect_error(write(tmp_path, "x.gz", b"\x1f\x8b"), "gzip")


def test_labels_where_images_belong_are_called_swapped(tmp_path):
    path = write(tmp_path, TEST_IMAGES, idx_bytes(np.array([1, 2, 3])))
    expect_error(path, "holds labels where images were expected", "swapped", expect="images")


@pytest.mark.parametrize(
    "content, words",
    [
        (b"hello world, not idx", ["not an IDX file", "68 65 6c 6c"]),
        (b"\0\0", ["too short"]),
        (idx_bytes(np.zeros((2, 2)), type_code=0x0D), ["type 0x0d", "unsigned bytes"]),
        (idx_bytes(np.zeros((2, 2))), ["2 dimensions"]),
        (idx_bytes(np.array([1, 2, 12])), ["labels go up to 12"]),
        (struct.pack(">BBBB", 0, 0, 8, 3) + struct.pack(">II", 5, 28), ["truncated inside its header"]),
        (idx_bytes(np.zeros((3, 0, 28))), ["0x28 pixels"]),
    ],
)
def test_foreign_files_say_what_is_wrong(tmp_path, content, words):
    expect_error(write(tmp_path, "file.gz", gzip.compress(content)), *words)


def test_the_array_is_a_read_only_view_so_callers_copy_before_writing(tmp_path):
    values = read_idx(write(tmp_path, "x", idx_bytes(np.array([1, 2, 3]))))
    assert not values.flags.writeable


@pytest.fixture(scope="module")
def small_idx_files():
    """A small images file and its labels, raw and gzipped: the material the fuzzer damages."""
    rng = np.random.default_rng(0)
    images = idx_bytes(rng.integers(0, 256, (6, 28, 28)))
    labels = idx_bytes(rng.integers(0, 10, 6))
    return {"images": images, "labels": labels}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_truncated_or_bit_flipped_files_raise_our_error_or_read_soundly(tmp_path, small_idx_files, damage, data):
    kind = data.draw(st.sampled_from(["images", "labels"]), label="kind")
    content = small_idx_files[kind]
    if data.draw(st.booleans(), label="gzip"):
        content = gzip.compress(content, mtime=0)
    path = write(tmp_path, f"damaged-{kind}", damage(data, content, max_flips=6))
    try:
        array = read_idx(path, expect=kind)
    except DataFileError as error:
        assert str(path) in str(error)
        return
    # A flipped pixel value is still a valid file; a flipped label must still be a digit.
    assert array.dtype == np.uint8 and array.shape[1:] == ((28, 28) if kind == "images" else ())
    if kind == "labels":
        assert array.max() <= 9
