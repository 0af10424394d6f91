"""Writing files atomically: the target is either the old file or the whole new one, never half."""

import os

import pytest

from nnviz.atomic_file import write_atomically
from nnviz.errors import DataFileError


def test_the_new_content_replaces_the_old_and_the_file_is_an_ordinary_one(tmp_path):
    path = tmp_path / "sub" / "f.bin"  # the folder is made when missing
    write_atomically(path, lambda handle: handle.write(b"old"), DataFileError)
    assert write_atomically(path, lambda handle: handle.write(b"new"), DataFileError) == path
    assert path.read_bytes() == b"new" and os.listdir(path.parent) == ["f.bin"]
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's private 0600


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary_one(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"old")

    def fails_half_way(handle):
        handle.write(b"ne")
        raise OSError(28, "No space left on device")

    with pytest.raises(DataFileError, match=r"cannot write .*f\.bin: No space left on device"):
        write_atomically(path, fails_half_way, DataFileError)
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["f.bin"]


def test_a_bug_in_the_writer_is_not_disguised_as_a_file_error(tmp_path):
    with pytest.raises(ZeroDivisionError):
        write_atomically(tmp_path / "f.bin", lambda handle: 1 / 0, DataFileError)
    assert os.listdir(tmp_path) == []


def test_a_folder_that_cannot_be_made_is_our_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(DataFileError, match="cannot write"):
        write_atomically(tmp_path / "file" / "f.bin", lambda handle: handle.write(b"x"), DataFileError)
