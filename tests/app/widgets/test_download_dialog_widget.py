"""The MNIST download dialog, with a fake downloader: progress, success, failure, cancel, clean thread end."""

from __future__ import annotations

import threading

import pytest

from nnviz.app.widgets.download_dialog import DownloadDialog, total_size
from nnviz.data import DownloadProgress
from nnviz.errors import DownloadError

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def fake_download(events=None, fail=None, wait_for_cancel=False):
    def download(folder, *, progress=None, cancel=None):
        names = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]
        for index, name in enumerate(names):
            for done in (0, 1_000_000, 2_000_000):
                progress(DownloadProgress(name, done, 2_000_000, index, len(names)))
        if wait_for_cancel:
            started = threading.Event()
            while not cancel():
                started.wait(0.01)
            raise DownloadError("download cancelled; nothing was kept")
        if fail:
            raise DownloadError(fail)
        return folder

    return download


@pytest.fixture
def dialog_for(qtbot, tmp_path):
    def make(download):
        dialog = DownloadDialog(tmp_path / "mnist", "MNIST is not in the folder", download=download)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def test_explains_what_where_and_how_big(dialog_for, tmp_path):
    dialog = dialog_for(fake_download())
    text = " ".join(label.text() for label in dialog.findChildren(type(dialog.status_label)))
    assert "11." in text and "MB" in text  # ~11 MB
    assert str(tmp_path / "mnist") in text and "NNVIZ_DATA" in text
    assert 11_000_000 < total_size() < 12_500_000
    assert dialog.isModal()


def test_a_successful_download_accepts(dialog_for, qtbot):
    dialog = dialog_for(fake_download())
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        dialog.download_button.click()
    assert dialog.succeeded() and not dialog.is_downloading()
    assert dialog.progress.value() == dialog.progress.maximum()


def test_a_failure_says_why_and_allows_another_try(dialog_for, qtbot):
    dialog = dialog_for(fake_download(fail="no mirror answered (offline?)"))
    dialog.download_button.click()
    qtbot.waitUntil(lambda: not dialog.is_downloading() and dialog.status_label.text() != "", timeout=5_000)
    assert "offline" in dialog.status_label.text()
    assert dialog.isVisible() and not dialog.succeeded()
    assert dialog.download_button.isEnabled() and dialog.download_button.text() == "Try again"


def test_cancel_stops_the_download_and_its_thread(dialog_for, qtbot):
    dialog = dialog_for(fake_download(wait_for_cancel=True))
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=5_000)
    assert dialog.is_downloading()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.is_downloading(), timeout=5_000)
    assert "cancelled" in dialog.status_label.text() and dialog.isVisible()
    dialog.cancel_button.click()  # now "Close"
    assert not dialog.isVisible()


def test_closing_while_downloading_cancels_first(dialog_for, qtbot):
    dialog = dialog_for(fake_download(wait_for_cancel=True))
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=5_000)
    with qtbot.waitSignal(dialog.rejected, timeout=5_000):
        dialog.reject()
    assert not dialog.is_downloading()


def test_stop_waits_for_the_thread(dialog_for, qtbot):
    dialog = dialog_for(fake_download(wait_for_cancel=True))
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=5_000)
    assert dialog.stop()
    assert not dialog.is_downloading()
