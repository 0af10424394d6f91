"""Write assets/augmented_samples.png: what training-time augmentation does to MNIST digits.

Ten columns, one MNIST training digit of each class 0-9; the top row is the digit as MNIST has it, the
seven rows under the line are seven draws of ``augment_batch`` with the default ``AugmentConfig`` but
``probability=1`` (by default only 40 % of the digits are distorted, and an untouched copy shows nothing).
Look at it after changing the defaults: every digit must still read as its label.

    NNVIZ_DATA=../shared/data/mnist python tools/make_augment_grid.py [--out assets/augmented_samples.png]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
from pathlib import Path

import numpy as np

from nnviz.data import AugmentConfig, augment_batch, load_mnist

ROWS, COLUMNS = 7, 10
ZOOM, GAP, RULE = 4, 4, 12  # px per MNIST pixel, between tiles, between the originals and the rest
SEED = 2024


def one_of_each_digit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(10, 784): the first training image of each class, in class order."""
    return np.stack([x[np.flatnonzero(y == digit)[0]] for digit in range(COLUMNS)])


def grid_image(originals: np.ndarray, config: AugmentConfig, seed: int = SEED) -> np.ndarray:
    """(H, W) uint8 picture: originals on top, ``ROWS`` rows of augmentations below, white ink on black."""
    rng = np.random.default_rng(seed)
    rows = [originals] + [augment_batch(originals, rng, config) for _ in range(ROWS)]
    tile = 28 * ZOOM
    height = (ROWS + 1) * tile + ROWS * GAP + RULE + 2 * GAP
    width = COLUMNS * tile + (COLUMNS + 1) * GAP
    picture = np.full((height, width), 40, np.uint8)  # dark grey frame, so black tiles show their edges
    for r, images in enumerate(rows):
        top = GAP + r * (tile + GAP) + (RULE if r else 0)
        for c, image in enumerate(images.reshape(-1, 28, 28)):
            left = GAP + c * (tile + GAP)
            big = np.kron(image, np.ones((ZOOM, ZOOM), np.float32))
            picture[top : top + tile, left : left + tile] = np.round(255 * np.clip(big, 0, 1)).astype(np.uint8)
    return picture


def save_png(picture: np.ndarray, path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage  # the tool may use Qt; nnviz.data may not

    picture = np.ascontiguousarray(picture)
    h, w = picture.shape
    image = QImage(picture.data, w, h, w, QImage.Format.Format_Grayscale8)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "assets" / "augmented_samples.png")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    data = load_mnist()
    config = dataclasses.replace(AugmentConfig(), probability=1.0)
    save_png(grid_image(one_of_each_digit(data.x_train, data.y_train), config, args.seed), args.out)
    print(f"wrote {args.out} ({config})")


if __name__ == "__main__":
    main()
