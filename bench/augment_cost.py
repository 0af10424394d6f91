"""What augmentation costs: seconds per epoch of the default recipe with and without it, side by side.

Also the raw cost of augmenting 60,000 digits in line (one thread, batches of 128).

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python bench/augment_cost.py
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from nnviz.data import augment_batch, load_mnist
from nnviz.nn import MLP, EpochRecord, TrainConfig, train


def epoch_seconds(data, augment: bool, epochs: int = 2) -> list[float]:
    net = MLP([784, 256, 128, 64, 10])
    config = TrainConfig(epochs=epochs, augment=augment)
    return [r.seconds for r in train(net, data.x_train, data.y_train, config, augment=augment_batch)
            if isinstance(r, EpochRecord)]


def main() -> None:
    data = load_mnist()
    rng = np.random.default_rng(0)
    start = time.perf_counter()
    for i in range(0, len(data.x_train), 128):
        augment_batch(data.x_train[i : i + 128], rng)
    print(f"augmenting 60,000 digits in line: {time.perf_counter() - start:.2f} s")
    plain, augmented = [], []
    for _ in range(3):
        plain += epoch_seconds(data, False)
        augmented += epoch_seconds(data, True)
    p, a = statistics.median(plain), statistics.median(augmented)
    print(f"epoch without augmentation: {p:.2f} s (median of {len(plain)})")
    print(f"epoch with augmentation (prefetched in a background thread): {a:.2f} s (median of {len(augmented)})")
    print(f"ratio: {a / p:.2f}x")


if __name__ == "__main__":
    main()
