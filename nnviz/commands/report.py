"""``nnviz report``: a folder of figures and tables about a model on the MNIST test set (no display needed)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from nnviz.csv_table import write_csv
from nnviz.errors import DataFileError

N_MISTAKES = 32


def register(subparsers) -> None:
    p = subparsers.add_parser("report", help="write accuracy tables and figures for a model",
                              description="Write summary.json, confusion.csv/.png, per_class.csv, mistakes.png and "
                                          "weights_layer1.png for a model on the 10,000 MNIST test digits.")
    p.add_argument("--model", metavar="PATH", help="model file (default: the shipped model)")
    p.add_argument("--data", metavar="DIR", help="folder with the MNIST files (default: $NNVIZ_DATA, then the cache)")
    p.add_argument("--out", metavar="DIR", required=True, help="folder to write into (created if needed)")
    p.set_defaults(run=run)


def run(args) -> int:
    from nnviz.app import report_figures
    from nnviz.commands.evaluate import load_model_or_shipped
    from nnviz.data import load_mnist
    from nnviz.nn import confusion_matrix, per_class_accuracy, predict_proba_batched

    net, path = load_model_or_shipped(args.model)
    data = load_mnist(args.data)
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFileError(f"cannot create the report folder {out}: {exc.strerror or exc}") from None
    proba = predict_proba_batched(net, data.x_test)
    predicted = proba.argmax(axis=1)
    confusion = confusion_matrix(data.y_test, predicted)
    per_class = per_class_accuracy(confusion)
    accuracy = float(np.trace(confusion) / confusion.sum())

    summary = {
        "model": str(path), "accuracy": accuracy, "n_test": int(confusion.sum()),
        "per_class_accuracy": {str(d): float(a) for d, a in enumerate(per_class)},
        "architecture": list(net.sizes), "activation": net.activation, "output": net.output,
        "n_params": net.n_params, "metadata": net.metadata,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    write_csv(out / "confusion.csv", ["true\\predicted", *map(str, range(10))],
               [[d, *confusion[d].tolist()] for d in range(10)])
    write_csv(out / "per_class.csv", ["digit", "n", "correct", "accuracy"],
               [[d, int(confusion[d].sum()), int(confusion[d, d]), f"{per_class[d]:.6f}"] for d in range(10)])

    report_figures.confusion_png(confusion, out / "confusion.png")
    wrong = np.flatnonzero(predicted != data.y_test)
    worst = wrong[np.argsort(-proba[wrong, predicted[wrong]])][:N_MISTAKES]
    captions = [f"true {data.y_test[i]} → said {predicted[i]}\n{100 * proba[i, predicted[i]]:.0f} % sure" for i in worst]
    report_figures.digit_grid_png(data.x_test[worst], captions, out / "mistakes.png",
                                  f"The {len(worst)} most confident mistakes")
    report_figures.weight_tiles_png(np.asarray(net.weights[0]), out / "weights_layer1.png")
    print(f"accuracy {100 * accuracy:.2f} % on {confusion.sum():,} test digits; report written to {out}")
    return 0


