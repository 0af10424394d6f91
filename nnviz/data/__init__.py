"""MNIST as a user gets it, and the way from a drawing to the network's input. No Qt here.

- :mod:`~nnviz.data.idx`: reading IDX files; :mod:`~nnviz.data.mnist`: where the four files live, their
  checksums, loading them; :mod:`~nnviz.data.download`: fetching them from the public mirrors;
  :mod:`~nnviz.data.progress_bar`: the terminal bar the CLI shows.
- :mod:`~nnviz.data.preprocess`: a canvas drawing -> the 28x28 input, as MNIST's authors made theirs.
- :mod:`~nnviz.data.augment`: distorting training digits so they look more like mouse drawings.

Only NumPy is imported here; scipy, urllib and platformdirs wait until a function needs them, so
``import nnviz.data`` stays quick (the window imports it at start-up).
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
