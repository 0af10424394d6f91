"""MNIST as a user gets it, and the way from a drawing to the network's input. No Qt here.

Heavy imports (scipy) happen only when a function needs them, so ``import nnviz.data`` stays fast.
"""

from nnviz.data.augment import AugmentConfig, augment_batch
from nnviz.data.download import DownloadProgress, download_mnist
from nnviz.data.idx import read_idx
from nnviz.data.mnist import MnistData, find_missing, load_mnist, resolve_data_dir
from nnviz.data.preprocess import Prepared, prepare, to_mnist

__all__ = [
    "AugmentConfig", "DownloadProgress", "MnistData", "Prepared", "augment_batch", "download_mnist",
    "find_missing", "load_mnist", "prepare", "read_idx", "resolve_data_dir", "to_mnist",
]
