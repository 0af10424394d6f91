"""Status lines in the window's language without Qt.

The training child process words its status lines ("reading MNIST…", "finished 3 epochs") itself, as the
training thread did through ``QCoreApplication.translate``; it has no Qt, so it reads the same translations
from the translators' ``.ts`` sources that ship with the app.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable, Iterable

TRANSLATIONS = Path(__file__).resolve().parents[1] / "app" / "translations"


def load_catalogue(language: str, contexts: Iterable[str] | None = None,
                   folder: Path = TRANSLATIONS) -> dict[tuple[str, str], str]:
    """(context, English source) -> finished translation, from every ``<language>_*.ts`` in ``folder``;
    only ``contexts`` if given. English, or a language without files, gives an empty catalogue."""
    wanted = set(contexts) if contexts is not None else None
    catalogue: dict[tuple[str, str], str] = {}
    for ts in sorted(folder.glob(f"{language}_*.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            if wanted is not None and name not in wanted:
                continue
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.text and translation.get("type") is None:
                    catalogue[(name, message.findtext("source"))] = translation.text
    return catalogue


def translator(catalogue: dict[tuple[str, str], str]) -> Callable[[str, str], str]:
    """A ``translate(context, text)`` that falls back to the English source, as Qt's does."""
    return lambda context, text: catalogue.get((context, text), text)
