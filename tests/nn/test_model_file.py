"""Model files: lossless round trips, atomic saves, and one clear error for every bad file."""

import json
import zipfile

import numpy as np
import pytest

from nnviz.errors import ModelFileError
from nnviz.nn import MLP
from nnviz.nn.model_file import load_attachments


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_round_trip_keeps_everything(tmp_path, dtype):
    net = MLP([7, 5, 3], activation="tanh", output="sigmoid", dtype=dtype, seed=9)
    net.save(tmp_path / "m.npz", {"accuracy": 0.9})
    back = MLP.load(tmp_path / "m.npz")
    assert (back.sizes, back.activation, back.output, back.dtype) == (net.sizes, "tanh", "sigmoid", np.dtype(dtype))
    np.testing.assert_array_equal(back.params, net.params)
    assert back.metadata == {"accuracy": 0.9}


def test_attachments_travel_with_the_network_which_reads_as_ever(tmp_path):
    net = MLP([7, 5, 3], seed=1)
    timeline = {"t0_W0": np.ones((7, 5), np.float32), "timeline": np.array('[{"step": 0}]')}
    net.save(tmp_path / "m.npz", attachments=timeline)
    back = MLP.load(tmp_path / "m.npz")  # the network reads as ever
    np.testing.assert_array_equal(back.params, net.params)
    attached = load_attachments(tmp_path / "m.npz")
    assert set(attached) == {"t0_W0", "timeline"} and str(attached["timeline"]) == '[{"step": 0}]'
    np.testing.assert_array_equal(attached["t0_W0"], timeline["t0_W0"])
    with np.load(tmp_path / "m.npz", allow_pickle=False) as npz:  # a reader of format 1 says "upgrade nnviz"
        assert json.loads(str(npz["meta"]))["version"] == 2
    net.save(tmp_path / "plain.npz")
    assert load_attachments(tmp_path / "plain.npz") == {}
    with np.load(tmp_path / "plain.npz", allow_pickle=False) as npz:  # without them, every nnviz reads it
        assert json.loads(str(npz["meta"]))["version"] == 1


def test_metadata_is_json_text_not_pickle(tmp_path):
    MLP([3, 2]).save(tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz", allow_pickle=False) as npz:
        meta = json.loads(str(npz["meta"]))
    assert meta["format"] == "nnviz-mlp" and meta["sizes"] == [3, 2] and meta["dtype"] == "float32"


def test_save_replaces_atomically_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "m.npz"
    MLP([3, 2], seed=1).save(path)
    MLP([3, 2], seed=2).save(path)
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]
    assert path.stat().st_mode & 0o644 == 0o644  # readable like any file the user writes
    np.testing.assert_array_equal(MLP.load(path).params, MLP([3, 2], seed=2).params)


def test_non_finite_weights_are_never_saved(tmp_path):
    net = MLP([3, 2])
    net.weights[0][0, 0] = np.nan
    with pytest.raises(ModelFileError, match="non-finite"):
        net.save(tmp_path / "m.npz")
    assert not list(tmp_path.iterdir())


def write_npz(path, **arrays):
    with open(path, "wb") as handle:
        np.savez(handle, **arrays)
    return path


def meta(**overrides):
    base = {"format": "nnviz-mlp", "version": 1, "sizes": [3, 2], "activation": "relu", "output": "softmax",
            "dtype": "float32"}
    return np.array(json.dumps({**base, **overrides}))


GOOD = {"W0": np.zeros((3, 2), np.float32), "b0": np.zeros(2, np.float32)}


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda p: p, "does not exist"),
        (lambda p: p.write_bytes(b"not a zip at all") and p, "not an .npz"),
        (lambda p: p.write_bytes(b"PK\x03\x04 truncated") and p, "corrupt"),
        (lambda p: write_npz(p, W0=np.zeros((3, 2))), "not an nnviz model"),
        (lambda p: write_npz(p, meta=np.array([{"x": 1}], dtype=object), **GOOD), "pickled"),
        (lambda p: write_npz(p, meta=np.array("{not json"), **GOOD), "not valid JSON"),
        (lambda p: write_npz(p, meta=meta(format="keras"), **GOOD), "not an nnviz model"),
        (lambda p: write_npz(p, meta=meta(), W0=GOOD["W0"]), "missing"),
        (lambda p: write_npz(p, meta=meta(), W0=np.zeros((3, 5), np.float32), b0=GOOD["b0"]), "shape"),
        (lambda p: write_npz(p, meta=meta(), W0=np.full((3, 2), np.inf, np.float32), b0=GOOD["b0"]), "non-finite"),
        (lambda p: write_npz(p, meta=meta(sizes=[3, "x"]), **GOOD), "sizes"),
        (lambda p: write_npz(p, meta=meta(activation="swish"), **GOOD), "unknown activation"),
        (lambda p: write_npz(p, meta=meta(), W1=np.zeros((2, 2)), **GOOD), "unexpected arrays"),
        (lambda p: write_npz(p, meta=meta(version=99), **GOOD), "newer nnviz"),
    ],
)
def test_every_bad_file_is_one_clear_error(tmp_path, make, message):
    path = make(tmp_path / "m.npz") or tmp_path / "m.npz"
    with pytest.raises(ModelFileError, match=message) as info:
        MLP.load(path)
    assert "m.npz" in str(info.value)


def test_truncated_copies_of_a_real_file_never_leak_raw_errors(tmp_path):
    good = tmp_path / "good.npz"
    MLP([20, 10, 5]).save(good)
    data = good.read_bytes()
    for cut in range(0, len(data), max(1, len(data) // 40)):
        bad = tmp_path / "cut.npz"
        bad.write_bytes(data[:cut])
        with pytest.raises(ModelFileError):
            MLP.load(bad)


def test_a_zip_that_is_not_numpy_is_refused(tmp_path):
    path = tmp_path / "m.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("meta.npy", b"hello")
    with pytest.raises(ModelFileError):
        MLP.load(path)
