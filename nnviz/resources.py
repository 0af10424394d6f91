"""Where the files that ship with nnviz are: the pretrained model and the assets.

In the repository they live in ``models/`` and ``assets/``; an installed nnviz carries the same files
as the packages ``nnviz.shipped_models`` and ``nnviz.shipped_assets`` (see pyproject.toml), so that
``pip install . && nnviz`` opens with the model loaded.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]
MODEL_NAME = "mnist-mlp.npz"


def _find(package: str, folder: str, name: str) -> Path:
    try:
        candidate = Path(str(resources.files(package).joinpath(name)))
        if candidate.exists():
            return candidate
    except (ModuleNotFoundError, TypeError):
        pass
    return _REPO / folder / name


def shipped_model_path() -> Path:
    """The pretrained MNIST model that the window loads at start."""
    return _find("nnviz.shipped_models", "models", MODEL_NAME)


def asset_path(name: str) -> Path:
    """A file from ``assets/`` (sample drawings, icons)."""
    return _find("nnviz.shipped_assets", "assets", name)
