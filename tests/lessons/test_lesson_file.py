"""Lesson files round-trip, and invalid ones say what is wrong."""

import json

import pytest

from nnviz.errors import DataFileError
from nnviz.lessons.lesson_file import LessonFile


def test_round_trip(tmp_path):
    lesson = LessonFile(lesson="xor", hidden=(16, 16), activation="tanh",
                        hyperparameters={"optimizer": "sgd", "lr": 0.1, "epochs": 3}, seed=7,
                        panels=("networkView", "lossPlot"), title="XOR")
    path = lesson.save(tmp_path / "class.nnviz")
    assert LessonFile.load(path) == lesson


@pytest.mark.parametrize(
    "content,words",
    [
        ("not json", "not a valid lesson file"),
        (json.dumps({"format": "other"}), "not an nnviz lesson file"),
        (json.dumps({"format": "nnviz-lesson", "lesson": "calculus"}), "unknown lesson"),
        (json.dumps({"format": "nnviz-lesson", "hidden": [0]}), "hidden"),
        (json.dumps({"format": "nnviz-lesson", "activation": "swish"}), "'activation' must be one of"),
        (json.dumps({"format": "nnviz-lesson", "hyperparameters": {"lr": -1}}), "learning rate"),
        (json.dumps({"format": "nnviz-lesson", "hyperparameters": {"momentum": 1}}), "unknown hyperparameter 'momentum'"),
        (json.dumps({"format": "nnviz-lesson", "seed": "x"}), "seed"),
    ],
)
def test_invalid_files_are_refused_clearly(tmp_path, content, words):
    path = tmp_path / "bad.nnviz"
    path.write_text(content)
    with pytest.raises(DataFileError, match=words):
        LessonFile.load(path)


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="does not exist"):
        LessonFile.load(tmp_path / "nope.nnviz")


@pytest.mark.parametrize("change,words", [
    ({"seed": 2**40}, "'seed'"),
    ({"seed": -1}, "'seed'"),
    ({"seed": True}, "'seed'"),
    ({"hyperparameters": {"augment": "yes"}}, "'augment' must be true or false"),
    ({"hyperparameters": {"gamma": "x"}}, "'gamma' must be number"),
    ({"hyperparameters": {"foo": 1}}, "unknown hyperparameter 'foo'"),
    ({"hyperparameters": {"seed": 3}}, "goes in 'seed'"),
    ({"panels": [1]}, "'panels'"),
    ({"activation": "step"}, "'activation'"),
    ({"hidden": [16] * 9}, "'hidden'"),
    ({"hidden": 16}, "'hidden' must be a list"),
])
def test_every_field_is_checked_and_named(tmp_path, change, words):
    import json

    doc = {"format": "nnviz-lesson", "version": 1, "lesson": "mnist", **change}
    path = tmp_path / "bad.nnviz"
    path.write_text(json.dumps(doc))
    with pytest.raises(DataFileError, match=words.replace("(", r"\(")):
        LessonFile.load(path)
