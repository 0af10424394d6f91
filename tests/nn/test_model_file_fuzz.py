"""Model files under random architectures, random damage, and a save killed half-way."""

import signal
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.errors import ModelFileError
from nnviz.nn import ACTIVATIONS, MLP

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(
    sizes=st.lists(st.integers(1, 12), min_size=2, max_size=5),
    activation=st.sampled_from(sorted(ACTIVATIONS)),
    output=st.sampled_from(["softmax", "sigmoid", "identity"]),
    dtype=st.sampled_from([np.float32, np.float64]),
    seed=st.integers(0, 2**32 - 1),
)
def test_round_trip_for_random_architectures(tmp_path, sizes, activation, output, dtype, seed):
    net = MLP(sizes, activation=activation, output=output, dtype=dtype, seed=seed)
    path = tmp_path / "m.npz"
    net.save(path)
    back = MLP.load(path)
    assert back.sizes == net.sizes and back.dtype == net.dtype and back.activation == activation
    np.testing.assert_array_equal(back.params, net.params)


@pytest.fixture(scope="module")
def model_bytes(tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "m.npz"
    MLP([30, 8, 4], seed=1).save(path, {"note": "fuzz"})
    return path.read_bytes()


@FUZZ
@given(data=st.data())
def test_truncated_or_bit_flipped_files_raise_our_error(tmp_path, model_bytes, damage, data):
    path = tmp_path / "damaged.npz"
    path.write_bytes(damage(data, model_bytes))
    try:
        net = MLP.load(path)
    except ModelFileError:
        return
    # A flip that zip's CRC cannot see (e.g. in an unused header field) may still load: then it must be sound.
    assert np.all(np.isfinite(net.params)) and net.sizes == (30, 8, 4)


def test_a_save_killed_midway_leaves_the_old_file_intact(tmp_path):
    path = tmp_path / "model.npz"
    old = MLP([784, 64, 10], seed=1)
    old.save(path)
    # A child that saves a large model over the same path, stopped by SIGKILL as soon as it starts writing.
    script = textwrap.dedent(f"""
        import os, signal, numpy as np
        from nnviz.nn import MLP, model_file
        real = np.savez
        def slow_savez(handle, **arrays):
            handle.write(b"PK" + b"\\0" * 1_000_000)
            handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        model_file.np.savez = slow_savez
        MLP([784, 512, 10], seed=2).save({str(path)!r})
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -signal.SIGKILL
    back = MLP.load(path)
    np.testing.assert_array_equal(back.params, old.params)
    leftovers = [p for p in tmp_path.iterdir() if p.name != "model.npz"]
    assert all(p.name.startswith(".model.npz.") for p in leftovers)  # a temp file at most, never the target
