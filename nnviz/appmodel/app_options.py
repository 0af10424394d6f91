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
    record: str | None = None  # film the window into this .gif or .mp4 and exit
    seconds: float = 5.0  # how long --record films
    train: bool = False  # start training first (--record)

    @property
    def scripted(self) -> bool:
        """Rendered without a person (a screenshot or a film): offscreen when there is no display."""
        return bool(self.screenshot or self.record)
