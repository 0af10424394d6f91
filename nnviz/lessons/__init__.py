"""The textbook lessons as small pure-NumPy scenarios; the window draws them, the tests check their numbers.

One registry: every module of this package that declares ``LESSON = Lesson(...)`` is a lesson, listed in
:data:`LESSONS` by its name (what ``nnviz --lesson NAME`` accepts) in its order. A new lesson is its module
here and its view in ``nnviz/app/lesson_views`` (named by the entry): two files.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import replace

from nnviz.lessons.lesson import Lesson


def _discover() -> dict[str, Lesson]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        entry = getattr(module, "LESSON", None)
        if isinstance(entry, Lesson):
            found.append(replace(entry, module=module.__name__))
    return {lesson.name: lesson for lesson in sorted(found, key=lambda lesson: lesson.order)}


LESSONS: dict[str, Lesson] = _discover()
