"""MNIST as a user gets it: where the four files live, their checksums, and loading them as float arrays.

The folder is ``--data DIR`` if given, else ``$NNVIZ_DATA``, else the user cache folder; nnviz never
ships the data itself (``nnviz download`` fetches it and checks the checksums below).

Loading checks structure, not checksums: any correct copy of MNIST in IDX form loads (gzip or raw,
re-compressed or not), and every damaged, swapped or foreign file is a :class:`DataFileError` that says
what to do. The checksums are for :mod:`nnviz.data.download`, which owns the files it fetched.
"""

from __future__ import annotations

import mmap
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from nnviz.data.idx import read_idx
from nnviz.data.mnist_files import (  # noqa: F401  (FILES and the names are re-exported)
    FILES, TEST_IMAGES, TEST_LABELS, TRAIN_IMAGES, TRAIN_LABELS, MnistFile, find_missing, locate, resolve_data_dir,
)
from nnviz.errors import DataFileError

SIDE = 28
N_TRAIN, N_TEST = 60_000, 10_000




@dataclass(frozen=True)
class MnistData:
    """The 70,000 digits, ready for the network.

    x_train (60000, 784), x_test (10000, 784): float32 in [0, 1], pixel / 255, row-major 28x28, white ink
    on black. y_train (60000,), y_test (10000,): int64 digits 0..9. ``folder``: where they were read.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    folder: Path


def load_mnist(
    data_dir: str | os.PathLike | None = None,
    *,
    download: bool = False,
    progress: Callable | None = None,
) -> MnistData:
    """The four MNIST files from ``data_dir`` (see :func:`resolve_data_dir`) as float arrays.

    With ``download=True`` missing files are fetched first (``progress`` as in
    :func:`~nnviz.data.download.download_mnist`); otherwise they are a :class:`DataFileError`.
    """
    folder = resolve_data_dir(data_dir)
    missing = find_missing(folder)
    if missing and download:
        from nnviz.data.download import download_mnist

        download_mnist(folder, progress=progress, files=missing)
        missing = find_missing(folder)
    if missing:
        raise DataFileError(
            f"MNIST is not in {folder} (missing: {', '.join(missing)}); run `nnviz download`, or set "
            f"NNVIZ_DATA to a folder that holds the four files"
        )
    x_train, y_train = _read_split(folder, "train", N_TRAIN)
    x_test, y_test = _read_split(folder, "test", N_TEST)
    return MnistData(x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test, folder=folder)


def _read_split(folder: Path, split: str, expected: int) -> tuple[np.ndarray, np.ndarray]:
    """(images (n, 784) float32, labels (n,) int64) of one split, checked to be that split of MNIST."""
    images_path = locate(folder, FILES[f"{split}_images"].name)
    labels_path = locate(folder, FILES[f"{split}_labels"].name)
    images = read_idx(images_path, expect="images")
    labels = read_idx(labels_path, expect="labels")
    if images.shape[1:] != (SIDE, SIDE):
        raise DataFileError(f"{images_path}: images are {images.shape[1]}x{images.shape[2]} pixels, MNIST's are "
                            f"28x28 (a foreign file?); re-download it with `nnviz download`")
    if len(images) != len(labels):
        raise DataFileError(f"{folder}: {len(images):,} {split} images but {len(labels):,} {split} labels; the "
                            f"files do not belong together. Re-download them with `nnviz download`")
    if len(images) != expected:
        raise DataFileError(
            f"{images_path}: holds {len(images):,} digits, but MNIST's {split} set has {expected:,} "
            f"(train and test files swapped or renamed?); re-download with `nnviz download`"
        )
    return _to_float(images), labels.astype(np.int64)


def _to_float(images: np.ndarray) -> np.ndarray:
    """(n, 784) float32 pixel / 255, in one pass (astype-then-divide makes and walks an extra array)."""
    flat = images.reshape(len(images), SIDE * SIDE)
    out = _plain_pages_array(flat.shape)
    return np.divide(flat, np.float32(255), out=out, dtype=np.float32)


def _plain_pages_array(shape: tuple[int, int]) -> np.ndarray:
    """An empty float32 array in an anonymous memory map of ordinary 4 kB pages.

    NumPy asks Linux for transparent huge pages on big arrays; when the kernel must first compact
    memory for them, touching the training set's 188 MB took 0.5-0.8 s instead of 0.1-0.2 s on the
    machine this was measured on, about every other run. A private mapping gets ordinary pages.
    """
    nbytes = int(np.prod(shape)) * 4
    if nbytes == 0:
        return np.empty(shape, np.float32)
    return np.frombuffer(mmap.mmap(-1, nbytes), dtype=np.float32).reshape(shape)
