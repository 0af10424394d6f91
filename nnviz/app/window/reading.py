"""Drawing to reading: the drawing becomes the network's input, the window's copy of the network reads it
(through the probes), and the prediction, probabilities, diagram and heatmaps show the reading.

A part of :class:`~nnviz.app.main_window.MainWindow` (which inherits it), kept in a file of its own."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Slot

from nnviz.appmodel.reading import Reading
from nnviz.appmodel.snapshot import NetworkSnapshot
from nnviz.app.probing import Probing
from nnviz.nn import MLP


EMPTY_PREDICTION = QT_TRANSLATE_NOOP("MainWindow", "draw a digit")


def prediction_text(p: np.ndarray) -> str:
    """'7 (96 %)': the predicted digit and its probability in whole percent."""
    digit = int(np.argmax(p))
    return f"{digit} ({100.0 * float(p[digit]):.0f} %)"


class DrawingReader:
    """The drawing read by the window's copy of the network, and every view of that reading; the views that
    compute get it frozen (:meth:`reading`)."""

    @Slot(object)
    def _on_canvas_image(self, image: np.ndarray) -> None:
        from nnviz.data import prepare

        self._prepared = prepare(image)
        self.probabilities.set_before(None)  # another drawing: a correction's "before" is over
        self.input_preview.set_image(None if self._prepared.is_empty else self._prepared.image)
        self._predict()
        if self.canvas.is_drawing():  # a new stroke: the diagram follows the pen at once
            self._pen_activity.touch()
            self.network_view.finish_flow()
        else:
            self._drawing_done()

    def _drawing_done(self) -> None:
        """A stroke ended, a picture arrived, the network changed: the signal flows through the layers once and
        the weight tiles show the neurons most active for the drawing (not at every pen move: they would jump)."""
        self.network_view.play_flow()
        trace = self._trace
        self.weights_view.set_activity(None if trace is None or len(trace.a) < 3 else trace.a[1][0])

    def _update_prediction(self) -> None:
        self._on_canvas_image(self.canvas.image())

    def _predict(self) -> None:
        prepared = self._prepared
        if prepared is None or prepared.is_empty:
            if not self._showing_empty:  # a new snapshot changes none of these: no repaints while training
                self._trace, self._showing_empty = None, True
                self.probabilities.set_probabilities(None)
                self.network_view.set_activations(None)
                self.heatmaps.set_activations(None)
                self._set_prediction("")
            self.inspection.drawing_changed(self.reading())  # an inspected neuron's bias and weights follow the network
            return
        trace = self.reading_network().forward(prepared.image.reshape(1, -1))
        self._trace, self._showing_empty = trace, False
        p = trace.a[-1][0]
        self.probabilities.set_probabilities(p)
        self._set_prediction(prediction_text(p))
        if self.canvas.is_drawing():  # the pen moves 60 times a second: the layers follow at half that
            self._layer_views_refresh.request()
        else:
            self._layer_views_refresh.cancel()
            self._show_layer_activity()
        self.inspection.drawing_changed(self.reading())

    def _show_layer_activity(self) -> None:
        """The diagram and the heatmaps show the current reading (the most expensive views to redraw)."""
        trace = self._trace
        if trace is not None:
            self.network_view.set_activations([a[0] for a in trace.a])
            self.heatmaps.set_activations([a[0] for a in trace.a[1:-1]])

    def _build_probing(self) -> None:
        self._probed = None
        self.probing = Probing(self)
        self.probing.probesChanged.connect(self._on_probes)
        inspect = self.inspect_menu
        inspect.addSeparator()
        self._action(inspect, self.tr("&Dream a digit…"), lambda: self.probing.show_dream(), "Ctrl+Shift+D",
                     self.tr("What does the network think a 3 looks like? Grow a picture it is sure of"))
        self._action(inspect, self.tr("&Nudge the drawing…"), self.probing.show_nudge, "Ctrl+Shift+N",
                     self.tr("The smallest change to your drawing that makes the network read another digit"))
        self._action(inspect, self.tr("&Restore all neurons"), lambda: self.probing.restore_all())

    def reading_network(self) -> MLP:
        """The network the drawing is read with: the window's, with the neurons a person silenced or clamped."""
        probes = self.probing.probes()
        if not probes:
            return self._net
        if self._probed is None:
            self._probed = probes.apply(self._net)
        return self._probed

    def _on_probes(self, probes) -> None:
        self._probed = None
        self._showing_empty = False
        self._predict()

    def context_menu_extras(self, view: str, watched, pos, menu) -> bool:
        """Items before a view's export items in its right-click menu: the diagram's neuron probes."""
        return view == "network" and self.probing.add_neuron_actions(watched, pos, menu)

    def reading(self) -> Reading:
        """The drawing as read now, frozen, for the views that compute (see :mod:`nnviz.appmodel.reading`)."""
        return Reading(self._snapshot, self._trace, self._prepared, self.probing.probes(), self._frozen_networks)

    def current_trace(self):
        """The forward pass of the current drawing with the window's network (None for an empty canvas)."""
        return self._trace

    def current_input(self):
        """The current drawing as the network's input (:class:`nnviz.data.Prepared`), or None."""
        return self._prepared

    def snapshot(self) -> NetworkSnapshot | None:
        """The newest network snapshot the window shows."""
        return self._snapshot

    def _set_prediction(self, text: str) -> None:
        self.prediction_label.setText(text or self.tr(EMPTY_PREDICTION))
        self.prediction_label.setProperty("empty", not text)
        if text != self._prediction:
            self._prediction = text
            self.predictionTextChanged.emit(text)

    def prediction(self) -> str:
        """The prediction shown ("7 (96 %)"), or "" for an empty canvas."""
        return self._prediction

    def network(self) -> MLP:
        """The UI thread's copy of the network (read-only use)."""
        return self._net

    @Slot(int)
    def _show_pen_width(self, width: int) -> None:
        self.pen_value.setText(f"{width} px")
