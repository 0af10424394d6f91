"""Write models/mnist-mlp.json, the shipped model's card, from the model file and measured figures.

The card says how the model was made (recipe, seed, the command that reproduces it), what it scores on
MNIST (measured again here through the same code as ``nnviz eval``) and on the drawn-digit proxy sets
of bench/drawn_digits.py.

    python tools/write_model_card.py models/mnist-mlp.npz [--drawn N]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from nnviz.data import load_mnist
from nnviz.nn import MLP, confusion_matrix, per_class_accuracy, predict_proba_batched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--drawn", type=int, default=2000, help="MNIST digits to redraw for the proxy (0: skip)")
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
        "mnist_test_accuracy": float(np.trace(confusion) / confusion.sum()),
        "mnist_per_class_accuracy": [round(float(a), 4) for a in per_class_accuracy(confusion)],
    }
    if args.drawn:
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
        from drawn_digits import build_sets, score

        card["drawn_digit_proxy"] = {k: round(v, 4) for k, v in score(net, build_sets(args.drawn)).items()}
    out = args.model.with_suffix(".json")
    out.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(card, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
