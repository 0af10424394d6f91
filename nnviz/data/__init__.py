"""MNIST as a user gets it, and the way from a drawing to the network's input. No Qt here.

- :mod:`~nnviz.data.idx`: reading IDX files; :mod:`~nnviz.data.mnist`: where the four files live, their
  checksums, loading them; :mod:`~nnviz.data.download`: fetching them from the public mirrors;
  :mod:`~nnviz.data.progress_bar`: the terminal bar the CLI shows.
- :mod:`~nnviz.data.preprocess`: a canvas drawing -> the 28x28 input, as MNIST's authors made theirs.
- :mod:`~nnviz.data.augment`: distorting training digits so they look more like mouse drawings.
- :mod:`~nnviz.data.pen_digits`: real digits written with a pen by 30 writers (UCI), read from their
  UNIPEN file; :mod:`~nnviz.data.pen_render`: strokes onto the canvas with the canvas's own pen;
  :mod:`~nnviz.data.pen_inputs`: pen digits as a person would draw them, turned into network inputs.
- :mod:`~nnviz.data.personal_examples`: a person's corrected drawings (input, label, strokes), kept in a
  small versioned file that ``nnviz train --extra`` and other people's windows can load.

Only NumPy is imported here; scipy, urllib and platformdirs wait until a function needs them, so
``import nnviz.data`` stays quick (the window imports it at start-up).
"""

from nnviz.data.augment import AugmentConfig, augment_batch
from nnviz.data.download import DownloadProgress, download_mnist
from nnviz.data.idx import read_idx
from nnviz.data.mnist import MnistData, find_missing, load_mnist, resolve_data_dir
from nnviz.data.pen_digits import VALIDATION_WRITERS, PenDigit, read_pen_digits, validation_split
from nnviz.data.pen_inputs import PenStyle, pen_inputs
from nnviz.data.pen_render import render_strokes
from nnviz.data.personal_examples import PersonalExample, PersonalSet
from nnviz.data.preprocess import STROKE_WIDTH, Prepared, prepare, to_mnist

__all__ = [
    "STROKE_WIDTH", "VALIDATION_WRITERS", "AugmentConfig", "DownloadProgress", "MnistData", "PenDigit", "PenStyle",
    "PersonalExample", "PersonalSet", "Prepared", "augment_batch", "download_mnist", "find_missing", "load_mnist",
    "pen_inputs", "prepare", "read_idx", "read_pen_digits", "render_strokes", "resolve_data_dir", "to_mnist",
    "validation_split",
]
