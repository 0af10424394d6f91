"""Every mistake a user can make on the command line is one clear line on stderr and a non-zero exit."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.nn import MLP


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_clear_line(code, err, *words):
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]


@pytest.mark.parametrize(
    "argv,words",
    [
        (["--lr", "-1"], ["learning rate", "> 0"]),
        (["--lr", "nan"], ["learning rate"]),
        (["--lr", "fast"], ["--lr", "invalid float"]),
        (["--epochs", "0"], ["epochs"]),
        (["--batch-size", "0"], ["batch size"]),
        (["--optimizer", "adamax"], ["unknown optimizer", "adam"]),
        (["--activation", "swish"], ["unknown activation"]),
        (["--hidden", "256,abc"], ["--hidden"]),
        (["--schedule", "linear"], ["unknown schedule"]),
    ],
)
def test_bad_training_arguments(capsys, tmp_path, argv, words):
    out = tmp_path / "m.npz"
    try:
        code, _, err = run_cli(capsys, "train", "--out", str(out), *argv)
    except SystemExit as exit:  # argparse's own checks exit through our one-line parser
        code, err = exit.code, capsys.readouterr().err
    assert_one_clear_line(code, err, *words)
    assert not out.exists()


def test_a_diverging_run_says_the_learning_rate_is_too_high_and_saves_nothing(capsys, tmp_path, mnist_dir):
    out = tmp_path / "m.npz"
    code, _, err = run_cli(capsys, "train", "--lr", "1e6", "--optimizer", "sgd", "--schedule", "constant",
                           "--limit", "3000", "--epochs", "3", "--no-augment", "--json", "--out", str(out))
    assert_one_clear_line(code, err, "diverged", "learning rate")
    assert not out.exists()


def save_npz(path, **arrays):
    with open(path, "wb") as handle:
        np.savez(handle, **arrays)


@pytest.mark.parametrize(
    "make,words",
    [
        (lambda p: None, ["does not exist"]),
        (lambda p: p.write_bytes(os.urandom(500)), ["not an nnviz model"]),
        (lambda p: save_npz(p, meta=np.array([{"evil": 1}], dtype=object)), ["pickled"]),
        (lambda p: MLP([784, 5]).save(p), ["784 inputs", "10 outputs"]),
        (lambda p: MLP([100, 10]).save(p), ["784 inputs"]),
    ],
)
def test_bad_model_files_for_eval(capsys, tmp_path, mnist_dir, make, words):
    path = tmp_path / "model.npz"
    make(path)
    code, _, err = run_cli(capsys, "eval", "--model", str(path))
    assert_one_clear_line(code, err, *words)


def test_missing_data_folder_is_one_line(capsys, tmp_path):
    code, _, err = run_cli(capsys, "eval", "--model", str(tmp_path / "x.npz"))
    assert code != 0


def test_help_needs_no_display_and_no_qt():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "nnviz", "--help"], capture_output=True, text=True, env=env)
    assert result.returncode == 0 and "train" in result.stdout and "eval" in result.stdout


def test_json_training_run_writes_epochs_and_a_loadable_model(capsys, tmp_path, mnist_dir):
    out = tmp_path / "m.npz"
    code, stdout, _ = run_cli(capsys, "train", "--limit", "5000", "--epochs", "2", "--hidden", "32", "--lr", "0.01",
                              "--no-augment", "--json", "--out", str(out))
    assert code == 0
    lines = [json.loads(line) for line in stdout.strip().splitlines()]
    assert [l["epoch"] for l in lines] == [1, 2]
    assert set(lines[0]) >= {"epoch", "loss", "train_accuracy", "test_accuracy", "seconds"}
    assert lines[-1]["test_accuracy"] > 0.7
    net = MLP.load(out)
    assert net.sizes == (784, 32, 10)
    assert net.metadata["test_accuracy"] == pytest.approx(lines[-1]["test_accuracy"], abs=1e-6)
    code, stdout, _ = run_cli(capsys, "eval", "--model", str(out), "--json")
    assert code == 0
    assert json.loads(stdout.strip().splitlines()[-1])["accuracy"] == pytest.approx(lines[-1]["test_accuracy"], abs=1e-6)


def test_an_unknown_lesson_is_refused_in_one_clear_line(capsys):
    code, _, err = run_cli(capsys, "--lesson", "swim")
    assert_one_clear_line(code, err, "unknown lesson", "neuron")
