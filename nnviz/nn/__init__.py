"""The network engine: a multilayer perceptron in plain NumPy, with no Qt anywhere.

    >>> from nnviz.nn import MLP, make_optimizer
    >>> net = MLP([784, 256, 128, 64, 10])
    >>> loss = net.train_step(X_batch, y_batch, make_optimizer("adam"))
"""

from nnviz.errors import ConfigError, DivergenceError, ModelFileError, TrainingError
from nnviz.nn.activations import ACTIVATIONS, get_activation, sigmoid
from nnviz.nn.evaluation import accuracy, confusion_matrix, per_class_accuracy, predict_proba_batched
from nnviz.nn.losses import log_softmax, softmax
from nnviz.nn.mlp import MLP, Trace
from nnviz.nn.optimizers import OPTIMIZERS, Optimizer, make_optimizer
from nnviz.nn.schedules import SCHEDULES, Schedule
from nnviz.nn.training import EpochRecord, StepRecord, TrainConfig, train

__all__ = [
    "ACTIVATIONS", "MLP", "OPTIMIZERS", "SCHEDULES", "ConfigError", "DivergenceError", "EpochRecord",
    "ModelFileError", "Optimizer", "Schedule", "StepRecord", "Trace", "TrainConfig", "TrainingError",
    "accuracy", "confusion_matrix", "get_activation", "log_softmax", "make_optimizer",
    "per_class_accuracy", "predict_proba_batched", "sigmoid", "softmax", "train",
]
