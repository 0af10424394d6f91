"""Gradient-descent update rules with the semantics and defaults of ``torch.optim``.

An optimizer is created without parameters; on its first :meth:`Optimizer.update` it binds to the
arrays it is given and from then on keeps one state (moments, accumulators) per array and one step
counter ``t``. Every rule updates the parameters in place, element-wise, and reads like its equation.
``weight_decay`` is L2 added to the gradient (``g += wd * p``) for every rule except AdamW, whose
decay is decoupled (``p *= 1 - lr * wd``), as in torch.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, Sequence

import numpy as np

from nnviz.errors import ConfigError


class Optimizer:
    """Owns the bound parameter arrays, their per-array state and the step counter."""

    name: ClassVar[str]
    default_lr: ClassVar[float]
    default_weight_decay: ClassVar[float] = 0.0
    options: ClassVar[dict[str, Any]] = {}
    race_lr: ClassVar[float]  # the rate at which the optimizers lesson shows this rule's character in a few hundred steps

    def __init__(self, lr: float | None = None, weight_decay: float | None = None, **options):
        unknown = set(options) - set(self.options)
        if unknown:
            allowed = ", ".join(self.options) or "none"
            raise ConfigError(f"{self.name} has no option {', '.join(sorted(unknown))}; its options: {allowed}")
        self.lr = self.default_lr if lr is None else lr
        self.weight_decay = self.default_weight_decay if weight_decay is None else weight_decay
        self.hyper = {**self.options, **options}
        self._check_hyper()
        self.t = 0
        self.params: list[np.ndarray] | None = None
        self.state: list[dict[str, np.ndarray]] = []

    @property
    def lr(self) -> float:
        return self._lr

    @lr.setter
    def lr(self, value: float) -> None:
        self._lr = _finite(value, "learning rate", positive=True)

    @property
    def weight_decay(self) -> float:
        return self._weight_decay

    @weight_decay.setter
    def weight_decay(self, value: float) -> None:
        self._weight_decay = _finite(value, "weight decay", positive=False)

    def __repr__(self) -> str:
        extra = "".join(f", {k}={v}" for k, v in self.hyper.items())
        return f"{type(self).__name__}(lr={self.lr}, weight_decay={self.weight_decay}{extra}, t={self.t})"

    def bind(self, params: Sequence[np.ndarray]) -> None:
        """Attach to ``params`` (updated in place from now on) and create one state per array."""
        self.params = list(params)
        self.state = [{"scratch": np.empty_like(p)} for p in self.params]
        self.t = 0

    def update(self, params, grads) -> None:
        """One step: ``params`` and ``grads`` are arrays or lists of arrays of matching shapes."""
        params, grads = _as_list(params), _as_list(grads)
        if self.params is None:
            self.bind(params)
        elif len(params) != len(self.params) or any(p is not q for p, q in zip(params, self.params)):
            raise ConfigError(
                "this optimizer is bound to another network's parameters; make a new optimizer "
                "for each network"
            )
        self.step(grads)

    def step(self, grads: Sequence[np.ndarray]) -> None:
        """Apply the rule once to every bound array."""
        if self.params is None:
            raise ConfigError("bind the optimizer to parameters before calling step()")
        self.t += 1
        for p, g, state in zip(self.params, grads, self.state):
            self.rule(p, g, state)

    def rule(self, p: np.ndarray, g: np.ndarray, state: dict[str, np.ndarray]) -> None:
        raise NotImplementedError

    def _decayed(self, p: np.ndarray, g: np.ndarray, state) -> np.ndarray:
        """``g + wd * p`` (coupled L2) in a buffer of its own, or ``g`` itself without decay."""
        if not self.weight_decay:
            return g
        s = self._moment(state, "decayed_grad", p)
        np.multiply(p, self.weight_decay, out=s)
        s += g
        return s

    def _moment(self, state, key: str, like: np.ndarray, fill: float = 0.0) -> np.ndarray:
        if key not in state:
            state[key] = np.full_like(like, fill)
        return state[key]

    def _check_hyper(self) -> None:
        for key, value in self.hyper.items():
            if key == "betas":
                if len(value) != 2 or not all(0 <= _finite(b, "beta") < 1 for b in value):
                    raise ConfigError(f"betas must be two numbers in [0, 1), got {value}")
            elif isinstance(value, bool):
                continue
            elif key in ("eps",):
                _finite(value, key, positive=True)
            else:
                _finite(value, key, positive=False)


class SGD(Optimizer):
    """p -= lr * g, with optional (Nesterov) momentum: buf = mu * buf + (1 - dampening) * g."""

    name = "sgd"
    default_lr = 1e-3
    race_lr = 1e-3
    options = {"momentum": 0.0, "dampening": 0.0, "nesterov": False}

    def rule(self, p, g, state):
        g = self._decayed(p, g, state)
        mu = self.hyper["momentum"]
        if mu:
            if "buf" not in state:
                state["buf"] = g.copy()  # torch starts the buffer at the first gradient
            else:
                buf = state["buf"]
                buf *= mu
                buf += (1 - self.hyper["dampening"]) * g
            buf = state["buf"]
            if self.hyper["nesterov"]:
                s = state["scratch"]
                np.multiply(buf, mu, out=s)  # g + mu * buf
                s += g
                g = s
            else:
                g = buf
        p -= self.lr * g


class Momentum(SGD):
    name = "momentum"
    options = {**SGD.options, "momentum": 0.9}


class NAG(SGD):
    name = "nag"
    options = {**SGD.options, "momentum": 0.9, "nesterov": True}


class AdaGrad(Optimizer):
    """sum += g^2;  p -= lr / (1 + (t-1) lr_decay) * g / (sqrt(sum) + eps)."""

    name = "adagrad"
    default_lr = 1e-2
    race_lr = 0.5
    options = {"lr_decay": 0.0, "eps": 1e-10, "initial_accumulator_value": 0.0}

    def rule(self, p, g, state):
        g = self._decayed(p, g, state)
        total = self._moment(state, "sum", p, self.hyper["initial_accumulator_value"])
        total += g * g
        clr = self.lr / (1 + (self.t - 1) * self.hyper["lr_decay"])
        std = np.sqrt(total)
        std += self.hyper["eps"]
        p -= clr * (g / std)


class RMSprop(Optimizer):
    """v = alpha v + (1 - alpha) g^2;  p -= lr * g / (sqrt(v) + eps)  (optionally centred, with momentum)."""

    name = "rmsprop"
    default_lr = 1e-2
    race_lr = 0.01
    options = {"alpha": 0.99, "eps": 1e-8, "momentum": 0.0, "centered": False}

    def rule(self, p, g, state):
        g = self._decayed(p, g, state)
        alpha, eps, mu = self.hyper["alpha"], self.hyper["eps"], self.hyper["momentum"]
        v = self._moment(state, "square_avg", p)
        v *= alpha
        v += (1 - alpha) * (g * g)
        if self.hyper["centered"]:
            mean = self._moment(state, "grad_avg", p)
            mean += (g - mean) * (1 - alpha)
            avg = np.sqrt(v - mean * mean)
        else:
            avg = np.sqrt(v)
        avg += eps
        if mu:
            buf = self._moment(state, "momentum_buffer", p)
            buf *= mu
            buf += g / avg
            p -= self.lr * buf
        else:
            p -= self.lr * (g / avg)


class AdaDelta(Optimizer):
    """v = rho v + (1-rho) g^2;  dx = sqrt(u + eps) / sqrt(v + eps) * g;  u = rho u + (1-rho) dx^2;  p -= lr dx."""

    name = "adadelta"
    default_lr = 1.0
    race_lr = 1.0
    options = {"rho": 0.9, "eps": 1e-6}

    def rule(self, p, g, state):
        g = self._decayed(p, g, state)
        rho, eps = self.hyper["rho"], self.hyper["eps"]
        v = self._moment(state, "square_avg", p)
        u = self._moment(state, "acc_delta", p)
        v *= rho
        v += (1 - rho) * (g * g)
        dx = np.sqrt(u + eps)
        dx /= np.sqrt(v + eps)
        dx *= g
        u *= rho
        u += (1 - rho) * (dx * dx)
        p -= self.lr * dx


class Adam(Optimizer):
    """m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;  p -= lr / (1-b1^t) * m / (sqrt(v / (1-b2^t)) + eps)."""

    name = "adam"
    default_lr = 1e-3
    race_lr = 0.05
    options = {"betas": (0.9, 0.999), "eps": 1e-8, "amsgrad": False}
    decoupled = False

    def rule(self, p, g, state):
        if self.decoupled:
            p *= 1 - self.lr * self.weight_decay
        else:
            g = self._decayed(p, g, state)
        (b1, b2), eps, t = self.hyper["betas"], self.hyper["eps"], self.t
        s = state["scratch"]
        m = self._moment(state, "exp_avg", p)
        v = self._moment(state, "exp_avg_sq", p)
        m *= b1
        np.multiply(g, 1 - b1, out=s)
        m += s
        v *= b2
        np.multiply(g, g, out=s)
        s *= 1 - b2
        v += s
        if self.hyper["amsgrad"]:
            v = np.maximum(self._moment(state, "max_exp_avg_sq", p), v, out=state["max_exp_avg_sq"])
        # m / (sqrt(v) / sqrt(bc2) + eps) == sqrt(bc2) * m / (sqrt(v) + eps * sqrt(bc2)): one pass fewer.
        root_bc2 = math.sqrt(1 - b2**t)
        np.sqrt(v, out=s)
        s += eps * root_bc2
        np.divide(m, s, out=s)
        s *= self.lr / (1 - b1**t) * root_bc2
        p -= s


class AdamW(Adam):
    """Adam with decoupled weight decay: p *= 1 - lr * wd before the Adam step."""

    name = "adamw"
    default_weight_decay = 1e-2
    decoupled = True


class AMSGrad(Adam):
    """Adam whose denominator uses the running maximum of v, so steps never grow from a shrinking v."""

    name = "amsgrad"
    options = {**Adam.options, "amsgrad": True}


class NAdam(Optimizer):
    """Adam with Nesterov momentum and torch's momentum-decay schedule mu_t = b1 (1 - 0.5 * 0.96^(t psi))."""

    name = "nadam"
    default_lr = 2e-3
    race_lr = 0.05
    options = {"betas": (0.9, 0.999), "eps": 1e-8, "momentum_decay": 4e-3}

    def rule(self, p, g, state):
        g = self._decayed(p, g, state)
        (b1, b2), eps, psi, t = self.hyper["betas"], self.hyper["eps"], self.hyper["momentum_decay"], self.t
        mu = b1 * (1 - 0.5 * 0.96 ** (t * psi))
        mu_next = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi))
        mu_product = self._moment(state, "mu_product", np.ones(1), 1.0)
        mu_product *= mu
        m = self._moment(state, "exp_avg", p)
        v = self._moment(state, "exp_avg_sq", p)
        m += (g - m) * (1 - b1)
        v *= b2
        v += (1 - b2) * (g * g)
        denom = np.sqrt(v / (1 - b2**t))
        denom += eps
        prod = float(mu_product[0])
        p -= (self.lr * (1 - mu) / (1 - prod)) * (g / denom)
        p -= (self.lr * mu_next / (1 - prod * mu_next)) * (m / denom)


OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (SGD, Momentum, NAG, AdaGrad, RMSprop, Adam, AdamW, AdaDelta, AMSGrad, NAdam)
}


def make_optimizer(name: str, lr: float | None = None, weight_decay: float | None = None, **options) -> Optimizer:
    """A new, unbound optimizer: one of sgd, momentum, nag, adagrad, rmsprop, adam, adamw, adadelta,
    amsgrad, nadam. ``lr`` and ``weight_decay`` default to torch's for that rule."""
    try:
        cls = OPTIMIZERS[str(name).lower()]
    except KeyError:
        raise ConfigError(f"unknown optimizer {name!r}; choose one of: {', '.join(OPTIMIZERS)}") from None
    return cls(lr=lr, weight_decay=weight_decay, **options)


def _as_list(x) -> list[np.ndarray]:
    return [x] if isinstance(x, np.ndarray) else list(x)


def _finite(value, what: str, positive: bool = False) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"the {what} must be a number, got {value!r}") from None
    if not math.isfinite(value) or value < 0 or (positive and value == 0):
        bound = "> 0" if positive else ">= 0"
        raise ConfigError(f"the {what} must be a finite number {bound}, got {value}")
    return value
