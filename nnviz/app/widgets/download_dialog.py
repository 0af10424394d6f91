"""The dialog that offers to download MNIST when training needs it and it is not there.

The download (:func:`nnviz.data.download_mnist`) runs in a QThread of its own, reporting progress through
a queued signal; Cancel asks it to stop between chunks. The downloader guarantees that a cancelled or
failed download leaves no partial file behind; this dialog only has to say what happened and make sure
its thread has ended before it closes.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.errors import NnvizError

PROGRESS_STEPS = 1000
_STRAGGLERS: list = []  # (thread, job) of downloads that outlived their dialog, until they end


def total_size() -> int:
    from nnviz.data.mnist_files import FILES

    return sum(spec.size for spec in FILES.values())


def describe_size(n_bytes: int) -> str:
    return f"{n_bytes / 1e6:.1f} MB"


class _Download(QObject):
    """Runs the download in the dialog's thread; progress and the outcome go back as signals."""

    progressed = Signal(str, int, int)  # file, bytes done over all files, bytes in all files
    finished = Signal(bool, str)  # ok, message

    def __init__(self, folder: Path, download: Callable, cancelled: threading.Event):
        super().__init__()
        self._folder, self._download, self._cancelled = folder, download, cancelled
        self._done: dict[str, int] = {}
        self._total = total_size()

    @Slot()
    def run(self) -> None:
        try:
            folder = self._download(self._folder, progress=self._progress, cancel=self._cancelled.is_set)
        except NnvizError as error:
            self.finished.emit(False, str(error))
        except Exception as error:  # a bug, or an OS error the downloader did not expect: still a message
            self.finished.emit(False, self.tr("the download failed: {0}: {1}").format(type(error).__name__, error))
        else:
            self.finished.emit(True, self.tr("MNIST is ready in {0}").format(folder))

    def _progress(self, p) -> None:
        self._done[p.file] = p.bytes_done
        self.progressed.emit(p.file, sum(self._done.values()), max(self._total, sum(self._done.values())))


class DownloadDialog(QDialog):
    """Modal: explains what is missing and where it will go, downloads with a progress bar, can cancel.

    ``exec()`` returns Accepted once the files are in ``folder``; Rejected if the user declined, cancelled,
    or the download failed (``message()`` then says why).
    """

    def __init__(self, folder: str | Path, reason: str = "", parent: QWidget | None = None,
                 download: Callable | None = None):
        super().__init__(parent)
        self.setObjectName("downloadDialog")
        self.setWindowTitle(self.tr("Download MNIST"))
        self.setModal(True)
        self._folder = Path(folder)
        if download is None:
            from nnviz.data import download_mnist as download
        self._download_function = download
        self._cancelled = threading.Event()
        self._thread: QThread | None = None
        self._job: _Download | None = None
        self._message = ""
        self._succeeded = False
        self._close_when_done = False

        intro = QLabel(self.tr(
            "<b>Training needs the MNIST digits</b>, which nnviz does not ship.<br><br>"
            "Download them now? That is four files, {0} in all, from the public "
            "MNIST mirrors, checked against their published checksums, into<br><code>{1}</code>"
            "<br><br>Already have them? Close this and point the environment variable "
            "<code>NNVIZ_DATA</code> (or <code>nnviz --data DIR</code>) at the folder that holds the four "
            "<code>*-ubyte.gz</code> files."
        ).format(describe_size(total_size()), self._folder))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._reason = QLabel(reason)
        self._reason.setWordWrap(True)
        self._reason.setProperty("role", "hint")
        self._reason.setVisible(bool(reason))
        self.progress = QProgressBar()
        self.progress.setObjectName("downloadProgress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("not started"))
        self.status_label = QLabel("")
        self.status_label.setObjectName("downloadStatus")
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.download_button = QPushButton(self.tr("Download"))
        self.download_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.buttons.addButton(self.download_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.download_button.clicked.connect(self.start_download)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._reason)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    # ------------------------------------------------------------------ public API
    def folder(self) -> Path:
        return self._folder

    def message(self) -> str:
        return self._message

    def is_downloading(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    @Slot()
    def start_download(self) -> None:
        if self.is_downloading():
            return
        self._cancelled.clear()
        self._succeeded = False
        self.download_button.setEnabled(False)
        self.progress.setFormat(self.tr("connecting…"))
        self.status_label.setText("")
        self._job = _Download(self._folder, self._download_function, self._cancelled)
        self._thread = QThread(self)
        self._thread.setObjectName("nnviz-download")
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.progressed.connect(self._on_progress)
        self._job.finished.connect(self._on_finished)
        self._thread.start()

    @Slot()
    def cancel(self) -> None:
        """While downloading: stop it (no partial files stay). Otherwise: close the dialog."""
        if self.is_downloading():
            self._cancelled.set()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("cancelling…"))
        else:
            self.reject()

    # ------------------------------------------------------------------ progress
    @Slot(str, int, int)
    def _on_progress(self, file: str, done: int, total: int) -> None:
        self.progress.setValue(int(PROGRESS_STEPS * done / total) if total else 0)
        self.progress.setFormat(self.tr("{0} of {1} · {2}").format(describe_size(done), describe_size(total), file))

    @Slot(bool, str)
    def _on_finished(self, ok: bool, message: str) -> None:
        self._finish_thread()
        if self._close_when_done and not ok:
            self._message = message
            super().reject()
            return
        self._message = message
        self._succeeded = ok
        self.cancel_button.setEnabled(True)
        if ok:
            self.progress.setValue(PROGRESS_STEPS)
            self.progress.setFormat(self.tr("done"))
            self.status_label.setProperty("role", "hint")
            self.status_label.setText(message)
            self.accept()
            return
        cancelled = self._cancelled.is_set()
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("cancelled") if cancelled else self.tr("failed"))
        self.status_label.setProperty("role", "error")
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(self.tr("{0} You can try again, or close this dialog.").format(
            self.tr("Download cancelled; nothing was left behind.") if cancelled else message))
        self.download_button.setEnabled(True)
        self.download_button.setText(self.tr("Try again"))
        self.cancel_button.setText(self.tr("Close"))

    def _finish_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._job = None

    def succeeded(self) -> bool:
        return self._succeeded

    # ------------------------------------------------------------------ closing
    def stop(self, timeout_s: float = 3.0) -> bool:
        """Cancel a running download and wait for its thread (the main window closing); True if it ended.
        A thread stuck in a network read past the timeout is kept alive until it ends by itself, so that
        Qt never destroys a running thread."""
        if not self.is_downloading():
            return True
        self._cancelled.set()
        self._thread.quit()  # its event loop ends as soon as the download returns
        if self._thread.wait(int(timeout_s * 1000)):
            self._finish_thread()
            return True
        thread, job = self._thread, self._job
        thread.setParent(None)
        _STRAGGLERS.append((thread, job))
        thread.finished.connect(lambda: _STRAGGLERS.remove((thread, job)))
        self._thread = self._job = None
        return False

    def reject(self) -> None:
        """Esc, Close or the title bar's close button: while downloading, cancel first and close once
        the download has cleaned up (the window stays responsive meanwhile)."""
        if self.is_downloading():
            self._close_when_done = True
            self.cancel()
            return
        super().reject()
