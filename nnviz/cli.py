"""The command line: ``nnviz`` starts the window; ``nnviz train|eval|download`` work without a display.

Every error a user can cause is an :class:`~nnviz.errors.NnvizError`; it is printed as one line on
stderr and the process exits with status 2, never with a traceback. This module imports neither Qt nor
the heavy parts of nnviz until a command needs them, so ``nnviz --help`` is instant and display-free.
"""

from __future__ import annotations

import argparse
import sys

from nnviz import __version__
from nnviz.appmodel.app_options import AppOptions
from nnviz.errors import NnvizError

MAX_FILM_S = 600

EXIT_USER_ERROR = 2


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x720, got {text!r}") from None
    if not (320 <= width <= 8192 and 240 <= height <= 8192):
        raise argparse.ArgumentTypeError(f"size {text} is out of range (320x240 .. 8192x8192)")
    return width, height


def parse_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"seconds must be a number, got {text!r}") from None
    if not 0 < seconds <= MAX_FILM_S:
        raise argparse.ArgumentTypeError(f"seconds must be above 0 and at most {MAX_FILM_S}, got {text}")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    from nnviz.commands import OneLineErrorParser, register_all

    parser = OneLineErrorParser(
        prog="nnviz",
        description="Draw a digit and watch a neural network read it and learn. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"nnviz {__version__}")
    parser.add_argument("--model", metavar="PATH", help="model file to open (default: the shipped model)")
    parser.add_argument("--data", metavar="DIR", help="folder with the four MNIST files (default: $NNVIZ_DATA, then the cache)")
    parser.add_argument("--screenshot", metavar="PATH", help="render the window offscreen to a PNG and exit")
    parser.add_argument("--size", type=parse_size, default=None, metavar="WxH", help="window size (default: as last time, or 1600x900)")
    parser.add_argument("--lesson", metavar="NAME|FILE", help="open a built-in lesson or a .nnviz lesson file")
    parser.add_argument("--present", action="store_true",
                        help="start in presentation mode (F11): large type, high contrast, full screen")
    parser.add_argument("--language", choices=("en", "zh_CN"),
                        help="language of the window: en (English) or zh_CN (简体中文); default: as chosen "
                        "last time in View > Language, else the system's")
    parser.add_argument("--log-predictions", action="store_true", help="print every change of prediction, training state and rewound moment to stdout")
    parser.add_argument("--record", metavar="PATH", help="film the window (offscreen without a display) into an "
                        "animated .gif or an .mp4 and exit")
    parser.add_argument("--seconds", type=parse_seconds, default=5.0, metavar="N",
                        help="how long --record films (default 5, at most 600)")
    parser.add_argument("--train", action="store_true", help="with --record: start training first, and film it")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineErrorParser)
    register_all(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return launch_app(args)
        return args.run(args)
    except NnvizError as error:
        print(f"nnviz: error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("nnviz: interrupted", file=sys.stderr)
        return 130


def launch_app(args: argparse.Namespace) -> int:
    from nnviz.app.launch import run_app

    if args.record:
        from nnviz.appmodel.film import check_film_path

        check_film_path(args.record)  # a bad name is one line, before the window opens
    elif args.train:
        raise NnvizError("--train goes with --record (in the window, press Start)")

    return run_app(
        AppOptions(
            model=args.model, data=args.data, screenshot=args.screenshot, size=args.size or AppOptions.size,
            size_given=args.size is not None,
            lesson=args.lesson, log_predictions=args.log_predictions, language=args.language,
            present=args.present, record=args.record, seconds=args.seconds, train=args.train,
        )
    )
