"""The translation sources (``.ts``) and compiled catalogues (``.qm``) in ``nnviz/app/translations``.

The app's strings are split in parts, one ``.ts`` per part and language, so that several people can
translate at once; all parts of a language compile into one ``nnviz_<language>.qm``. Qt's ``lupdate`` and
``lrelease`` (inside the PySide6 wheel) do the extracting and compiling; ``tools/update_translations.py``
drives them and the tests check with them that nothing is left untranslated.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

APP = Path(__file__).resolve().parent
TRANSLATIONS = APP / "translations"
# part -> the modules whose strings it holds; a module belongs to the first part that matches it
PACKAGE = APP.parent
PARTS = {  # patterns inside the nnviz package
    "inspect": ("app/inspection.py", "app/widgets/slow_motion*.py", "app/widgets/network_view.py"),
    "lessons": ("app/lesson_window.py", "app/lesson_views/*.py"),
    "app": ("app/*.py", "app/window/*.py", "appmodel/*.py"),  # the training process words its status lines from appmodel
    "widgets": ("app/widgets/*.py",),
}


def _matches(part: str) -> set[Path]:
    return {path for pattern in PARTS[part] for path in PACKAGE.glob(pattern)}


def sources(part: str) -> list[Path]:
    earlier = set().union(*(_matches(other) for other in PARTS if list(PARTS).index(other) < list(PARTS).index(part)))
    return sorted(_matches(part) - earlier)


def ts_path(part: str, language: str) -> Path:
    return TRANSLATIONS / f"{language}_{part}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"nnviz_{language}.qm"


def _qt_tool(name: str) -> str:
    import PySide6

    tool = Path(PySide6.__file__).parent / name
    if sys.platform == "win32":
        tool = tool.with_suffix(".exe")
    return str(tool)


def update_part(part: str, language: str, ts: Path | None = None) -> list[tuple[str, str]]:
    """Collect the part's strings into its .ts (``ts`` instead of the shipped file if given), keeping
    the translations it has; returns the (context, source) pairs that still need a translation."""
    ts = ts or ts_path(part, language)
    subprocess.run([_qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", language,
                    *map(str, sources(part)), "-ts", str(ts)], check=True)
    return untranslated(ts)


def untranslated(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [translation.text] if not len(translation) else [f.text for f in translation]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
                missing.append((name, message.findtext("source")))
    return missing


def compile_language(language: str, qm: Path | None = None) -> Path:
    """All parts of ``language`` into one .qm (the shipped one unless ``qm`` is given)."""
    qm = qm or qm_path(language)
    parts = [str(ts_path(part, language)) for part in PARTS if ts_path(part, language).exists()]
    subprocess.run([_qt_tool("lrelease"), "-silent", *parts, "-qm", str(qm)], check=True)
    return qm
