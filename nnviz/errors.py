"""Errors a user can cause. Each carries a message that says what went wrong and what to do.

The CLI prints ``str(error)`` on one line and exits non-zero; the window shows it. Anything that is
not an :class:`NnvizError` is a bug in nnviz, not a user mistake.
"""


class NnvizError(Exception):
    """Base class of every user-facing error nnviz raises on purpose."""


class ConfigError(NnvizError, ValueError):
    """A number or name the user chose is not allowed (learning rate -1, unknown optimizer, ...)."""


class ModelFileError(NnvizError):
    """A model file is missing, not ours, corrupt, pickled, or of the wrong shape."""


class DataFileError(NnvizError):
    """A data file (MNIST IDX, image, lesson) is missing, truncated, swapped or foreign."""


class DownloadError(NnvizError):
    """The data could not be fetched from any mirror (offline, bad checksum, cancelled)."""


class DivergenceError(NnvizError):
    """Training produced a non-finite loss; the weights were restored to the last finite ones."""


class TrainingError(NnvizError):
    """Training was asked for something it cannot do (e.g. backpropagate through a step function)."""
