"""``nnviz report`` writes consistent tables and real PNG figures without a display."""

import csv
import json

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.data import load_mnist
from nnviz.nn import MLP, TrainConfig, train

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def small_model(tmp_path_factory, mnist_dir_for_module):
    data = load_mnist(mnist_dir_for_module)
    net = MLP([784, 32, 10], seed=0)
    for _ in train(net, data.x_train[:5000], data.y_train[:5000], TrainConfig(epochs=1, lr=0.01)):
        pass
    path = tmp_path_factory.mktemp("model") / "small.npz"
    net.save(path)
    return path


@pytest.fixture(scope="module")
def mnist_dir_for_module():
    import os
    from pathlib import Path

    path = Path(os.environ.get("NNVIZ_DATA", ""))
    if not (path / "t10k-images-idx3-ubyte.gz").exists():
        pytest.skip("MNIST not found; set NNVIZ_DATA")
    return path


def test_report_files_agree_with_each_other(small_model, tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["report", "--model", str(small_model), "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    with open(out / "confusion.csv") as handle:
        rows = list(csv.reader(handle))
    counts = np.array([[int(v) for v in row[1:]] for row in rows[1:]])
    assert counts.shape == (10, 10) and counts.sum() == 10_000 == summary["n_test"]
    assert summary["accuracy"] == pytest.approx(np.trace(counts) / 10_000)
    with open(out / "per_class.csv") as handle:
        per_class = list(csv.DictReader(handle))
    assert [int(r["correct"]) for r in per_class] == np.diag(counts).tolist()
    for name in ("confusion.png", "mistakes.png", "weights_layer1.png"):
        assert (out / name).read_bytes()[:8] == PNG, name
        assert (out / name).stat().st_size > 5_000


def test_report_on_a_bad_model_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"nope")
    assert main(["report", "--model", str(bad), "--out", str(tmp_path / "r")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "r").exists()
