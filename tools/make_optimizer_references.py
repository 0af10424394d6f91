"""Record torch.optim's trajectories once, so the tests can check ours without torch installed.

A small float64 MLP (4-5-3, tanh, softmax + cross-entropy) starts from nnviz's seeded weights; each
torch optimizer takes 25 steps on a fixed batch and we store the flat parameters after every step, in
nnviz's layout (weights of every layer, then biases). Also stored: torch's default lr and weight
decay for every rule. Run again after changing the cases:

    pip install torch && python tools/make_optimizer_references.py
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import numpy as np
import torch

from nnviz.nn import MLP

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "optimizer_trajectories.npz"
STEPS = 25
SIZES = [4, 5, 3]

# name in nnviz, nnviz options, torch class, torch options
CASES = [
    ("sgd", {"lr": 0.1}, torch.optim.SGD, {"lr": 0.1}),
    ("sgd", {"lr": 0.1, "weight_decay": 0.05}, torch.optim.SGD, {"lr": 0.1, "weight_decay": 0.05}),
    ("momentum", {"lr": 0.05}, torch.optim.SGD, {"lr": 0.05, "momentum": 0.9}),
    ("momentum", {"lr": 0.05, "dampening": 0.3, "weight_decay": 0.01}, torch.optim.SGD,
     {"lr": 0.05, "momentum": 0.9, "dampening": 0.3, "weight_decay": 0.01}),
    ("nag", {"lr": 0.05}, torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("nag", {"lr": 0.05, "weight_decay": 0.02}, torch.optim.SGD,
     {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.02}),
    ("adagrad", {"lr": 0.1}, torch.optim.Adagrad, {"lr": 0.1}),
    ("adagrad", {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.01, "initial_accumulator_value": 0.1},
     torch.optim.Adagrad, {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.01, "initial_accumulator_value": 0.1}),
    ("rmsprop", {"lr": 0.01}, torch.optim.RMSprop, {"lr": 0.01}),
    ("rmsprop", {"lr": 0.01, "centered": True, "momentum": 0.5, "weight_decay": 0.01}, torch.optim.RMSprop,
     {"lr": 0.01, "centered": True, "momentum": 0.5, "weight_decay": 0.01}),
    ("adam", {"lr": 0.01}, torch.optim.Adam, {"lr": 0.01}),
    ("adam", {"lr": 0.01, "weight_decay": 0.1}, torch.optim.Adam, {"lr": 0.01, "weight_decay": 0.1}),
    ("adamw", {"lr": 0.01}, torch.optim.AdamW, {"lr": 0.01}),
    ("adamw", {"lr": 0.01, "weight_decay": 0.3}, torch.optim.AdamW, {"lr": 0.01, "weight_decay": 0.3}),
    ("adadelta", {}, torch.optim.Adadelta, {}),
    ("adadelta", {"lr": 0.5, "weight_decay": 0.01}, torch.optim.Adadelta, {"lr": 0.5, "weight_decay": 0.01}),
    ("amsgrad", {"lr": 0.01}, torch.optim.Adam, {"lr": 0.01, "amsgrad": True}),
    ("nadam", {"lr": 0.01}, torch.optim.NAdam, {"lr": 0.01}),
    ("nadam", {"lr": 0.01, "weight_decay": 0.05}, torch.optim.NAdam, {"lr": 0.01, "weight_decay": 0.05}),
]
DEFAULTS = {
    "sgd": (torch.optim.SGD, {}), "momentum": (torch.optim.SGD, {}), "nag": (torch.optim.SGD, {}),
    "adagrad": (torch.optim.Adagrad, {}), "rmsprop": (torch.optim.RMSprop, {}),
    "adam": (torch.optim.Adam, {}), "adamw": (torch.optim.AdamW, {}), "adadelta": (torch.optim.Adadelta, {}),
    "amsgrad": (torch.optim.Adam, {}), "nadam": (torch.optim.NAdam, {}),
}


def torch_trajectory(net: MLP, X, y, cls, options) -> np.ndarray:
    layers = []
    for W, b in zip(net.weights, net.biases):
        lin = torch.nn.Linear(W.shape[0], W.shape[1]).double()
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(W.T.copy()))
            lin.bias.copy_(torch.from_numpy(b.copy()))
        layers.append(lin)
    params = [l.weight for l in layers] + [l.bias for l in layers]
    opt = cls(params, **options)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    out = []
    for _ in range(STEPS):
        opt.zero_grad()
        h = Xt
        for i, lin in enumerate(layers):
            h = lin(h)
            if i < len(layers) - 1:
                h = torch.tanh(h)
        torch.nn.functional.cross_entropy(h, yt).backward()
        opt.step()
        flat = [l.weight.detach().numpy().T.ravel() for l in layers] + [l.bias.detach().numpy() for l in layers]
        out.append(np.concatenate(flat))
    return np.stack(out)


def main() -> None:
    rng = np.random.default_rng(42)
    X = rng.normal(size=(8, SIZES[0]))
    y = rng.integers(0, SIZES[-1], 8)
    net = MLP(SIZES, activation="tanh", dtype=np.float64, seed=3)
    arrays = {"X": X, "y": y, "start": net.params.copy()}
    cases = []
    for i, (name, ours, cls, theirs) in enumerate(CASES):
        arrays[f"trajectory_{i}"] = torch_trajectory(net, X, y, cls, theirs)
        cases.append({"name": name, "options": ours, "torch": f"{cls.__name__}({theirs})"})
    defaults = {}
    for name, (cls, _) in DEFAULTS.items():
        sig = inspect.signature(cls.__init__).parameters
        defaults[name] = {"lr": float(sig["lr"].default), "weight_decay": float(sig["weight_decay"].default)}
    meta = {"torch": torch.__version__, "steps": STEPS, "sizes": SIZES, "activation": "tanh",
            "seed": 3, "cases": cases, "defaults": defaults}
    np.savez_compressed(OUT, meta=np.array(json.dumps(meta)), **arrays)
    print(f"wrote {OUT} ({len(CASES)} cases, torch {torch.__version__})")


if __name__ == "__main__":
    main()
