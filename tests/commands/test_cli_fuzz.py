"""Random nonsense on the command line: always one clear line on stderr, a non-zero exit, nothing saved."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nnviz.cli import main
from nnviz.nn import OPTIMIZERS

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def is_number_accepted(option: str, text: str) -> bool:
    """Whether ``nnviz train`` would take ``text`` for ``option`` (then the fuzzer draws again)."""
    try:
        value = float(text) if option == "--lr" else int(text)
    except ValueError:
        return False
    return math.isfinite(value) and value > 0


def run_train(capsys, tmp_path, *argv):
    out = tmp_path / "m.npz"
    try:
        code = main(["train", "--out", str(out), *argv])
    except SystemExit as exit:  # argparse's own checks exit through our one-line parser
        code = exit.code
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert not out.exists()
    return err


@FUZZ
@given(option=st.sampled_from(["--lr", "--epochs", "--batch-size"]), text=st.text(max_size=12))
def test_random_text_for_a_number_is_one_clear_line(capsys, tmp_path, option, text):
    assume(not is_number_accepted(option, text))
    run_train(capsys, tmp_path, f"{option}={text}")


@FUZZ
@given(name=st.text(min_size=1, max_size=12))
def test_unknown_optimizer_names_are_one_line_naming_the_choices(capsys, tmp_path, name):
    assume(name.lower() not in OPTIMIZERS)
    err = run_train(capsys, tmp_path, f"--optimizer={name}")
    assert "adam" in err


@pytest.mark.parametrize("option", ["--hidden", "--activation", "--schedule", "--weight-decay", "--l1", "--l2"])
def test_other_options_refuse_nonsense_in_one_line(capsys, tmp_path, option):
    run_train(capsys, tmp_path, f"{option}=-x!")
