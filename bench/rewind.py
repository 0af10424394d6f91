"""Rewinding: what the timeline of a 20-epoch run takes in memory, and how long the window takes to show a
moment when the slider moves to it (the diagram, weight tiles, prediction and Inspect panels redone, painted).

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE QT_QPA_PLATFORM=offscreen python bench/rewind.py

Goal (issue 19): the slider shows any epoch within 100 ms. The window trains the default 784-256-128-64-10
network for 20 epochs on all 60,000 MNIST digits (--limit for fewer), then moves the slider to every epoch in
a shuffled order, several rounds, and prints the median and the slowest.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="nnviz-bench-")  # the defaults, and this user's left alone
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gui_latency import default_data_dir, run_events, show_window  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--limit", type=int, default=None, help="train on the first N digits only")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--data", default=None, help="MNIST folder (default: $NNVIZ_DATA, then ../shared/data/mnist)")
    args = parser.parse_args()

    import nnviz.app  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from nnviz.app.main_window import MainWindow
    from nnviz.app.theme import apply_theme
    from nnviz.appmodel.app_options import AppOptions
    from nnviz.appmodel.training_session import TrainingSettings, mnist_loader
    from nnviz.nn import TrainConfig
    from nnviz.resources import asset_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    window = MainWindow(AppOptions(size=(1280, 720), size_given=True), settings=TrainingSettings(
        config=TrainConfig(epochs=args.epochs)), load_training_data=mnist_loader(args.data or default_data_dir(),
                                                                                  args.limit))
    show_window(app, window)
    window.canvas.load_image_file(asset_path("sample_digit.png"))
    window.reset_network()
    window.start_training()
    started = time.perf_counter()
    while window.training_panel.status().state != "finished":
        run_events(app, 1.0)
    run_events(app, 1.0)
    timeline = window.timeline
    print(f"trained {args.epochs} epochs on {args.limit or 60000:,} digits in {time.perf_counter() - started:.0f} s; "
          f"timeline: {len(timeline)} moments ({sum(1 for m in timeline.moments if 0 < m.position < 1)} in the first "
          f"epoch), {timeline.nbytes / 2**20:.1f} MiB (budget {timeline.budget_bytes / 2**20:.0f} MiB)")
    window.inspection.show_tab_named("histograms")  # the Inspect panel open on the histograms: redrawn too
    run_events(app, 1.0)
    epochs = [i for i, m in enumerate(timeline.moments) if m.position == int(m.position) and m.position > 0]
    times = []
    for _ in range(args.rounds):
        order = random.Random(len(times)).sample(epochs, len(epochs))
        for index in order:
            t0 = time.perf_counter()
            window.timeline_bar.slider.setValue(index)
            app.processEvents()
            window.repaint()
            times.append(time.perf_counter() - t0)
        window.timeline_bar.go_live()
        app.processEvents()
    window.close()
    print(f"slider to an epoch, shown and painted: median {1000 * statistics.median(times):.0f} ms, slowest "
          f"{1000 * max(times):.0f} ms over {len(times)} moves (goal: within 100 ms)")


if __name__ == "__main__":
    main()
