"""The window's side of training: commands to the training process, what it sends back (snapshots,
status, curves, failures), Reset and its undo, corrections taught, and handing the run to a window rebuilt
in another language.

A part of :class:`~nnviz.app.main_window.MainWindow` (which inherits it), kept in a file of its own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QKeySequence, QShortcut

from nnviz.app.model_description import FILE, NEW, ModelOrigin
from nnviz.appmodel.runs import EarlierRun
from nnviz.appmodel.snapshot import EpochResult, LossPoints, NetworkSnapshot, Note, RunState, TrainingStatus
from nnviz.app.show_in_front import show_in_front
from nnviz.app.teaching import Teaching
from nnviz.appmodel.timeline import Timeline
from nnviz.appmodel.training_session import TrainingSettings, architecture_of
from nnviz.app.widgets.run_progress import note_text, progress_text
from nnviz.app.training_process import TrainingProcess
from nnviz.app.i18n import current_language
from nnviz.app.pen_activity import PenActivity
from nnviz.resources import shipped_model_path

if TYPE_CHECKING:
    from nnviz.app.main_window import MainWindow


@dataclass
class KeptNetwork:
    """What Undo reset brings back with the network the reset replaced."""

    origin: ModelOrigin
    accuracy: float | None
    history: list
    path: Path | None
    timeline: Timeline
    run: EarlierRun | None = None  # its run, which the reset made an earlier run


class TrainingLink:
    """Training commands out, the training process's records in; Reset, undo, corrections."""

    def _link_training(self, network: NetworkSnapshot, load_data, training: TrainingProcess | None) -> None:
        """A training process for ``net`` (or the one of the window this one replaces), and what it is told."""
        if training is None:
            self.training = TrainingProcess(self.training_panel.settings(), network=network,
                                            load_data=load_data, parent=self)
            self._listen_to(self.training)
        else:  # listened to from the moment the other window hands it over
            self.training = training
            training.setParent(self)
            training.set_language(current_language())
        self._pen_activity = PenActivity(lambda _: self.share_cores(), self)
        self._build_teaching()  # corrections, My examples
        self.training_panel.configChanged.connect(self.training.set_config)
        self.training_panel.architectureChanged.connect(self.training.set_architecture)
        self.training_panel.speedChanged.connect(self.training.set_speed)

    def share_cores(self) -> None:
        """Training leaves a core to the window while a person draws or a film is made (see blas_share)."""
        self.training.set_drawing(self._pen_activity.is_active() or self.recorder.recording())

    def _training_connections(self, training: TrainingProcess) -> list:
        """(signal, slot) of everything the training process tells this window (emitted in the GUI thread)."""
        return [(training.snapshotReady, self._on_snapshot), (training.statusChanged, self._on_status),
                (training.lossPoints, self._on_loss_points), (training.epochFinished, self._on_epoch),
                (training.networkReplaced, self._on_network_replaced), (training.dataMissing, self._on_data_missing),
                (training.failed, self._on_failed), (training.taught, self._on_taught),
                (training.crashed, self._on_training_crashed), (training.momentKept, self._on_moment)]

    def _listen_to(self, training: TrainingProcess) -> None:
        for signal, slot in self._training_connections(training):
            signal.connect(slot)

    def _stop_listening_to(self, training: TrainingProcess) -> None:
        for signal, slot in self._training_connections(training):
            signal.disconnect(slot)

    def hand_over_to(self, successor: "MainWindow") -> None:
        """``successor`` (made with ``training=self.training``) goes on with this window's run as it is, running
        or paused: from now on the training process tells it, not this window, and no message is lost on the
        way (the process's signals are emitted in this thread, so nothing arrives while they are switched
        over). It gets the network, the curves, the log scale, the run's status and what the status bar
        says, worded in its own language."""
        self._stop_listening_to(self.training)
        successor._listen_to(self.training)
        self._handed_over = True
        successor.training_panel.set_speed(self.training_panel.speed())  # the child keeps its pace
        self.go_live()
        successor._go_on_from(self._pending_snapshot or self._snapshot, self._origin, self._trained_accuracy,
                              self._history, self.loss_plot.log_scale(), self.training_panel.status())
        successor._restart_timeline(self.timeline)
        successor._take_runs_from(self)

    def _go_on_from(self, snapshot: NetworkSnapshot, origin: ModelOrigin, accuracy: float | None, history: list,
                    log_scale: bool, status: TrainingStatus) -> None:
        """Take over from the window this one replaces (see :meth:`hand_over_to`)."""
        self._origin, self._trained_accuracy = origin, accuracy
        self._replace_network(snapshot)
        self._origin_W0 = snapshot.weights[0]  # "the change since Reset" starts here: the old start is gone
        for message in history:  # the curves as they were, drawn from the same messages in the same order
            self._add_to_curves(message)
        self.loss_plot.apply_pending()
        self.loss_plot.set_log_scale(log_scale)
        self._show_status(status)  # the other window said what there was to say about it

    @Slot(object)
    def _on_snapshot(self, snapshot: NetworkSnapshot) -> None:
        self._pending_snapshot = snapshot  # newest wins; read at most every "snapshot" interval
        self._snapshot_refresh.request()

    def _apply_pending_snapshot(self) -> None:
        if self.is_rewound():  # the newest waits for Live
            return
        snapshot, self._pending_snapshot = self._pending_snapshot, None
        if snapshot is not None:
            self._show_network(snapshot, views_now=False)

    @Slot(object)
    def _on_network_replaced(self, snapshot: NetworkSnapshot) -> None:
        self._pending_snapshot = None
        self.refresh_budget.forget()  # another network, other costs
        kept_run = self._keep_current_run()
        if self._resetting and self._before_reset is not None:
            self._before_reset.run = kept_run
        self.loss_plot.clear()
        self._history.clear()
        self._trained_accuracy = None
        self._restart_timeline()
        if self._undoing is not None:
            self._undo_done()
        elif self._resetting:
            self._resetting = False
            self._reset_done()
        else:  # another network altogether (a file): the one before the last reset is gone
            self._before_reset = None
            self._show_undo_state()
        self._replace_network(snapshot)
        self._origin_W0 = snapshot.weights[0]
        self.weights_view.set_baseline(self._origin_W0 if self._baseline_on else None)
        self.training_panel.set_architecture(architecture_of(snapshot))

    @Slot(object)
    def _on_status(self, status: TrainingStatus) -> None:
        changed = status.state != self._training_state
        self._show_status(status)
        if status.state == RunState.DIVERGED:
            self.banner.show_message(
                self.tr("Training diverged. {0}").format(note_text(status.note)), "warning",
                [(self.tr("Divide the learning rate by 10"), self._lower_learning_rate)], kind="training")
        elif status.state == RunState.RUNNING:
            if changed:
                self._run_started()
            self.banner.dismiss("training")
            self.banner.dismiss("model")
            if self._before_reset is not None:  # the training process has let go of the network before the reset
                self._before_reset = None
                self.banner.dismiss("reset")
                self._show_undo_state()
        announcement = self._announcement(status, changed)
        if announcement:
            self.statusBar().showMessage(announcement, 8000)
        if status.state == RunState.FINISHED:
            self._model_changed_by_training()

    @staticmethod
    def _announcement(status: TrainingStatus, changed: bool) -> str:
        """What the status bar says when a run ends or a network is new: worded here, in this window's language."""
        if status.state in (RunState.FINISHED, RunState.STOPPED):
            return progress_text(status) if changed else ""
        if status.state == RunState.IDLE:
            return progress_text(status) if status.new_network else note_text(status.note)  # why it is idle
        return ""

    def _show_status(self, status: TrainingStatus) -> None:
        """Where the run is, in the training panel and the Train menu; the refresh budget follows it."""
        self.training_panel.set_status(status)
        budget = self.refresh_budget
        rates_changed = budget.measure() if status.state == RunState.RUNNING else budget.reset()
        if rates_changed:
            self._stretch_refresh(budget.stretch)
        if status.state != self._training_state:
            self._training_state = status.state
            self.trainingStateChanged.emit(str(status.state))
        running = status.state.under_way
        self.train_action.setText(self.tr("&Pause training") if running else self.tr("&Start training"))

    def _stretch_refresh(self, stretch: float) -> None:
        """Everything training drives redraws ``stretch`` times less often (see nnviz.appmodel.refresh_budget)."""
        self.refresh_policy.stretch(stretch)

    @Slot(object)
    def _on_loss_points(self, points: LossPoints) -> None:
        self._add_to_curves(points)

    def _add_to_curves(self, message: LossPoints | EpochResult) -> None:
        """Draw loss points or an epoch's result, and keep them (a window that takes over draws them again)."""
        self._history.append(message)
        if isinstance(message, EpochResult):
            self.loss_plot.add_epoch(message)
            if message.test_accuracy is not None:
                self._trained_accuracy = message.test_accuracy
                self._describe_model()
        else:
            self.loss_plot.add_points(message)

    @Slot(object)
    def _on_epoch(self, result: EpochResult) -> None:
        self._add_to_curves(result)
        self.inspection.epoch_finished()
        if result.test_accuracy is not None and result.test_loss is not None:
            self.statusBar().showMessage(
                self.tr("epoch {0}: test accuracy {1:.1f} %, test loss {2:.3f}, training loss {3:.3f} ({4:.1f} s)"
                        ).format(result.epoch, 100 * result.test_accuracy, result.test_loss, result.loss,
                                 result.seconds), 10000)
        elif result.test_accuracy is not None:
            self.statusBar().showMessage(
                self.tr("epoch {0}: test accuracy {1:.1f} %, training loss {2:.3f} ({3:.1f} s)").format(
                    result.epoch, 100 * result.test_accuracy, result.loss, result.seconds), 10000)

    @Slot(str)
    def _on_data_missing(self, message: str) -> None:
        self.offer_download(message)

    @Slot(object, str)
    def _on_failed(self, note: Note, details: str) -> None:
        message = note_text(note)
        actions = [(self.tr("Details…"), lambda: self._show_details(message, details))] if details else []
        self.banner.show_message(message, "error", actions, kind="training")

    @Slot(str, str)
    def _on_training_crashed(self, message: str, details: str) -> None:
        """The training process died: drawing goes on with the last weights it sent; Restart trains them on."""
        self._apply_pending_snapshot()
        self._show_status(TrainingStatus(state=RunState.STOPPED, epochs=self.training_panel.settings().config.epochs))
        actions = [(self.tr("Restart"), self.restart_training)]
        if details:
            actions.insert(0, (self.tr("Details…"), lambda: self._show_details(message, details)))
        self.banner.show_message(self.tr("Training stopped: {0}. Drawing still works with the last weights.").format(
            message), "error", actions, kind="training")

    def restart_training(self) -> None:
        """A new training process, from the network the window shows."""
        self.banner.dismiss("training")
        self.training.restart(self._snapshot)

    def _model_changed_by_training(self) -> None:
        self._model_path = None  # Save suggests a new name: the file it came from holds another network now

    def toggle_training(self) -> None:
        if self._training_state.under_way:  # the run's state, not a button's
            self.training.pause()
        else:
            self.start_training()

    def start_training(self) -> None:
        self.training.start()

    def pause_training(self) -> None:
        self.training.pause()

    def step_training(self) -> None:
        self.training.step()

    def stop_training(self) -> None:
        self.training.stop()

    def reset_network(self) -> None:
        """A new, untrained network from the panel's settings; the one it replaces can come back with
        :meth:`undo_reset` until training starts again."""
        snapshot = self._snapshot
        worth_keeping = snapshot is not None and (snapshot.step > 0 or self._origin.kind == FILE)
        self._before_reset = KeptNetwork(self._origin, self._trained_accuracy, list(self._history), self._model_path,
                                         self.timeline) if worth_keeping else None
        self._resetting = True
        self.training.set_architecture(self.training_panel.settings().architecture)
        self.training.set_config(self.training_panel.settings().config)
        self.training.reset()
        self.banner.dismiss("training")
        self._model_path = None
        self._origin = ModelOrigin(NEW)
        self.model_label.set_tooltip("")

    def can_undo_reset(self) -> bool:
        return self._before_reset is not None

    def undo_reset(self) -> None:
        """The network the last Reset replaced comes back, trained as it was, with its curves."""
        if self._before_reset is None:
            return
        self._undoing, self._before_reset = self._before_reset, None
        self.banner.dismiss("reset")
        self.training.undo_reset()
        self._show_undo_state()

    def _show_undo_state(self) -> None:
        self.undo_reset_action.setEnabled(self.can_undo_reset())

    def _reset_done(self) -> None:
        """The training process has built the new network: say so, with the way back if there is one."""
        if self._before_reset is not None:
            self.banner.show_message(
                self.tr("A new, untrained network replaced the one before (its training and curves are kept "
                        "until you start training again)."), "info",
                [(self.tr("Undo reset"), self.undo_reset)], kind="reset")
        self._show_undo_state()

    def _undo_done(self) -> None:
        """The training process has brought back the network: its name, accuracy and curves come back too."""
        kept, self._undoing = self._undoing, None
        self._restart_timeline(kept.timeline)
        self._bring_back_run(kept.run)
        self._origin, self._trained_accuracy, self._model_path = kept.origin, kept.accuracy, kept.path
        self.model_label.set_tooltip(str(kept.path) if kept.path is not None else "")
        for message in kept.history:
            self._add_to_curves(message)
        self.loss_plot.apply_pending()
        self._describe_model()

    def _lower_learning_rate(self) -> None:
        settings = self.training_panel.settings()
        config = settings.config.replace(lr=settings.config.lr / 10)
        self.training_panel.set_settings(TrainingSettings(settings.architecture, config))
        self.training.set_config(config)
        self.statusBar().showMessage(self.tr("learning rate is now {0:g}; press Start to go on").format(config.lr), 8000)

    def _build_teaching(self) -> None:
        from nnviz.app.widgets.my_examples import MyExamplesDialog

        self.teaching = Teaching(self, self.training)
        self.probabilities.digitClicked.connect(self.teaching.correct)
        for digit in range(10):
            shortcut = QShortcut(QKeySequence(f"Shift+{digit}"), self)
            shortcut.activated.connect(lambda digit=digit: self.teaching.correct(digit))
        self._examples_dialog = None

        def show_examples():
            if self._examples_dialog is None:
                self._examples_dialog = MyExamplesDialog(self.teaching, self)
            show_in_front(self._examples_dialog)

        train = self.train_menu
        train.addSeparator()
        self.examples_action = self._action(train, self.tr("&My examples…"), show_examples, "Ctrl+Shift+M",
                                            self.tr("The drawings you corrected: relabel, delete, learn from all, "
                                                    "export or import"))
        self._action(train, self.tr("&Learn from all my examples"), self.teaching.learn_all)
        self.training_panel.examplesToggled.connect(self._send_examples)
        self.teaching.examplesChanged.connect(self._send_examples)
        self._action(train, self.tr("&Back to the shipped model"), self.back_to_shipped_model, "",
                     self.tr("Forget what was taught or trained here: the shipped model comes back"))

    def _send_examples(self) -> None:
        """Training includes the person's examples while the panel's box says so (from the next run)."""
        examples = self.teaching.examples()
        included = self.training_panel.examples_check.isChecked() and len(examples) > 0
        self.training.set_extra((examples.images, examples.labels) if included else None)

    def undo(self) -> None:
        """Ctrl+Z: the correction just taught, if nothing was drawn since; else the last stroke."""
        if not self.teaching.undo():
            self.canvas.undo()

    def show_taught_network(self, snapshot: NetworkSnapshot, before=None) -> None:
        """Show at once the network a correction made (or its undo), with the bars as they were ``before``."""
        self.go_live()
        self._pending_snapshot = None
        self._show_network(snapshot)
        self.probabilities.set_before(before)

    @Slot(object)
    def _on_taught(self, outcome) -> None:
        self.teaching.on_outcome(outcome)

    def back_to_shipped_model(self) -> None:
        self.open_model(shipped_model_path())
