"""How the window was asked to start (the command line's options for it), as plain data: the CLI makes it,
the window and its launcher read it, and neither needs the other."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AppOptions:
    """How the window was asked to start."""

    model: str | None = None
    data: str | None = None
    screenshot: str | None = None
    size: tuple[int, int] = (1600, 900)
    size_given: bool = False  # --size was on the command line (then it wins over the remembered size)
    lesson: str | None = None
    log_predictions: bool = False
    present: bool = False  # start in presentation mode
    language: str | None = None  # "en" or "zh_CN"; None: as chosen last time, else the system's
