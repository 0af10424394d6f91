"""What the window's live views cost training: samples/s of the window's worker against plain training in
the same process, in alternating rounds, with chosen views switched off or refreshed at other rates.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE QT_QPA_PLATFORM=offscreen python bench/window_overhead.py
    ... --without loss,network          # those views get no updates while training
    ... --views-s 1.0 --snapshot-s 0.5  # other refresh intervals than the window's

Both sides run in one process with the same BLAS threads, so the ratio isolates the GUI's share (painting,
Python in the GUI thread, the GIL); ``bench/gui_latency.py`` compares with a separate headless process.
Prints the median ratio and every round's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gui_latency  # noqa: E402  (the benchmark's helpers: event loop, headless loop, data folder)

VIEWS = ("network", "weights", "loss", "prediction")


def switch_off(names: list[str]) -> None:
    """Replace the named views' update methods by no-ops (this process only)."""
    from nnviz.app.main_window import MainWindow
    from nnviz.app.widgets.loss_plot import LossPlot
    from nnviz.app.widgets.network_view import NetworkView
    from nnviz.app.widgets.weights_view import WeightsView

    targets = {"network": (NetworkView, "set_snapshot"), "weights": (WeightsView, "set_weights"),
               "loss": (LossPlot, "add_points"), "prediction": (MainWindow, "_predict")}
    for name in names:
        cls, method = targets[name]
        setattr(cls, method, lambda *args, **kwargs: None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--without", default="", help=f"comma-separated views to switch off: {', '.join(VIEWS)}")
    parser.add_argument("--views-s", type=float, default=None, help="diagram edges and weight tiles refresh interval")
    parser.add_argument("--snapshot-s", type=float, default=None, help="interval at which the window reads snapshots")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--data", default=None)
    args = parser.parse_args()

    import nnviz.app  # noqa: F401
    import nnviz.app.main_window as main_window
    from nnviz.app.window import rates
    from PySide6.QtWidgets import QApplication

    from nnviz.app.theme import apply_theme
    from nnviz.appmodel.training_session import TrainingData, TrainingSettings, mnist_loader
    from nnviz.appmodel.app_options import AppOptions
    from nnviz.data import load_mnist
    from nnviz.nn import TrainConfig

    rates.INTERVALS["views"] = args.views_s or rates.INTERVALS["views"]
    rates.INTERVALS["snapshot"] = args.snapshot_s or rates.INTERVALS["snapshot"]
    switch_off([name for name in args.without.split(",") if name])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    data = TrainingData.from_mnist(load_mnist(args.data or gui_latency.default_data_dir()))
    settings = TrainingSettings(config=TrainConfig(epochs=1000))
    window = main_window.MainWindow(AppOptions(), settings=settings, load_training_data=mnist_loader(args.data or gui_latency.default_data_dir()))
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()
    window.reset_network()
    window.start_training()
    gui_latency.run_events(app, 1.5)  # warm-up
    ratios = []
    for _ in range(args.rounds):
        window.start_training()
        gui_latency.run_events(app, 0.3)
        steps, started = gui_latency.training_steps(window), time.perf_counter()
        gui_latency.run_events(app, args.seconds)
        in_window = ((gui_latency.training_steps(window) - steps) * settings.config.batch_size
                     / (time.perf_counter() - started))
        window.pause_training()
        gui_latency.run_events(app, 0.2)
        ratios.append(in_window / gui_latency.headless_throughput(data, settings.config, settings.architecture.sizes,
                                                                  args.seconds))
    window.close()
    app.processEvents()
    print(f"window / plain training in this process (views off: {args.without or 'none'}, "
          f"views {rates.INTERVALS['views']} s, snapshots {rates.INTERVALS['snapshot']} s): "
          f"median {100 * statistics.median(ratios):.0f} %  (rounds: {', '.join(f'{100 * r:.0f}' for r in ratios)})")


if __name__ == "__main__":
    main()
