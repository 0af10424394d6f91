"""A picture of a digit from a file (PNG, JPEG, BMP, ... or a 2-D .npy array) as ink for the canvas:
white on black, whatever the file's colours, as a float32 array in [0, 1]."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from nnviz.app.painting import grey_array
from nnviz.errors import DataFileError, NnvizError

def ink_from_grey(grey: np.ndarray, alpha: np.ndarray | None = None) -> np.ndarray:
    """White-ink-on-black float32 [0, 1] from a grey picture (H, W) in [0, 1] of either polarity.

    Transparent pixels are background. The background's level is read from the picture's border
    (a drawing rarely touches it); a light background means dark ink, so the picture is inverted.
    Then the background is pulled to 0 and the ink stretched to 1, so a photo of grey pencil on
    off-white paper looks like a drawing made on the canvas.
    """
    grey = np.asarray(grey, dtype=np.float32)
    if alpha is not None:
        alpha = np.asarray(alpha, dtype=np.float32)
        weight = alpha.sum()
        ink_is_light = weight > 0 and float((grey * alpha).sum() / weight) > 0.5
        grey = grey * alpha + (0.0 if ink_is_light else 1.0) * (1.0 - alpha)
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    background = float(np.median(border))
    if background > 0.5:
        grey, background = 1.0 - grey, 1.0 - background
    top = float(np.percentile(grey, 99.5)) if grey.size else 0.0
    if top - background > 0.05:
        grey = (grey - background) / (top - background)
    return np.clip(grey, 0.0, 1.0).astype(np.float32)


def read_picture(path: str | Path) -> np.ndarray:
    """The ink of an image file (PNG, JPEG, BMP, ... or a 2-D .npy array) as float32 [0, 1], white on black."""
    path = Path(path)
    if not path.is_file():
        raise DataFileError(QCoreApplication.translate(
            "Canvas", "{0}: no such file; drop a PNG, JPEG or BMP picture of a digit").format(path))
    if path.suffix.lower() == ".npy":
        return ink_from_grey(_read_npy(path))
    image = QImage(str(path))
    if image.isNull():
        raise DataFileError(QCoreApplication.translate(
            "Canvas", "{0} is not a picture nnviz can read; use a PNG, JPEG or BMP image of a digit").format(path.name))
    alpha = None
    if image.hasAlphaChannel():
        rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
        alpha = _channel(rgba, 3)
    grey = grey_array(image.convertToFormat(QImage.Format.Format_Grayscale8)).astype(np.float32) / 255.0
    return ink_from_grey(grey, alpha)


def _channel(rgba: QImage, index: int) -> np.ndarray:
    h, w, stride = rgba.height(), rgba.width(), rgba.bytesPerLine()
    flat = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=h * stride).reshape(h, stride)
    return flat[:, index:4 * w:4].astype(np.float32) / 255.0


def _read_npy(path: Path) -> np.ndarray:
    try:
        array = np.load(path, allow_pickle=False)
    except (ValueError, OSError, EOFError) as error:
        raise DataFileError(QCoreApplication.translate("Canvas", "{0} is not a readable NumPy array ({1})")
                            .format(path.name, error)) from None
    if array.ndim == 1 and array.size == 784:
        array = array.reshape(28, 28)
    if array.ndim != 2 or array.size == 0 or not np.issubdtype(array.dtype, np.number):
        raise DataFileError(QCoreApplication.translate(
            "Canvas", "{0} holds an array of shape {1}; expected a 2-D grey picture").format(path.name, array.shape))
    array = np.nan_to_num(array.astype(np.float32))
    return array / 255.0 if array.max() > 1.0 else array


class DropsPictures:
    """A picture file (or an image) dropped on the canvas becomes its drawing; anything else is refused with
    a message. Needs the canvas's ``load_image_file``, ``set_image``, ``show_message`` and ``loadFailed``."""

    def dragEnterEvent(self, event) -> None:
        if _dropped_path(event.mimeData()) is not None or event.mimeData().hasImage():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        try:
            path = _dropped_path(mime)
            if path is not None:
                self.load_image_file(path)
            elif mime.hasImage():
                self._load_qimage(QImage(mime.imageData()))
            else:
                raise DataFileError(self.tr("only picture files can be dropped on the canvas (PNG, JPEG, BMP)"))
        except NnvizError as error:
            self.show_message(str(error))
            self.loadFailed.emit(str(error))
        event.acceptProposedAction()

    def _load_qimage(self, image: QImage) -> None:
        if image.isNull():
            raise DataFileError(self.tr("the dropped picture could not be read; drop a PNG, JPEG or BMP file"))
        grey = grey_array(image.convertToFormat(QImage.Format.Format_Grayscale8)).astype(np.float32) / 255.0
        self.set_image(ink_from_grey(grey))


def _dropped_path(mime) -> Path | None:
    """The first local file among the dropped URLs, if any."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None
