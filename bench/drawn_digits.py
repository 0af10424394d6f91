"""How well a model reads digits that were *drawn*, not scanned: a proxy for real mouse handwriting.

Three sets, each passed through ``nnviz.data.to_mnist`` exactly as the window does with the canvas:

(a) MNIST test digits thinned to their skeleton and redrawn with a round antialiased pen of widths
    10..26 px on a 280 px canvas (the window's canvas), as a mouse would draw them;
(b) scikit-learn's bundled 8x8 digits (1,797 digits by other writers), upscaled to the canvas;
(c) MNIST test digits eroded (thinner strokes) and dilated (thicker strokes).

    pip install ".[bench]"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python bench/drawn_digits.py --model models/mnist-mlp.npz [--model other.npz]
"""

from __future__ import annotations

import argparse
import time
from functools import partial

import numpy as np
from scipy import ndimage

from nnviz.data import STROKE_WIDTH, load_mnist, to_mnist
from nnviz.nn import MLP, predict_proba_batched

CANVAS = 280
PEN_WIDTHS = (10, 14, 18, 22, 26)


def render_pen(skeleton: np.ndarray, width: float) -> np.ndarray:
    """Ink of a round pen of diameter ``width`` dragged along every skeleton pixel, antialiased by 1 px."""
    distance = ndimage.distance_transform_edt(~skeleton)
    return np.clip(width / 2 - distance + 0.5, 0.0, 1.0).astype(np.float32)


def skeleton_of(digit28: np.ndarray) -> np.ndarray:
    from skimage.morphology import skeletonize

    big = ndimage.zoom(digit28.reshape(28, 28), CANVAS / 28, order=1)
    return skeletonize(big > 0.5)


def redrawn_mnist(x: np.ndarray, widths=PEN_WIDTHS, thickness: float | None = STROKE_WIDTH) -> dict[int, np.ndarray]:
    """{width: (n, 784)} MNIST digits redrawn from their skeleton with a pen of that width, through
    ``to_mnist`` (``thickness=None``: strokes kept as drawn)."""
    skeletons = [skeleton_of(d) for d in x]
    prepare = partial(to_mnist, thickness=thickness)
    return {w: np.stack([prepare(render_pen(s, w)).ravel() for s in skeletons]) for w in widths}


def sklearn_digits() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits

    digits = load_digits()
    images = digits.images / 16.0
    canvas = [np.clip(ndimage.zoom(img, CANVAS / 8 / 2, order=1), 0, 1) for img in images]  # 140 px of ink
    return np.stack([to_mnist(np.pad(c, 70)).ravel() for c in canvas]), digits.target


def eroded_and_dilated(x: np.ndarray) -> dict[str, np.ndarray]:
    stack = x.reshape(-1, 28, 28)
    footprint = np.ones((1, 2, 2))
    return {
        "eroded": np.stack([to_mnist(d).ravel() for d in ndimage.grey_erosion(stack, footprint=footprint)]),
        "dilated": np.stack([to_mnist(d).ravel() for d in ndimage.grey_dilation(stack, footprint=footprint)]),
    }


def build_sets(n: int, seed: int = 0) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    data = load_mnist()
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(data.x_test), size=n, replace=False)
    x, y = data.x_test[pick], data.y_test[pick]
    sets = {"mnist test (all 10k)": (data.x_test, data.y_test)}
    for width, images in redrawn_mnist(x).items():
        sets[f"(a) redrawn, pen {width:2d} px"] = (images, y)
    sk_x, sk_y = sklearn_digits()
    sets["(b) sklearn 8x8 digits"] = (sk_x, sk_y)
    for name, images in eroded_and_dilated(x).items():
        sets[f"(c) mnist {name}"] = (images, y)
    return sets


def score(net: MLP, sets) -> dict[str, float]:
    return {name: float((predict_proba_batched(net, x).argmax(1) == y).mean()) for name, (x, y) in sets.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", required=True, help="model file (repeatable)")
    parser.add_argument("-n", type=int, default=2000, help="MNIST test digits to redraw (default 2000)")
    args = parser.parse_args()
    start = time.perf_counter()
    sets = build_sets(args.n)
    print(f"built the proxy sets in {time.perf_counter() - start:.1f} s")
    results = {path: score(MLP.load(path), sets) for path in args.model}
    width = max(map(len, sets))
    print(" " * width + "".join(f"  {p[-28:]:>28}" for p in args.model))
    for name in sets:
        print(f"{name:<{width}}" + "".join(f"  {100 * results[p][name]:27.2f}%" for p in args.model))
    drawn = [n for n in sets if n.startswith("(a)")]
    print(f"{'(a) mean over pen widths':<{width}}"
          + "".join(f"  {100 * np.mean([results[p][n] for n in drawn]):27.2f}%" for p in args.model))


if __name__ == "__main__":
    main()
