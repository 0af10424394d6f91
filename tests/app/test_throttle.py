"""Throttle: an expensive redraw runs at once when it has not run for a while, otherwise once at the end of
the interval for all the requests in between; a new interval applies to a run already waiting."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QObject

from nnviz.app.throttle import Throttle


@pytest.fixture
def make():
    """make(interval) -> (throttle, the times its action ran)."""
    owner = QObject()  # the throttle's parent, alive for the whole test

    def throttle_with(interval: float) -> tuple[Throttle, list[float]]:
        runs: list[float] = []
        return Throttle(interval, lambda: runs.append(time.monotonic()), owner), runs

    return throttle_with


def test_the_first_request_runs_at_once_and_those_that_follow_are_merged_into_one_later_run(make, qtbot):
    throttle, runs = make(0.2)
    throttle.request()
    assert len(runs) == 1 and not throttle.pending()
    for _ in range(5):
        throttle.request()
    assert len(runs) == 1 and throttle.pending()
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=2_000)
    assert runs[1] - runs[0] >= 0.15 and not throttle.pending()  # Qt's coarse timers may fire 5 % early


def test_flush_runs_a_waiting_request_now_and_nothing_otherwise(make, qtbot):
    throttle, runs = make(10.0)
    throttle.flush()
    assert runs == []
    throttle.request()
    throttle.request()
    throttle.flush()
    assert len(runs) == 2 and not throttle.pending()


def test_a_shorter_interval_brings_a_waiting_run_forward(make, qtbot):
    throttle, runs = make(30.0)
    throttle.request()
    throttle.request()  # would wait half a minute
    started = time.monotonic()
    throttle.set_interval(0.05)
    assert throttle.interval == 0.05
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=2_000)
    assert time.monotonic() - started < 1.0


def test_a_longer_interval_delays_a_waiting_run(make, qtbot):
    throttle, runs = make(0.05)
    throttle.request()
    throttle.request()
    throttle.set_interval(30.0)
    qtbot.wait(200)  # past the old interval
    assert len(runs) == 1 and throttle.pending()
