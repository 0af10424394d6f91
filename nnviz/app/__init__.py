"""Everything Qt: the main window, its link to the training process, and one widget per file in ``widgets``."""

# First of all: PySide6 6.12.0 on CPython 3.11 loses a reference to None on every void call (and to True on
# every emit) and aborts the interpreter after a few hundred of them; qt_workarounds makes that harmless.
from nnviz.app import qt_workarounds  # noqa: E402,F401
