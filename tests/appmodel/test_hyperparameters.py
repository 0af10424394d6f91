"""The hyperparameter table: one row per TrainConfig field, from which the train command's options and the
lesson-file checks are made (the panel's fields: tests/app/widgets/test_training_panel_widget.py)."""

from __future__ import annotations

import argparse
from dataclasses import fields

import pytest

from nnviz.appmodel.hyperparameters import (BY_KEY, HYPERPARAMETERS, add_arguments, check_hyperparameters,
                                            config_from_arguments)
from nnviz.errors import ConfigError
from nnviz.nn import OPTIMIZERS, TrainConfig


def parse(*argv):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(argv)


def test_declares_every_field_of_a_run_once():
    assert [hp.key for hp in HYPERPARAMETERS] != [] and len(BY_KEY) == len(HYPERPARAMETERS)
    assert set(BY_KEY) == {f.name for f in fields(TrainConfig)}


def test_the_options_default_to_a_runs_defaults_but_augment_on_the_command_line():
    assert config_from_arguments(parse()) == TrainConfig(augment=True)


def test_every_option_reaches_the_config():
    config = config_from_arguments(parse("--optimizer", "AdamW", "--lr", "0.01", "--batch-size", "32", "--epochs", "3",
                                         "--no-augment", "--l1", "1e-5", "--l2", "0.001", "--weight-decay", "0.1",
                                         "--schedule", "step", "--warmup", "0.5", "--gamma", "0.3", "--step-size", "2",
                                         "--seed", "9"))
    assert config == TrainConfig(optimizer="adamw", lr=0.01, batch_size=32, epochs=3, augment=False, l1=1e-5, l2=0.001,
                                 weight_decay=0.1, schedule="step", warmup=0.5, gamma=0.3, step_size=2.0, seed=9)


@pytest.mark.parametrize("argv, words", [
    (("--batch-size", "0"), "--batch-size (batch size) must be from 1 to 4096"),
    (("--epochs", "501"), "--epochs (epochs) must be from 1 to 500"),
    (("--lr", "-1"), "learning rate"),
    (("--optimizer", "adamx"), "unknown optimizer 'adamx'"),
])
def test_a_bad_option_is_named(argv, words):
    with pytest.raises(ConfigError, match=words.replace("(", r"\(").replace(")", r"\)")):
        config_from_arguments(parse(*argv))


def test_lesson_hyperparameters_are_checked_by_kind_and_limits():
    check_hyperparameters({"optimizer": "sgd", "lr": 0.1, "epochs": 3, "weight_decay": None, "augment": False})
    for values, words in [({"epochs": 2.5}, "'epochs' must be whole"), ({"epochs": 0}, "'epochs' must be from 1"),
                          ({"augment": 1}, "'augment' must be true or false"), ({"lr": "fast"}, "'lr' must be number"),
                          ({"weight_decay": "x"}, "'weight_decay' must be number or null"),
                          ({"momentum": 0.9}, "unknown hyperparameter 'momentum'"), ({"seed": 1}, "goes in 'seed'"),
                          ([1], "must be an object")]:
        with pytest.raises(ConfigError, match=words):
            check_hyperparameters(values)


def test_choices_are_the_engines():
    assert BY_KEY["optimizer"].choices == tuple(OPTIMIZERS)
