"""The README's pictures of the window, made the way a user sees it: the sample 7 drawn, and optionally a
few epochs trained on MNIST first, so the curves, weight tiles and status show a run that is going on.

    QT_QPA_PLATFORM=offscreen python tools/make_screenshots.py assets/screenshot_training.png \
        --size 1920x1080 --epochs 3 [--language zh_CN] [--present]

MNIST is read from $NNVIZ_DATA (or the user's data folder), as the window itself reads it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="nnviz-screenshots-")  # the defaults, not this user's


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the PNG to write")
    parser.add_argument("--size", default="1920x1080", help="window size WxH")
    parser.add_argument("--epochs", type=int, default=0, help="epochs to train first (0: the shipped model, idle)")
    parser.add_argument("--language", default="en")
    parser.add_argument("--present", action="store_true")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))

    import nnviz.app  # noqa: F401  (Qt work-arounds first)
    from PySide6.QtWidgets import QApplication

    from nnviz.app.i18n import install_language
    from nnviz.app.launch import SAMPLE_DIGIT, _process_events_until, _wait_until_shown, save_grab
    from nnviz.app.main_window import MainWindow
    from nnviz.appmodel.snapshot import RunState
    from nnviz.app.theme import apply_theme
    from nnviz.appmodel.app_options import AppOptions
    from nnviz.resources import asset_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    install_language(args.language)
    window = MainWindow(AppOptions(size=(width, height), size_given=True))
    if args.present:
        window.set_presenting(True, full_screen=False)
    window.show()
    _wait_until_shown(window)
    window.canvas.load_image_file(asset_path(SAMPLE_DIGIT))
    if args.epochs:
        window.start_training()
        if not _process_events_until(lambda: len(window.loss_plot.accuracy_data()[0]) >= args.epochs, 600):
            print("tools/make_screenshots.py: training did not reach the epochs asked for", file=sys.stderr)
            return 1
        window.pause_training()
        _process_events_until(lambda: window._training_state == RunState.PAUSED, 10)
    _process_events_until(lambda: bool(window.prediction()), 10)
    window.apply_pending()
    return save_grab(window, args.out)


if __name__ == "__main__":
    sys.exit(main())
