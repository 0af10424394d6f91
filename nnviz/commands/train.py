"""``nnviz train``: train an MLP on MNIST from the terminal and save it atomically."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from dataclasses import asdict
from datetime import datetime, timezone

from nnviz import __version__
from nnviz.errors import ConfigError

DEFAULT_HIDDEN = "256,128,64"


def register(subparsers) -> None:
    p = subparsers.add_parser("train", help="train a network on MNIST and save it",
                              description="Train a multilayer perceptron on MNIST and save it to a .npz file.")
    p.add_argument("--data", metavar="DIR", help="folder with the MNIST files (default: $NNVIZ_DATA, then the cache; downloaded if absent)")
    p.add_argument("--epochs", type=int, default=8, help="passes over the 60,000 training digits (default 8)")
    p.add_argument("--batch-size", type=int, default=128, help="mini-batch size (default 128)")
    p.add_argument("--lr", type=float, default=1e-3, help="base learning rate (default 1e-3)")
    p.add_argument("--optimizer", default="adam", help="sgd, momentum, nag, adagrad, rmsprop, adam, adamw, adadelta, amsgrad or nadam (default adam)")
    p.add_argument("--activation", default="relu", help="hidden activation: relu, leaky_relu, tanh or sigmoid (default relu)")
    p.add_argument("--hidden", default=DEFAULT_HIDDEN, help=f"hidden layer sizes, comma-separated (default {DEFAULT_HIDDEN})")
    p.add_argument("--schedule", default="cosine", help="constant, step, exponential or cosine decay over the run (default cosine)")
    p.add_argument("--warmup", type=float, default=0.0, help="epochs of linear learning-rate warm-up (default 0)")
    p.add_argument("--weight-decay", type=float, default=None, help="weight decay (the optimizer's default if omitted)")
    p.add_argument("--l1", type=float, default=0.0, help="L1 penalty on the weights (default 0)")
    p.add_argument("--l2", type=float, default=0.0, help="L2 penalty on the weights (default 0)")
    p.add_argument("--augment", action=argparse.BooleanOptionalAction, default=True, help="distort training digits on the fly like mouse drawings (default on)")
    p.add_argument("--seed", type=int, default=0, help="seed for initialisation, shuffling and augmentation (default 0)")
    p.add_argument("--limit", type=int, default=None, help=argparse.SUPPRESS)  # train on the first N digits (tests)
    p.add_argument("--out", metavar="PATH", default="mnist-mlp.npz", help="where to save the model (default mnist-mlp.npz)")
    p.add_argument("--json", action="store_true", help="print one JSON line per epoch instead of a progress bar")
    p.set_defaults(run=run)


def parse_hidden(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise ConfigError(f"--hidden takes comma-separated whole numbers like 256,128,64, got {text!r}") from None
    if any(size < 1 or size > 4096 for size in sizes):
        raise ConfigError(f"hidden layer sizes must be between 1 and 4096, got {text!r}")
    return sizes


def run(args) -> int:
    from nnviz.data import AugmentConfig, augment_batch, load_mnist
    from nnviz.nn import MLP, EpochRecord, TrainConfig, train

    config = TrainConfig(
        epochs=args.epochs, batch_size=args.batch_size, optimizer=args.optimizer.lower(), lr=args.lr,
        weight_decay=args.weight_decay, l1=args.l1, l2=args.l2, schedule=args.schedule, warmup=args.warmup,
        seed=args.seed, augment=args.augment,
    )
    hidden = parse_hidden(args.hidden)
    net = MLP((784, *hidden, 10), activation=args.activation, seed=args.seed)
    started = time.perf_counter()
    data = load_mnist(args.data, download=True, progress=_download_progress())
    x_train, y_train = data.x_train, data.y_train
    if args.limit:
        x_train, y_train = x_train[: args.limit], y_train[: args.limit]
    bar = None if args.json else EpochBar(config.epochs)
    records = train(
        net, x_train, y_train, config, X_test=data.x_test, y_test=data.y_test,
        augment=lambda batch, rng: augment_batch(batch, rng),
    )
    last = None
    try:
        for record in records:
            if isinstance(record, EpochRecord):
                last = record
                line = {"epoch": record.epoch, "loss": round(record.loss, 6),
                        "train_accuracy": round(record.train_accuracy, 6),
                        "test_accuracy": round(record.test_accuracy, 6), "seconds": round(record.seconds, 3)}
                if args.json:
                    print(json.dumps(line), flush=True)
                else:
                    bar.finish_epoch(record)
            elif bar is not None:
                bar.update(record)
    finally:
        if bar is not None:
            bar.close()
    total = time.perf_counter() - started
    net.save(args.out, {
        "recipe": {**asdict(config), "hidden": list(hidden), "activation": args.activation,
                   "augmentation": asdict(AugmentConfig()) if args.augment else None},
        "seed": args.seed, "test_accuracy": last.test_accuracy, "train_accuracy": last.train_accuracy,
        "epochs_trained": last.epoch, "seconds": round(total, 2), "nnviz": __version__,
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "input": "28x28 grey in [0, 1], white ink on black, MNIST-centred (nnviz.data.to_mnist), row-major",
        "command": "nnviz train " + " ".join(shlex.quote(a) for a in sys.argv[2:]) if len(sys.argv) > 1 else "",
    })
    if not args.json:
        print(f"saved {args.out}: test accuracy {100 * last.test_accuracy:.2f} % after {last.epoch} epochs "
              f"({total:.1f} s)")
    return 0


class EpochBar:
    """A one-line progress bar per epoch on a terminal (stderr); silent when stderr is not a terminal."""

    WIDTH = 30

    def __init__(self, epochs: int, stream=None):
        self.epochs = epochs
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self._last_drawn = -1

    def update(self, record) -> None:
        if not self.live:
            return
        fraction = record.progress - (record.epoch - 1)
        filled = int(self.WIDTH * fraction)
        if filled == self._last_drawn:
            return
        self._last_drawn = filled
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\repoch {record.epoch}/{self.epochs} [{bar}] loss {record.loss:.4f} "
                          f"{record.samples_per_s:,.0f} samples/s")
        self.stream.flush()

    def finish_epoch(self, record) -> None:
        self._last_drawn = -1
        line = (f"epoch {record.epoch}/{self.epochs}: loss {record.loss:.4f}, train {100 * record.train_accuracy:.2f} %, "
                f"test {100 * record.test_accuracy:.2f} %, {record.seconds:.1f} s")
        self.stream.write(("\r\x1b[K" if self.live else "") + line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.live and self._last_drawn >= 0:
            self.stream.write("\n")
            self.stream.flush()


def _download_progress():
    from nnviz.data.download import TerminalProgress

    return TerminalProgress(sys.stderr)
