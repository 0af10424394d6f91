"""``import nnviz.data`` is light: NumPy only. No Qt ever (the window observes the data layer), and no
scipy, urllib or platformdirs until a function needs them (the window imports nnviz.data at start-up)."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("heavy", ["PySide6", "scipy", "urllib.request", "ssl", "platformdirs"])
def test_importing_nnviz_data_does_not_import(heavy):
    code = f"import sys, nnviz.data; assert not any(m == {heavy!r} or m.startswith({heavy!r} + '.') for m in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_public_names_are_there():
    import nnviz.data

    for name in ("read_idx", "load_mnist", "MnistData", "resolve_data_dir", "download_mnist", "to_mnist",
                 "prepare", "augment_batch", "AugmentConfig", "find_missing", "Prepared", "DownloadProgress"):
        assert name in nnviz.data.__all__ and hasattr(nnviz.data, name)
