"""How long the display widgets take to follow the pen: per-widget update and repaint times, and the whole
chain from a mouse move on the canvas to every widget repainted (forward pass included).

    QT_QPA_PLATFORM=offscreen python bench/widget_redraw.py [--model models/mnist-mlp.npz] [--moves 300]

Without a model file it uses an untrained 784-256-128-64-10 network (the timings do not depend on the
weights). ``to_mnist`` comes from nnviz.data; if that is not importable, a 10x10 block average stands in.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def median_ms(times) -> str:
    return f"{1e3 * np.median(times):6.2f} ms (p90 {1e3 * np.percentile(times, 90):6.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--moves", type=int, default=300)
    parser.add_argument("--dark", action="store_true", help="a dark Fusion palette, as a dark-themed window")
    args = parser.parse_args()

    import nnviz.app  # noqa: F401  (applies the Qt work-arounds first)
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from nnviz.appmodel.snapshot import NetworkSnapshot
    from nnviz.app.widgets.canvas import Canvas
    from nnviz.app.widgets.heatmaps import ActivationHeatmaps
    from nnviz.app.widgets.input_preview import InputPreview
    from nnviz.app.widgets.network_view import NetworkView
    from nnviz.app.widgets.probability_bars import ProbabilityBars
    from nnviz.app.widgets.weights_view import WeightsView
    from nnviz.nn import MLP

    try:
        from nnviz.data import to_mnist
    except ImportError:
        def to_mnist(image):
            return image.reshape(28, 10, 28, 10).mean(axis=(1, 3)).astype(np.float32)
        print("nnviz.data.to_mnist not available: a block average stands in")

    app = QApplication.instance() or QApplication([])
    if args.dark:
        from PySide6.QtGui import QColor, QPalette

        app.setStyle("Fusion")
        palette = QPalette()
        for role, colour in ((QPalette.ColorRole.Window, "#1e1e1e"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                             (QPalette.ColorRole.Base, "#161616"), (QPalette.ColorRole.Text, "#e6e6e6")):
            palette.setColor(role, QColor(colour))
        app.setPalette(palette)
    if args.model is not None:
        from nnviz.nn.model_file import load_model

        net = load_model(args.model)
    else:
        net = MLP((784, 256, 128, 64, 10), seed=0)
    print(f"network {'-'.join(map(str, net.sizes))}")

    sizes = {Canvas: (320, 320), InputPreview: (200, 230), ProbabilityBars: (320, 200), NetworkView: (700, 420),
             ActivationHeatmaps: (400, 250), WeightsView: (400, 300)}
    widgets = {}
    for kind, (w, h) in sizes.items():
        widget = kind()
        widget.resize(w, h)
        widget.show()
        widgets[kind] = widget
    canvas, preview, bars = widgets[Canvas], widgets[InputPreview], widgets[ProbabilityBars]
    network, heatmaps, weights = widgets[NetworkView], widgets[ActivationHeatmaps], widgets[WeightsView]
    snapshot = NetworkSnapshot.of(net)
    network.set_snapshot(snapshot)
    weights.set_weights(snapshot.weights[0])
    app.processEvents()

    stages = {name: [] for name in ("canvas event + emit", "to_mnist + forward", "set_* (all)", "repaint (all)",
                                    "network set", "network set+repaint", "heatmaps set+repaint",
                                    "bars set+repaint")}
    totals = []
    latest = {}
    canvas.imageChanged.connect(lambda image: latest.__setitem__("image", image))

    def send(kind, pos, button, buttons):
        event = QMouseEvent(kind, QPointF(*pos), QPointF(canvas.mapToGlobal(QPointF(*pos))), button, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(canvas, event)

    angle = np.linspace(0, 6 * np.pi, args.moves)
    path = np.column_stack([160 + 90 * np.cos(angle) * np.linspace(1, 0.3, args.moves),
                            160 + 90 * np.sin(angle) * np.linspace(1, 0.3, args.moves)])
    send(QEvent.Type.MouseButtonPress, path[0], Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    for point in path[1:]:
        t0 = time.perf_counter()
        send(QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton)
        t1 = time.perf_counter()
        img28 = to_mnist(latest["image"])
        trace = net.forward(img28.reshape(1, 784))
        a = [layer[0] for layer in trace.a]
        t2 = time.perf_counter()
        preview.set_image(img28)
        bars.set_probabilities(a[-1])
        t3 = time.perf_counter()
        network.set_activations(a)
        t4 = time.perf_counter()
        heatmaps.set_activations(a[1:-1])
        t5 = time.perf_counter()
        app.processEvents()  # paints what the updates asked for, as the window's event loop would
        t7 = time.perf_counter()
        stages["canvas event + emit"].append(t1 - t0)
        stages["to_mnist + forward"].append(t2 - t1)
        stages["set_* (all)"].append((t3 - t2) + (t5 - t3))
        stages["repaint (all)"].append(t7 - t5)
        stages["network set"].append(t4 - t3)
        totals.append(t7 - t0)
    send(QEvent.Type.MouseButtonRelease, path[-1], Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)

    for _ in range(50):  # the widgets on their own
        t0 = time.perf_counter()
        network.set_activations(a)
        network.graphics_view().viewport().repaint()
        stages["network set+repaint"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        heatmaps.set_activations(a[1:-1])
        heatmaps.repaint()
        t1 = time.perf_counter()
        bars.set_probabilities(a[-1])
        bars.repaint()
        t2 = time.perf_counter()
        stages["heatmaps set+repaint"].append(t1 - t0)
        stages["bars set+repaint"].append(t2 - t1)

    snapshot_times, mosaic_times = [], []
    rng = np.random.default_rng(0)
    for _ in range(30):  # training: new weights arrive
        net.weights[0][...] += rng.normal(0, 1e-3, net.weights[0].shape).astype(np.float32)
        snapshot = NetworkSnapshot.of(net)
        t0 = time.perf_counter()
        network.set_snapshot(snapshot)
        network.apply_pending()  # the views redraw new weights at most 10 times a second; time one redraw
        network.graphics_view().viewport().repaint()
        t1 = time.perf_counter()
        weights.set_weights(snapshot.weights[0])
        weights.apply_pending()
        weights.graphics_view().viewport().repaint()
        t2 = time.perf_counter()
        snapshot_times.append(t1 - t0)
        mosaic_times.append(t2 - t1)

    loss_times = loss_plot_repaints(app)

    print(f"pen move -> all widgets repainted: {median_ms(totals)}")
    for name, times in stages.items():
        print(f"  {name:24s} {median_ms(times)}")
    print(f"new weights -> network view repainted: {median_ms(snapshot_times)}  (at most 10 times a second)")
    print(f"new weights -> weight mosaic repainted: {median_ms(mosaic_times)}  (at most 10 times a second)")
    for n, times in loss_times.items():
        print(f"new loss points -> loss plot repainted, {n:,} points so far: {median_ms(times)}")


def loss_plot_repaints(app, runs: int = 30) -> dict[int, list[float]]:
    """Time one redraw of the loss plot (700x330, as in the window) after a long run's worth of points."""
    from nnviz.appmodel.snapshot import EpochResult, LossPoints
    from nnviz.app.widgets.loss_plot import LossPanel

    times = {}
    for n in (1_000, 10_000, 50_000):  # 50,000 batches: about 100 epochs at batch size 128
        panel = LossPanel()
        panel.resize(700, 330)
        panel.show()
        x = np.arange(1, n + 1) / 469
        panel.plot.add_points(LossPoints(progress=x, loss=2 * np.exp(-x) + 0.1 * np.random.default_rng(0).random(n)))
        for epoch in range(1, int(x[-1]) + 1):
            panel.plot.add_epoch(EpochResult(epoch=epoch, loss=0.1, train_accuracy=0.9, test_accuracy=0.97,
                                             seconds=1.0))
        app.processEvents()
        times[n] = []
        for i in range(runs):
            t0 = time.perf_counter()
            panel.plot.add_points(LossPoints(progress=(x[-1] + (i + 1) / 469,), loss=(0.1,)))
            panel.plot.apply_pending()
            panel.plot.viewport().repaint()
            times[n].append(time.perf_counter() - t0)
        panel.close()
    return times


if __name__ == "__main__":
    main()
