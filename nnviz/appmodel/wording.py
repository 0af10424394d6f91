"""The words of the app's model (its settings and network errors) in the interface's language, without Qt.

The window passes ``QCoreApplication.translate`` (:mod:`nnviz.app.i18n`); the training process passes a
catalogue read from the translators' files (:mod:`nnviz.appmodel.catalogue`); elsewhere the English source
stands.
"""

from __future__ import annotations

from typing import Callable

_translator: Callable[[str, str], str] = lambda context, text: text


def set_translator(translator: Callable[[str, str], str]) -> None:
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    """A message's template in the interface's language (named like Qt's, so that lupdate finds it)."""
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for the translators where it is declared (named like Qt's, so that lupdate finds it);
    whoever shows it translates it then."""
    return text
