"""A frozen reading: networks made from the snapshot itself, read-only, once per snapshot, never updated."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.appmodel.probes import Probes
from nnviz.appmodel.reading import FrozenNetworks, Reading
from nnviz.appmodel.snapshot import NetworkSnapshot
from nnviz.nn import MLP


@pytest.fixture
def net():
    return MLP((784, 16, 10), seed=3)


def test_its_network_computes_as_the_snapshot_and_cannot_be_changed(net):
    reading = Reading(NetworkSnapshot.of(net))
    x = np.random.default_rng(0).random((4, 784), np.float32)
    np.testing.assert_array_equal(reading.network().predict_proba(x), net.predict_proba(x))
    with pytest.raises(ValueError, match="read-only"):
        reading.network().weights[0][0, 0] = 1.0
    with pytest.raises(ValueError):
        reading.network().weights = [w * 2 for w in net.weights]
    twin = reading.network().copy()  # a view that wants to change one changes its own copy
    twin.weights[0][0, 0] = 1.0


def test_one_network_per_snapshot_and_an_older_one_stays_as_it_was(net):
    networks = FrozenNetworks()
    first = NetworkSnapshot.of(net)
    older = Reading(first, networks=networks).network()
    assert Reading(first, networks=networks).network() is older  # made once, whoever asks
    net.weights[0][:] += 1.0
    newer = Reading(NetworkSnapshot.of(net), networks=networks).network()
    assert newer is not older
    np.testing.assert_array_equal(older.weights[0], first.weights[0])  # the old one was not updated in place
    np.testing.assert_array_equal(newer.weights[0], net.weights[0])


def test_the_probed_network_holds_the_probes_and_leaves_the_plain_one_alone(net):
    probes = Probes().holding(1, 2, 0.0)
    reading = Reading(NetworkSnapshot.of(net), probes=probes)
    x = np.random.default_rng(1).random((3, 784), np.float32)
    assert np.all(reading.probed_network().forward(x).a[1][:, 2] == 0)
    assert reading.probed_network() is reading.probed_network()
    np.testing.assert_array_equal(reading.network().weights[0], net.weights[0])  # the plain one is untouched
    unprobed = Reading(NetworkSnapshot.of(net))
    assert unprobed.probed_network() is unprobed.network()


def test_before_any_network_there_is_nothing_to_compute_with():
    assert Reading(None).network() is None and Reading(None).probed_network() is None
