"""The language of the interface: English (the source strings) or Simplified Chinese.

Every user-facing string goes through Qt's translation system (``tr()`` in widgets,
``QCoreApplication.translate()`` elsewhere); a ``QTranslator`` with ``nnviz_<language>.qm`` turns them
into the chosen language, and Qt's own catalogue translates its standard dialogs' buttons. By default
the language follows the system locale; a choice made in the app (View -> Language) is remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from nnviz.app.settings_store import store
from nnviz.app.translation_files import qm_path
from nnviz.appmodel.wording import set_translator

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}  # each in its own language: found whatever is shown
TRANSLATED_LANGUAGES = (CHINESE,)
SETTINGS_KEY = "view/language"

set_translator(QCoreApplication.translate)  # the app model's messages, in whatever language is installed
_installed: list[QTranslator] = []
_current = ENGLISH


def system_language() -> str:
    """The system locale's language if nnviz speaks it (any Chinese locale reads Simplified), else English."""
    return CHINESE if QLocale.system().name().lower().startswith("zh") else ENGLISH


def remembered_language() -> str:
    chosen = store().value(SETTINGS_KEY, "", str)
    return chosen if chosen in LANGUAGES else system_language()


def remember_language(language: str) -> None:
    store().setValue(SETTINGS_KEY, language)


def current_language() -> str:
    return _current


def install_language(language: str) -> str:
    """Make ``language`` the application's language (before windows are built: widgets translate their
    strings when they are made). Returns the language in use: English if the catalogue is missing."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    _current = ENGLISH
    if language not in TRANSLATED_LANGUAGES:
        return _current
    ours = QTranslator(app)
    if not ours.load(str(qm_path(language))):
        return _current
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
    _current = language
    return _current
