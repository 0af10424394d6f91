"""Write models/mnist-mlp.json, the shipped model's card, from the model file and measured figures.

The card says how the model was made (recipe, seed, the command that reproduces it, the data and their
licences), what it scores on MNIST (measured again here through the same code as ``nnviz eval``), on the
pen digits of the validation writers it never saw (bench/real_handwriting.py) and on the drawn-digit
proxy sets of bench/drawn_digits.py.

    python tools/write_model_card.py models/mnist-mlp.npz [--drawn N] [--pen-digits DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from nnviz.data import load_mnist
from nnviz.nn import MLP, confusion_matrix, per_class_accuracy, predict_proba_batched


BENCH = Path(__file__).resolve().parents[1] / "bench"
DATA = [
    {"name": "MNIST", "by": "Yann LeCun, Corinna Cortes, Christopher J.C. Burges", "licence": "CC BY-SA 3.0",
     "use": "60,000 training digits"},
    {"name": "Pen-Based Recognition of Handwritten Digits (UCI)", "by": "E. Alpaydin, F. Alimoglu",
     "licence": "CC BY 4.0", "doi": "10.24432/C5MG6K",
     "use": "the digits of 20 of its 30 writers, drawn on the canvas; the other 10 only measured"},
]


def _accuracy(net, x, y) -> float:
    return float((predict_proba_batched(net, x).argmax(1) == y).mean())


def _worst_class(net, x, y) -> float:
    predicted = predict_proba_batched(net, x).argmax(1)
    return min(float((predicted[y == d] == d).mean()) for d in range(10))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--drawn", type=int, default=2000, help="MNIST digits to redraw for the proxy (0: skip)")
    parser.add_argument("--pen-digits", type=Path, default=BENCH.parents[1].parent / "shared" / "data" / "pendigits",
                        help="folder of pendigits-orig.tra, for the validation writers' figures")
    args = parser.parse_args()
    net = MLP.load(args.model)
    data = load_mnist()
    predicted = predict_proba_batched(net, data.x_test).argmax(1)
    confusion = confusion_matrix(data.y_test, predicted)
    card = {
        "model": args.model.name,
        "architecture": list(net.sizes), "activation": net.activation, "output": net.output,
        "n_params": net.n_params,
        "input": net.metadata.get("input"),
        "recipe": net.metadata.get("recipe"), "seed": net.metadata.get("seed"),
        "reproduce": net.metadata.get("command"),
        "training_seconds": net.metadata.get("seconds"),
        "data": DATA if (net.metadata.get("recipe") or {}).get("pen_digits") else DATA[:1],
        "mnist_test_accuracy": float(np.trace(confusion) / confusion.sum()),
        "mnist_per_class_accuracy": [round(float(a), 4) for a in per_class_accuracy(confusion)],
    }
    sys.path.insert(0, str(BENCH))
    if args.pen_digits.exists():
        from real_handwriting import pen_sets

        pens = pen_sets(args.pen_digits, as_drawn=False)
        card["validation_writers"] = {
            "what": "pen digits of the 10 writers nnviz never trains on nor tunes by (every third of the 30), drawn "
                    "on the canvas as their writers wrote them, at a person's size, one pen width at a time",
            "accuracy_by_pen_width": {str(w): round(_accuracy(net, x, y), 4) for w, (x, y) in pens.items()},
            "worst_class_accuracy_by_pen_width": {str(w): round(_worst_class(net, x, y), 4) for w, (x, y) in pens.items()},
        }
    if args.drawn:
        from drawn_digits import build_sets, score

        card["drawn_digit_proxy"] = {k: round(v, 4) for k, v in score(net, build_sets(args.drawn)).items()}
    out = args.model.with_suffix(".json")
    out.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(card, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
