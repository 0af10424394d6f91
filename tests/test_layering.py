"""The math and the app's model are plain libraries: importing them must never pull in Qt."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["nnviz.nn", "nnviz.data", "nnviz.lessons", "nnviz.cli", "nnviz.appmodel",
                                    "nnviz.appmodel.training_child"])
def test_pure_modules_do_not_import_qt(module):
    code = f"import sys, {module}; assert not any(m.startswith('PySide6') for m in sys.modules), sorted(m for m in sys.modules if m.startswith('PySide6'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
