"""My examples: the drawings a person corrected, as a gallery with their labels.

Each can be relabelled or deleted (Ctrl+Z in the gallery brings a deleted one back), all can be learnt at
once, and the set can be exported as a small file and imported (a class collects its handwriting).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QListView, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout)

from nnviz.app.painting import grey_qimage
from nnviz.data.personal_examples import PersonalSet
from nnviz.errors import DataFileError

ICON = 84  # px of a drawing in the gallery: three input pixels per pixel
FILTER = QT_TRANSLATE_NOOP("MyExamplesDialog", "nnviz examples (*.npz);;All files (*)")


class MyExamplesDialog(QDialog):
    """Shows and edits ``teaching``'s personal set (a :class:`nnviz.app.teaching.Teaching`)."""

    def __init__(self, teaching, parent=None):
        super().__init__(parent)
        self.setObjectName("myExamples")
        self.setWindowTitle(self.tr("My examples"))
        self._teaching = teaching
        self._deleted: list[PersonalSet] = []  # what Ctrl+Z here brings back
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.gallery = QListWidget()
        self.gallery.setObjectName("examplesGallery")
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(ICON, ICON))
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.gallery.setSpacing(6)
        self.gallery.itemDoubleClicked.connect(lambda item: self.relabel())
        self.relabel_button = QPushButton(self.tr("Relabel…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.learn_button = QPushButton(self.tr("Learn from all"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.import_button = QPushButton(self.tr("Import…"))
        for button, slot in ((self.relabel_button, self.relabel), (self.delete_button, self.delete_selected),
                             (self.learn_button, teaching.learn_all), (self.export_button, self.ask_export),
                             (self.import_button, self.ask_import)):
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        for button in (self.relabel_button, self.delete_button, self.learn_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.gallery, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Delete, self.gallery, self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete)
        teaching.examplesChanged.connect(self.refresh)
        self.gallery.itemSelectionChanged.connect(self._enable)
        self.resize(640, 460)
        self.refresh()

    def refresh(self) -> None:
        examples = self._teaching.examples()
        self.gallery.clear()
        for index, example in enumerate(examples.examples):
            icon = QIcon(QPixmap.fromImage(grey_qimage(example.image)).scaled(
                ICON, ICON, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))
            item = QListWidgetItem(icon, str(example.label))
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(self.tr("a {0}, kept {1}").format(example.label,
                                                               example.created.astimezone().strftime("%Y-%m-%d %H:%M")))
            self.gallery.addItem(item)
        self.summary.setText(self.tr(
            "{0} drawings you corrected, kept in {1}. Double-click one to relabel it; Delete removes it (Ctrl+Z "
            "brings it back). Training in the window can include them (Training panel).").format(
            len(examples), self._teaching.path()) if len(examples) else self.tr(
            "No examples yet. When the network misreads your drawing, click the right digit under the "
            "probability bars (or press Shift+digit): the drawing is kept here and the network learns it."))
        self._enable()

    def selected(self) -> list[int]:
        return sorted(item.data(Qt.ItemDataRole.UserRole) for item in self.gallery.selectedItems())

    def _enable(self) -> None:
        chosen, count = bool(self.selected()), len(self._teaching.examples())
        self.relabel_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.learn_button.setEnabled(count > 0)
        self.export_button.setEnabled(count > 0)

    def relabel(self, label: int | None = None) -> None:
        chosen = self.selected()
        if not chosen:
            return
        if label is None:
            label, ok = QInputDialog.getInt(self, self.tr("Relabel"), self.tr("This drawing is a:"),
                                            self._teaching.examples()[chosen[0]].label, 0, 9)
            if not ok:
                return
        examples = self._teaching.examples()
        for index in chosen:
            examples = examples.relabelled(index, label)
        self._teaching.set_examples(examples)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        before = examples = self._teaching.examples()
        for index in reversed(chosen):
            examples = examples.without(index)
        if self._teaching.set_examples(examples):
            self._deleted.append(before)

    def undo_delete(self) -> None:
        if self._deleted:
            self._teaching.set_examples(self._deleted.pop())

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export my examples"), "my-examples.npz", self.tr(FILTER))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        try:
            self._teaching.examples().save(path)
        except DataFileError as error:
            self.summary.setText(str(error))
            return False
        return True

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import examples"), "", self.tr(FILTER))
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> bool:
        """Add the examples of ``path`` to these (a damaged file is said here, nothing changes)."""
        try:
            imported = PersonalSet.load(path)
        except DataFileError as error:
            self.summary.setText(str(error))
            return False
        return self._teaching.set_examples(PersonalSet(self._teaching.examples().examples + imported.examples))
