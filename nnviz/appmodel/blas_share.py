"""While a person draws, training leaves one core to the window.

Two BLAS threads on two cores wait for each other at every matrix product: when the window takes a core for
the pen (a third of one, at 60 moves a second), the thread on that core is pre-empted and the other waits
for it, so training loses far more than the window uses. On one thread it runs on the other core
undisturbed, at nearly the same speed for the network sizes nnviz trains (measured: 70–88 k against
74–111 k samples/s, `bench/pen_while_training.py`). So the child trains on one BLAS thread while the pen is
busy and on all of them otherwise. threadpoolctl finds the BLAS library whichever NumPy build it is.
"""

from __future__ import annotations


class BlasShare:
    """``set(drawing)``: one BLAS thread while drawing, the original number otherwise."""

    def __init__(self):
        self._limits = None

    @property
    def drawing(self) -> bool:
        return self._limits is not None

    def set(self, drawing: bool) -> None:
        if drawing and self._limits is None:
            from threadpoolctl import threadpool_limits

            self._limits = threadpool_limits(limits=1, user_api="blas")
        elif not drawing and self._limits is not None:
            self._limits.restore_original_limits()
            self._limits = None
