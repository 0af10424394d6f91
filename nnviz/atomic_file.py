"""Writing a file so that a crash, a kill or a full disk mid-write leaves the old file intact.

The content goes to a temporary file in the target's own folder (same file system, so the final rename
is atomic), is flushed to disk, and only then renamed over the target.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from nnviz.errors import NnvizError


def write_atomically(path, write: Callable[[BinaryIO], None], error: type[NnvizError]) -> Path:
    """Call ``write(handle)`` on a temporary binary file beside ``path`` and rename it to ``path`` when done.

    The folder is created if missing; the file gets the usual permissions (0666 less the umask), not
    mkstemp's 0600. Failures of the file system raise ``error`` naming the file; the temporary file is
    removed whatever happens.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise error(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise error(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
