"""nnviz: draw a digit and watch a multilayer perceptron read it and learn."""

__version__ = "0.1.0"
