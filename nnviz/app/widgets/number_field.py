"""The training panel's number fields: typical values to pick from, any number typed in, "default" for the
optimizer's own weight decay; what is typed is read with a message for the user when it is not a number."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QWidget

from nnviz.errors import ConfigError

DEFAULT = "default"  # the weight decay "the optimizer's own": typed in English or in the window's language


def default_text() -> str:
    """What the weight-decay field shows for "the optimizer's own"."""
    return QCoreApplication.translate("TrainingPanel", "default")


def format_number(value: float | None) -> str:
    return default_text() if value is None else f"{value:g}"


class NumberField(QComboBox):
    """An editable list of typical values that also takes any number typed in."""

    def __init__(self, presets: list[str], tooltip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.addItems(presets)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setToolTip(tooltip)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(6)

    def set_text(self, text: str) -> None:
        with QSignalBlocker(self):
            index = self.findText(text)
            if index >= 0:
                self.setCurrentIndex(index)
            self.setEditText(text)


def parse_number(text: str, name: str, *, positive: bool = False, allow_default: bool = False) -> float | None:
    """A number typed into the panel; raises ConfigError with a message for the user (``name`` is the
    field's name in the window's language)."""
    text = text.strip().replace(",", ".")
    if allow_default and text.lower() in (DEFAULT, default_text().lower(), ""):
        return None
    try:
        value = float(text)
    except ValueError:
        raise ConfigError(QCoreApplication.translate("TrainingPanel", "{0}: '{1}' is not a number")
                          .format(name, text)) from None
    if not math.isfinite(value):
        raise ConfigError(QCoreApplication.translate("TrainingPanel", "{0} must be a finite number, not {1}")
                          .format(name, text))
    if positive and value <= 0:
        raise ConfigError(QCoreApplication.translate("TrainingPanel", "{0} must be above 0 (try 0.001)").format(name))
    if value < 0:
        raise ConfigError(QCoreApplication.translate("TrainingPanel", "{0} cannot be negative").format(name))
    return value
