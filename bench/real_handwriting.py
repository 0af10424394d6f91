"""How well models read real handwriting of people they have never seen, side by side.

The pen digits of the validation writers (nnviz.data.pen_digits.VALIDATION_WRITERS, never trained on
and never used to choose anything) are drawn on the window's 280-px canvas with the canvas's own round
pen, at a size and place a person draws, as their writers wrote them, one pen width at a time, then
passed through ``to_mnist`` exactly as the window does. Also MNIST's test set and the redrawn-MNIST
proxy of bench/drawn_digits.py.

    pip install ".[bench]"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python bench/real_handwriting.py \\
        --as-drawn old.npz --model models/mnist-mlp.npz [--model other.npz] [--pen-digits DIR]

``--as-drawn PATH`` measures a model with the strokes kept as drawn (``to_mnist(image, thickness=None)``,
the preprocessing before stroke thickness was normalised); ``--model PATH`` with today's ``to_mnist``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from nnviz.data import load_mnist
from nnviz.data.pen_digits import read_pen_digits, validation_split
from nnviz.data.pen_inputs import PenStyle, pen_inputs
from nnviz.data.preprocess import STROKE_WIDTH
from nnviz.nn import MLP, predict_proba_batched

PEN_WIDTHS = (10, 14, 18, 22, 26)
DEFAULT_PEN_DIGITS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pendigits"
SEED = 2024  # where each digit lands, the same for every model


def pen_sets(folder, as_drawn: bool) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """{pen width: (inputs, labels)} of the validation writers' digits."""
    _, validation = validation_split(read_pen_digits(folder))
    thickness = None if as_drawn else STROKE_WIDTH
    return {w: pen_inputs(validation, PenStyle.as_written(w), seed=SEED, workers=2, thickness=thickness)
            for w in PEN_WIDTHS}


def scores(net: MLP, pens, mnist, proxy) -> dict[str, float]:
    result = {}
    for width, (x, y) in pens.items():
        predicted = predict_proba_batched(net, x).argmax(axis=1)
        result[f"validation writers, pen {width} px"] = float((predicted == y).mean())
        for digit in range(10):
            result[f"class {digit}, pen {width} px"] = float((predicted[y == digit] == digit).mean())
    result["mean over pen widths"] = float(np.mean([result[f"validation writers, pen {w} px"] for w in PEN_WIDTHS]))
    for digit in range(10):
        result[f"class {digit}, worst pen"] = min(result[f"class {digit}, pen {w} px"] for w in PEN_WIDTHS)
    result["MNIST test (10,000)"] = float((predict_proba_batched(net, mnist.x_test).argmax(1) == mnist.y_test).mean())
    for name, (x, y) in proxy.items():
        result[f"proxy {name}"] = float((predict_proba_batched(net, x).argmax(1) == y).mean())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", default=[], help="model file, today's to_mnist (repeatable)")
    parser.add_argument("--as-drawn", action="append", default=[], help="model file, strokes kept as drawn (repeatable)")
    parser.add_argument("--pen-digits", default=str(DEFAULT_PEN_DIGITS), help="folder of pendigits-orig.tra")
    parser.add_argument("--proxy", type=int, default=2000, help="MNIST test digits to redraw for the proxy (0: skip)")
    args = parser.parse_args()
    columns = [(path, True) for path in args.as_drawn] + [(path, False) for path in args.model]
    if not columns:
        parser.error("name at least one --model or --as-drawn")
    start = time.perf_counter()
    mnist = load_mnist()
    pens = {kind: pen_sets(args.pen_digits, kind) for kind in {as_drawn for _, as_drawn in columns}}
    proxy = {kind: {} for kind in pens}
    if args.proxy:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from drawn_digits import redrawn_mnist

        rng = np.random.default_rng(0)
        pick = rng.choice(len(mnist.x_test), size=args.proxy, replace=False)
        for as_drawn in pens:
            redrawn = redrawn_mnist(mnist.x_test[pick], thickness=None if as_drawn else STROKE_WIDTH)
            proxy[as_drawn] = {f"redrawn MNIST, pen {w} px": (x, mnist.y_test[pick]) for w, x in redrawn.items()}
    n = len(next(iter(pens.values()))[PEN_WIDTHS[0]][1])
    print(f"{n:,} digits of the validation writers, drawn at {len(PEN_WIDTHS)} pen widths "
          f"({time.perf_counter() - start:.0f} s to prepare)")
    results = [scores(MLP.load(path), pens[as_drawn], mnist, proxy[as_drawn]) for path, as_drawn in columns]
    names = [f"{Path(path).name}{' (as drawn)' if as_drawn else ''}" for path, as_drawn in columns]
    rows = [r for r in results[0] if not (r.startswith("class") and "worst" not in r and "26" not in r)]
    width = max(map(len, rows))
    print(" " * width + "".join(f"  {name[-30:]:>30}" for name in names))
    for row in rows:
        print(f"{row:<{width}}" + "".join(f"  {100 * result[row]:29.2f}%" for result in results))


if __name__ == "__main__":
    main()
