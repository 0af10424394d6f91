"""Comparing runs: when a new network replaces the one being trained (Reset, an opened model), the run's curves
stay on the plot, faint, named by what set it apart from the current run (:mod:`nnviz.appmodel.runs`); the
Runs menu shows, hides and removes them, chooses how many are kept, and runs one again with the same seed.

A part of :class:`~nnviz.app.main_window.MainWindow` (which inherits it), kept in a file of its own."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nnviz.app.model_description import NEW
from nnviz.app.widgets.earlier_runs import EarlierRunCurves, run_icon
from nnviz.appmodel.runs import LIMITS, EarlierRun, EarlierRuns, RunCurves, differences
from nnviz.appmodel.snapshot import LossPoints, RunState
from nnviz.appmodel.training_session import TrainingSettings, architecture_of

WHAT = {  # how a difference is named in the legend: "{0}" is the earlier run's value
    "optimizer": QT_TRANSLATE_NOOP("ComparingRuns", "{0}"),
    "lr": QT_TRANSLATE_NOOP("ComparingRuns", "lr {0}"),
    "activation": QT_TRANSLATE_NOOP("ComparingRuns", "{0}"),
    "batch": QT_TRANSLATE_NOOP("ComparingRuns", "batch {0}"),
    "architecture": QT_TRANSLATE_NOOP("ComparingRuns", "{0}"),
    "seed": QT_TRANSLATE_NOOP("ComparingRuns", "seed {0}"),
    "other": QT_TRANSLATE_NOOP("ComparingRuns", "other settings"),
}


@dataclasses.dataclass
class CurrentRun:
    """The run on the plot now: its number, what it started with (None: not started), whether it was changed
    while it ran, and whether it began from a network that Reset made (only then can the seed repeat it)."""

    number: int = 1
    settings: TrainingSettings | None = None
    changed_midway: bool = False
    from_reset: bool = False


class ComparingRuns:
    """Earlier runs on the loss plot and the Runs menu."""

    def _build_comparing(self) -> None:
        self.earlier_runs = EarlierRuns()
        self.current_run = CurrentRun()
        self.run_curves = EarlierRunCurves(self.loss_plot)
        self.runs_menu = self.loss_panel.runs_menu
        self.runs_menu.aboutToShow.connect(self._fill_runs_menu)
        self.training_panel.configChanged.connect(self._note_config_change)
        self._fill_runs_menu()

    # ------------------------------------------------------------------ the current run
    def _run_started(self) -> None:
        """Training is under way: the first time for this network, remember what the run started with."""
        run, config = self.current_run, self.training_panel.settings().config
        if run.settings is None:
            run.settings = TrainingSettings(architecture_of(self._snapshot), config)
            run.from_reset = self._snapshot.step == 0 and self._origin.kind == NEW
        elif config != run.settings.config:  # trained on after it ended, with other settings
            run.changed_midway = True

    def _note_config_change(self, config) -> None:
        run = self.current_run
        if run.settings is not None and config != run.settings.config and self._training_state in (
                RunState.RUNNING, RunState.PAUSED):
            run.changed_midway = True

    def _keep_current_run(self) -> EarlierRun | None:
        """A new network replaces the one trained: its run (if it drew a curve) becomes an earlier run."""
        run, self.current_run = self.current_run, CurrentRun(self.current_run.number)
        if run.settings is None or not any(isinstance(m, LossPoints) and len(m.loss) for m in self._history):
            return None
        kept = EarlierRun(run.number, run.settings, RunCurves.of(self._history), run.changed_midway,
                          from_reset=run.from_reset)
        self.earlier_runs.add(kept)
        self.current_run.number = run.number + 1
        self._show_runs()
        return kept

    def _bring_back_run(self, kept: EarlierRun | None) -> None:
        """Undo reset: the run that the reset made an earlier run is the current one again."""
        if kept is None:
            return
        self.earlier_runs.remove(kept.number)
        self.current_run = CurrentRun(kept.number, kept.settings, kept.changed_midway, kept.from_reset)
        self._show_runs()

    def current_curves(self) -> RunCurves:
        """The curves of the run on the plot now."""
        return RunCurves.of(self._history)

    # ------------------------------------------------------------------ showing them
    def run_label(self, run: EarlierRun) -> str:
        """"run 2: sgd, lr 0.1": the run's number and what sets it apart from the current run."""
        current = self.current_run.settings or TrainingSettings(architecture_of(self._snapshot),
                                                               self.training_panel.settings().config)
        words = [QCoreApplication.translate("ComparingRuns", WHAT[what]).format(value)
                 for what, value in differences(run.settings, current)] or [self.tr("same settings")]
        if run.changed_midway:
            words.append(self.tr("changed while running"))
        return self.tr("run {0}: {1}").format(run.number, ", ".join(words))

    def _show_runs(self) -> None:
        self.run_curves.show([(run, self.run_label(run)) for run in self.earlier_runs.runs])

    def _fill_runs_menu(self) -> None:
        menu = self.runs_menu
        menu.clear()
        for run in reversed(self.earlier_runs.runs):
            sub = menu.addMenu(run_icon(run.number), self.run_label(run))
            shown = sub.addAction(self.tr("Show"))
            shown.setCheckable(True)
            shown.setChecked(run.shown)
            shown.toggled.connect(lambda on, n=run.number: self.show_run(n, on))
            sub.addAction(self.tr("Run again with the same seed"), lambda n=run.number: self.run_again(n))
            sub.addAction(self.tr("Remove"), lambda n=run.number: self.remove_run(n))
        if len(self.earlier_runs) == 0:
            menu.addAction(self.tr("(earlier runs appear here after Reset)")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.rerun_action)
        remove_all = menu.addAction(self.tr("Remove all earlier runs"), self.remove_all_runs)
        remove_all.setEnabled(len(self.earlier_runs) > 0)
        keep = menu.addMenu(self.tr("Keep at most"))
        for limit in LIMITS:
            action = keep.addAction(self.tr("%n run(s)", "", limit), lambda n=limit: self.set_run_limit(n))
            action.setCheckable(True)
            action.setChecked(limit == self.earlier_runs.limit)
        menu.addSeparator()
        menu.addAction(self.loss_panel.clear_action)

    def show_run(self, number: int, shown: bool) -> None:
        self.earlier_runs.set_shown(number, shown)
        self._show_runs()

    def remove_run(self, number: int) -> None:
        self.earlier_runs.remove(number)
        self._show_runs()

    def remove_all_runs(self) -> None:
        self.earlier_runs.clear()
        self._show_runs()

    def set_run_limit(self, limit: int) -> None:
        self.earlier_runs.set_limit(limit)
        self._show_runs()

    # ------------------------------------------------------------------ running again
    def run_again(self, number: int | None = None) -> None:
        """Train a new network from the settings and seed of run ``number`` (None: the current run, or what
        the panel holds if it has not started): a run that began with Reset comes out the same, curve for curve."""
        run = self.earlier_runs.get(number) if number is not None else None
        settings = run.settings if run is not None else self.current_run.settings or self.training_panel.settings()
        from_reset = run.from_reset if run is not None else self.current_run.from_reset or \
            self.current_run.settings is None
        self.training_panel.set_settings(settings)
        self.reset_network()
        self.start_training()
        if not from_reset:
            self.statusBar().showMessage(self.tr(
                "That run began from a network Reset had not made: this one begins from a new network with seed "
                "{0}").format(settings.config.seed), 10000)

    def _take_runs_from(self, window) -> None:
        """A window rebuilt in another language goes on with these runs."""
        self.earlier_runs, self.current_run = window.earlier_runs, window.current_run
        self._show_runs()
