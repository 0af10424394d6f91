"""Refresh the translations after changing user-facing strings: ``python tools/update_translations.py``.

Qt's own tools (shipped with PySide6) do the work: ``pyside6-lupdate`` collects every string the app
passes through ``tr()``, ``QCoreApplication.translate()`` or ``QT_TRANSLATE_NOOP()`` into one ``.ts``
file per part of the app and language (existing translations are kept, strings no longer in the code are
dropped); a translator fills in the new ones (Qt Linguist: ``pyside6-linguist FILE.ts``, or any editor);
then ``pyside6-lrelease`` compiles all parts of a language into the ``nnviz_<language>.qm`` the app loads.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nnviz.app.translation_files import PARTS, compile_language, update_part  # noqa: E402
from nnviz.app.i18n import TRANSLATED_LANGUAGES  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=sorted(PARTS), action="append",
                        help="only this part of the app (default: all)")
    args = parser.parse_args()
    for language in TRANSLATED_LANGUAGES:
        for part in args.part or sorted(PARTS):
            untranslated = update_part(part, language)
            for context, source in untranslated:
                print(f"{language} {part}: untranslated in {context}: {source!r}")
        compile_language(language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
