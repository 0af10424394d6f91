"""The dialog that offers to download MNIST when training needs it and it is not there.

The download (:func:`nnviz.data.download_mnist`) runs as a background task (:mod:`nnviz.app.background`),
reporting progress as it goes; Cancel asks it to stop between chunks. The downloader guarantees that a
cancelled or failed download leaves no partial file behind; this dialog only has to say what happened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.app.background import BackgroundTask, Cancelled, Progress
from nnviz.errors import NnvizError

PROGRESS_STEPS = 1000


def total_size() -> int:
    from nnviz.data.mnist_files import FILES

    return sum(spec.size for spec in FILES.values())


def describe_size(n_bytes: int) -> str:
    return f"{n_bytes / 1e6:.1f} MB"


def download_job(download: Callable, folder: Path):
    """The download as a background job: progress in bytes over all files, with the file's name."""
    total = total_size()

    def job(progress: Progress) -> Path:
        done: dict[str, int] = {}

        def report(p) -> None:
            done[p.file] = p.bytes_done
            progress(sum(done.values()), max(total, sum(done.values())), p.file)

        try:
            return download(folder, progress=report, cancel=progress.cancelled)
        except NnvizError:
            if progress.cancelled():
                raise Cancelled from None
            raise

    return job


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
        self._task = BackgroundTask("nnviz-download", self)
        self._task.progressed.connect(self._on_progress)
        self._task.succeeded.connect(lambda folder: self._on_finished(True, self.tr("MNIST is ready in {0}").format(folder)))
        self._task.failed.connect(self._on_failed)
        self._task.cancelled.connect(lambda: self._on_finished(False, ""))
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
        return self._task.running()

    @Slot()
    def start_download(self) -> None:
        if self.is_downloading():
            return
        self._succeeded = False
        self.download_button.setEnabled(False)
        self.progress.setFormat(self.tr("connecting…"))
        self.status_label.setText("")
        self._task.start(download_job(self._download_function, self._folder))

    @Slot()
    def cancel(self) -> None:
        """While downloading: stop it (no partial files stay). Otherwise: close the dialog."""
        if self.is_downloading():
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("cancelling…"))
        else:
            self.reject()

    # ------------------------------------------------------------------ progress
    def _on_progress(self, done: int, total: int, file: str) -> None:
        self.progress.setValue(int(PROGRESS_STEPS * done / total) if total else 0)
        self.progress.setFormat(self.tr("{0} of {1} · {2}").format(describe_size(done), describe_size(total), file))

    def _on_failed(self, error: Exception) -> None:
        self._on_finished(False, str(error) if isinstance(error, NnvizError) else self.tr(
            "the download failed: {0}: {1}").format(type(error).__name__, error))

    def _on_finished(self, ok: bool, message: str) -> None:
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
        cancelled = not message
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("cancelled") if cancelled else self.tr("failed"))
        self.status_label.setProperty("role", "error")
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(self.tr("{0} You can try again, or close this dialog.").format(
            self.tr("Download cancelled; nothing was left behind.") if cancelled else message))
        self.download_button.setEnabled(True)
        self.download_button.setText(self.tr("Try again"))
        self.cancel_button.setText(self.tr("Close"))

    def succeeded(self) -> bool:
        return self._succeeded

    # ------------------------------------------------------------------ closing
    def stop(self, timeout_s: float = 3.0) -> bool:
        """Cancel a running download and wait for it (the main window closing); True if it ended. A download
        stuck in a network read past the timeout ends by itself later, on its daemon thread."""
        if not self.is_downloading():
            return True
        self._task.cancel()
        ended = self._task.wait(timeout_s)
        self._task.drop()
        return ended

    def reject(self) -> None:
        """Esc, Close or the title bar's close button: while downloading, cancel first and close once
        the download has cleaned up (the window stays responsive meanwhile)."""
        if self.is_downloading():
            self._close_when_done = True
            self.cancel()
            return
        super().reject()
