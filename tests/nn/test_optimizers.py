"""The ten update rules follow torch.optim's trajectories and defaults (recorded once by
tools/make_optimizer_references.py, so these tests need no torch)."""

import json
from pathlib import Path

import numpy as np
import pytest

from nnviz.nn import MLP, OPTIMIZERS, make_optimizer

REFERENCE = np.load(Path(__file__).parents[1] / "data" / "optimizer_trajectories.npz")
META = json.loads(str(REFERENCE["meta"]))


def test_all_ten_rules_exist():
    assert set(OPTIMIZERS) == {"sgd", "momentum", "nag", "adagrad", "rmsprop", "adam", "adamw",
                               "adadelta", "amsgrad", "nadam"}


@pytest.mark.parametrize("index,case", list(enumerate(META["cases"])), ids=lambda c: str(c))
def test_trajectory_follows_torch_for_25_steps(index, case):
    net = MLP(META["sizes"], activation=META["activation"], dtype=np.float64, seed=META["seed"])
    np.testing.assert_array_equal(net.params, REFERENCE["start"])
    optimizer = make_optimizer(case["name"], **case["options"])
    expected = REFERENCE[f"trajectory_{index}"]
    assert np.abs(expected[-1] - REFERENCE["start"]).max() > 0.05, "the reference must actually move"
    for step in range(META["steps"]):
        net.train_step(REFERENCE["X"], REFERENCE["y"], optimizer)
        np.testing.assert_allclose(net.params, expected[step], rtol=0, atol=1e-7, err_msg=f"step {step + 1}")
    assert optimizer.t == META["steps"]


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_defaults_are_torchs(name):
    optimizer = make_optimizer(name)
    assert optimizer.lr == META["defaults"][name]["lr"]
    assert optimizer.weight_decay == META["defaults"][name]["weight_decay"]


def test_momentum_and_nag_are_sgd_with_momentum_09():
    assert make_optimizer("momentum").hyper["momentum"] == 0.9
    assert make_optimizer("nag").hyper == {"momentum": 0.9, "dampening": 0.0, "nesterov": True}
    assert make_optimizer("amsgrad").hyper["amsgrad"] is True


@pytest.mark.parametrize("lr", [0, -1, float("nan"), float("inf"), "fast"])
def test_bad_learning_rates_are_refused_at_construction(lr):
    with pytest.raises(ValueError, match="learning rate"):
        make_optimizer("adam", lr=lr)


def test_unknown_names_and_options_are_refused_clearly():
    with pytest.raises(ValueError, match="choose one of: sgd, momentum"):
        make_optimizer("adamax")
    with pytest.raises(ValueError, match="no option"):
        make_optimizer("sgd", betas=(0.9, 0.99))
    with pytest.raises(ValueError, match="weight decay"):
        make_optimizer("sgd", weight_decay=-0.1)


def test_binds_on_first_step_and_keeps_state_per_array():
    optimizer = make_optimizer("adam")
    assert optimizer.params is None
    a, b = np.ones(3), np.ones((2, 2))
    optimizer.update([a, b], [np.ones(3), np.full((2, 2), 2.0)])
    assert optimizer.params[0] is a and optimizer.params[1] is b
    assert optimizer.state[0]["exp_avg"].shape == (3,) and optimizer.state[1]["exp_avg"].shape == (2, 2)
    assert optimizer.t == 1 and np.all(a < 1)


def test_an_optimizer_serves_one_network():
    optimizer = make_optimizer("sgd", lr=0.1)
    X, y = np.zeros((2, 3)), np.array([0, 1])
    MLP([3, 2]).train_step(X, y, optimizer)
    with pytest.raises(ValueError, match="another network"):
        MLP([3, 2]).train_step(X, y, optimizer)


def test_learning_rate_can_change_between_steps():
    optimizer = make_optimizer("sgd", lr=0.1)
    p = np.zeros(2)
    optimizer.update(p, np.ones(2))
    optimizer.lr = 1.0
    optimizer.update(p, np.ones(2))
    np.testing.assert_allclose(p, [-1.1, -1.1])
    with pytest.raises(ValueError):
        optimizer.lr = -1
