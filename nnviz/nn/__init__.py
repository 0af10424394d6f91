"""The network engine: a multilayer perceptron in plain NumPy, with no Qt anywhere.

    >>> from nnviz.nn import MLP, make_optimizer
    >>> net = MLP([784, 256, 128, 64, 10])
    >>> loss = net.train_step(X_batch, y_batch, make_optimizer("adam"))
"""

from nnviz.errors import ConfigError, DivergenceError, ModelFileError, TrainingError
from nnviz.nn.activations import ACTIVATIONS, get_activation, sigmoid
from nnviz.nn.evaluation import (
    Evaluation,
    accuracy,
    confusion_matrix,
    evaluate,
    per_class_accuracy,
    predict_proba_batched,
)
from nnviz.nn.losses import log_softmax, softmax
from nnviz.nn.mlp import MLP, Trace
from nnviz.nn.optimizers import OPTIMIZERS, Optimizer, make_optimizer
from nnviz.nn.pca import PCA, fit_pca
from nnviz.nn.probe import DreamStep, KnockoutProgress, clamp, dream, dream_steps, knockout, nudge, silence
from nnviz.nn.saliency import backprop_to_input, input_gradient, near_ink, occlusion
from nnviz.nn.schedules import SCHEDULES, Schedule
from nnviz.nn.teach import TeachConfig, TeachResult, teach, teach_and_report
from nnviz.nn.training import EpochRecord, StepRecord, TrainConfig, train

__all__ = [
    "ACTIVATIONS", "MLP", "OPTIMIZERS", "PCA", "SCHEDULES", "ConfigError", "DivergenceError", "DreamStep",
    "EpochRecord", "Evaluation", "KnockoutProgress", "ModelFileError", "Optimizer", "Schedule", "StepRecord",
    "TeachConfig", "TeachResult", "Trace", "TrainConfig", "TrainingError", "accuracy", "backprop_to_input",
    "clamp", "confusion_matrix", "dream", "dream_steps", "evaluate", "fit_pca", "get_activation",
    "input_gradient", "knockout", "log_softmax", "make_optimizer", "near_ink", "nudge", "occlusion",
    "per_class_accuracy", "predict_proba_batched", "sigmoid", "silence", "softmax", "teach", "teach_and_report",
    "train",
]
