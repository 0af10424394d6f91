"""Lesson files (``.nnviz``): a small JSON document a lecturer saves and shares to reopen a set-up.

It holds the lesson name, architecture, hyperparameters, seed and the panels that are visible. Loading
checks every field; an invalid file raises :class:`~nnviz.errors.DataFileError` saying which field.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from nnviz.appmodel.hyperparameters import check_hyperparameters
from nnviz.appmodel.network_limits import HIDDEN_ACTIVATIONS, MAX_HIDDEN_LAYERS, MAX_HIDDEN_SIZE
from nnviz.atomic_file import write_atomically
from nnviz.errors import ConfigError, DataFileError, NnvizError

FORMAT = "nnviz-lesson"
VERSION = 1


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


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
        """Check every field as the window will use it; a DataFileError names the field that is wrong."""
        from nnviz.lessons import LESSONS
        from nnviz.nn import TrainConfig

        if self.lesson not in LESSONS and self.lesson != "mnist":
            raise DataFileError(f"unknown lesson {self.lesson!r}; choose one of: mnist, {', '.join(LESSONS)}")
        if not (isinstance(self.hidden, tuple) and 1 <= len(self.hidden) <= MAX_HIDDEN_LAYERS
                and all(_whole(h) and 1 <= h <= MAX_HIDDEN_SIZE for h in self.hidden)):
            raise DataFileError(f"'hidden' must be 1 to {MAX_HIDDEN_LAYERS} whole numbers between 1 and {MAX_HIDDEN_SIZE}, "
                                f"got {list(self.hidden) if isinstance(self.hidden, tuple) else self.hidden!r}")
        if self.activation not in HIDDEN_ACTIVATIONS:
            raise DataFileError(f"'activation' must be one of {', '.join(HIDDEN_ACTIVATIONS)}, got {self.activation!r}")
        if not (_whole(self.seed) and 0 <= self.seed < 2**31):
            raise DataFileError(f"'seed' must be a whole number from 0 to {2**31 - 1}, got {self.seed!r}")
        if not (isinstance(self.panels, tuple) and all(isinstance(p, str) for p in self.panels)):
            raise DataFileError(f"'panels' must be a list of panel names, got {self.panels!r}")
        for name in ("title", "notes"):
            if not isinstance(getattr(self, name), str):
                raise DataFileError(f"'{name}' must be text")
        try:
            check_hyperparameters(self.hyperparameters)
        except ConfigError as exc:
            raise DataFileError(str(exc)) from None
        try:
            TrainConfig(**self.hyperparameters)
        except NnvizError as exc:
            raise DataFileError(f"invalid hyperparameters: {exc}") from None
        return self

    @classmethod
    def from_dict(cls, doc: dict) -> "LessonFile":
        """A validated lesson from its JSON object (unknown keys, e.g. from a newer nnviz, are ignored)."""
        known = set(cls.__dataclass_fields__)
        fields = {k: v for k, v in doc.items() if k in known}
        for name in ("hidden", "panels"):
            if name in fields:
                if not isinstance(fields[name], list):
                    raise DataFileError(f"'{name}' must be a list, got {fields[name]!r}")
                fields[name] = tuple(fields[name])
        return cls(**fields).validate()

    def to_dict(self) -> dict:
        """The JSON object of this lesson (what :meth:`from_dict` reads back)."""
        return {"format": FORMAT, "version": VERSION, **asdict(self)}

    def save(self, path) -> Path:
        path = Path(path)
        text = json.dumps(self.to_dict(), indent=2)
        return write_atomically(path, lambda handle: handle.write((text + "\n").encode("utf-8")), DataFileError)

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
        try:
            return cls.from_dict(doc)
        except DataFileError as exc:
            raise DataFileError(f"{path}: {exc}") from None
