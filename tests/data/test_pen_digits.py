"""Reading real pen digits (UNIPEN): what a file holds comes back exactly, and a bad file is one clear error."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nnviz.data.pen_digits import (
    FILE_NAME,
    PenDigit,
    find_pen_digits_file,
    labels_of,
    parse_unipen,
    read_pen_digits,
    split_by_writer,
    to_unipen,
)
from nnviz.errors import DataFileError

SHARED_PEN_DIGITS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "pendigits"

TWO_DIGITS = """.INCLUDE        dene.doc

.LEXICON "0" "1" "2" "3" "4" "5" "6" "7" "8" "9"
.HIERARCHY      DIGIT

.SEGMENT DIGIT    0 ? "7"
.COMMENT 7 12  224
.PEN_DOWN
 100  400
 300  400
 180  100
.PEN_UP
.DT 100

.SEGMENT DIGIT    1 ? "4"
.COMMENT 4 3  225
.PEN_DOWN
 150  400
 100  200
 300  200
.PEN_UP
.DT 100
.PEN_DOWN
 250  300
 250  100
.PEN_UP
.DT 100
"""


def test_a_hand_made_file_reads_as_written(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text(TWO_DIGITS)
    seven, four = read_pen_digits(tmp_path)  # the folder, as `nnviz train --pen-digits DIR` names it
    assert (seven.label, seven.writer, len(seven.strokes)) == (7, 12, 1)
    assert (four.label, four.writer, len(four.strokes)) == (4, 3, 2)
    np.testing.assert_array_equal(seven.strokes[0], [[100, 400], [300, 400], [180, 100]])
    np.testing.assert_array_equal(four.strokes[1], [[250, 300], [250, 100]])
    assert seven.strokes[0].dtype == np.float32


def test_digits_written_out_and_read_back_are_the_same(tmp_path):
    digits = parse_unipen(TWO_DIGITS)
    again = parse_unipen(to_unipen(digits))
    assert [(d.label, d.writer) for d in again] == [(d.label, d.writer) for d in digits]
    for before, after in zip(digits, again):
        assert len(before.strokes) == len(after.strokes)
        for a, b in zip(before.strokes, after.strokes):
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda t: t[: t.index(" 180  100")], "cut short"),  # ends inside a stroke: no .PEN_UP
        (lambda t: t.replace('"7"', '"x"'), "not a digit"),
        (lambda t: t.replace(" 300  400", " 300  four hundred"), "two whole numbers"),
        (lambda t: t.replace(".COMMENT 7 12  224\n", ""), "names no writer"),
        (lambda t: t.replace(" 150  400\n 100  200\n 300  200\n", ""), "no points"),
        (lambda t: t.replace(".SEGMENT DIGIT    1", ".SEGMENT WORD    1"), ".SEGMENT"),
        (lambda t: t.replace(".PEN_DOWN\n 250", " 250"), "outside a stroke"),
        (lambda t: t.replace(".PEN_UP\n.DT 100\n\n.SEGMENT", ".PEN_UP\n.PEN_UP\n.SEGMENT"), "without .PEN_DOWN"),
    ],
)
def test_a_damaged_file_is_one_clear_error_naming_the_line(tmp_path, damage, words):
    path = tmp_path / "digits.tra"
    path.write_text(damage(TWO_DIGITS))
    with pytest.raises(DataFileError, match=words) as caught:
        read_pen_digits(path)
    message = str(caught.value)
    assert "\n" not in message and "digits.tra" in message and "UCI" in message


def test_files_that_are_not_pen_digits_are_refused(tmp_path):
    with pytest.raises(DataFileError, match="no pen-digit file"):
        read_pen_digits(tmp_path)  # a folder without the file
    (tmp_path / "empty.tra").write_text(".LEXICON \"0\"\n")
    with pytest.raises(DataFileError, match="holds no digits"):
        read_pen_digits(tmp_path / "empty.tra")
    (tmp_path / "binary.tra").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(DataFileError, match="not a UNIPEN text file"):
        read_pen_digits(tmp_path / "binary.tra")


def test_a_split_by_writer_puts_every_writer_on_one_side():
    digits = [PenDigit(i % 10, writer, (np.zeros((1, 2), np.float32),)) for i, writer in enumerate([1, 2, 3, 1, 2, 3])]
    chosen, rest = split_by_writer(digits, [2])
    assert {d.writer for d in chosen} == {2} and {d.writer for d in rest} == {1, 3}
    assert len(chosen) + len(rest) == len(digits)
    assert labels_of(chosen).tolist() == [1, 4]


@pytest.mark.skipif(not (SHARED_PEN_DIGITS / FILE_NAME).exists(), reason="the UCI pen digits are not beside the project")
def test_the_uci_file_holds_7494_digits_of_30_writers():
    digits = read_pen_digits(find_pen_digits_file(SHARED_PEN_DIGITS))
    assert len(digits) == 7494
    assert sorted({d.writer for d in digits}) == list(range(1, 31))
    assert np.bincount(labels_of(digits)).min() > 700
