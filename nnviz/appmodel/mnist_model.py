"""Which model files nnviz can use on MNIST: 784 inputs (28x28 pixels), 10 softmax outputs (the digits).
One check for the window (opening a file) and the command line (``nnviz eval``, ``nnviz report``)."""

from __future__ import annotations

from pathlib import Path

from nnviz.appmodel.wording import translate
from nnviz.errors import ModelFileError
from nnviz.nn import MLP

MNIST_SIZES = (784, 10)


def load_mnist_model(path: str | Path) -> MLP:
    """The network in ``path`` if it reads MNIST digits, else a ModelFileError saying what it is instead."""
    net = MLP.load(path)
    if (net.sizes[0], net.sizes[-1]) != MNIST_SIZES or net.output != "softmax":
        raise ModelFileError(translate(
            "MnistModel", "{0} is a {1} network with {2} output; an MNIST model has 784 inputs (28x28 pixels) "
            "and 10 outputs (digits 0-9, softmax)").format(Path(path).name, "-".join(map(str, net.sizes)), net.output))
    return net
