"""The networks the app builds: how many hidden layers, how wide, which activations. One place for the
training panel, the command line (``nnviz train --hidden``) and lesson files."""

from __future__ import annotations

from nnviz.appmodel.wording import translate
from nnviz.errors import ConfigError

HIDDEN_ACTIVATIONS = ("relu", "leaky_relu", "tanh", "sigmoid")
MAX_HIDDEN_LAYERS = 8
MAX_HIDDEN_SIZE = 4096


def parse_hidden(text: str) -> tuple[int, ...]:
    """``"256, 128,64"`` -> (256, 128, 64). Raises ConfigError with a message fit for the window and
    the command line."""
    parts = [part.strip() for part in text.replace(";", ",").split(",")]
    if parts == [""]:
        return ()
    try:
        sizes = tuple(int(part) for part in parts)
    except ValueError:
        raise ConfigError(translate("TrainingSession", "hidden sizes are whole numbers separated by commas, "
                                    "like 256,128,64 (got {0!r})").format(text)) from None
    if any(size < 1 or size > MAX_HIDDEN_SIZE for size in sizes):
        raise ConfigError(translate("TrainingSession", "each hidden layer needs 1 to {0} neurons (got {1!r})")
                          .format(MAX_HIDDEN_SIZE, text))
    if len(sizes) > MAX_HIDDEN_LAYERS:
        raise ConfigError(translate("TrainingSession", "at most {0} hidden layers (got {1})")
                          .format(MAX_HIDDEN_LAYERS, len(sizes)))
    return sizes


def format_hidden(hidden: tuple[int, ...]) -> str:
    return ",".join(str(n) for n in hidden)
