"""Real digits written with a pen: the UCI "Pen-Based Recognition of Handwritten Digits" set (UNIPEN format).

Alpaydin and Alimoglu (Bogazici University, 1998) had writers write about 250 digits each on a tablet;
each digit is a list of pen-down strokes of (x, y) tablet points sampled every 100 ms. MNIST's writers
were American; these write as much of the world does (1s with a long flag, crossed 7s, hooked 9s), so
training on them teaches the network what people draw on the canvas. Licence: CC BY 4.0, DOI
10.24432/C5MG6K.

What a reader needs of the format:

    .SEGMENT DIGIT <n> ? "<label>"     starts a digit
    .COMMENT <a> <writer> <b>          the writer's number
    .PEN_DOWN / x y lines / .PEN_UP    one stroke

Tablet y grows upwards; :attr:`PenDigit.strokes` keeps the tablet's coordinates and
:mod:`~nnviz.data.pen_render` turns them the right way up for a screen canvas.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from nnviz.errors import DataFileError

FILE_NAME = "pendigits-orig.tra"
TEST_FILE_NAME = "pendigits-orig.tes"  # the 14 writers the authors kept apart; read the same way
SHA256 = "a66225d68d7d68591e62944df1ad33b3f5aa608e2df2505844b41f5568a80da4"
MAX_BYTES = 64 * 1024 * 1024  # the training file is 3.6 MB; anything far larger is not this data set
# Every third writer of the file: nnviz never trains on them nor chooses anything by them (not the pen
# styles, not the mix with MNIST, not the architecture), so their accuracy is how well the shipped model
# reads people it has never met.
VALIDATION_WRITERS = frozenset(range(3, 31, 3))
WHERE_TO_GET_IT = ("get pendigits-orig.tra from the UCI repository (\"Pen-Based Recognition of Handwritten "
                   "Digits\", DOI 10.24432/C5MG6K) and name its folder")


@dataclass(frozen=True)
class PenDigit:
    """One written digit. strokes: tuple of (k, 2) float32 arrays of tablet (x, y), y growing upwards."""

    label: int
    writer: int
    strokes: tuple[np.ndarray, ...]


def find_pen_digits_file(location: str | os.PathLike) -> Path:
    """The pen-digit file at ``location``: the file itself, or a folder holding ``pendigits-orig.tra``."""
    path = Path(location).expanduser()
    if path.is_dir():
        path = path / FILE_NAME
    if not path.is_file():
        raise DataFileError(f"{path}: no pen-digit file there; {WHERE_TO_GET_IT}")
    return path


def read_pen_digits(location: str | os.PathLike) -> list[PenDigit]:
    """Every digit in a UNIPEN pen-digit file (or a folder holding ``pendigits-orig.tra``), in file order.

    Raises :class:`DataFileError` naming the file and line for anything that is not such a file:
    truncated, a stroke with no points, a label that is not a digit, numbers that are not numbers.
    """
    path = find_pen_digits_file(location)
    if path.stat().st_size > MAX_BYTES:
        raise DataFileError(f"{path}: {path.stat().st_size:,} bytes is far more than a pen-digit file holds; "
                            f"{WHERE_TO_GET_IT}")
    try:
        text = path.read_text(encoding="ascii")
    except (UnicodeDecodeError, OSError) as error:
        raise DataFileError(f"{path}: not a UNIPEN text file ({error}); {WHERE_TO_GET_IT}") from None
    digits = parse_unipen(text, path.name)
    if not digits:
        raise DataFileError(f"{path}: holds no digits (no .SEGMENT DIGIT lines); {WHERE_TO_GET_IT}")
    return digits


def parse_unipen(text: str, name: str = "<text>") -> list[PenDigit]:
    """The digits of a UNIPEN text (see the module docstring); ``name`` only appears in error messages."""
    parser = _Parser(name)
    for number, line in enumerate(text.splitlines(), start=1):
        parser.feed(number, line.split())
    return parser.finish()


class _Parser:
    """A line-at-a-time reader: the format is a small state machine (outside a digit, in it, in a stroke)."""

    def __init__(self, name: str):
        self.name = name
        self.digits: list[PenDigit] = []
        self.label: int | None = None
        self.writer: int | None = None
        self.strokes: list[np.ndarray] = []
        self.points: list[tuple[int, int]] | None = None  # None: pen up
        self.line = 0

    def fail(self, problem: str) -> None:
        raise DataFileError(f"{self.name}, line {self.line}: {problem}; the file is damaged or not a UNIPEN "
                            f"pen-digit file ({WHERE_TO_GET_IT})")

    def feed(self, number: int, words: list[str]) -> None:
        self.line = number
        if not words:
            return
        keyword = words[0]
        if keyword == ".SEGMENT":
            self._start_digit(words)
        elif keyword == ".COMMENT" and self.label is not None and self.writer is None:
            self._writer(words)
        elif keyword == ".PEN_DOWN":
            if self.label is None or self.points is not None:
                self.fail(".PEN_DOWN outside a digit or inside a stroke")
            self.points = []
        elif keyword == ".PEN_UP":
            self._end_stroke()
        elif self.points is not None:
            self._point(words)
        elif not keyword.startswith("."):
            self.fail(f"numbers outside a stroke: {' '.join(words)!r}")

    def _start_digit(self, words: list[str]) -> None:
        self._end_digit()
        if len(words) < 5 or words[1] != "DIGIT":
            self.fail("a .SEGMENT line must read .SEGMENT DIGIT <n> ? \"<digit>\"")
        label = words[-1].strip('"')
        if len(label) != 1 or not label.isdigit():
            self.fail(f"the label {words[-1]} is not a digit 0-9")
        self.label = int(label)

    def _writer(self, words: list[str]) -> None:
        try:
            self.writer = int(words[2])
        except (IndexError, ValueError):
            self.fail("a digit's .COMMENT line must name its writer as its second number")

    def _point(self, words: list[str]) -> None:
        try:
            x, y = (int(word) for word in words)
        except ValueError:
            self.fail(f"a stroke point must be two whole numbers 'x y', got {' '.join(words)!r}")
        self.points.append((x, y))

    def _end_stroke(self) -> None:
        if self.points is None:
            self.fail(".PEN_UP without .PEN_DOWN")
        if not self.points:
            self.fail("a stroke with no points")
        self.strokes.append(np.array(self.points, np.float32))
        self.points = None

    def _end_digit(self) -> None:
        if self.label is None:
            return
        if self.points is not None:
            self.fail("the last stroke of a digit has no .PEN_UP (is the file cut short?)")
        if not self.strokes:
            self.fail(f"digit {len(self.digits) + 1} has no strokes (is the file cut short?)")
        if self.writer is None:
            self.fail(f"digit {len(self.digits) + 1} names no writer (its .COMMENT line is missing)")
        self.digits.append(PenDigit(self.label, self.writer, tuple(self.strokes)))
        self.label, self.writer, self.strokes = None, None, []

    def finish(self) -> list[PenDigit]:
        self.line += 1
        self._end_digit()
        return self.digits


def to_unipen(digits: Sequence[PenDigit]) -> str:
    """The digits as UNIPEN text that :func:`parse_unipen` reads back (coordinates rounded to whole units)."""
    lines = ['.LEXICON "0" "1" "2" "3" "4" "5" "6" "7" "8" "9"', ".HIERARCHY DIGIT", ""]
    for number, digit in enumerate(digits):
        lines += [f'.SEGMENT DIGIT {number} ? "{digit.label}"', f".COMMENT {digit.label} {digit.writer} {number}"]
        for stroke in digit.strokes:
            lines.append(".PEN_DOWN")
            lines += [f" {int(round(x)):4d} {int(round(y)):4d}" for x, y in np.asarray(stroke)]
            lines.append(".PEN_UP")
        lines.append("")
    return "\n".join(lines)


def split_by_writer(digits: Sequence[PenDigit], writers) -> tuple[list[PenDigit], list[PenDigit]]:
    """(the digits of ``writers``, all the others): a split by person, so no writer is on both sides."""
    chosen = set(int(w) for w in writers)
    return [d for d in digits if d.writer in chosen], [d for d in digits if d.writer not in chosen]


def validation_split(digits: Sequence[PenDigit]) -> tuple[list[PenDigit], list[PenDigit]]:
    """(training digits, validation digits): the validation writers' digits go only to the second."""
    validation, training = split_by_writer(digits, VALIDATION_WRITERS)
    return training, validation


def labels_of(digits: Sequence[PenDigit]) -> np.ndarray:
    """(n,) int64 labels of the digits."""
    return np.array([d.label for d in digits], np.int64)
