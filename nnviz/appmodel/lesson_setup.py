"""A lesson file (``.nnviz``) and the window's set-up, converted both ways (no Qt here).

A lecturer prepares a class: architecture, hyperparameters, seed and which Inspect panel to show, saved
from the window (File -> Save lesson set-up) and opened again with ``nnviz --lesson FILE`` or File -> Open.
"""

from __future__ import annotations

from dataclasses import asdict

from nnviz.appmodel.snapshot import Architecture
from nnviz.appmodel.training_session import TrainingSettings
from nnviz.lessons.lesson_file import LessonFile
from nnviz.nn import TrainConfig

WINDOW_LESSON = "mnist"  # the lesson name of a set-up of the main window (the others have their own windows)


def lesson_from_settings(settings: TrainingSettings, panels: tuple[str, ...] = (), title: str = "") -> LessonFile:
    """The window's set-up as a lesson; DataFileError for what a lesson file cannot hold (e.g. a layer of
    5,000 neurons from an opened model)."""
    hyperparameters = {k: v for k, v in asdict(settings.config).items() if k != "seed"}
    return LessonFile(lesson=WINDOW_LESSON, hidden=tuple(settings.architecture.hidden),
                      activation=settings.architecture.activation, hyperparameters=hyperparameters,
                      seed=settings.config.seed, panels=tuple(panels), title=title).validate()


def settings_from_lesson(lesson: LessonFile) -> TrainingSettings:
    config = TrainConfig(**{**lesson.hyperparameters, "seed": lesson.seed})
    return TrainingSettings(Architecture(hidden=tuple(lesson.hidden), activation=lesson.activation), config)
