"""Shared test set-up: Qt runs offscreen, MNIST comes from the shared folder through NNVIZ_DATA."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# ... on a 1920x1080 screen: the offscreen platform's own is 800x800, where a remembered 1280x720 window comes back
# squeezed to the screen (as it should on such a screen).
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).with_name('offscreen_screen.json')}")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_MNIST = PROJECT_ROOT.parent / "shared" / "data" / "mnist"

# The windows the tests start, in this process or as subprocesses, remember their settings here, never in
# the user's own config folder (QSettings follows XDG_CONFIG_HOME).
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="nnviz-test-config-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="nnviz-test-data-")  # personal examples

# Tests read MNIST exactly as a user would: through the NNVIZ_DATA environment variable.
if "NNVIZ_DATA" not in os.environ and SHARED_MNIST.is_dir():
    os.environ["NNVIZ_DATA"] = str(SHARED_MNIST)


@pytest.fixture
def mnist_dir() -> Path:
    """The folder holding the four MNIST files, or skip when this machine has none."""
    path = Path(os.environ.get("NNVIZ_DATA", SHARED_MNIST))
    if not (path / "train-images-idx3-ubyte.gz").exists():
        pytest.skip(f"MNIST not found in {path}; set NNVIZ_DATA to a folder with the four files")
    return path


@pytest.fixture
def damage():
    """``damage(data, content)``: ``content`` cut short or with a few bits flipped, as hypothesis draws."""
    from hypothesis import strategies as st

    def damaged(data, content: bytes, max_flips: int = 8) -> bytes:
        result = bytearray(content)
        if data.draw(st.booleans(), label="truncate"):
            return bytes(result[: data.draw(st.integers(0, len(result) - 1), label="length")])
        for _ in range(data.draw(st.integers(1, max_flips), label="flips")):
            position = data.draw(st.integers(0, len(result) - 1), label="position")
            result[position] ^= 1 << data.draw(st.integers(0, 7), label="bit")
        return bytes(result)

    return damaged


@pytest.fixture(autouse=True)
def remembered_settings_in_a_temporary_folder(tmp_path):
    """What the window remembers (QSettings) goes to this test's own folder: tests neither read a
    user's settings nor leave any behind, nor see each other's."""
    import sys

    if "PySide6.QtCore" not in sys.modules:
        yield
        return
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def no_qthread_left_running(request):
    """Fail any test that leaves a QThread running (only checked when Qt was imported). Before each test,
    the windows earlier tests closed are deleted for good (see _delete_closed_widgets)."""
    _delete_closed_widgets()
    yield
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    _delete_closed_widgets()
    running = [t for t in app.findChildren(QThread) if t.isRunning()]
    for widget in QApplication.topLevelWidgets():
        running += [t for t in widget.findChildren(QThread) if t.isRunning()]
    assert not running, f"test left {len(running)} QThread(s) running: {running}"


def _delete_closed_widgets() -> None:
    """Delete now what tests closed (pytest-qt closes a test's windows after its fixtures end), not while a
    later test re-styles the application: a new style sheet re-polishes every widget still alive."""
    import gc
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is None:
        return
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
