"""A lesson's entry in the registry, declared by its own module (see :data:`nnviz.lessons.LESSONS`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lesson:
    """``name``: what ``nnviz --lesson`` takes; ``order``: its place in lists; ``view``: the window's view of
    it as "module:Class" (imported by the window only, so the lessons stay Qt-free); ``module``: where it
    was declared (filled in by the registry)."""

    name: str
    order: int
    view: str = ""
    module: str = ""
