"""Which neurons a person has silenced or clamped: a small frozen record the window applies to every network
it reads the drawing with (also while training streams new weights), so that the poke stays until
"Restore all". The math is :mod:`nnviz.nn.probe`'s."""

from __future__ import annotations

from dataclasses import dataclass

from nnviz.nn.probe import clamp, silence


@dataclass(frozen=True)
class Probes:
    """``held``: ((layer, neuron), value) pairs, in the order they were set; value 0.0 is a silenced neuron.
    Layers count as in ``net.sizes`` (1: the first hidden layer)."""

    held: tuple[tuple[tuple[int, int], float], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.held)

    def __len__(self) -> int:
        return len(self.held)

    def value_of(self, layer: int, neuron: int) -> float | None:
        """What the neuron is held at, or None when it is left alone."""
        return dict(self.held).get((layer, neuron))

    def holding(self, layer: int, neuron: int, value: float) -> "Probes":
        """These probes with ``neuron`` of ``layer`` held at ``value`` (0: silenced) instead of what it was."""
        return Probes(tuple(item for item in self.held if item[0] != (layer, neuron)) + (((layer, neuron), float(value)),))

    def releasing(self, layer: int, neuron: int) -> "Probes":
        return Probes(tuple(item for item in self.held if item[0] != (layer, neuron)))

    def silenced(self) -> dict[int, set[int]]:
        """layer -> the neurons held at 0 (drawn crossed out)."""
        marked: dict[int, set[int]] = {}
        for (layer, neuron), value in self.held:
            if value == 0.0:
                marked.setdefault(layer, set()).add(neuron)
        return marked

    def clamped(self) -> dict[int, set[int]]:
        """layer -> the neurons held at another value."""
        marked: dict[int, set[int]] = {}
        for (layer, neuron), value in self.held:
            if value != 0.0:
                marked.setdefault(layer, set()).add(neuron)
        return marked

    def fits(self, sizes) -> bool:
        """Every held neuron exists in a network of these layer sizes (a Reset may change them)."""
        return all(1 <= layer < len(sizes) - 1 and 0 <= neuron < sizes[layer] for (layer, neuron), _ in self.held)

    def apply(self, net):
        """A copy of ``net`` with these neurons held (``net`` itself unchanged); ``net`` when there are none."""
        if not self.held:
            return net
        for layer, neurons in self.silenced().items():
            net = silence(net, layer, sorted(neurons))
        for (layer, neuron), value in self.held:
            if value != 0.0:
                net = clamp(net, layer, neuron, value)
        return net
