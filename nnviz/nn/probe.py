"""Poke the network and ask what it sees: silence or clamp neurons, dream a digit, nudge a digit into another.

Every function here takes a trained network and leaves it as it was: :func:`silence` and :func:`clamp` return
a changed copy, the others only read it. The gradients come from :func:`~nnviz.nn.saliency.backprop_to_input`,
the saliency map's backpropagation into the input, started from whichever score is being pushed:

    log p_c      delta[L] = e_c - p        (dream a digit: make the network sure it sees c)
    z[l]_j       delta[l] = e_j            (dream a hidden neuron: make it fire)
    -log p_t     delta[L] = p - e_t        (nudge: the cross-entropy to the digit it should say)

Layers are counted as in ``net.sizes``: 1 is the first hidden layer, L = ``net.n_layers`` the output.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

import numpy as np

from nnviz.errors import ConfigError
from nnviz.nn.activations import get_activation
from nnviz.nn.losses import log_softmax, output_forward
from nnviz.nn.saliency import backprop_to_input

if TYPE_CHECKING:
    from nnviz.nn.mlp import MLP

DREAM_STEPS = 100  # enough for every digit of the shipped model to pass p = 0.999 raw and 0.99 blurred
DREAM_NOISE = 0.1  # a dream starts from faint noise, uniform in [0, DREAM_NOISE]: different seeds, different dreams
DREAM_STEP_FIRST, DREAM_STEP_LAST = 0.1, 0.01  # per-pixel step (in RMS), decaying linearly

NUDGE_ITERATIONS = 30  # sign-gradient steps per attempt; most digits turn within ten
NUDGE_RESTARTS = 4  # random starts in the allowed box after the attempt from the image itself fails
NUDGE_HALVINGS = 8  # bisection rounds that shrink the change: the last one is within 1/256 of the first
NUDGE_STEP_FIRST, NUDGE_STEP_LAST = 0.25, 0.02  # step as a fraction of the allowed change, decaying linearly

KNOCKOUT_CHUNK = 1_000_000  # numbers of the next layer's z computed at once: 4 MB, 10-25 ms of work


# ---------------------------------------------------------------------------------------------- silence, clamp
def silence(net, layer: int, neurons: Iterable[int]) -> MLP:
    """A copy of ``net`` in which ``neurons`` of hidden layer ``layer`` output zero for every input.

    The neurons' outgoing weights are set to zero, so whatever they compute, they add exactly nothing to the
    next layer, for every activation (zeroing their inputs instead would leave sigmoid(0) = 0.5 flowing
    on). Their incoming weights and bias are zeroed too, so that a forward pass shows them at f(0): zero for
    relu, leaky relu, tanh and identity (the diagram draws them off); for sigmoid it shows 0.5, which no
    longer reaches anything.
    """
    layer = _hidden_layer(net, layer)
    return _hold(net, layer, sorted({_neuron(net, layer, j) for j in _as_list(neurons)}), 0.0)


def clamp(net, layer: int, neuron: int, value: float) -> MLP:
    """A copy of ``net`` in which ``neuron`` of hidden layer ``layer`` outputs ``value`` for every input.

    The held neuron's outgoing weights are zeroed and ``value`` times them is added to the next layer's
    biases: the next layer receives exactly ``value * w`` from it, for every activation and every value
    (even one the activation cannot produce, such as -1 for relu). Its incoming weights are zeroed and its
    bias set to ``value``, so a forward pass shows it at f(value): the value itself for relu, leaky relu and
    identity when value >= 0 (the diagram draws what it is held at); other activations show f(value),
    which no longer reaches anything. Silencing is clamping to 0.
    """
    layer = _hidden_layer(net, layer)
    value = _number(value, "the value a neuron is clamped to")
    return _hold(net, layer, [_neuron(net, layer, neuron)], value)


def _hold(net, layer: int, neurons: list[int], value: float) -> MLP:
    """The copy of ``net`` with ``neurons`` of hidden ``layer`` cut from their inputs and held at ``value``."""
    held = net.copy()
    if not neurons:
        return held
    incoming, outgoing = held.weights[layer - 1], held.weights[layer]
    held.biases[layer] += value * outgoing[neurons].sum(axis=0)
    outgoing[neurons] = 0
    incoming[:, neurons] = 0
    held.biases[layer - 1][neurons] = value
    return held


# ------------------------------------------------------------------------------------------------- knock-out
@dataclass(frozen=True)
class KnockoutProgress:
    """How far a knock-out study is: ``accuracy`` (n,) holds the accuracy with each neuron of the layer
    silenced in turn, NaN for the ``total - done`` neurons not yet measured."""

    done: int
    total: int
    accuracy: np.ndarray


def knockout_steps(net, layer: int, X: np.ndarray, y: np.ndarray) -> Iterator[KnockoutProgress]:
    """The knock-out study of hidden ``layer`` in chunks of neurons (each a few ms to a few tens of ms), for
    a caller that wants to show progress or spread the work over a timer: first ``done = 0`` after the
    forward pass, then after each chunk. Arguments are checked at once.

    One forward pass gives every neuron's activation a and the next layer's z; silencing neuron j changes
    that z by exactly ``-a[:, j] * W[j]``, so each knock-out only re-runs the layers after it, on
    ``len(X) * chunk`` rows at once, instead of building and running a network per neuron.
    """
    layer = _hidden_layer(net, layer)
    X = _images(net, X)
    y = np.asarray(y)
    if y.shape != (len(X),):
        raise ConfigError(f"the knock-out study needs one label per image: {len(X)} images, labels of shape {y.shape}")
    return _knockout_chunks(net, layer, X, y)


def _knockout_chunks(net, layer: int, X: np.ndarray, y: np.ndarray) -> Iterator[KnockoutProgress]:
    trace = net.forward(X)
    a, z_next, W = trace.a[layer], trace.z[layer], net.weights[layer]
    n, n_next = a.shape[1], z_next.shape[1]
    accuracy = np.full(n, np.nan)
    yield KnockoutProgress(0, n, accuracy.copy())  # the forward pass alone is a chunk's worth of work
    chunk = max(1, KNOCKOUT_CHUNK // max(1, len(X) * n_next))
    for start in range(0, n, chunk):
        neurons = np.arange(start, min(n, start + chunk))
        silenced = z_next[:, None, :] - a[:, neurons, None] * W[neurons][None, :, :]  # (batch, chunk, n_next)
        predicted = _classes_from(net, silenced.reshape(-1, n_next), layer + 1).reshape(len(X), len(neurons))
        accuracy[neurons] = (predicted == y[:, None]).mean(axis=0) if len(X) else np.nan
        yield KnockoutProgress(int(neurons[-1]) + 1, n, accuracy.copy())


def knockout(net, layer: int, X: np.ndarray, y: np.ndarray, *,
             progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """(n,) float64: the accuracy on ``X`` (batch, n_in), ``y`` (batch,) with each neuron of hidden ``layer``
    silenced in turn (as :func:`silence` does); ``progress(done, total)`` is called as in :func:`knockout_steps`."""
    for step in knockout_steps(net, layer, X, y):
        if progress is not None:
            progress(step.done, step.total)
    return step.accuracy


def _classes_from(net, z: np.ndarray, layer: int) -> np.ndarray:
    """The classes ``net`` predicts when layer ``layer`` (1..L) has computed ``z``: the rest of the forward
    pass, then the output's argmax (as :func:`nnviz.nn.evaluation.accuracy` reads it)."""
    act = get_activation(net.activation)
    for l in range(layer, net.n_layers):
        z = act.forward(z) @ net.weights[l]
        z += net.biases[l]
    return output_forward(net.output, z).argmax(axis=1)


# ------------------------------------------------------------------------------------ objectives and gradients
def log_probability(net, X: np.ndarray, digit: int) -> tuple[np.ndarray, np.ndarray]:
    """``(log p_digit (batch,), its gradient with respect to X (batch, n_in))`` for inputs X (batch, n_in),
    in the network's dtype."""
    trace, logp = _forward_log_softmax(net, X)
    delta = -np.exp(logp)
    delta[:, digit] += 1
    return logp[:, digit], backprop_to_input(net, trace, delta)


def nudge_objective(net, X: np.ndarray, target: int) -> tuple[np.ndarray, np.ndarray]:
    """``(cross-entropy to target (batch,), its gradient (batch, n_in))``: what :func:`nudge` descends."""
    value, gradient = log_probability(net, X, target)
    return -value, -gradient


def dream_objective(net, U: np.ndarray, target, smooth: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """``(score (batch,), d score / dU (batch, n_in))`` of the images ``blur(U)`` (``U`` itself when
    ``smooth`` is 0): what :func:`dream_steps` climbs. ``target`` is a digit (score: its log-probability) or
    a hidden neuron ``(layer, index)`` (score: its z, which keeps a gradient where relu's output is 0)."""
    blur = Blur(smooth, net.sizes[0])
    X = blur(U)
    if isinstance(target, tuple):
        layer, index = target
        trace = net.forward(X)
        delta = np.zeros((len(X), net.sizes[layer]), X.dtype)
        delta[:, index] = 1
        score, gradient = trace.z[layer - 1][:, index], backprop_to_input(net, trace, delta, layer)
    else:
        score, gradient = log_probability(net, X, target)
    return score, blur.transpose(gradient)


class Blur:
    """A Gaussian blur of width ``sigma`` pixels over square images of ``n`` pixels, as a linear map on rows
    (batch, n): X = G U G^T with G's rows summing to 1, so a blur of [0, 1] images stays in [0, 1].
    ``sigma`` 0 is the identity."""

    def __init__(self, sigma: float, n: int):
        self.sigma = float(sigma)
        self.side = math.isqrt(n)
        if self.sigma and self.side * self.side != n:
            raise ConfigError(f"smoothing needs square images, but the network takes {n} values per sample")
        if self.sigma:
            i = np.arange(self.side)
            G = np.exp(-0.5 * ((i[:, None] - i[None, :]) / self.sigma) ** 2)
            self.G = G / G.sum(axis=1, keepdims=True)

    def __call__(self, U: np.ndarray) -> np.ndarray:
        return self._apply(U, self.G, self.G.T) if self.sigma else U

    def transpose(self, gradient: np.ndarray) -> np.ndarray:
        """The gradient with respect to U of a score whose gradient with respect to blur(U) is ``gradient``."""
        return self._apply(gradient, self.G.T, self.G) if self.sigma else gradient

    def _apply(self, rows: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        images = rows.reshape(-1, self.side, self.side)
        dtype = rows.dtype
        return (left.astype(dtype) @ images @ right.astype(dtype)).reshape(rows.shape)


def _forward_log_softmax(net, X: np.ndarray):
    _check_softmax(net)
    trace = net.forward(X)
    return trace, log_softmax(trace.z[-1])


# ---------------------------------------------------------------------------------------------------- dream
@dataclass(frozen=True)
class DreamStep:
    """One frame of a dream. ``image`` (n_in,) float32 in [0, 1], read-only; ``probabilities`` (n_out,) how
    the network reads it; ``value`` what is being raised, as a person reads it: the digit's probability, or
    the hidden neuron's activation."""

    step: int
    image: np.ndarray
    probabilities: np.ndarray
    value: float


def dream_steps(net, digit: int | None = None, *, seed: int = 0, smooth: float = 0.0, steps: int = DREAM_STEPS,
                target: tuple[int, int] | None = None, start: np.ndarray | None = None) -> Iterator[DreamStep]:
    """Gradient ascent on the input until the network sees ``digit`` (or until hidden neuron
    ``target = (layer, index)`` fires): the start (step 0), then one :class:`DreamStep` per step.

    Start: ``start`` (n_in,) in [0, 1] (a blank image, the current drawing; blurred when ``smooth``), else
    faint noise drawn from ``seed``. Each step moves every pixel by the score's gradient divided by its root
    mean square (so the step size does not depend on how steep the score is), then clips to [0, 1].
    Arguments are checked at once, before the first frame.

    ``smooth`` is a prior, in pixels: the image is the Gaussian blur (width ``smooth``) of the pixels being
    climbed, so it cannot hold detail finer than that. A blur parametrisation rather than a smoothness
    penalty, because a penalty trades the probability for smoothness (raw dreams reach p = 1.0, penalised
    ones stalled below 0.9 while they faded to grey), whereas a blurred dream still reaches p > 0.99: raw
    and smooth dreams then differ only in what the network was allowed to draw.
    """
    if (digit is None) == (target is None):
        raise ConfigError("dream of a digit or of a hidden neuron (target=(layer, index)), one of the two")
    if target is None:
        score_of = _digit(net, digit)
    else:
        try:
            layer, index = target
        except (TypeError, ValueError):
            raise ConfigError(f"a neuron to dream of is (layer, index), got {target!r}") from None
        layer = _hidden_layer(net, layer)
        score_of = (layer, _neuron(net, layer, index))
    smooth = _non_negative(smooth, "the smoothing width (pixels)")
    steps = _count(steps, "a dream's number of steps")
    if start is None:
        U = np.random.default_rng(seed).uniform(0, DREAM_NOISE, (1, net.sizes[0])).astype(net.dtype)
    else:
        U = _image(net, start)[None].copy()
    if target is None:
        _check_softmax(net)
    return _dream_frames(net, U, score_of, smooth, steps)


def _dream_frames(net, U: np.ndarray, score_of, smooth: float, steps: int) -> Iterator[DreamStep]:
    blur = Blur(smooth, net.sizes[0])
    for step in range(steps + 1):
        if step:
            _, gradient = dream_objective(net, U, score_of, smooth)
            size = DREAM_STEP_FIRST + (DREAM_STEP_LAST - DREAM_STEP_FIRST) * (step - 1) / max(1, steps - 1)
            U += size / (np.sqrt(np.mean(gradient * gradient)) + 1e-12) * gradient
            np.clip(U, 0, 1, out=U)
        yield _dream_step(net, step, blur(U)[0], score_of)


def dream(net, digit: int, *, seed: int = 0, smooth: float = 0.0) -> np.ndarray:
    """(n_in,) float32 in [0, 1]: an image that ``net`` reads as ``digit`` (the shipped model with p > 0.99),
    the last frame of :func:`dream_steps`. The same seed gives the same image."""
    for frame in dream_steps(net, digit, seed=seed, smooth=smooth):
        pass
    return frame.image.copy()


def _dream_step(net, step: int, image: np.ndarray, score_of) -> DreamStep:
    trace = net.forward(image[None])
    probabilities = trace.output[0].astype(np.float32)
    value = probabilities[score_of] if not isinstance(score_of, tuple) else trace.a[score_of[0]][0, score_of[1]]
    return DreamStep(step, _frozen(image.astype(np.float32)), _frozen(probabilities), float(value))


# ---------------------------------------------------------------------------------------------------- nudge
def nudge(net, x: np.ndarray, target: int, *, max_change: float = 0.25, seed: int = 0) -> np.ndarray | None:
    """(n_in,) float32: ``x`` changed by at most ``max_change`` per pixel, kept in [0, 1], that ``net`` reads
    as ``target``, with the largest change per pixel as small as the search could make it; ``x`` itself when
    the network already reads it so; None when the search finds no such image within ``max_change``.

    The search is projected gradient descent on the cross-entropy to ``target`` in the box
    ``|x' - x| <= eps``: steps of the gradient's sign (steepest for a per-pixel limit) that shrink from a
    quarter of eps, stopping as soon as the network says ``target``; from ``x`` first, then from
    :data:`NUDGE_RESTARTS` random points of the box. Then bisection on eps shrinks the change: each round
    searches a smaller box starting from the best image found, squeezed into it. None means the search
    failed, which for a box this size is strong evidence, not a proof, that no image exists.
    """
    x = _image(net, x)
    target = _digit(net, target)
    max_change = _number(max_change, "the largest change per pixel")
    if not max_change > 0 or max_change > 1:
        raise ConfigError(f"the largest change per pixel must lie in (0, 1], got {max_change}")
    rng = np.random.default_rng(seed)
    best = _search(net, x, target, max_change, x, rng, NUDGE_RESTARTS)
    if best is None:
        return None
    low, high = 0.0, _largest_change(best, x)
    for _ in range(NUDGE_HALVINGS):
        eps = (low + high) / 2
        found = _search(net, x, target, eps, x + np.clip(best - x, -eps, eps), rng, 0)
        if found is None:
            low = eps
        else:
            best, high = found, _largest_change(found, x)
    return best


def _search(net, x, target, eps, start, rng, restarts) -> np.ndarray | None:
    """An image in the box of half-width ``eps`` around ``x`` (and in [0, 1]) read as ``target``, or None;
    searched from ``start``, then from ``restarts`` random points of the box. One image at a time: on a
    busy machine, batches of a few rows wait for BLAS threads far longer than their arithmetic takes."""
    low, high = _box(x, eps)
    for attempt in range(restarts + 1):
        if attempt:
            start = rng.uniform(low, high).astype(net.dtype)
        found = _descend(net, np.clip(start, low, high), target, eps, low, high)
        if found is not None:
            return found
    return None


def _descend(net, image, target, eps, low, high) -> np.ndarray | None:
    image = image[None].astype(net.dtype)
    for k in range(NUDGE_ITERATIONS):
        trace, logp = _forward_log_softmax(net, image)
        if logp[0].argmax() == target:
            return image[0]
        delta = np.exp(logp)
        delta[0, target] -= 1
        size = eps * (NUDGE_STEP_FIRST + (NUDGE_STEP_LAST - NUDGE_STEP_FIRST) * k / (NUDGE_ITERATIONS - 1))
        image -= np.float32(size) * np.sign(backprop_to_input(net, trace, delta))
        np.clip(image, low, high, out=image)
    return image[0] if _reads(net, image, target)[0] else None


def _box(x: np.ndarray, eps: float) -> tuple[np.ndarray, np.ndarray]:
    """The bounds of ``|x' - x| <= eps`` within [0, 1], in x's dtype, rounded inwards so that every x'
    between them is within eps of x also when measured in float64."""
    x64 = x.astype(np.float64)
    low = np.maximum(x64 - eps, 0).astype(x.dtype)
    high = np.minimum(x64 + eps, 1).astype(x.dtype)
    low = np.where(x64 - low > eps, np.nextafter(low, x.dtype.type(1)), low)
    high = np.where(high - x64 > eps, np.nextafter(high, x.dtype.type(0)), high)
    return low, high


def _largest_change(image: np.ndarray, x: np.ndarray) -> float:
    return float(np.abs(image.astype(np.float64) - x).max())


def _reads(net, X: np.ndarray, target: int) -> np.ndarray:
    return net.forward(X).output.argmax(axis=1) == target


# ------------------------------------------------------------------------------------------ checked arguments
def _hidden_layer(net, layer) -> int:
    hidden = len(net.sizes) - 2
    if not _is_whole(layer) or not 1 <= layer <= hidden:
        arch = "-".join(map(str, net.sizes))
        choice = f"choose 1..{hidden}" if hidden else "it has no hidden layer"
        raise ConfigError(f"layer {layer!r} is not a hidden layer of the {arch} network; {choice}")
    return int(layer)


def _neuron(net, layer: int, index) -> int:
    n = net.sizes[layer]
    if not _is_whole(index) or not 0 <= index < n:
        raise ConfigError(f"neuron {index!r} is out of range: hidden layer {layer} has neurons 0..{n - 1}")
    return int(index)


def _digit(net, digit) -> int:
    n = net.sizes[-1]
    if not _is_whole(digit) or not 0 <= digit < n:
        raise ConfigError(f"digit {digit!r} is not one of the network's classes 0..{n - 1}")
    return int(digit)


def _image(net, x) -> np.ndarray:
    """``x`` as one image (n_in,) in the network's dtype: (n_in,) or a square (side, side) of n_in pixels."""
    x = np.asarray(x)
    n = net.sizes[0]
    if x.shape != (n,) and not (x.ndim == 2 and x.shape[0] == x.shape[1] and x.size == n):
        raise ConfigError(f"an image for this network has {n} pixels, shape ({n},), got shape {x.shape}")
    if x.dtype.kind not in "fiub":
        raise ConfigError(f"an image holds numbers, not {x.dtype}")
    x = x.reshape(n).astype(net.dtype)
    if not np.all(np.isfinite(x)):
        raise ConfigError("the image has NaN or infinite pixels; give values in [0, 1]")
    if x.min() < 0 or x.max() > 1:
        raise ConfigError(f"the image's pixels must lie in [0, 1], got {x.min():g}..{x.max():g}")
    return x


def _images(net, X) -> np.ndarray:
    X = np.asarray(X)
    if X.ndim != 2 or X.shape[1] != net.sizes[0]:
        raise ConfigError(f"images for this network come as rows of {net.sizes[0]} pixels, got shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ConfigError("the images have NaN or infinite pixels; give values in [0, 1]")
    return X


def _check_softmax(net) -> None:
    if net.output != "softmax":
        raise ConfigError(f"dreams and nudges read a softmax network's probabilities; this one outputs {net.output}")


def _is_whole(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _as_list(values) -> list:
    if isinstance(values, (str, bytes)) or np.ndim(values) > 1:
        raise ConfigError(f"give neurons as a list of indices, got {values!r}")
    return [values] if np.ndim(values) == 0 else list(values)


def _number(value, what: str) -> float:
    """``value`` as a finite float, or a ConfigError that names ``what`` it is."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise ConfigError(f"{what} must be a finite number, got {value!r}")
    return number


def _non_negative(value, what: str) -> float:
    value = _number(value, what)
    if value < 0:
        raise ConfigError(f"{what} must be a number >= 0, got {value:g}")
    return value


def _count(value, what: str) -> int:
    if not _is_whole(value) or value < 1:
        raise ConfigError(f"{what} must be a whole number >= 1, got {value!r}")
    return int(value)


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array
