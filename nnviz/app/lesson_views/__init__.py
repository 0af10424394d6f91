"""Qt views of the textbook lessons in :mod:`nnviz.lessons`, one per file; :data:`VIEWS` maps lesson names to
them, as the lessons' own registry entries (``Lesson.view``) name them."""

from __future__ import annotations

import importlib

from nnviz.lessons import LESSONS


def _view_class(reference: str) -> type:
    module, name = reference.split(":")
    return getattr(importlib.import_module(module), name)


VIEWS: dict[str, type] = {name: _view_class(lesson.view) for name, lesson in LESSONS.items() if lesson.view}
