"""Looking at the training process from outside: is it gone, did it leave shared memory behind."""

from __future__ import annotations

import os
from pathlib import Path

from nnviz.appmodel.snapshot_board import PREFIX


def leftover_segments(pid: int) -> list[str]:
    """Shared-memory segments the process ``pid`` made that still exist."""
    return [name for name in os.listdir("/dev/shm") if name.startswith(f"{PREFIX}{pid}_")] \
        if os.path.isdir("/dev/shm") else []


def process_gone(pid: int) -> bool:
    """Ended (a zombie not yet reaped counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True
