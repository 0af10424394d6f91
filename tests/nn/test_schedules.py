"""Learning-rate schedules as functions of progress in epochs."""

import math

import pytest

from nnviz.errors import ConfigError
from nnviz.nn import Schedule


def test_constant():
    assert Schedule("constant").factor(3.7) == 1.0


def test_step_halves_every_step_size_epochs():
    s = Schedule("step", gamma=0.5, step_size=2)
    assert [s(e) for e in (0, 1.9, 2, 4.5)] == [1, 1, 0.5, 0.25]


def test_exponential():
    assert Schedule("exponential", gamma=0.9)(2.0) == pytest.approx(0.81)


def test_cosine_goes_from_one_to_near_zero_over_the_run():
    s = Schedule("cosine", total=8)
    assert s(0) == 1.0 and s(4) == pytest.approx(0.5) and s(8) == pytest.approx(1e-6)
    assert all(s(e) > s(e + 0.5) for e in range(0, 7))


def test_linear_warmup():
    s = Schedule("constant", warmup=2)
    assert s(0.5) == pytest.approx(0.25) and s(1) == pytest.approx(0.5) and s(3) == 1


@pytest.mark.parametrize("kwargs", [{"kind": "linear"}, {"gamma": -1}, {"warmup": math.nan}, {"total": 0}])
def test_bad_schedules_are_refused(kwargs):
    with pytest.raises(ConfigError):
        Schedule(**kwargs)
