"""A one-line progress bar for the terminal, shared by ``nnviz download`` and ``nnviz train``.

It redraws in place with ``\\r`` only when the stream is a terminal: in a log file or a pipe a bar is
hundreds of lines of noise, so there it stays silent and the caller prints its own summary lines.
"""

from __future__ import annotations

import sys
from typing import TextIO


class TerminalBar:
    """``prefix [#########-----------]  42 % suffix`` on one line of ``stream`` (default stderr)."""

    def __init__(self, stream: TextIO | None = None, width: int = 30):
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        isatty = getattr(self.stream, "isatty", None)
        self.live = bool(isatty and isatty())
        self._shown: str | None = None  # the line on screen now, so unchanged redraws are skipped

    def draw(self, fraction: float, prefix: str = "", suffix: str = "") -> None:
        """Show ``fraction`` (0..1, clipped) of the bar; a no-op off a terminal or if nothing changed."""
        if not self.live:
            return
        fraction = min(max(float(fraction), 0.0), 1.0)
        filled = int(self.width * fraction)
        line = f"{prefix}[{'#' * filled}{'-' * (self.width - filled)}] {100 * fraction:3.0f} %"
        if suffix:
            line += f" {suffix}"
        if line == self._shown:
            return
        # \x1b[K clears what a longer previous line left to the right of this one.
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()
        self._shown = line

    def finish(self) -> None:
        """End the bar's line (if one is on screen) so what is printed next starts on a fresh line."""
        if self.live and self._shown is not None:
            self.stream.write("\n")
            self.stream.flush()
        self._shown = None
