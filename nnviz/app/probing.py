"""Poke the network (issue 18), the window's side: right-click a hidden neuron in the diagram to silence it, clamp
it to a value or dream of what makes it fire; Inspect > Dream and Inspect > Nudge ask what the network sees.

The probes are a :class:`~nnviz.appmodel.probes.Probes` record: the window reads the drawing with every network it
gets (the shipped one, a snapshot while training) through them, marks the poked neurons in the diagram and
says in its banner that the predictions come from a poked network, with "Restore all".
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QInputDialog, QMenu

from nnviz.app.layer_names import layer_name
from nnviz.appmodel.probes import Probes
from nnviz.app.show_in_front import show_in_front
from nnviz.app.widgets.probe_views import DreamView, NudgeView


class Probing(QObject):
    """Owns the window's probes and the Dream and Nudge dialogs."""

    probesChanged = Signal(object)  # Probes

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._probes = Probes()
        self.dream_view: DreamView | None = None
        self.nudge_view: NudgeView | None = None

    def probes(self) -> Probes:
        return self._probes

    def set_probes(self, probes: Probes) -> None:
        self._probes = probes
        window = self._window
        window.network_view.set_marked(probes.silenced(), probes.clamped())
        if probes:
            window.banner.show_message(
                self.tr("{0} neuron(s) silenced or clamped: the predictions come from the poked network.").format(
                    len(probes)), "info", [(self.tr("Restore all"), self.restore_all)], kind="probes")
        elif window.banner.kind() == "probes":
            window.banner.hide()
        self.probesChanged.emit(probes)

    def silence(self, layer: int, neuron: int) -> None:
        self.set_probes(self._probes.holding(layer, neuron, 0.0))

    def clamp(self, layer: int, neuron: int, value: float) -> None:
        self.set_probes(self._probes.holding(layer, neuron, value))

    def release(self, layer: int, neuron: int) -> None:
        self.set_probes(self._probes.releasing(layer, neuron))

    def restore_all(self) -> None:
        self.set_probes(Probes())

    def network_changed(self, sizes) -> None:
        """Another network came in: probes that do not fit its layers are let go."""
        if self._probes and not self._probes.fits(sizes):
            self.restore_all()

    # ------------------------------------------------------------------ the diagram's right-click menu
    def add_neuron_actions(self, watched, pos: QPoint, menu: QMenu) -> bool:
        """Silence / clamp / release / dream actions for the hidden neuron under ``pos`` of ``watched`` (a
        part of the diagram), and Restore all; False when there is nothing to add."""
        view = self._window.network_view.graphics_view()
        node = self._window.network_view.node_at(view.mapFromGlobal(watched.mapToGlobal(pos)).toPointF())
        last = len(self._window.network().sizes) - 1
        added = False
        if node is not None and 0 < node[0] < last:
            layer, neuron = node
            name = self.tr("{0}, neuron {1}").format(layer_name(layer, last), neuron)
            menu.addSection(name)
            held = self._probes.value_of(layer, neuron)
            if held != 0.0:
                menu.addAction(self.tr("Silence it"), lambda: self.silence(layer, neuron))
            menu.addAction(self.tr("Clamp it to a value…"), lambda: self.ask_clamp(layer, neuron))
            if held is not None:
                menu.addAction(self.tr("Let it go"), lambda: self.release(layer, neuron))
            menu.addAction(self.tr("Dream: what makes it fire?"), lambda: self.show_dream((layer, neuron)))
            added = True
        if self._probes:
            menu.addAction(self.tr("Restore all neurons"), self.restore_all)
            added = True
        return added

    def ask_clamp(self, layer: int, neuron: int) -> None:
        current = self._probes.value_of(layer, neuron)
        value, ok = QInputDialog.getDouble(self._window, self.tr("Clamp a neuron"),
                                           self.tr("Hold its output at:"), 1.0 if current is None else current,
                                           -10.0, 10.0, 2)
        if ok:
            self.clamp(layer, neuron, value)

    # ------------------------------------------------------------------ the dialogs
    def show_dream(self, target: tuple[int, int] | None = None) -> DreamView:
        if self.dream_view is None:
            self.dream_view = DreamView(self._window.reading, self._window)
            self.dream_view.imageChosen.connect(self._window.canvas.set_image)
        self.dream_view.set_target(target)
        show_in_front(self.dream_view)
        return self.dream_view

    def show_nudge(self) -> NudgeView:
        if self.nudge_view is None:
            self.nudge_view = NudgeView(self._window.reading, self._window)
        show_in_front(self.nudge_view)
        return self.nudge_view
