"""``nnviz train --extra FILE``: a person's own examples join the training set, a few copies each."""

import json

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.commands.train import PersonalExtra
from nnviz.data.personal_examples import TRAINING_COPIES
from nnviz.data.personal_examples import PersonalExample, PersonalSet
from nnviz.nn import MLP

STROKE = (np.array([[10.0, 10.0], [270.0, 270.0]], np.float32),)


def a_box():
    """A drawing MNIST never shows: a bright square frame filling the field."""
    image = np.zeros((28, 28), np.float32)
    image[2:26, 2:5] = image[2:26, 23:26] = image[2:5, 2:26] = image[23:26, 2:26] = 1.0
    return image


def personal_file(path, labels=(3, 3, 3)):
    return PersonalSet(tuple(PersonalExample(a_box(), label, STROKE) for label in labels)).save(path)


def test_each_personal_example_is_repeated_a_few_times():
    assert 1 < TRAINING_COPIES <= 20  # modest: a few dozen corrections are a few hundred of 60,000 digits


def test_the_examples_of_every_file_are_taken_each_copies_times(tmp_path):
    extra = PersonalExtra.load([personal_file(tmp_path / "a.npz", (3, 7)), personal_file(tmp_path / "b.npz", (1,))], 4)
    assert extra.examples == 3 and extra.images.shape == (12, 784)
    np.testing.assert_array_equal(extra.labels, [3, 3, 3, 3, 7, 7, 7, 7, 1, 1, 1, 1])
    np.testing.assert_array_equal(extra.images[5], a_box().ravel())
    assert extra.recipe() == {"files": ["a.npz", "b.npz"], "examples": 3, "copies": 4}


def box_reading(tmp_path, *extra_args):
    """What a small network trained briefly on 1,000 MNIST digits (and the extra files) makes of the box."""
    out = tmp_path / "m.npz"
    assert main(["train", "--limit", "1000", "--epochs", "4", "--hidden", "16", "--no-augment", "--json",
                 *extra_args, "--out", str(out)]) == 0
    net = MLP.load(out)
    return net.predict_proba(a_box().ravel()), net.metadata["recipe"]["extra"]


def test_a_training_run_learns_the_personal_examples_and_records_them(capsys, tmp_path, mnist_dir):
    with_box, recipe = box_reading(tmp_path, "--extra", str(personal_file(tmp_path / "mine.npz")))
    without_box, no_recipe = box_reading(tmp_path)
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["epoch"] == 4
    assert recipe == {"files": ["mine.npz"], "examples": 3, "copies": TRAINING_COPIES} and no_recipe is None
    # 30 of 1,030 digits were the box labelled 3: the network reads it as a 3, which it did not without them.
    assert with_box.argmax() == 3 and with_box[3] > 0.4 and without_box[3] < 0.2


@pytest.mark.parametrize("make, argv, words", [
    (lambda tmp: tmp / "nowhere.npz", [], "does not exist"),
    (lambda tmp: personal_file(tmp / "mine.npz"), ["--extra-copies", "0"], "--extra-copies"),
    (lambda tmp: PersonalSet().save(tmp / "empty.npz"), [], "holds no examples"),
    (lambda tmp: (tmp / "notes.npz").write_text("7 7 7") and tmp / "notes.npz", [], "not an nnviz personal-examples"),
])
def test_a_bad_extra_file_is_one_clear_line_before_any_training(capsys, tmp_path, make, argv, words):
    out = tmp_path / "m.npz"
    code = main(["train", "--epochs", "1", "--extra", str(make(tmp_path)), *argv, "--data", str(tmp_path / "no-mnist"),
                 "--out", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and words in err[0], err
    assert not out.exists()
