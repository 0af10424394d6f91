"""The window's "look inside" panels and how they follow the drawing and the training.

- a saliency overlay on the canvas: which pixels push the predicted digit's score up (red) or down (blue);
- the Inspect panel, docked under the window's panels (never over the diagram; its title bar's button pops it
  out into a window of its own): the neuron inspector, which opens when a node of the diagram is clicked; softmax step by step with a temperature; evaluation on the test set (confusion matrix,
  galleries); the hidden-layer map; weight and gradient histograms; slow motion (one forward and one
  backward pass of the drawing, a layer at a time).

Everything here observes frozen readings (:mod:`nnviz.appmodel.reading`): never the window, never its network.
The MNIST test set is read once, on a plain thread, when a panel first needs it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDockWidget, QTabWidget

from nnviz.app.colormaps import NEGATIVE, POSITIVE
from nnviz.app.saliency_caption import why_caption
from nnviz.app.throttle import Throttle
from nnviz.app.window.rates import INTERVALS
from nnviz.app.widgets.canvas import RESOLUTION
from nnviz.app.widgets.evaluation_view import EvaluationView
from nnviz.app.widgets.knockout_view import KnockoutView
from nnviz.app.widgets.hidden_map import HiddenMapView
from nnviz.app.widgets.hint_overlay import HintOverlay
from nnviz.app.widgets.histograms import HistogramsView
from nnviz.app.widgets.neuron_inspector import NeuronInspector
from nnviz.app.widgets.slow_motion import SlowMotionView
from nnviz.app.widgets.softmax_view import SoftmaxView
from nnviz.app.background import BackgroundTask
from nnviz.appmodel.reading import Reading
from nnviz.data.preprocess import input_on_canvas
from nnviz.errors import DataFileError
from nnviz.nn.saliency import input_gradient, near_ink, occlusion

OVERLAY_SIDE = 140  # the saliency overlay's resolution; the canvas stretches it over its 280 px
OVERLAY_ALPHA_RANGE = (110, 235)  # opacity of the weakest pixels shown and of the strongest
# The tabs: attribute of the panels -> name. A lesson file keeps the English name, whatever the language.
TABS = (
    ("inspector", QT_TRANSLATE_NOOP("InspectionPanels", "Neuron")),
    ("softmax", QT_TRANSLATE_NOOP("InspectionPanels", "Softmax")),
    ("evaluation", QT_TRANSLATE_NOOP("InspectionPanels", "Evaluation")),
    ("hidden_map", QT_TRANSLATE_NOOP("InspectionPanels", "Hidden-layer map")),
    ("histograms", QT_TRANSLATE_NOOP("InspectionPanels", "Histograms")),
    ("slow_motion", QT_TRANSLATE_NOOP("InspectionPanels", "Slow motion")),
    ("knockout", QT_TRANSLATE_NOOP("InspectionPanels", "Knock-out")),
)


def saliency_map(net, image: np.ndarray, cls: int, method: str = "gradient") -> np.ndarray:
    """(28, 28): "gradient": ds/dx of class ``cls``'s score (red: more ink there raises it); "occlusion":
    how much its probability drops when a patch around each pixel is covered (red: the pixel supports it)."""
    if method == "occlusion":
        return occlusion(net, image.reshape(28, 28), cls)
    return input_gradient(net, image.reshape(-1), cls).reshape(28, 28)


def saliency_overlay(net, prepared, trace, side: int = OVERLAY_SIDE, method: str = "gradient") -> np.ndarray:
    """(side, side, 4) RGBA: :func:`saliency_map` of the predicted class on and around the strokes
    (:func:`~nnviz.nn.near_ink`) painted back onto the drawing, red for pixels that push the prediction up,
    blue for those that pull it down, transparent elsewhere."""
    predicted = int(trace.a[-1][0].argmax())
    gradient = near_ink(saliency_map(net, prepared.image, predicted, method), prepared.image.reshape(28, 28))
    limit = float(np.abs(gradient).max()) or 1.0
    values = input_on_canvas(prepared, gradient, (side, side), zoom=side / RESOLUTION)
    rgba = np.zeros((side, side, 4), np.uint8)
    for colour, where in ((POSITIVE, values > 0), (NEGATIVE, values < 0)):  # weak is faint, not white
        rgba[where, :3] = QColor(colour).getRgb()[:3]
    rgba[..., 3] = np.where(values != 0, OVERLAY_ALPHA_RANGE[0] + np.clip(np.abs(values) / limit, 0, 1)
                            * (OVERLAY_ALPHA_RANGE[1] - OVERLAY_ALPHA_RANGE[0]), 0)
    return rgba


class InspectionPanels(QObject):
    """The Inspect panel's tabs. The window hands it frozen readings (:meth:`drawing_changed`,
    :meth:`network_changed`) and places its dock; what it asks of the window goes out as signals."""

    overlayChanged = Signal(object, object)  # the canvas's saliency overlay (RGBA or None) and its caption
    imageChosen = Signal(object)  # a (28, 28) test digit to put on the canvas
    statusMessage = Signal(str, int)  # a line for the status bar, and for how long (ms; 0: until replaced)
    downloadNeeded = Signal(str)  # the test digits are missing: offer to download them (why)
    problem = Signal(str)  # something failed that the person must hear of
    firstShown = Signal()  # the dock opened for the first time: the window gives it its share of the height

    def __init__(self, load_data, parent: QObject | None = None):
        super().__init__(parent)
        self._reading = Reading(None)
        self._load_data = load_data
        self._test_set: tuple[np.ndarray, np.ndarray] | None = None
        self._waiting: list = []  # what to do once the test set has arrived
        self._loading = BackgroundTask("nnviz-load-test-set", self)
        self._saliency = False
        self._saliency_method = "gradient"
        self._placed = False
        self._loading.succeeded.connect(self._on_test_set)
        self._loading.failed.connect(self._on_test_set_error)
        self._histograms_refresh = Throttle(INTERVALS["histograms"], self._show_histograms, self)

        self.inspector = NeuronInspector()
        self.softmax = SoftmaxView()
        self.evaluation = EvaluationView()
        self.hidden_map = HiddenMapView()
        self.histograms = HistogramsView()
        self.slow_motion = SlowMotionView()
        self.knockout = KnockoutView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("inspectTabs")
        for attribute, name in TABS:
            self.tabs.addTab(getattr(self, attribute), QCoreApplication.translate("InspectionPanels", name))
        self.tabs.currentChanged.connect(lambda _: self._refresh_visible())
        self.inspect_dock = QDockWidget(self.tr("Inspect"))
        self.inspect_dock.setObjectName("inspectDock")
        self.inspect_dock.setWidget(self.tabs)
        self.inspect_dock.setToolTip(self.tr("Drag the title bar to dock it elsewhere; its button pops it out "
                                             "into a window of its own"))
        self.inspect_dock.hide()
        self.inspect_dock.visibilityChanged.connect(lambda visible: visible and self._refresh_visible())
        self._hints = self._build_hints()

        self.evaluation.evaluateRequested.connect(self.evaluate)
        self.evaluation.imageChosen.connect(self._put_on_canvas)
        self.hidden_map.layerChanged.connect(lambda _: self._refresh_map())
        self.hidden_map.mapped.connect(lambda: self.hidden_map.set_drawing(self._reading.trace))
        self.hidden_map.mapped.connect(self._show_hints)
        self.evaluation.finished.connect(lambda _: self._show_hints())
        self.slow_motion.softmaxRequested.connect(lambda: self.show_tab(self.softmax))
        self.knockout.runRequested.connect(self.study_knockout)

    def _build_hints(self) -> dict:
        """What an empty tab says instead of showing empty axes, and when it has something to show."""
        return {
            self.inspector: (HintOverlay(self.inspector, self.tr(
                "Click a neuron in the network diagram: its weights, its bias, and its sum written out with the "
                "real numbers of your drawing.")), lambda: self.inspector.node() is None),
            self.softmax: (HintOverlay(self.softmax, self.tr(
                "Draw a digit: softmax turns the network's ten output values into probabilities, step by step.")),
                lambda: self.softmax.steps() is None),
            self.evaluation: (HintOverlay(self.evaluation, self.tr(
                "How often is the network right, and where is it wrong? Evaluate it on the 10,000 MNIST test "
                "digits: accuracy, a confusion matrix and the most confident mistakes."),
                self.tr("Evaluate on the test digits"), self.evaluate),
                lambda: self.evaluation.result() is None and not self.evaluation.is_busy()),
            self.hidden_map: (HintOverlay(self.hidden_map, self.tr(
                "Reading the MNIST test digits: the map of how a hidden layer sees them comes next.")),
                lambda: self.hidden_map.pca() is None),
            self.slow_motion: (HintOverlay(self.slow_motion, self.tr(
                "Draw a digit: slow motion walks it through the network a layer at a time, forward and back.")),
                lambda: self.slow_motion.walkthrough() is None),
        }

    def _show_hints(self) -> None:
        """Each tab's hint while it has nothing to show; cheap (a few checks), so it follows every change."""
        for overlay, empty in self._hints.values():
            wanted = bool(empty())
            if overlay.isVisibleTo(overlay.parentWidget()) != wanted:
                overlay.set_shown(wanted)

    def hint_shown(self, widget) -> bool:
        """Whether ``widget`` (a tab) shows its hint instead of its content."""
        return widget in self._hints and self._hints[widget][0].isVisibleTo(widget)

    # ------------------------------------------------------------------ from the window
    def drawing_changed(self, reading: Reading | None = None) -> None:
        """The drawing or the network changed (``reading``: as read now): follow it (cheaply: only what is on
        screen)."""
        reading = self._reading = reading or self._reading
        trace = reading.trace
        self.inspector.set_reading(reading)
        if self._showing(self.softmax):
            self.softmax.set_trace(trace)
        if self._saliency:
            self.overlayChanged.emit(None if trace is None else saliency_overlay(
                reading.network(), reading.prepared, trace, method=self._saliency_method),
                None if trace is None else why_caption(int(trace.a[-1][0].argmax()), self._saliency_method))
        if self._showing(self.hidden_map):
            self.hidden_map.set_drawing(trace)
        if self._showing(self.slow_motion):
            self._show_slow_motion()
        self._show_hints()

    def network_changed(self, reading: Reading) -> None:
        """New weights arrived (at the views' refresh rate): redraw the histograms, if shown, a little later
        and at most the "histograms" interval apart, so their work never adds to a redraw of the main views."""
        self._reading = reading
        self.knockout.set_sizes(reading.snapshot.sizes)
        if self._showing(self.histograms):
            QTimer.singleShot(0, self._histograms_refresh.request)

    def network_replaced(self) -> None:
        """A different network (reset, opened file): results computed for the old one go, the visible
        panels are redone. Called before the window shows the new network."""
        self.evaluation.invalidate()
        self.hidden_map.invalidate()

    def after_network_replaced(self, reading: Reading) -> None:
        """Called once the window shows the new network."""
        self._reading = reading
        self.knockout.cancel()
        self.inspector.set_reading(reading)
        self._refresh_visible()

    def set_refresh_interval(self, seconds: float) -> None:
        """How often the histograms follow new weights at most (the window's refresh policy says)."""
        self._histograms_refresh.set_interval(seconds)

    def set_data_loader(self, load_data) -> None:
        """Where the test digits come from next time (after a download into another folder)."""
        self._load_data = load_data

    def epoch_finished(self) -> None:
        if self._showing(self.hidden_map):
            self._refresh_map()

    # ------------------------------------------------------------------ commands
    def inspect_node(self, layer: int, index: int) -> None:
        self.show_tab(self.inspector)
        self.inspector.show_neuron(self._reading.network(), layer, index, self._reading.trace)
        self._show_hints()

    def set_saliency(self, on: bool) -> None:
        self._saliency = bool(on)
        if not on:
            self.overlayChanged.emit(None, None)
        self.drawing_changed()

    def saliency_on(self) -> bool:
        return self._saliency

    def set_occlusion(self, on: bool) -> None:
        """Saliency by covering patches (what the network loses without them) instead of the gradient."""
        self._saliency_method = "occlusion" if on else "gradient"
        self.drawing_changed()

    def show_tab(self, widget) -> None:
        self.tabs.setCurrentWidget(widget)
        self.inspect_dock.show()
        if not self._placed:  # first time: under the window's panels, a good share of its height
            self._placed = True
            QTimer.singleShot(0, self, self.firstShown.emit)  # once shown: the first layout sizes it by its hint
        self._refresh_visible()

    def evaluate(self) -> None:
        """Evaluate the window's network on the test set (read first if needed), in chunks."""
        self.show_tab(self.evaluation)
        self._with_test_set(lambda x, y: self.evaluation.evaluate(self._reading.network(), x, y))

    def study_knockout(self, layer: int | None = None) -> None:
        """The knock-out study of a hidden layer, on the test digits (read first if needed), with the network
        the drawing is read with."""
        self.show_tab(self.knockout)
        if layer is not None:
            self.knockout.layer_box.setCurrentIndex(max(0, self.knockout.layer_box.findData(layer)))
        self._with_test_set(lambda x, y: self.knockout.run(self._reading.probed_network(), x, y))

    def exportable_views(self) -> list:
        """The tabs File → Export can save (see :mod:`nnviz.app.exportable`), in tab order."""
        return [widget for widget in (getattr(self, attribute) for attribute, _ in TABS) if hasattr(widget, "EXPORT")]

    def close(self) -> None:
        """The window closes: so does the Inspect panel, also when it floats in a window of its own."""
        self.inspect_dock.hide()

    def visible_tabs(self) -> tuple[str, ...]:
        """The Inspect tab on show, by its English name (for a lesson file); empty when the panel is closed."""
        if not self.inspect_dock.isVisible():
            return ()
        return tuple(name for attribute, name in TABS if getattr(self, attribute) is self.tabs.currentWidget())

    def show_tab_named(self, name: str) -> None:
        """Show the tab called ``name`` (from a lesson file: English, or as shown); an unknown name is ignored."""
        for index, (attribute, english) in enumerate(TABS):
            if name.lower() in (english.lower(), self.tabs.tabText(index).lower()):
                self.show_tab(getattr(self, attribute))

    # ------------------------------------------------------------------ internals
    def _show_histograms(self) -> None:
        if self._reading.snapshot is not None:
            self.histograms.set_snapshot(self._reading.snapshot)

    def showing(self, widget) -> bool:
        """``widget`` is the tab on show in the open Inspect panel."""
        return self._showing(widget)

    def _showing(self, widget) -> bool:
        return self.inspect_dock.isVisible() and self.tabs.currentWidget() is widget

    def _refresh_visible(self) -> None:
        self._show_hints()
        if not self.inspect_dock.isVisible():
            return
        current = self.tabs.currentWidget()
        if current is self.histograms:
            self._show_histograms()
        elif current is self.hidden_map:
            self._with_test_set(lambda x, y: self._refresh_map())
        elif current is self.inspector:
            self.inspector.set_reading(self._reading)
        elif current is self.softmax:
            self.softmax.set_trace(self._reading.trace)
        elif current is self.slow_motion:
            self._show_slow_motion()
        self._show_hints()

    def _show_slow_motion(self) -> None:
        trace = self._reading.trace
        self.slow_motion.set_input(self._reading.network(), None if trace is None else trace.a[0][0])

    def _refresh_map(self) -> None:
        if self._test_set is None:
            return
        if not self.hidden_map.has_samples():
            self.hidden_map.set_samples(*self._test_set)
        self.hidden_map.refresh(self._reading.network())

    def _put_on_canvas(self, digit: np.ndarray) -> None:
        self.imageChosen.emit(digit)
        self.statusMessage.emit(self.tr("a test digit is on the canvas: draw over it, or Ctrl+Z to go back"), 8000)

    def _with_test_set(self, then) -> None:
        if self._test_set is not None:
            then(*self._test_set)
            return
        self._waiting.append(then)
        if self._loading.running():
            return
        self.statusMessage.emit(self.tr("reading the MNIST test digits…"), 0)
        load = self._load_data
        self._loading.start(lambda progress: load())

    def _on_test_set_error(self, error: Exception) -> None:
        self._waiting = []
        self.statusMessage.emit("", 0)
        if isinstance(error, DataFileError):
            self.downloadNeeded.emit(str(error))
        else:
            self.problem.emit(self.tr("could not read the MNIST test digits: {0}").format(error))

    def _on_test_set(self, data) -> None:
        waiting, self._waiting = self._waiting, []
        self._test_set = (data.x_test, data.y_test)
        self.statusMessage.emit("", 0)
        for then in waiting:
            then(*self._test_set)
