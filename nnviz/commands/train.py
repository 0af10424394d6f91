"""``nnviz train``: train an MLP on MNIST from the terminal and save it atomically."""

from __future__ import annotations

import argparse
import io
import json
import os
import shlex
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from nnviz import __version__
from nnviz.appmodel.hyperparameters import add_arguments as add_hyperparameters, config_from_arguments
from nnviz.appmodel.network_limits import parse_hidden
from nnviz.data.personal_examples import TRAINING_COPIES
from nnviz.errors import ConfigError

DEFAULT_HIDDEN = "256,128,64"
DEFAULT_PEN_COPIES = 8
# Each personal example is seen this many times per epoch, each time distorted anew when augmentation is on:
# enough that a few dozen corrections count against 60,000 MNIST digits, few enough that a large set (a
# class's 1,000 drawings are 10,000 of some 70,000) does not crowd MNIST out.
VALIDATION_PEN_WIDTH = 18  # the canvas's default pen


def register(subparsers) -> None:
    p = subparsers.add_parser("train", help="train a network on MNIST (and real pen digits) and save it",
                              description="Train a multilayer perceptron on MNIST, and with --pen-digits on real "
                              "handwriting too, and save it to a .npz file.")
    p.add_argument("--data", metavar="DIR", help="folder with the MNIST files (default: $NNVIZ_DATA, then the cache; downloaded if absent)")
    p.add_argument("--activation", default="relu", help="hidden activation: relu, leaky_relu, tanh or sigmoid (default relu)")
    add_hyperparameters(p)
    p.add_argument("--hidden", default=DEFAULT_HIDDEN, help=f"hidden layer sizes, comma-separated (default {DEFAULT_HIDDEN})")
    p.add_argument("--pen-digits", metavar="DIR",
                   help="also learn real handwriting: the folder (or file) of the UCI pen digits, pendigits-orig.tra; "
                   "its training writers are drawn on the canvas with random pens and sizes and mixed with MNIST, "
                   "its validation writers are only measured (default: MNIST only)")
    p.add_argument("--pen-copies", type=int, default=DEFAULT_PEN_COPIES, metavar="N",
                   help=f"drawings of each pen digit per epoch, each with another pen, size and slant (default {DEFAULT_PEN_COPIES})")
    p.add_argument("--extra", metavar="FILE", action="append", default=[],
                   help="also learn a personal set of examples (the file the window's My examples exports); "
                   "repeat the option for several files")
    p.add_argument("--extra-copies", type=int, default=TRAINING_COPIES, metavar="N",
                   help=f"times each personal example is seen per epoch, distorted anew each time when augmenting "
                   f"(default {TRAINING_COPIES})")
    p.add_argument("--limit", type=int, default=None, help=argparse.SUPPRESS)  # train on the first N digits (tests)
    p.add_argument("--out", metavar="PATH", default="mnist-mlp.npz", help="where to save the model (default mnist-mlp.npz)")
    p.add_argument("--json", action="store_true", help="print one JSON line per epoch instead of a progress bar")
    p.set_defaults(run=run)


def run(args) -> int:
    import numpy as np

    from nnviz.data import AugmentConfig, augment_batch, load_mnist
    from nnviz.nn import MLP, train

    config = config_from_arguments(args)
    try:
        hidden = parse_hidden(args.hidden)
    except ConfigError as error:
        raise ConfigError(f"--hidden: {error}") from None
    net = MLP((784, *hidden, 10), activation=args.activation, seed=args.seed)
    started = time.perf_counter()
    extra = PersonalExtra.load(args.extra, args.extra_copies) if args.extra else None  # before the long part
    pen_file = PenDigitMix.read(args.pen_digits, args.pen_copies) if args.pen_digits else None
    data = load_mnist(args.data, download=True, progress=_download_progress())
    x_train, y_train = data.x_train, data.y_train
    if args.limit:
        x_train, y_train = x_train[: args.limit], y_train[: args.limit]
    pen = PenDigitMix.load(args.pen_digits, args.pen_copies, args.seed, (x_train, y_train), quiet=args.json,
                           read=pen_file) if pen_file else None
    if pen is not None:
        x_train, y_train = np.concatenate([x_train, pen.images]), np.concatenate([y_train, pen.labels])
    if extra is not None:
        x_train, y_train = np.concatenate([x_train, extra.images]), np.concatenate([y_train, extra.labels])
    records = train(net, x_train, y_train, config, X_test=data.x_test, y_test=data.y_test,
                    augment=lambda batch, rng: augment_batch(batch, rng))
    last = _report_progress(records, config.epochs, args.json)
    total = time.perf_counter() - started
    pen_report = pen.validate(net) if pen is not None else None
    net.save(args.out, {
        "recipe": {**asdict(config), "hidden": list(hidden), "activation": args.activation,
                   "augmentation": asdict(AugmentConfig()) if args.augment else None,
                   "pen_digits": pen.recipe() if pen is not None else None,
                   "extra": extra.recipe() if extra is not None else None},
        "pen_validation_accuracy": pen_report,
        "seed": args.seed, "test_accuracy": last.test_accuracy, "train_accuracy": last.train_accuracy,
        "epochs_trained": last.epoch, "seconds": round(total, 2), "nnviz": __version__,
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "input": "28x28 grey in [0, 1], white ink on black, MNIST-centred (nnviz.data.to_mnist), row-major",
        "command": "nnviz train " + " ".join(shlex.quote(a) for a in sys.argv[2:]) if len(sys.argv) > 1 else "",
    })
    if not args.json:
        print(f"saved {args.out}: test accuracy {100 * last.test_accuracy:.2f} % after {last.epoch} epochs "
              f"({total:.1f} s)")
        if pen_report is not None:
            print(f"pen digits of the {pen_report['writers']} validation writers (never trained on), "
                  f"{VALIDATION_PEN_WIDTH} px pen: {100 * pen_report['accuracy']:.2f} %")
    return 0


def _report_progress(records, epochs: int, as_json: bool):
    """Run the training ``records``, showing a progress bar (or one JSON line an epoch); the last EpochRecord."""
    from nnviz.nn import EpochRecord

    bar = None if as_json else EpochBar(epochs)
    last = None
    try:
        for record in records:
            if isinstance(record, EpochRecord):
                last = record
                line = {"epoch": record.epoch, "loss": round(record.loss, 6),
                        "train_accuracy": round(record.train_accuracy, 6),
                        "test_accuracy": round(record.test_accuracy, 6), "seconds": round(record.seconds, 3)}
                if as_json:
                    print(json.dumps(line), flush=True)
                else:
                    bar.finish_epoch(record)
            elif bar is not None:
                bar.update(record)
    finally:
        if bar is not None:
            bar.close()
    return last


class PenDigitMix:
    """What a run with ``--pen-digits`` adds to MNIST: the training writers' digits drawn ``copies`` times
    each, and MNIST's own digits once more as the canvas hands them to the network (strokes re-drawn at
    the canvas's width), so that MNIST's styles stay familiar at that width. The validation writers'
    digits are kept apart, to be measured once training is done."""

    def __init__(self, path, training, validation, copies: int, seed: int, images, labels):
        self.path, self.training, self.validation = path, training, validation
        self.copies, self.seed = copies, seed
        self.images, self.labels = images, labels

    @staticmethod
    def read(location, copies: int):
        """(path, training digits, validation digits) of the pen-digit file at ``location``; checked before
        MNIST is read, so that a wrong folder or count is said at once."""
        from nnviz.data.pen_digits import find_pen_digits_file, read_pen_digits, validation_split

        if copies < 1:
            raise ConfigError(f"--pen-copies must be a whole number >= 1, got {copies}")
        path = find_pen_digits_file(location)
        training, validation = validation_split(read_pen_digits(path))
        if not training:
            raise ConfigError(f"{path} holds digits of the validation writers only; nothing to train on")
        return path, training, validation

    @classmethod
    def load(cls, location, copies: int, seed: int, mnist, quiet: bool = False, read=None) -> "PenDigitMix":
        """``mnist``: (images (n, 784), labels (n,)) of the run's MNIST training digits; ``read``: what
        :meth:`read` gave for ``location``, if it was called already."""
        import numpy as np

        from nnviz.data.pen_inputs import PenStyle, as_canvas_inputs, pen_inputs
        from nnviz.data.progress_bar import TerminalBar

        path, training, validation = read or cls.read(location, copies)
        bar = TerminalBar(io.StringIO() if quiet else None)
        workers = min(os.cpu_count() or 1, 4)
        drawn, labels = pen_inputs(
            training, PenStyle(), copies=copies, seed=seed, workers=workers,
            progress=lambda done, total: bar.draw(done / total, prefix=f"drawing {total:,} pen digits "),
        )
        bar.finish()
        x_mnist, y_mnist = mnist
        canvas = as_canvas_inputs(
            x_mnist, workers=workers,
            progress=lambda done, total: bar.draw(done / total, prefix=f"MNIST as drawn, {total:,} digits "),
        )
        bar.finish()
        return cls(path, training, validation, copies, seed, np.concatenate([drawn, canvas]),
                   np.concatenate([labels, y_mnist]))

    def recipe(self) -> dict:
        from nnviz.data.pen_inputs import PenStyle

        return {"file": self.path.name, "training_writers": sorted({d.writer for d in self.training}),
                "digits": len(self.training), "copies": self.copies, "style": asdict(PenStyle()),
                "mnist_as_drawn": True}

    def validate(self, net) -> dict | None:
        """Accuracy on the validation writers' digits as a person would draw them, or None if there are none."""
        from nnviz.data.pen_inputs import PenStyle, pen_inputs
        from nnviz.nn import predict_proba_batched

        if not self.validation:
            return None
        images, labels = pen_inputs(self.validation, PenStyle.as_written(VALIDATION_PEN_WIDTH), seed=self.seed)
        correct = predict_proba_batched(net, images).argmax(axis=1) == labels
        return {"writers": len({d.writer for d in self.validation}), "digits": len(labels),
                "pen_width": VALIDATION_PEN_WIDTH, "accuracy": round(float(correct.mean()), 6)}


@dataclass(frozen=True, eq=False)
class PersonalExtra:
    """Personal examples (``--extra FILE``) joining the training set: ``examples`` drawings from ``paths``,
    each repeated ``copies`` times in ``images`` and ``labels``."""

    paths: list
    copies: int
    examples: int
    images: object
    labels: object

    @classmethod
    def load(cls, locations, copies: int) -> "PersonalExtra":
        import numpy as np

        from nnviz.data.personal_examples import PersonalSet

        if copies < 1:
            raise ConfigError(f"--extra-copies must be a whole number >= 1, got {copies}")
        paths = [Path(location).expanduser() for location in locations]
        sets = [PersonalSet.load(path) for path in paths]
        for path, personal in zip(paths, sets):
            if not len(personal):
                raise ConfigError(f"{path} holds no examples; nothing to add to the training set")
        images = np.concatenate([personal.images for personal in sets])
        labels = np.concatenate([personal.labels for personal in sets])
        return cls(paths, copies, len(labels), np.repeat(images, copies, axis=0), np.repeat(labels, copies))

    def recipe(self) -> dict:
        return {"files": [path.name for path in self.paths], "examples": self.examples, "copies": self.copies}


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
