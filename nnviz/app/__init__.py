"""Everything Qt: the main window, the training worker thread, and one widget per file in ``widgets``."""
