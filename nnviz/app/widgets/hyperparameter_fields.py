"""The training panel's field for one hyperparameter, made from its row of the table
(:mod:`nnviz.appmodel.hyperparameters`): a list for a choice, a spin box for a whole number, a list of
typical values that takes any number for a number, a check box for a flag."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from nnviz.app.widgets.number_field import NumberField, default_text, format_number, parse_number
from nnviz.appmodel.hyperparameters import CHOICE, FLAG, OPTIONAL_NUMBER, WHOLE, Hyperparameter

# Choices are keys of the engine; the few that are words are shown translated (the rest, like adam, relu or
# tanh, are the names textbooks use in every language).
DISPLAY_NAMES = {
    "momentum": QT_TRANSLATE_NOOP("TrainingPanel", "momentum"),
    "constant": QT_TRANSLATE_NOOP("TrainingPanel", "constant"),
    "step": QT_TRANSLATE_NOOP("TrainingPanel", "step"),
    "exponential": QT_TRANSLATE_NOOP("TrainingPanel", "exponential"),
    "cosine": QT_TRANSLATE_NOOP("TrainingPanel", "cosine"),
}


def translated(text: str) -> str:
    return QCoreApplication.translate("TrainingPanel", text)


def display_name(key: str) -> str:
    return translated(DISPLAY_NAMES[key]) if key in DISPLAY_NAMES else key


def choice_box(keys, tooltip: str) -> QComboBox:
    """Engine keys as item data, shown by their display names."""
    box = QComboBox()
    for key in keys:
        box.addItem(display_name(key), key)
    box.setToolTip(tooltip)
    return box


class HyperparameterField:
    """A widget for ``hp`` and its value: ``value()`` raises ConfigError (in the window's language) for what
    cannot be a value; ``edited`` fires while typing (check only), ``committed`` when a value is chosen."""

    def __init__(self, hp: Hyperparameter):
        self.hp = hp
        self.label = "" if hp.kind == FLAG else translated(hp.label)
        tooltip = translated(hp.help)
        if hp.kind == CHOICE:
            self.widget: QWidget = choice_box(hp.choices, tooltip)
        elif hp.kind == WHOLE:
            self.widget = QSpinBox()
            self.widget.setRange(hp.low, hp.high)
            self.widget.setKeyboardTracking(False)  # commits when typing is done (arrow steps at once)
            self.widget.setToolTip(tooltip)
        elif hp.kind == FLAG:
            self.widget = QCheckBox(translated(hp.label))
            self.widget.setToolTip(tooltip)
        else:
            presets = [default_text(), *hp.presets] if hp.kind == OPTIONAL_NUMBER else list(hp.presets)
            self.widget = NumberField(presets, tooltip)

    def connect(self, edited, committed) -> None:
        widget = self.widget
        if isinstance(widget, NumberField):
            widget.lineEdit().textEdited.connect(edited)
            widget.lineEdit().editingFinished.connect(committed)
            widget.activated.connect(committed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(committed)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(committed)
        else:
            widget.toggled.connect(committed)

    def value(self):
        widget = self.widget
        if isinstance(widget, NumberField):
            return parse_number(widget.currentText(), translated(self.hp.label), positive=self.hp.positive,
                                allow_default=self.hp.kind == OPTIONAL_NUMBER)
        if isinstance(widget, QComboBox):
            return widget.currentData()
        return widget.value() if isinstance(widget, QSpinBox) else widget.isChecked()

    def set_value(self, value) -> None:
        """Show ``value`` (emits nothing)."""
        widget = self.widget
        if isinstance(widget, NumberField):
            widget.set_text(format_number(value))
            return
        with QSignalBlocker(widget):
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findData(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(value)
            else:
                widget.setChecked(value)
