"""Training throughput of nnviz vs PyTorch (CPU) on the same work, measured side by side.

The 784-256-128-64-10 ReLU/softmax MLP, Adam lr 1e-3, float32, on 30,000 random rows. The two engines
alternate in one process, several rounds each, so machine noise hits both alike; we print the median
samples/s of each and the median of the per-round ratios.

    pip install ".[bench]"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python bench/train_throughput.py
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from nnviz.nn import MLP, make_optimizer

SIZES = [784, 256, 128, 64, 10]


def nnviz_epoch(X, y, batch):
    net = MLP(SIZES, seed=0)
    opt = make_optimizer("adam", lr=1e-3)

    def run():
        for i in range(0, len(X) - batch + 1, batch):
            net.train_step(X[i : i + batch], y[i : i + batch], opt)

    return run


def torch_epoch(X, y, batch):
    import torch

    model = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10),
    )
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)

    def run():
        for i in range(0, len(X) - batch + 1, batch):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(Xt[i : i + batch]), yt[i : i + batch])
            loss.backward()
            opt.step()

    return run


def measure(batch: int, rows: int, rounds: int) -> None:
    rng = np.random.default_rng(0)
    X = rng.random((rows, 784), dtype=np.float32)
    y = rng.integers(0, 10, rows).astype(np.int64)
    samples = (rows // batch) * batch
    engines = {"nnviz": nnviz_epoch(X, y, batch), "torch": torch_epoch(X, y, batch)}
    speed = {name: [] for name in engines}
    for name, run in engines.items():  # warm-up: buffers, BLAS threads, torch's allocator
        run()
    for _ in range(rounds):
        for name, run in engines.items():
            start = time.perf_counter()
            run()
            speed[name].append(samples / (time.perf_counter() - start))
    ratios = [a / b for a, b in zip(speed["nnviz"], speed["torch"])]
    print(
        f"batch {batch:4d}: nnviz {statistics.median(speed['nnviz']):9.0f} samples/s   "
        f"torch {statistics.median(speed['torch']):9.0f} samples/s   "
        f"ratio median {statistics.median(ratios):.2f}x (min {min(ratios):.2f}x, max {max(ratios):.2f}x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--batches", default="128,32,512")
    args = parser.parse_args()
    import torch

    print(f"numpy {np.__version__}, torch {torch.__version__} ({torch.get_num_threads()} threads)")
    for batch in map(int, args.batches.split(",")):
        measure(batch, args.rows, args.rounds)


if __name__ == "__main__":
    main()
