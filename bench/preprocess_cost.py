"""What ``to_mnist`` costs on a 280x280 canvas, with the strokes re-drawn at MNIST's width and kept as drawn.

The window runs it on every pen move, so it has to stay far inside a frame: the goal is 2 ms. Drawings
are real pen digits (the validation writers' by default) drawn as a person would, at pen widths 6 to 30
and small to large sizes; both variants run on the same drawings, interleaved, so a busy machine slows
both alike. Prints medians and the 99th percentiles.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python bench/preprocess_cost.py [--pen-digits DIR] [-n 300]
"""

from __future__ import annotations

import argparse
import time
from functools import partial
from pathlib import Path

import numpy as np

from nnviz.data.pen_digits import read_pen_digits, validation_split
from nnviz.data.pen_inputs import PenStyle, draw_on_canvas
from nnviz.data.preprocess import to_mnist

DEFAULT_PEN_DIGITS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pendigits"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pen-digits", default=str(DEFAULT_PEN_DIGITS), help="folder of pendigits-orig.tra")
    parser.add_argument("-n", type=int, default=300, help="digits to draw (default 300)")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the drawings (default 5)")
    args = parser.parse_args()
    _, digits = validation_split(read_pen_digits(args.pen_digits))
    rng = np.random.default_rng(0)
    style = PenStyle(height=(0.3, 0.9), pen_width=(6.0, 30.0), rotation=0.0, shear=0.0, aspect=0.0)
    drawings = [draw_on_canvas(digits[i], style, rng) for i in rng.choice(len(digits), args.n, replace=False)]
    variants = {"re-drawn (today)": to_mnist, "kept as drawn": partial(to_mnist, thickness=None)}
    times = {name: [] for name in variants}
    for _ in range(args.rounds):
        for image in drawings:
            for name, prepare in variants.items():
                start = time.perf_counter()
                prepare(image)
                times[name].append(time.perf_counter() - start)
    print(f"to_mnist on {len(drawings)} drawings of 280x280 px, {args.rounds} rounds:")
    for name, values in times.items():
        ms = 1e3 * np.array(values)
        print(f"  {name:<18} median {np.median(ms):.2f} ms   p90 {np.percentile(ms, 90):.2f} ms   "
              f"p99 {np.percentile(ms, 99):.2f} ms   (goal: median <= 2 ms)")


if __name__ == "__main__":
    main()
