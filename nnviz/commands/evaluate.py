"""``nnviz eval``: accuracy of a model file on the MNIST test set, overall and per class."""

from __future__ import annotations

import json


def register(subparsers) -> None:
    p = subparsers.add_parser("eval", help="measure a model on the MNIST test set",
                              description="Accuracy and per-class accuracy of a model on the 10,000 MNIST test digits.")
    p.add_argument("--model", metavar="PATH", help="model file (default: the shipped model)")
    p.add_argument("--data", metavar="DIR", help="folder with the MNIST files (default: $NNVIZ_DATA, then the cache)")
    p.add_argument("--json", action="store_true", help="end with one JSON object holding the figures")
    p.set_defaults(run=run)


def load_model_or_shipped(path):
    """(network, path) of ``path`` or, without one, the shipped model; an MNIST model either way."""
    from nnviz.appmodel.mnist_model import load_mnist_model
    from nnviz.resources import shipped_model_path

    path = path or shipped_model_path()
    return load_mnist_model(path), path


def run(args) -> int:
    from nnviz.data import load_mnist
    from nnviz.nn import confusion_matrix, per_class_accuracy, predict_proba_batched

    net, path = load_model_or_shipped(args.model)
    data = load_mnist(args.data)
    predicted = predict_proba_batched(net, data.x_test).argmax(axis=1)
    confusion = confusion_matrix(data.y_test, predicted)
    accuracy = float((predicted == data.y_test).mean())
    per_class = per_class_accuracy(confusion)
    summary = {"model": str(path), "accuracy": accuracy, "n": int(len(data.y_test)),
               "per_class": [round(float(a), 6) for a in per_class]}
    print(f"{path}: {'-'.join(map(str, net.sizes))} {net.activation}")
    print(f"accuracy on {len(data.y_test):,} MNIST test digits: {100 * accuracy:.2f} %")
    print("per class: " + "  ".join(f"{d}: {100 * a:.1f} %" for d, a in enumerate(per_class)))
    if args.json:
        print(json.dumps(summary))
    return 0
