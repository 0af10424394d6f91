"""The four MNIST files: their names and checksums as the public mirrors serve them, and where they are looked
for. Shared by the loader (:mod:`nnviz.data.mnist`) and the downloader (:mod:`nnviz.data.download`), which
otherwise would import each other."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class MnistFile:
    """One of the four files as the public mirrors serve it (gzip-compressed IDX)."""

    name: str
    size: int  # bytes of the .gz file
    md5: str
    sha256: str


FILES = {
    "train_images": MnistFile("train-images-idx3-ubyte.gz", 9912422, "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                              "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
    "train_labels": MnistFile("train-labels-idx1-ubyte.gz", 28881, "d53e105ee54ea40749a09fcbcd1e9432",
                              "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
    "test_images": MnistFile("t10k-images-idx3-ubyte.gz", 1648877, "9fb629c4189551a2d022fa330f9573f3",
                             "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
    "test_labels": MnistFile("t10k-labels-idx1-ubyte.gz", 4542, "ec29112dd5afa0611ce80d1b7f02629c",
                             "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
}
TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS = (f.name for f in FILES.values())


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """Where MNIST is looked for: ``explicit`` (``--data DIR``), else ``$NNVIZ_DATA``, else the user cache."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get("NNVIZ_DATA"):
        return Path(os.environ["NNVIZ_DATA"]).expanduser()
    from platformdirs import user_cache_dir  # only here: most callers name a folder

    return Path(user_cache_dir("nnviz")) / "mnist"


def find_missing(folder: str | os.PathLike) -> list[str]:
    """Names of the four files that ``folder`` lacks (each counts as present gzip'd or unpacked)."""
    folder = Path(folder)
    return [f.name for f in FILES.values() if locate(folder, f.name) is None]


def locate(folder: Path, name: str) -> Path | None:
    """The file as downloaded (``name``), else unpacked by hand (``name`` without ``.gz``), else None."""
    for candidate in (folder / name, folder / name.removesuffix(".gz")):
        if candidate.is_file():
            return candidate
    return None
