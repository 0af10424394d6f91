"""Seconds of training until the default recipe reaches 97 % and 98 % on the MNIST test set.

The default ``nnviz train`` recipe without augmentation (784-256-128-64-10 ReLU, Adam 1e-3, batch 128,
cosine decay over 8 epochs). Test accuracy is measured every quarter epoch; the time spent measuring is
not counted. Also prints the wall time of the whole ``nnviz train --epochs 8 --no-augment`` process.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python bench/time_to_accuracy.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nnviz.data import load_mnist
from nnviz.nn import MLP, StepRecord, TrainConfig, accuracy, train

TARGETS = (0.97, 0.98)


def seconds_to_targets(checks_per_epoch: int = 4) -> dict[float, float | None]:
    data = load_mnist()
    config = TrainConfig()
    net = MLP([784, 256, 128, 64, 10], seed=config.seed)
    every = len(data.x_train) // config.batch_size // checks_per_epoch
    reached: dict[float, float | None] = {t: None for t in TARGETS}
    training_seconds, last = 0.0, time.perf_counter()
    for record in train(net, data.x_train, data.y_train, config):
        if isinstance(record, StepRecord) and record.step % every == 0:
            training_seconds += time.perf_counter() - last
            acc = accuracy(net, data.x_test, data.y_test)
            for target in TARGETS:
                if reached[target] is None and acc >= target:
                    reached[target] = training_seconds
                    print(f"  {100 * target:.0f} % reached after {training_seconds:.1f} s "
                          f"(epoch {record.progress:.2f}, test accuracy {100 * acc:.2f} %)", flush=True)
            last = time.perf_counter()
    print(f"  final test accuracy {100 * accuracy(net, data.x_test, data.y_test):.2f} % "
          f"after {training_seconds + time.perf_counter() - last:.1f} s of training")
    return reached


def whole_process_seconds() -> float:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "nnviz", "train", "--epochs", "8", "--no-augment", "--json",
                        "--out", str(Path(folder) / "m.npz")], check=True)
        return time.perf_counter() - start


def main() -> None:
    print("time to accuracy (default recipe, no augmentation):")
    seconds_to_targets()
    print("whole process `nnviz train --epochs 8 --no-augment --json`:")
    print(f"  {whole_process_seconds():.1f} s")


if __name__ == "__main__":
    main()
