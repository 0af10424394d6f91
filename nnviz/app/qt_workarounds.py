"""Work-arounds for bugs in the Qt bindings, each detected at run time and applied only where it is present.

PySide6 6.12.0 (the cp310-abi3 wheel) on CPython 3.11 returns ``None`` from every void method and
``True`` from ``Signal.emit()`` without taking a reference to them. Every ``widget.update()``,
``item.setPos()`` or ``signal.emit()`` called from Python therefore drops one reference to ``None`` or
``True``, and after a few hundred calls CPython aborts: "Fatal Python error: none_dealloc: deallocating
None" (or bool_dealloc). CPython 3.12+ makes these singletons immortal, which hides the bug; on older
versions we do the same by hand: give each affected singleton so many spare references that it can
never reach zero. They are static objects that are never freed anyway, so nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

SPARE_REFERENCES = 1 << 40  # ~10^12 leaked references: centuries of calls at any rate the window makes
PROBE_CALLS = 8


def _loses_references(singleton, call) -> bool:
    before = sys.getrefcount(singleton)
    for _ in range(PROBE_CALLS):
        call()
    return sys.getrefcount(singleton) <= before - PROBE_CALLS // 2


def leaking_singletons() -> list:
    """The singletons (None, True) that calls into these Qt bindings lose references to."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        fired = Signal()

    probe = Probe()
    leaking = []
    if _loses_references(None, lambda: probe.setObjectName("probe")):
        leaking.append(None)
    if _loses_references(True, probe.fired.emit):
        leaking += [True, False]  # emit may as well answer False one day
    return leaking


def _add_spare_references(singleton) -> bool:
    count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt: first field of a release-build PyObject
    if count.value != sys.getrefcount(singleton) - 1:  # getrefcount counts its own argument; else: unknown layout
        return False
    count.value += SPARE_REFERENCES
    return True


def keep_singletons_alive() -> list:
    """Apply the work-around where this interpreter and these bindings need it; returns what was protected."""
    if sys.version_info >= (3, 12):
        return []
    return [singleton for singleton in leaking_singletons() if _add_spare_references(singleton)]


PROTECTED = keep_singletons_alive()
