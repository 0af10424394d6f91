"""Fetching MNIST from the public mirrors, safely, with urllib only.

Each file that is missing, or whose size or SHA-256 is wrong (a corrupt cache), is tried on every mirror
in turn, a few times each, with a timeout. It streams into a temporary file in the destination folder
(same file system, so the final ``os.replace`` is atomic), is checked against its size and SHA-256, and
only then takes its final name. So the final name only ever holds a verified file, and a failed or
cancelled download removes its temporary file. A mirror that served a file well is tried first for the
next one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence, TextIO

from nnviz import __version__
from nnviz.data.mnist_files import FILES, MnistFile, resolve_data_dir
from nnviz.data.progress_bar import TerminalBar
from nnviz.errors import ConfigError, DownloadError

MIRRORS = [
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
]
CHUNK = 64 * 1024
PART_SUFFIX = ".part"
USER_AGENT = f"nnviz/{__version__} (MNIST download)"
# HTTP answers that will not change if we ask the same mirror again.
PERMANENT_HTTP = (401, 403, 404, 410)


@dataclass(frozen=True)
class DownloadProgress:
    """Where a download is: ``bytes_done`` of ``bytes_total`` of ``file``, the ``file_index``-th (from 0)
    of ``n_files``. ``bytes_done`` restarts from 0 when a file is tried again or on another mirror."""

    file: str
    bytes_done: int
    bytes_total: int
    file_index: int
    n_files: int

    @property
    def fraction(self) -> float:
        return self.bytes_done / self.bytes_total if self.bytes_total else 0.0


def download_mnist(
    dest_dir: str | os.PathLike | None = None,
    *,
    mirrors: Sequence[str] | None = None,
    progress: Callable[[DownloadProgress], None] | None = None,
    timeout: float = 30.0,
    retries: int = 2,
    cancel: Callable[[], bool] | None = None,
    files: Sequence[str] | None = None,
) -> Path:
    """Make sure ``dest_dir`` (default: :func:`~nnviz.data.mnist.resolve_data_dir`) holds verified copies
    of the MNIST files and return that folder.

    ``mirrors``: base URLs tried in order (default :data:`MIRRORS`); each is asked ``1 + retries`` times
    per file before the next. ``timeout``: seconds for connecting and for each read. ``cancel()`` is
    polled between chunks; when it returns True the download stops, leaves nothing partial and raises
    ``DownloadError("download cancelled ...")``. ``files``: file names to fetch (default all four).
    """
    folder = resolve_data_dir(dest_dir)
    mirrors = list(MIRRORS if mirrors is None else mirrors)
    if not mirrors:
        raise ConfigError("download_mnist needs at least one mirror URL")
    wanted = _wanted(files)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DownloadError(f"cannot create the data folder {folder} ({error.strerror or error}); choose "
                            f"another with `nnviz download --dir DIR` or NNVIZ_DATA") from None
    _remove_stale_parts(folder)
    for index, spec in enumerate(wanted):
        target = folder / spec.name
        if is_valid(target, spec):
            _report(progress, spec, spec.size, index, len(wanted))
            continue
        good = _fetch_from_any(spec, target, mirrors, index, len(wanted), progress, timeout, retries, cancel)
        mirrors.remove(good)
        mirrors.insert(0, good)
    return folder


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_valid(path: Path, spec: MnistFile) -> bool:
    """Whether ``path`` is exactly the file the mirrors serve (size first: it is free)."""
    try:
        return path.is_file() and path.stat().st_size == spec.size and sha256_of(path) == spec.sha256
    except OSError:
        return False


def _wanted(files: Sequence[str] | None) -> list[MnistFile]:
    if files is None:
        return list(FILES.values())
    by_name = {f.name: f for f in FILES.values()}
    unknown = [name for name in files if name not in by_name]
    if unknown:
        raise ConfigError(f"unknown MNIST file(s) {unknown}; the files are {sorted(by_name)}")
    return [by_name[name] for name in files]


def _remove_stale_parts(folder: Path) -> None:
    """Temporary files a killed process left behind (ours only: they start with a known file's name)."""
    for spec in FILES.values():
        for part in folder.glob(f".{spec.name}.*{PART_SUFFIX}"):
            part.unlink(missing_ok=True)


class _MirrorFailed(Exception):
    """This mirror did not deliver this file; ``permanent`` when asking it again is pointless."""

    def __init__(self, reason: str, permanent: bool = False):
        super().__init__(reason)
        self.permanent = permanent


def _fetch_from_any(spec, target, mirrors, index, n_files, progress, timeout, retries, cancel) -> str:
    """Fetch ``spec`` into ``target`` from the first mirror that delivers it; return that mirror."""
    failures = []
    for mirror in mirrors:
        for _attempt in range(1 + max(0, retries)):
            try:
                _fetch(mirror + spec.name, target, spec, index, n_files, progress, timeout, cancel)
                return mirror
            except _MirrorFailed as failure:
                reason = f"{mirror}{spec.name}: {failure}"
                if reason not in failures:
                    failures.append(reason)
                if failure.permanent:
                    break
    raise DownloadError(
        f"could not download {spec.name} from any of {len(mirrors)} mirror(s) ({'; '.join(failures)}). "
        f"If this computer is offline, copy the four MNIST files ({', '.join(f.name for f in FILES.values())}) "
        f"into a folder and set NNVIZ_DATA to it (or pass --data DIR)"
    )


def _fetch(url: str, target: Path, spec: MnistFile, index, n_files, progress, timeout, cancel) -> None:
    """One attempt: stream ``url`` into a temporary file beside ``target``, verify, rename into place."""
    _check_cancel(cancel, target.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{spec.name}.", suffix=PART_SUFFIX, dir=target.parent)
    except OSError as error:
        raise DownloadError(f"cannot write in {target.parent} ({error.strerror or error}); choose another "
                            f"folder with `nnviz download --dir DIR` or NNVIZ_DATA") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            digest, done = _stream(url, out, spec, index, n_files, progress, timeout, cancel, target.parent)
        if done != spec.size:
            raise _MirrorFailed(f"got {done:,} bytes, expected {spec.size:,}")
        if digest != spec.sha256:
            raise _MirrorFailed("the SHA-256 checksum does not match (corrupt copy)", permanent=True)
        os.replace(tmp, target)
    except OSError as error:  # our disk, not the mirror: full, read-only, removed under us
        raise DownloadError(f"cannot write {target} ({error.strerror or error}); free some space or choose "
                            f"another folder with `nnviz download --dir DIR`") from None
    finally:
        tmp.unlink(missing_ok=True)


def _stream(url, out, spec, index, n_files, progress, timeout, cancel, folder) -> tuple[str, int]:
    """Copy the response body into ``out`` chunk by chunk; return (sha256 hex, bytes)."""
    import http.client  # here, not at the top: with ssl they are half of `import nnviz.data` otherwise
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        error.close()
        raise _MirrorFailed(f"HTTP {error.code} {error.reason}", permanent=error.code in PERMANENT_HTTP) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        raise _MirrorFailed(str(getattr(error, "reason", error)) or type(error).__name__) from None
    digest, done = hashlib.sha256(), 0
    with response:
        length = response.headers.get("Content-Length")
        if length is not None and length.isdigit() and int(length) != spec.size:
            raise _MirrorFailed(f"it serves {int(length):,} bytes, not the expected {spec.size:,}", permanent=True)
        _report(progress, spec, 0, index, n_files)
        while True:
            _check_cancel(cancel, folder)
            try:
                block = response.read(CHUNK)
            except (http.client.HTTPException, OSError) as error:  # timeouts are OSError too
                raise _MirrorFailed(f"the connection broke after {done:,} bytes ({error or type(error).__name__})") from None
            if not block:
                break
            out.write(block)
            digest.update(block)
            done += len(block)
            if done > spec.size:
                raise _MirrorFailed(f"it sends more than the expected {spec.size:,} bytes", permanent=True)
            _report(progress, spec, done, index, n_files)
    return digest.hexdigest(), done


def _check_cancel(cancel: Callable[[], bool] | None, folder: Path) -> None:
    if cancel is not None and cancel():
        raise DownloadError(f"download cancelled; no partial file was left in {folder}")


def _report(progress, spec: MnistFile, done: int, index: int, n_files: int) -> None:
    if progress is not None:
        progress(DownloadProgress(spec.name, done, spec.size, index, n_files))


class TerminalProgress:
    """A ``progress`` callback for :func:`download_mnist` that draws a bar on a terminal.

    ``2/4 train-labels-idx1-ubyte.gz [######------]  50 % 14/29 kB``; nothing when ``stream`` is not a
    terminal (the command prints where the files are when it is done).
    """

    def __init__(self, stream: TextIO | None = None):
        self.bar = TerminalBar(stream)
        self._file: str | None = None

    def __call__(self, p: DownloadProgress) -> None:
        if self._file is not None and p.file != self._file:
            self.bar.finish()
        self._file = p.file
        self.bar.draw(p.fraction, prefix=f"{p.file_index + 1}/{p.n_files} {p.file:<27} ",
                      suffix=f"{_size(p.bytes_done)}/{_size(p.bytes_total)}")
        if p.bytes_done >= p.bytes_total:
            self.bar.finish()
            self._file = None


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"
