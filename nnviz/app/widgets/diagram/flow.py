"""The signal running through the layers when the drawing changes."""

from __future__ import annotations

import math

import numpy as np

FLOW_S = 0.45  # the signal's walk from the input to the output when the drawing changes
FLOW_FRAMES = 16  # pictures of that walk (about 35 a second)


class FlowMixin:
    """The flow of a new reading, input to output: each layer's lines grow and its neurons light up in turn."""

    def set_flow_enabled(self, on: bool) -> None:
        """Whether :meth:`play_flow` animates (off: the new reading shows at once)."""
        self._flow_enabled = bool(on)
        if not on:
            self.finish_flow()

    def flow_enabled(self) -> bool:
        return self._flow_enabled

    def play_flow(self) -> None:
        """Let the current reading flow through the network: each layer's connections grow from the layer
        before and its neurons light up when they arrive, input to output in FLOW_S. Skipped by a click on
        the diagram or :meth:`finish_flow` (a new stroke)."""
        if not (self._follow and self._flow_enabled and self._activations is not None and self._layout is not None
                and self._stage is None):
            self.finish_flow()
            return
        self._flow_animation.stop()
        self._flow = None
        self._flow_frame(0.0)
        self._flow_animation.start()

    def flowing(self) -> bool:
        return self._flow is not None

    def finish_flow(self) -> None:
        """Show the whole reading at once (the flow is skipped or over)."""
        if self._flow is None:
            return
        self._flow_animation.stop()
        self._flow = None
        self._draw_edges()
        self._colour_nodes()

    def _flow_frame(self, progress) -> None:
        """Draw the flow FLOW_FRAMES times in all (the animation's timer ticks more often: a frame costs a few
        milliseconds of drawing that the eye would not miss)."""
        if not self._follow or self._layout is None:
            return
        progress = math.floor(float(progress) * FLOW_FRAMES) / FLOW_FRAMES
        if progress == self._flow:
            return
        self._flow = progress
        self._draw_edges()
        self._colour_nodes()

    def _front(self) -> float:
        """How many layers the flowing signal has passed (fractional); all of them when nothing flows."""
        layers = len(self._sizes) - 1
        return layers if self._flow is None else self._flow * layers

    def _reach(self, layer: int) -> float:
        """How far the lines into ``layer`` have grown (0..1)."""
        return float(np.clip(self._front() - (layer - 1), 0.0, 1.0))

    def _lit(self, layer: int) -> float:
        """How far ``layer``'s neurons have lit up (0..1): in the second half of its lines' growth."""
        return float(np.clip(2.0 * (self._front() - (layer - 1)) - 1.0, 0.0, 1.0))
