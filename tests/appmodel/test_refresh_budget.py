"""The window's CPU budget while training: views refresh less often when the GUI thread uses more than its
share of a core, never less often than MAX_STRETCH times their interval, and at full rate again after."""

from __future__ import annotations

import pytest

from nnviz.appmodel.refresh_budget import MAX_STRETCH, RefreshBudget


class Clocks:
    """A wall clock and a CPU clock that the test advances by hand."""

    def __init__(self):
        self.wall = self.cpu = 0.0

    def run(self, seconds: float, share: float) -> None:
        self.wall += seconds
        self.cpu += seconds * share


def budget_with(clocks: Clocks, **kwargs) -> RefreshBudget:
    return RefreshBudget(cpu_clock=lambda: clocks.cpu, wall_clock=lambda: clocks.wall, **kwargs)


def run_for(budget: RefreshBudget, clocks: Clocks, seconds: float, share: float) -> list[bool]:
    """measure() ten times a second (the window does it with each status, five a second)."""
    changes = []
    for _ in range(round(seconds * 10)):
        clocks.run(0.1, share)
        changes.append(budget.measure())
    return changes


def test_within_the_budget_nothing_is_stretched():
    clocks = Clocks()
    budget = budget_with(clocks, share=0.03)
    assert not any(run_for(budget, clocks, 5.0, share=0.02))
    assert budget.stretch == 1.0
    assert budget.last_share == pytest.approx(0.02)


def test_over_the_budget_the_intervals_stretch_until_the_share_is_met():
    clocks, share = Clocks(), 0.03
    budget = budget_with(clocks, share=share)
    cost_at_full_rate = 0.06  # twice the budget: the views should refresh half as often
    for _ in range(20):
        run_for(budget, clocks, 1.0, share=cost_at_full_rate / budget.stretch)
    assert budget.stretch == pytest.approx(2.0, rel=0.15)  # changes under 10 % are not applied
    assert budget.last_share == pytest.approx(share, rel=0.15)


def test_the_stretch_is_bounded():
    clocks = Clocks()
    budget = budget_with(clocks, share=0.03)
    run_for(budget, clocks, 30.0, share=0.9)
    assert budget.stretch == MAX_STRETCH


def test_nothing_changes_before_a_whole_period_is_measured():
    clocks = Clocks()
    budget = budget_with(clocks, share=0.03, period_s=1.0)
    assert not any(run_for(budget, clocks, 0.9, share=0.5))
    assert budget.stretch == 1.0 and budget.last_share is None


def test_one_busy_second_moves_the_rate_only_part_of_the_way():
    clocks = Clocks()
    budget = budget_with(clocks, share=0.03)
    run_for(budget, clocks, 1.2, share=0.12)  # four times the budget for one second
    assert 1.0 < budget.stretch < 4.0


def test_a_pause_restores_full_rates_and_the_next_run_resumes_where_the_last_one_got():
    clocks = Clocks()
    budget = budget_with(clocks, share=0.03)
    run_for(budget, clocks, 5.0, share=0.3)
    reached = budget.stretch
    assert reached > 1.0
    assert budget.reset() is True
    assert budget.stretch == 1.0 and budget.last_share is None
    assert budget.reset() is False  # said once, however many statuses a pause brings
    assert budget.measure() is True and budget.stretch == reached  # the machine has not changed
    run_for(budget, clocks, 0.5, share=0.0)
    assert budget.stretch == reached  # a new period is measured before anything changes


def test_after_forget_the_next_run_starts_unstretched():
    clocks = Clocks()
    budget = budget_with(clocks, share=0.03)
    run_for(budget, clocks, 5.0, share=0.3)
    budget.reset()
    budget.forget()  # e.g. a network of other layer sizes
    assert budget.measure() is False and budget.stretch == 1.0
