"""What augmentation costs: seconds to augment 60,000 MNIST digits, and an epoch with and without it.

1. ``augment_batch`` alone, on one thread, over the 60,000 training digits: in chunks of 4,096 (as the
   training loop's background prefetch calls it) and in batches of 128 (as a caller without prefetch
   would); median of 3 runs each, and the cost per batch of 128.
2. Seconds per epoch of the default recipe (784-256-128-64-10, Adam, batch 128) with and without
   augmentation, side by side (the augmented one prefetched on a background thread by ``train``).

    NNVIZ_DATA=../shared/data/mnist env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python bench/augment_cost.py
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from nnviz.data import AugmentConfig, augment_batch, load_mnist
from nnviz.nn import MLP, EpochRecord, TrainConfig, train


def augment_seconds(x: np.ndarray, chunk: int, config: AugmentConfig, runs: int = 3) -> list[float]:
    """Seconds to augment all of ``x`` ``chunk`` rows at a time, once per run (seeded, so runs match)."""
    times = []
    for run in range(runs):
        rng = np.random.default_rng(run)
        start = time.perf_counter()
        for i in range(0, len(x), chunk):
            augment_batch(x[i : i + chunk], rng, config)
        times.append(time.perf_counter() - start)
    return times


def epoch_seconds(data, augment: bool, epochs: int = 2) -> list[float]:
    net = MLP([784, 256, 128, 64, 10])
    config = TrainConfig(epochs=epochs, augment=augment)
    return [r.seconds for r in train(net, data.x_train, data.y_train, config, augment=augment_batch)
            if isinstance(r, EpochRecord)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of (plain epochs, augmented epochs)")
    parser.add_argument("--no-epochs", action="store_true", help="only time augment_batch itself")
    args = parser.parse_args()
    data = load_mnist()
    x = data.x_train
    default = AugmentConfig()
    print(f"augment_batch, one thread, {len(x):,} digits, {default}")
    for label, config in ((f"default (probability {default.probability})", default), ("every digit distorted", AugmentConfig(probability=1.0))):
        for chunk in (4096, 128):
            times = augment_seconds(x, chunk, config)
            median = statistics.median(times)
            print(f"  {label:26s} chunks of {chunk:5d}: {median:.2f} s (median of 3: "
                  f"{', '.join(f'{t:.2f}' for t in times)}), {1e3 * median * 128 / len(x):.2f} ms per 128 digits")
    if args.no_epochs:
        return
    plain, augmented = [], []
    for _ in range(args.rounds):
        plain += epoch_seconds(data, False)
        augmented += epoch_seconds(data, True)
    p, a = statistics.median(plain), statistics.median(augmented)
    print(f"epoch without augmentation: {p:.2f} s (median of {len(plain)})")
    print(f"epoch with augmentation (prefetched in a background thread): {a:.2f} s (median of {len(augmented)})")
    print(f"ratio: {a / p:.2f}x")


if __name__ == "__main__":
    main()
