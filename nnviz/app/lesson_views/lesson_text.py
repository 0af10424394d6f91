"""What the lesson window writes above every lesson view: its title and explanation, in the window's language.

A view states them as class constants, marked for translation with ``QT_TRANSLATE_NOOP`` under the view's
class name (they are read at import, before any translator is installed); ``view.title`` and
``view.explanation`` are those texts translated when they are asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class LessonText:
    """Mixed into a lesson view (before ``QWidget``): ``TITLE`` and ``EXPLANATION`` (rich text) in, translated out."""

    TITLE = ""
    EXPLANATION = ""

    @property
    def title(self) -> str:
        return QCoreApplication.translate(type(self).__name__, self.TITLE)

    @property
    def explanation(self) -> str:
        return QCoreApplication.translate(type(self).__name__, self.EXPLANATION)
