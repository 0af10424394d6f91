"""Filming while the window trains: training throughput with a film being recorded against without, in the same
window and process, in alternating rounds, and what the film costs (frames, size).

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE QT_QPA_PLATFORM=offscreen python bench/record_while_training.py

Goal (issue 19): throughput while recording >= 80 % of not recording, at 1280x720, 10 frames a second (GIF).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gui_latency import default_data_dir, run_events, show_window, training_steps  # noqa: E402


def phase(app, window, seconds: float, film: Path | None) -> float:
    """Training samples a second over ``seconds``, filming the whole window into ``film`` meanwhile or not."""
    steps0, t0, cpu0 = training_steps(window), time.perf_counter(), time.process_time()
    if film is not None:
        window.start_recording(window, film)
    run_events(app, seconds)
    steps1, t1 = training_steps(window), time.perf_counter()
    print(f"    {'filming' if film else 'not filming'}: the window's process used {100 * (time.process_time() - cpu0) / (t1 - t0):.0f} % of a core")
    if film is not None:
        summary = window.stop_recording()
        print(f"    film: {summary.frames} frames, {summary.bytes / 1e6:.1f} MB, dropped {summary.dropped}")
    return (steps1 - steps0) * window.training_panel.settings().config.batch_size / (t1 - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--format", choices=("gif", "mp4"), default="gif")
    parser.add_argument("--data", default=None, help="MNIST folder (default: $NNVIZ_DATA, then ../shared/data/mnist)")
    args = parser.parse_args()

    import nnviz.app  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from nnviz.app.main_window import MainWindow
    from nnviz.app.theme import apply_theme
    from nnviz.appmodel.app_options import AppOptions
    from nnviz.appmodel.training_session import TrainingSettings, mnist_loader
    from nnviz.nn import TrainConfig

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    window = MainWindow(AppOptions(size=(1280, 720), size_given=True), settings=TrainingSettings(
        config=TrainConfig(epochs=1000)), load_training_data=mnist_loader(args.data or default_data_dir()))
    show_window(app, window)
    window.reset_network()
    window.start_training()
    run_events(app, 3.0)  # MNIST read, first snapshots drawn
    plain, filming = [], []
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.rounds):
            plain.append(phase(app, window, args.seconds, None))
            filming.append(phase(app, window, args.seconds, Path(folder) / f"film{round_}.{args.format}"))
    window.pause_training()
    window.close()
    ratios = [f / p for f, p in zip(filming, plain)]
    print(f"training while filming ({args.format}, 1280x720, 10/s): median {100 * statistics.median(ratios):.0f} % "
          f"of not filming (rounds, samples/s filming/not: "
          f"{', '.join(f'{f:,.0f}/{p:,.0f}' for f, p in zip(filming, plain))})")


if __name__ == "__main__":
    main()
