"""What poking the network costs and achieves: dreams of the ten digits, nudges of real digits into the next
one, and the knock-out study of a hidden layer (nnviz.nn.probe).

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python bench/probe.py [--model PATH] [--data DIR]

Targets (issue 18): every dream >= 0.9 probability in <= 2 s; nudges from 200 MNIST test digits to
(label + 1) mod 10: >= 95 % succeed within 0.25 per pixel, median change <= 0.12, <= 200 ms each. The
"change" of a nudge is its largest change of any one pixel (the L-infinity distance, the budget's own
measure); the mean change per pixel is printed beside it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))

from gui_latency import default_data_dir, percentile_ms  # noqa: E402


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def bench_dreams(net, smooth: float) -> None:
    from nnviz.nn import dream

    rows = []
    for digit in range(10):
        image, seconds = timed(dream, net, digit, smooth=smooth)
        rows.append((digit, float(net.predict_proba(image)[digit]), seconds))
    print(f"dreams, smooth = {smooth:g} px:")
    print("  " + "  ".join(f"{d}: p {p:.4f} {1e3 * s:.0f} ms" for d, p, s in rows))
    print(f"  lowest probability {min(p for _, p, _ in rows):.4f} [target >= 0.9], "
          f"slowest {max(s for _, _, s in rows):.3f} s [target <= 2 s]")


def bench_nudges(net, x: np.ndarray, y: np.ndarray, max_change: float) -> None:
    from nnviz.nn import nudge

    largest, mean, seconds = [], [], []
    for image, label in zip(x, y):
        nudged, took = timed(nudge, net, image, (int(label) + 1) % 10, max_change=max_change)
        seconds.append(took)
        if nudged is not None:
            assert net.predict(nudged) == (label + 1) % 10 and nudged.min() >= 0 and nudged.max() <= 1
            change = np.abs(nudged.astype(np.float64) - image)
            largest.append(change.max())
            mean.append(change.mean())
    print(f"nudges of {len(x)} MNIST test digits to (label + 1) mod 10 within {max_change:g} per pixel:")
    print(f"  succeeded {len(largest)}/{len(x)} = {100 * len(largest) / len(x):.1f} % [target >= 95 %]")
    if largest:
        print(f"  largest change per pixel (L-inf): median {np.median(largest):.3f} [target <= 0.12], "
              f"p90 {np.percentile(largest, 90):.3f}, max {max(largest):.3f}; mean change per pixel: median "
              f"{np.median(mean):.4f}")
    print(f"  time: median {1e3 * statistics.median(seconds):.0f} ms, p90 {percentile_ms(seconds, 90):.0f} ms, "
          f"max {1e3 * max(seconds):.0f} ms [target <= 200 ms each]")


def bench_knockout(net, layer: int, x: np.ndarray, y: np.ndarray) -> None:
    from nnviz.nn import accuracy
    from nnviz.nn.probe import knockout_steps

    chunks, last = [], time.perf_counter()
    started = last
    for step in knockout_steps(net, layer, x, y):
        now = time.perf_counter()
        chunks.append(now - last)
        last = now
    total = time.perf_counter() - started
    base = accuracy(net, x, y)
    worst = np.argsort(step.accuracy, kind="stable")[:5]
    print(f"knock-out study of hidden layer {layer} ({net.sizes[layer]} neurons) on {len(x):,} test digits: "
          f"{total:.2f} s: forward pass {1e3 * chunks[0]:.0f} ms, then {len(chunks) - 1} chunks of neurons "
          f"(median {1e3 * statistics.median(chunks[1:]):.0f} ms, longest {1e3 * max(chunks[1:]):.0f} ms)")
    print(f"  accuracy {100 * base:.2f} % intact; silenced one at a time: {100 * step.accuracy.min():.2f} .. "
          f"{100 * step.accuracy.max():.2f} %; the five that matter most: "
          + ", ".join(f"#{j} ({100 * step.accuracy[j]:.2f} %)" for j in worst))


def main() -> None:
    from nnviz.resources import shipped_model_path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(shipped_model_path()), help="the model file (default: shipped)")
    parser.add_argument("--data", default=None, help="the MNIST folder (default: $NNVIZ_DATA or the shared one)")
    parser.add_argument("--nudges", type=int, default=200)
    parser.add_argument("--knockout-digits", type=int, default=2000)
    args = parser.parse_args()

    from nnviz.data import load_mnist
    from nnviz.nn import MLP

    net = MLP.load(args.model)
    data = load_mnist(args.data or default_data_dir())
    print(f"model {args.model}: {net}; load average {', '.join(f'{v:.1f}' for v in os.getloadavg())} on "
          f"{os.cpu_count()} cores")
    bench_dreams(net, 0.0)
    bench_dreams(net, 1.5)
    bench_nudges(net, data.x_test[: args.nudges], data.y_test[: args.nudges], 0.25)
    bench_knockout(net, 1, data.x_test[: args.knockout_digits], data.y_test[: args.knockout_digits])


if __name__ == "__main__":
    main()
