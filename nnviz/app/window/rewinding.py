"""Rewinding training: the moments the training process keeps (:mod:`nnviz.appmodel.timeline`) are shown on
the timeline under the curves; choosing one shows the network as it was then in every view (diagram, weight
tiles, prediction for the drawing, hidden-layer map, histograms) while training goes on unseen; Live shows
the network being trained again. The timeline belongs to the network: a reset or another model starts a new
one, Undo reset brings the old one back, and Save model stores it in the file (Open reads it back).

A part of :class:`~nnviz.app.main_window.MainWindow` (which inherits it), kept in a file of its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot

from nnviz.appmodel.snapshot import NetworkSnapshot
from nnviz.appmodel.timeline import Moment, Timeline
from nnviz.errors import ModelFileError


class Rewinding:
    """The window's timeline and what choosing a moment on it shows."""

    def _build_rewinding(self) -> None:
        self.timeline = Timeline()
        self._live_snapshot: NetworkSnapshot | None = None  # what Live shows again (None: not rewound)
        self._timeline_arriving: Timeline | None = None  # read with a model file, adopted with its network
        self.timeline_bar = self.loss_panel.timeline
        self.timeline_bar.momentChosen.connect(self.show_moment)
        self.timeline_bar.liveChosen.connect(self.go_live)
        self.loss_plot.clickedAt.connect(self.rewind_to)

    @Slot(object)
    def _on_moment(self, moment: Moment) -> None:
        self.timeline.add(moment)
        self._show_timeline()

    def _show_timeline(self) -> None:
        moments = self.timeline.moments
        self.timeline_bar.set_moments([m.position for m in moments], [m.snapshot.step for m in moments])
        self.timeline_bar.setVisible(len(moments) > 0)

    def is_rewound(self) -> bool:
        return self._live_snapshot is not None

    def show_moment(self, index: int) -> None:
        """Every view shows the network as it was at moment ``index`` of the timeline; training goes on."""
        moment = self.timeline[index]
        if self._live_snapshot is None:
            self._live_snapshot = self._snapshot
        if self.timeline_bar.index() != index:
            self.timeline_bar.choose(index)  # comes back here through the slider
            return
        self._snapshot_refresh.cancel()  # live snapshots wait (the newest one) until Live
        self._show_other_time(moment.snapshot)
        texts = self.timeline_bar.moment_texts(index)
        self.loss_panel.marker.show_at(moment.position, texts)
        self.statusBar().showMessage(self.tr("The network as it was at {0}; Live (End) shows it as it is").format(
            texts[0]), 6000)
        self.momentShown.emit(moment.position, moment.snapshot.step)

    def go_live(self) -> None:
        """The network being trained again, as it is now."""
        if self._live_snapshot is None:
            return
        live, self._live_snapshot = self._pending_snapshot or self._live_snapshot, None
        self._pending_snapshot = None
        if not self.timeline_bar.is_live():
            self.timeline_bar.go_live()  # comes back here, with nothing left to do
        self.loss_panel.marker.show_at(None)
        self._show_other_time(live)
        self.statusBar().clearMessage()
        self.momentShown.emit(-1.0, -1)

    def _show_other_time(self, snapshot: NetworkSnapshot) -> None:
        """Everything shows ``snapshot`` at once, as for another network: the Inspect panels redo their work."""
        self._replace_network(snapshot)
        self.network_view.apply_pending()
        self.weights_view.apply_pending()

    def rewind_to(self, epochs: float) -> None:
        """A click on the curves: the moment nearest to it, or live when the newest point of the curve is nearer."""
        if len(self.timeline) == 0:
            return
        index = self.timeline.index_near(epochs)
        x, _ = self.loss_plot.loss_data()
        now = x[-1] if len(x) else self.timeline[-1].position
        if abs(now - epochs) <= abs(self.timeline[index].position - epochs):  # (a tie: the same network)
            self.timeline_bar.go_live()
        else:
            self.timeline_bar.choose(index)

    def step_timeline(self, delta: int) -> bool:
        """One moment back (-1) or forward (+1); from live, -1 goes to the newest moment."""
        return self.timeline_bar.step(delta)

    def _restart_timeline(self, timeline: Timeline | None = None) -> None:
        """Another network: its own timeline (empty, or one that was kept for it), seen live."""
        self._live_snapshot = None
        self.loss_panel.marker.show_at(None)
        self.timeline = timeline if timeline is not None else self._timeline_arriving or Timeline()
        self._timeline_arriving = None
        self.timeline_bar.set_moments([], [])  # live
        self._show_timeline()

    def _read_timeline(self, path: Path) -> None:
        """The timeline saved with the model in ``path`` is adopted with its network; a damaged one is said
        and left out (the network itself was fine)."""
        try:
            self._timeline_arriving = Timeline.read(path, self._snapshot)
        except ModelFileError as error:
            self._timeline_arriving = None
            self.banner.show_message(self.tr("The training timeline in {0} could not be read: {1}").format(
                path.name, error), "warning", kind="model")

    def timeline_attachments(self) -> dict | None:
        """The timeline, as attachments of the model file being saved (None: nothing to save)."""
        return self.timeline.attachments() if len(self.timeline) else None
