"""``nnviz train --pen-digits DIR``: real pen digits of the training writers join MNIST; the validation
writers are measured, never trained on."""

import json

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.commands.train import PenDigitMix
from nnviz.data.pen_digits import FILE_NAME, VALIDATION_WRITERS, PenDigit, to_unipen
from nnviz.nn import MLP

SEVEN = (np.array([[100, 400], [300, 400], [180, 100]], np.float32),)
ONE = (np.array([[200, 420], [205, 90]], np.float32),)
TRAINING_WRITER, VALIDATION_WRITER = 1, 3


def pen_folder(tmp_path, writers=(TRAINING_WRITER, VALIDATION_WRITER)):
    digits = [PenDigit(label, writer, strokes) for writer in writers for label, strokes in ((7, SEVEN), (1, ONE))] * 3
    (tmp_path / FILE_NAME).write_text(to_unipen(digits))
    return tmp_path


def test_the_validation_writers_are_every_third_of_the_thirty():
    assert VALIDATION_WRITERS == {3, 6, 9, 12, 15, 18, 21, 24, 27, 30}
    assert TRAINING_WRITER not in VALIDATION_WRITERS and VALIDATION_WRITER in VALIDATION_WRITERS


def mnist_like(n=5):
    """A few bold 28x28 'digits' (rings 20 px across, strokes 4 px wide, like a thick MNIST 0), labelled 0..n-1."""
    rows, cols = np.mgrid[:28, :28]
    ring = np.clip(2.5 - np.abs(np.hypot(rows - 14, cols - 14) - 8), 0, 1).astype(np.float32)
    return np.stack([ring] * n).reshape(n, 784), np.arange(n)


def test_only_the_training_writers_digits_are_drawn_each_in_several_copies(tmp_path):
    mnist = mnist_like()
    mix = PenDigitMix.load(pen_folder(tmp_path), copies=4, seed=0, mnist=mnist, quiet=True)
    assert {d.writer for d in mix.training} == {TRAINING_WRITER}
    assert {d.writer for d in mix.validation} == {VALIDATION_WRITER}
    drawn = 6 * 4
    assert mix.images.shape == (drawn + 5, 784) and mix.images.dtype == np.float32
    assert sorted(np.unique(mix.labels[:drawn]).tolist()) == [1, 7]
    assert np.isclose(mix.images.max(axis=1), 1.0).all()  # every drawing reached the network's input
    copies = mix.images[:drawn][mix.labels[:drawn] == 7]
    assert len(np.unique(copies.round(3), axis=0)) > 1  # copies differ: another pen, size and slant each


def test_mnist_joins_the_mix_once_more_as_the_canvas_would_hand_it_over(tmp_path):
    x, y = mnist_like()
    mix = PenDigitMix.load(pen_folder(tmp_path), copies=1, seed=0, mnist=(x, y), quiet=True)
    as_drawn = mix.images[-5:]
    np.testing.assert_array_equal(mix.labels[-5:], y)
    for before, after in zip(x, as_drawn):
        assert np.corrcoef(before, after)[0, 1] > 0.75  # the same ring ...
        assert after.sum() < 0.8 * before.sum()  # ... drawn at the canvas's thinner stroke


def test_a_training_run_with_pen_digits_records_them_and_the_validation_accuracy(capsys, tmp_path, mnist_dir):
    out = tmp_path / "m.npz"
    code = main(["train", "--limit", "2000", "--epochs", "1", "--hidden", "16", "--no-augment", "--json",
                 "--pen-digits", str(pen_folder(tmp_path)), "--pen-copies", "3", "--out", str(out)])
    stdout = capsys.readouterr().out
    assert code == 0 and json.loads(stdout.strip().splitlines()[-1])["epoch"] == 1
    meta = MLP.load(out).metadata
    recipe = meta["recipe"]["pen_digits"]
    assert recipe["file"] == FILE_NAME and recipe["training_writers"] == [TRAINING_WRITER]
    assert recipe["digits"] == 6 and recipe["copies"] == 3
    validation = meta["pen_validation_accuracy"]
    assert validation["writers"] == 1 and validation["digits"] == 6 and 0.0 <= validation["accuracy"] <= 1.0


def test_without_pen_digits_training_is_mnist_only(capsys, tmp_path, mnist_dir):
    out = tmp_path / "m.npz"
    assert main(["train", "--limit", "1000", "--epochs", "1", "--hidden", "8", "--no-augment", "--json",
                 "--out", str(out)]) == 0
    meta = MLP.load(out).metadata
    assert meta["recipe"]["pen_digits"] is None and meta["pen_validation_accuracy"] is None


@pytest.mark.parametrize("make, argv, words", [
    (lambda tmp: tmp / "nowhere", [], "no pen-digit file"),
    (pen_folder, ["--pen-copies", "0"], "--pen-copies"),
    (lambda tmp: pen_folder(tmp, writers=(VALIDATION_WRITER,)), [], "validation writers only"),
])
def test_bad_pen_digit_arguments_are_one_clear_line_before_mnist_is_read(capsys, tmp_path, make, argv, words):
    out = tmp_path / "m.npz"
    code = main(["train", "--epochs", "1", "--pen-digits", str(make(tmp_path)), *argv, "--out", str(out),
                 "--data", str(tmp_path / "no-mnist-here")])  # said at once, not after reading (or fetching) MNIST
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and words in err[0]
    assert not out.exists()
