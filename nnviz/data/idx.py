"""Reading IDX files, the format MNIST is stored in, gzip-compressed or raw.

An IDX file is a 4-byte magic number, one big-endian uint32 per dimension, then the values, row-major.
The magic is ``0x00 0x00 <type> <ndim>``; MNIST uses type 0x08 (unsigned byte) with ndim 3 for images
(0x00000803: count, rows, cols) and ndim 1 for labels (0x00000801: count). We accept only those two shapes: anything else on
a path where MNIST should be is a foreign file, and saying so early beats a confusing shape error later.

Every way a file can be bad (missing, truncated, corrupt gzip, swapped, foreign) raises one
:class:`~nnviz.errors.DataFileError` whose message names the file, says what is wrong and what to do.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import numpy as np

from nnviz.errors import DataFileError

UNSIGNED_BYTE = 0x08
IMAGES_NDIM, LABELS_NDIM = 3, 1
N_CLASSES = 10
GZIP_MAGIC = b"\x1f\x8b"
# A real MNIST file inflates to < 50 MB; a foreign .gz that inflates past this is refused, not read.
MAX_INFLATED_BYTES = 256 * 1024 * 1024

WHAT_TO_DO = "re-download it with `nnviz download`, or point NNVIZ_DATA at a folder with good MNIST files"


def read_idx(path: str | os.PathLike, *, expect: str | None = None) -> np.ndarray:
    """The array stored in the IDX file at ``path`` (gzip or raw): uint8 (count, rows, cols) or (count,).

    ``expect`` ("images" or "labels") also checks the file is of that kind, so a labels file where
    images belong is reported as swapped. Label files must hold digits 0..9. The returned array is a
    read-only view of the file's bytes (copy it, or convert it, before writing).
    """
    if expect not in (None, "images", "labels"):
        raise ValueError(f"expect must be None, 'images' or 'labels', got {expect!r}")
    path = Path(path)
    data = _file_bytes(path)
    ndim = _check_magic(path, data, expect)
    shape = _check_shape(path, data, ndim)
    values = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)
    if ndim == LABELS_NDIM and values.size and int(values.max()) >= N_CLASSES:
        _fail(path, f"labels go up to {int(values.max())}, but MNIST labels are digits 0-9 (a foreign file?)")
    return values


def _fail(path: Path, problem: str) -> None:
    raise DataFileError(f"{path}: {problem}; {WHAT_TO_DO}")


def _file_bytes(path: Path) -> bytes:
    """The file's content, inflated when it is gzip (recognised by its magic, whatever its name)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(f"{path} does not exist; run `nnviz download`, or point NNVIZ_DATA at a "
                            f"folder with the four MNIST files") from None
    except OSError as error:
        raise DataFileError(f"{path} cannot be read ({error.strerror or error}); {WHAT_TO_DO}") from None
    if not raw.startswith(GZIP_MAGIC):
        return raw
    try:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # 16+: expect a gzip header and trailer
        data = inflater.decompress(raw, MAX_INFLATED_BYTES)
    except zlib.error as error:
        _fail(path, f"is not a valid gzip file ({error})")
    if inflater.unconsumed_tail:
        _fail(path, f"inflates to more than {MAX_INFLATED_BYTES // 2**20} MB, far more than MNIST (a foreign file?)")
    if not inflater.eof:
        _fail(path, "is a truncated gzip file (the download was cut short?)")
    if inflater.unused_data:
        _fail(path, f"has {len(inflater.unused_data):,} stray bytes after its gzip stream")
    return data


def _check_magic(path: Path, data: bytes, expect: str | None) -> int:
    """The number of dimensions the header announces, after checking it is an MNIST IDX header."""
    if len(data) < 4:
        _fail(path, f"is only {len(data)} bytes long, too short to be an IDX file")
    if data[:2] != b"\0\0":
        _fail(path, f"is not an IDX file (it starts with bytes {data[:4].hex(' ')}, an IDX file with 00 00)")
    type_code, ndim = data[2], data[3]
    if type_code != UNSIGNED_BYTE:
        _fail(path, f"is an IDX file of type 0x{type_code:02x}, but MNIST stores unsigned bytes (type 0x08)")
    if ndim not in (IMAGES_NDIM, LABELS_NDIM):
        _fail(path, f"is an IDX file of {ndim} dimensions, but MNIST images have 3 and labels 1 (a foreign file?)")
    kind = "images" if ndim == IMAGES_NDIM else "labels"
    if expect is not None and kind != expect:
        _fail(path, f"holds {kind} where {expect} were expected (files swapped or renamed?)")
    return ndim


def _check_shape(path: Path, data: bytes, ndim: int) -> tuple[int, ...]:
    """The dimensions in the header, after checking that the values fill the rest of the file exactly."""
    header = 4 + 4 * ndim
    if len(data) < header:
        _fail(path, f"is truncated inside its header ({len(data)} bytes)")
    shape = tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    if ndim == IMAGES_NDIM and (shape[1] == 0 or shape[2] == 0):
        _fail(path, f"announces images of {shape[1]}x{shape[2]} pixels")
    expected = header + int(np.prod(shape, dtype=np.int64))
    if len(data) < expected:
        _fail(path, f"is truncated: its header announces {'x'.join(map(str, shape))} values "
                    f"({expected:,} bytes) but it holds {len(data):,} bytes")
    if len(data) > expected:
        _fail(path, f"has {len(data) - expected:,} bytes more than its header announces "
                    f"({'x'.join(map(str, shape))}); it is not a clean IDX file")
    return shape
