"""Every hyperparameter of a run declared once: its kind, limits, default, label and help.

``nnviz train``'s arguments, the training panel's fields and the lesson-file checks are all made from
:data:`HYPERPARAMETERS`, so a new hyperparameter is one row here and a field of
:class:`~nnviz.nn.TrainConfig` (which keeps the checks that need the optimizer or the schedule).
Labels and help are English sources: the panel shows them translated (context ``TrainingPanel``).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, fields

from nnviz.appmodel.wording import QT_TRANSLATE_NOOP
from nnviz.errors import ConfigError
from nnviz.nn import OPTIMIZERS, SCHEDULES, TrainConfig

WHOLE, NUMBER, OPTIONAL_NUMBER, CHOICE, FLAG = "whole", "number", "optional number", "choice", "flag"
TYPE_NAMES = {WHOLE: "whole", NUMBER: "number", OPTIONAL_NUMBER: "number or null", CHOICE: "text",
              FLAG: "true or false"}  # as a lesson file's reader is told
LR_PRESETS = ("0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1")
PENALTY_PRESETS = ("0", "1e-06", "1e-05", "0.0001", "0.001")
DECAY_PRESETS = ("0", "0.0001", "0.0005", "0.001", "0.01")  # after "default" (the optimizer's own)


@dataclass(frozen=True)
class Hyperparameter:
    """One field of TrainConfig as the user meets it. ``low``/``high`` bound whole numbers; ``positive``: the
    panel asks for a number above 0 (else 0 or more); ``panel``: a field of the training panel (in table
    order, three to a row; the flags share one cell)."""

    key: str
    kind: str
    label: str
    help: str
    low: int = 0
    high: int = 2**31 - 1
    positive: bool = False
    choices: tuple[str, ...] = ()
    presets: tuple[str, ...] = ()
    panel: bool = True
    cli_default: object = None  # the train command's own default, where it is not TrainConfig's

    @property
    def default(self):
        return next(f.default for f in fields(TrainConfig) if f.name == self.key)

    @property
    def flag(self) -> str:
        return "--" + self.key.replace("_", "-")

    def check(self, value, name: str = "") -> None:
        """Raise ConfigError (naming the hyperparameter, or ``name``) unless ``value`` has this kind and a whole
        number is within limits; TrainConfig checks the rest (a learning rate above 0, a known optimizer)."""
        name = name or f"hyperparameter {self.key!r}"
        if not _has_kind(value, self.kind):
            raise ConfigError(f"{name} must be {TYPE_NAMES[self.kind]}, got {value!r}")
        if self.kind == WHOLE and not self.low <= value <= self.high:
            raise ConfigError(f"{name} must be from {self.low} to {self.high}, got {value}")


HYPERPARAMETERS = (
    Hyperparameter("optimizer", CHOICE, QT_TRANSLATE_NOOP("TrainingPanel", "Optimizer"), QT_TRANSLATE_NOOP(
        "TrainingPanel", "The update rule. Adam is a good default;\nplain SGD needs a larger learning rate "
        "(about 0.1)."), choices=tuple(OPTIMIZERS)),
    Hyperparameter("lr", NUMBER, QT_TRANSLATE_NOOP("TrainingPanel", "Learning rate"), QT_TRANSLATE_NOOP(
        "TrainingPanel", "Base learning rate (scaled by the schedule).\nPick one or type a number above 0; too "
        "large and training diverges."), positive=True, presets=LR_PRESETS),
    Hyperparameter("schedule", CHOICE, QT_TRANSLATE_NOOP("TrainingPanel", "Schedule"), QT_TRANSLATE_NOOP(
        "TrainingPanel", "How the learning rate changes over the run\n(cosine: from the base rate down to 0 at "
        "the last epoch)."), choices=tuple(SCHEDULES)),
    Hyperparameter("batch_size", WHOLE, QT_TRANSLATE_NOOP("TrainingPanel", "Batch size"), QT_TRANSLATE_NOOP(
        "TrainingPanel", "Digits per training step (one step = one batch)."), low=1, high=4096),
    Hyperparameter("epochs", WHOLE, QT_TRANSLATE_NOOP("TrainingPanel", "Epochs"), QT_TRANSLATE_NOOP(
        "TrainingPanel", "Passes over the training digits in one run."), low=1, high=500),
    Hyperparameter("augment", FLAG, QT_TRANSLATE_NOOP("TrainingPanel", "Augment"), QT_TRANSLATE_NOOP(
        "TrainingPanel", "Distort the training digits on the fly (tilt, shear, thickness, wobble),\nlike mouse "
        "drawings: the network reads your drawings better, but\ntraining is slower. Takes effect from the next "
        "epoch."), cli_default=True),
    Hyperparameter("l1", NUMBER, QT_TRANSLATE_NOOP("TrainingPanel", "L1 penalty"), QT_TRANSLATE_NOOP(
        "TrainingPanel", "L1 penalty on the weights: pushes many weights to exactly 0."), presets=PENALTY_PRESETS),
    Hyperparameter("l2", NUMBER, QT_TRANSLATE_NOOP("TrainingPanel", "L2 penalty"), QT_TRANSLATE_NOOP(
        "TrainingPanel", "L2 penalty on the weights: keeps all weights small."), presets=PENALTY_PRESETS),
    Hyperparameter("weight_decay", OPTIONAL_NUMBER, QT_TRANSLATE_NOOP("TrainingPanel", "Weight decay"),
                   QT_TRANSLATE_NOOP("TrainingPanel", "Weight decay of the optimizer ('default': the\noptimizer's "
                                     "own, e.g. 0.01 for AdamW, 0 for the others)."), presets=DECAY_PRESETS),
    Hyperparameter("warmup", NUMBER, "Warm-up", "Epochs of linear learning-rate warm-up.", panel=False),
    Hyperparameter("gamma", NUMBER, "Decay factor", "The step and exponential schedules' factor per step.",
                   panel=False),
    Hyperparameter("step_size", NUMBER, "Step size", "Epochs between the step schedule's steps.", positive=True,
                   panel=False),
    Hyperparameter("seed", WHOLE, "Seed", "Seed for initialisation, shuffling and augmentation.", panel=False),
)
BY_KEY = {hp.key: hp for hp in HYPERPARAMETERS}


def _has_kind(value, kind: str) -> bool:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return {WHOLE: isinstance(value, int) and not isinstance(value, bool), NUMBER: number,
            OPTIONAL_NUMBER: value is None or number, CHOICE: isinstance(value, str),
            FLAG: isinstance(value, bool)}[kind]


def check_hyperparameters(values) -> None:
    """A lesson file's ``hyperparameters`` object: known keys (the seed has a place of its own), each of its
    kind and within limits. Raises ConfigError saying which is wrong."""
    if not isinstance(values, dict):
        raise ConfigError(f"'hyperparameters' must be an object, got {values!r}")
    for key, value in values.items():
        if key == "seed":
            raise ConfigError("the seed goes in 'seed', not in 'hyperparameters'")
        if key not in BY_KEY:
            known = ", ".join(hp.key for hp in HYPERPARAMETERS if hp.key != "seed")
            raise ConfigError(f"unknown hyperparameter {key!r}; known: {known}")
        BY_KEY[key].check(value)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """One command-line option per hyperparameter (``--batch-size``, ``--lr``, ``--augment/--no-augment``...)."""
    for hp in HYPERPARAMETERS:
        default = hp.default if hp.cli_default is None else hp.cli_default
        shown = "the optimizer's own" if default is None else ("on" if default else "off") if hp.kind == FLAG \
            else default
        one_of = f" One of: {', '.join(hp.choices)}." if hp.choices else ""
        text = f"{hp.help.replace(chr(10), ' ')}{one_of} (default: {shown})"
        if hp.kind == FLAG:
            parser.add_argument(hp.flag, action=argparse.BooleanOptionalAction, default=default, help=text)
        elif hp.kind == CHOICE:
            parser.add_argument(hp.flag, type=str.lower, default=default, metavar="NAME", help=text)
        else:
            parser.add_argument(hp.flag, type=int if hp.kind == WHOLE else float, default=default, help=text)


def config_from_arguments(args: argparse.Namespace) -> TrainConfig:
    """The TrainConfig the options ask for; ConfigError names the option that is wrong."""
    values = {hp.key: getattr(args, hp.key) for hp in HYPERPARAMETERS}
    for hp in HYPERPARAMETERS:
        hp.check(values[hp.key], f"{hp.flag} ({hp.label.lower()})")
    return TrainConfig(**values)
