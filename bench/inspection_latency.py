"""What looking inside costs: evaluation of the 10,000 test digits, a hidden-layer map refresh, a histogram
refresh, and the event loop's stalls while training runs with those panels working.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE QT_QPA_PLATFORM=offscreen python bench/inspection_latency.py

Targets (issue 6): evaluation < 1 s with the shipped model; each keeps the event loop's p99 stall under
50 ms while training runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(__file__))

from gui_latency import LatenessProbe, default_data_dir, percentile_ms, run_events  # noqa: E402


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=6.0, help="length of the training phase")
    parser.add_argument("--data", default=None)
    args = parser.parse_args()

    import nnviz.app  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from nnviz.app.main_window import MainWindow
    from nnviz.app.theme import apply_theme
    from nnviz.appmodel.training_session import TrainingData, TrainingSettings, mnist_loader
    from nnviz.appmodel.app_options import AppOptions
    from nnviz.data import load_mnist
    from nnviz.nn import TrainConfig, evaluate
    from nnviz.resources import asset_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    data = TrainingData.from_mnist(load_mnist(args.data or default_data_dir()))
    window = MainWindow(AppOptions(), settings=TrainingSettings(config=TrainConfig(epochs=50)),
                        load_training_data=mnist_loader(args.data or default_data_dir()))
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()
    window.canvas.load_image_file(asset_path("sample_digit.png"))
    panels = window.inspection
    net = window.network()

    plain = timed(lambda: evaluate(net, data.x_test, data.y_test), args.runs)
    print(f"evaluate 10,000 test digits (nnviz.nn.evaluate): median {1e3 * statistics.median(plain):.0f} ms  "
          f"[target < 1 s]")

    def evaluate_in_window():
        panels.evaluate()
        while panels.evaluation.is_busy() or panels.evaluation.result() is None:
            app.processEvents()

    evaluate_in_window()  # reads the test set once
    windowed = timed(evaluate_in_window, args.runs)
    print(f"evaluation view, chunked, start to confusion matrix shown: median {1e3 * statistics.median(windowed):.0f} ms")

    panels.show_tab(panels.hidden_map)
    run_events(app, 0.5)
    x_map = data.x_test[:2000]
    pca = timed(lambda: panels.hidden_map.compute(window.network(), x_map, 1), args.runs)
    print(f"hidden-layer map computation (2,000 digits, forward + SVD; on a background thread): "
          f"median {1e3 * statistics.median(pca):.1f} ms")

    def refresh_and_show():
        with_map = []
        panels.hidden_map.mapped.connect(lambda: with_map.append(1))
        panels.hidden_map.refresh(window.network())
        while not with_map:
            app.processEvents()
        panels.hidden_map.mapped.disconnect()

    shown = timed(refresh_and_show, args.runs)
    print(f"hidden-layer map refresh, request to scatter shown: median {1e3 * statistics.median(shown):.1f} ms")
    panels.show_tab(panels.histograms)
    histograms = timed(lambda: panels.histograms.set_snapshot(window.snapshot()), args.runs)
    print(f"histogram refresh (weights of 4 layers): median {1e3 * statistics.median(histograms):.1f} ms")

    # Training at full speed: first with the Inspect panel closed, for comparison, then each panel on its own,
    # as a user would look at it.
    def stalls_while_training(label: str, begin, target: bool = True) -> None:
        probe = LatenessProbe()
        probe.start()
        begin()
        run_events(app, args.seconds)
        probe.stop()
        late = probe.lateness
        print(f"event-loop lateness while training, {label}: p50 {percentile_ms(late, 50):.1f} ms, "
              f"p99 {percentile_ms(late, 99):.1f} ms, max {1e3 * max(late):.1f} ms"
              + ("  [target p99 < 50 ms]" if target else ""))

    window.reset_network()
    window.start_training()
    panels.inspect_dock.hide()
    run_events(app, 1.0)
    stalls_while_training("Inspect panel closed (for comparison)", lambda: None, target=False)
    stalls_while_training("histograms shown (live)", lambda: panels.show_tab(panels.histograms))
    stalls_while_training("hidden-layer map shown (redone at each epoch's end)", lambda: panels.show_tab(panels.hidden_map))
    stalls_while_training("evaluating the 10,000 test digits", panels.evaluate)
    window.pause_training()
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
