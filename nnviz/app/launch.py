"""Starting the window: QApplication, theme, model, and the ``--screenshot`` and ``--log-predictions`` modes."""

from __future__ import annotations

import os
import sys

from nnviz.cli import AppOptions

SAMPLE_DIGIT = "sample_digit.png"


def run_app(options: AppOptions) -> int:
    if options.screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import nnviz.app  # noqa: F401  (Qt workarounds before any widget exists)
    from PySide6.QtWidgets import QApplication

    from nnviz.app.drawing_window import DrawingWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("nnviz")
    app.setOrganizationName("nnviz")
    _apply_theme(app)
    window = DrawingWindow(options.model, log_predictions=options.log_predictions)
    window.resize(*options.size)
    if options.screenshot:
        return screenshot(app, window, options.screenshot)
    window.show()
    return app.exec()


def screenshot(app, window, path: str) -> int:
    """Show the window with the sample digit on the canvas, render it to ``path`` and return."""
    from nnviz.errors import NnvizError
    from nnviz.resources import asset_path

    window.show()
    try:
        window.canvas.load_image_file(asset_path(SAMPLE_DIGIT))
    except NnvizError as error:
        window.statusBar().showMessage(str(error))
    for _ in range(5):  # let layouts settle and throttled redraws land
        app.processEvents()
    for view in (window.network, window.weights):
        getattr(view, "apply_pending", lambda: None)()
    app.processEvents()
    if not window.grab().save(path):
        print(f"nnviz: error: cannot write the screenshot to {path}", file=sys.stderr)
        return 2
    window.close()
    return 0


def _apply_theme(app) -> None:
    try:
        from nnviz.app.theme import apply_theme
    except ImportError:
        return
    apply_theme(app)
