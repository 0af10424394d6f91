"""The main window's parts, one responsibility per module; :mod:`nnviz.app.main_window` builds and wires them."""
