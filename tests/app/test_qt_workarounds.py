"""PySide6 6.12.0 on CPython 3.11 loses a reference to None on every void call and to True on every emit;
importing nnviz.app must make that harmless (it used to abort the interpreter after a few hundred calls)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import nnviz.app
from PySide6.QtCore import QObject, Signal

class Thing(QObject):
    changed = Signal(object)

thing = Thing()
for i in range(20000):
    thing.setObjectName("x")  # a void call
    thing.changed.emit(i)
print("survived", nnviz.app.qt_workarounds.PROTECTED)
"""


def test_many_void_calls_and_emits_do_not_crash_the_interpreter():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
