"""Lesson files (``.nnviz``): a small JSON document a lecturer saves and shares to reopen a set-up.

It holds the lesson name, architecture, hyperparameters, seed and the panels that are visible. Loading
checks every field; an invalid file raises :class:`~nnviz.errors.DataFileError` saying which field.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from nnviz.errors import DataFileError, NnvizError

FORMAT = "nnviz-lesson"
VERSION = 1


@dataclass(frozen=True)
class LessonFile:
    lesson: str = "mnist"
    hidden: tuple[int, ...] = (256, 128, 64)
    activation: str = "relu"
    hyperparameters: dict = field(default_factory=dict)
    seed: int = 0
    panels: tuple[str, ...] = ()
    title: str = ""
    notes: str = ""

    def validate(self) -> "LessonFile":
        from nnviz.lessons import LESSONS
        from nnviz.nn import ACTIVATIONS, TrainConfig

        if self.lesson not in LESSONS and self.lesson != "mnist":
            raise DataFileError(f"unknown lesson {self.lesson!r}; choose one of: mnist, {', '.join(LESSONS)}")
        if not all(isinstance(h, int) and 1 <= h <= 4096 for h in self.hidden):
            raise DataFileError(f"'hidden' must be whole numbers between 1 and 4096, got {list(self.hidden)}")
        if self.activation not in ACTIVATIONS:
            raise DataFileError(f"unknown activation {self.activation!r}")
        try:
            TrainConfig(**self.hyperparameters)
        except (NnvizError, TypeError) as exc:
            raise DataFileError(f"invalid hyperparameters: {exc}") from None
        return self

    def save(self, path) -> Path:
        path = Path(path)
        text = json.dumps({"format": FORMAT, "version": VERSION, **asdict(self)}, indent=2)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent if str(path.parent) else ".")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(tmp, path)
        return path

    @classmethod
    def load(cls, path) -> "LessonFile":
        path = Path(path)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DataFileError(f"lesson file {path} does not exist") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise DataFileError(f"{path} is not a valid lesson file ({exc})") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise DataFileError(f"{path} is not an nnviz lesson file")
        known = set(cls.__dataclass_fields__)
        fields = {k: v for k, v in doc.items() if k in known}
        try:
            lesson = cls(**{**fields, "hidden": tuple(fields.get("hidden", cls.hidden)),
                            "panels": tuple(fields.get("panels", ()))})
            if not isinstance(lesson.hyperparameters, dict) or not isinstance(lesson.seed, int):
                raise TypeError("hyperparameters must be an object and seed a whole number")
            return lesson.validate()
        except DataFileError as exc:
            raise DataFileError(f"{path}: {exc}") from None
        except TypeError as exc:
            raise DataFileError(f"{path}: {exc}") from None
