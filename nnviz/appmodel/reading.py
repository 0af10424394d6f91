"""The drawing as the network read it, frozen at one moment: what the window hands the views that compute.

The window keeps one network of its own and copies every new snapshot into it (no new network per snapshot);
a view must never hold that one, or the weights would change under it halfway through a walk-through or an
evaluation. A :class:`Reading` instead gives networks made from the snapshot itself, read-only, made once
per snapshot (and probes) when a view first asks, so a view may keep one as long as it likes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nnviz.appmodel.probes import Probes
from nnviz.appmodel.snapshot import NetworkSnapshot


class FrozenNetworks:
    """The networks of the newest snapshot, with and without probes: made when first asked for, then kept."""

    def __init__(self):
        self._snapshot: NetworkSnapshot | None = None
        self._plain = None
        self._probed: dict[Probes, object] = {}

    def plain(self, snapshot: NetworkSnapshot):
        if snapshot is not self._snapshot:
            self._snapshot, self._plain, self._probed = snapshot, None, {}
        if self._plain is None:
            self._plain = snapshot.to_network().freeze()
        return self._plain

    def probed(self, snapshot: NetworkSnapshot, probes: Probes | None):
        net = self.plain(snapshot)
        if not probes or not probes.fits(snapshot.sizes):
            return net
        if probes not in self._probed:
            self._probed[probes] = probes.apply(net).freeze()
        return self._probed[probes]


@dataclass(frozen=True, eq=False)
class Reading:
    """``snapshot``: the network's parameters; ``trace``: the forward pass of the drawing (None for an empty
    canvas); ``prepared``: the drawing as the network's input; ``probes``: neurons a person silenced or
    clamped (the drawing is read with them)."""

    snapshot: NetworkSnapshot | None
    trace: object = None
    prepared: object = None
    probes: Probes | None = None
    networks: FrozenNetworks = field(default_factory=FrozenNetworks, repr=False)

    def network(self):
        """The network of the snapshot, as trained (read-only; None before there is one)."""
        return None if self.snapshot is None else self.networks.plain(self.snapshot)

    def probed_network(self):
        """The network the drawing is read with: the snapshot's, with the probes applied (read-only)."""
        return None if self.snapshot is None else self.networks.probed(self.snapshot, self.probes)
