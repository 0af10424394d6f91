"""How often the window redraws what training changes: one policy, one table of intervals.

The training process sends at most 5 snapshots a second (``nnviz.appmodel.training_service.PUBLISH_HZ``).
The window reads the drawing with the newest one 5 times a second and redraws the diagram's connections and
the weight tiles twice a second: enough to watch it learn, and it leaves the two cores of a laptop to training
(every millisecond the GUI thread spends drawing is one the BLAS threads may wait for; measured by
bench/pen_while_training.py). On a slow machine the refresh budget (``nnviz.appmodel.refresh_budget``)
stretches every stretchable interval by one factor. The views the window feeds draw what they are given at
once: their own limits are for when they stand alone, never stacked under the window's.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject

from nnviz.app.throttle import Throttle

INTERVALS = {  # channel -> least seconds between two redraws
    "snapshot": 0.2,  # the drawing re-read with the newest weights: prediction, bars, heatmaps
    "views": 0.5,  # the diagram's connections and the weight tiles
    "loss": 0.5,  # the loss and accuracy curves
    "histograms": 0.5,  # the Inspect panel's weight and gradient histograms
    "stroke": 1 / 30,  # the diagram and heatmaps during a stroke (the prediction and bars follow every move)
    "fed": 0.0,  # a view the window feeds at one of the rates above: no limit of its own on top
}
UNSTRETCHED = ("stroke", "fed")  # the pen comes first; "fed" views follow their feeder's stretch


class RefreshPolicy:
    """The window's rate limits: each governed throttle (or view) gets its channel's interval, all stretched
    together when the refresh budget says so."""

    def __init__(self) -> None:
        self._stretch = 1.0
        self._film_s: float | None = None  # while filming: the window re-reads the drawing once per frame
        self._governed: list[tuple[str, Callable[[float], None]]] = []

    def interval(self, channel: str) -> float:
        base = INTERVALS[channel]
        seconds = base if channel in UNSTRETCHED else base * self._stretch
        return min(seconds, self._film_s) if channel == "snapshot" and self._film_s else seconds

    def set_film_rate(self, hz: float | None) -> None:
        """While a film is made, the newest weights are read ``hz`` times a second (so most frames show a change)."""
        self._film_s = 1.0 / hz if hz else None
        self.stretch(self._stretch)

    def throttle(self, channel: str, action: Callable[[], None], parent: QObject) -> Throttle:
        """A new throttle for ``action`` on ``channel``."""
        throttle = Throttle(self.interval(channel), action, parent)
        self.govern(channel, throttle.set_interval)
        return throttle

    def govern(self, channel: str, set_interval: Callable[[float], None]) -> None:
        """A view's own limit (``set_interval(seconds)``) follows ``channel`` from now on."""
        self._governed.append((channel, set_interval))
        set_interval(self.interval(channel))

    def stretch(self, factor: float) -> None:
        """Every stretchable channel ``factor`` times its base interval."""
        self._stretch = factor
        for channel, set_interval in self._governed:
            set_interval(self.interval(channel))
