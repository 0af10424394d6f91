"""The window on small screens: everything a lecture needs fits a 1024x768 projector in both looks and both
languages; below that the panels stack and scroll instead of squeezing buttons until they read "rase"; and
presentation mode at 1280x720 gives the curves a real share."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel

from nnviz.app.i18n import CHINESE, ENGLISH, install_language
from nnviz.app.panels import ElidedLabel
from nnviz.app.widgets.fitted_label import FittedLabel
from nnviz.appmodel.runs import EarlierRun, RunCurves
from nnviz.appmodel.snapshot import TrainingStatus
from nnviz.appmodel.timeline import Moment
from nnviz.appmodel.training_session import TrainingSettings
from nnviz.app.theme import apply_theme
from nnviz.app.window_layout import NARROW, WIDE
from window_helpers import DIGITS, draw, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(autouse=True)
def everyday_look_and_english_afterwards(qapp):
    yield
    install_language(ENGLISH)
    apply_theme(qapp)


def sized(qtbot, width, height, presenting=False, language=ENGLISH):
    install_language(language)
    window = make_window(qtbot, options={"size": (width, height), "size_given": True})
    draw(window.canvas, DIGITS[7][0])
    window.set_presenting(presenting, full_screen=False)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().toTuple() == (width, height), timeout=2000)
    settle(qtbot, window)
    return window


def settle(qtbot, window) -> None:
    """Wait until the splitters have shared out their room (on a later turn of the event loop, later still on
    a loaded machine): two looks 60 ms apart agree."""
    def looks():
        return window.centralWidget().widget().size().toTuple(), [s.sizes() for s in window.splitters().values()]

    seen = None
    for _ in range(50):
        qtbot.wait(60)
        now = looks()
        if now == seen:
            return
        seen = now


def clipped_buttons(window) -> list[str]:
    """The texts of visible buttons narrower than their text (and icon)."""
    clipped = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text() or button.window() is not window:
            continue
        need = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
        if not button.icon().isNull() or isinstance(button, QCheckBox):
            need += button.iconSize().width()
        if button.width() < need + 4:
            clipped.append(button.text())
    return clipped


def cut_labels(window) -> list[str]:
    """One-line labels narrower than their text (those that elide or shrink their text on purpose aside)."""
    return [label.text() for label in window.findChildren(QLabel)
            if label.isVisible() and label.window() is window and label.text() and not label.wordWrap()
            and "<" not in label.text() and not isinstance(label, (ElidedLabel, FittedLabel))
            and label.width() + 1 < label.fontMetrics().horizontalAdvance(label.text())]


def on_screen(window, widget) -> bool:
    """Shown, not empty, and wholly inside the part of the window the scroll area shows."""
    if not widget.isVisible() or widget.width() < 20 or widget.height() < 20:
        return False
    viewport = window.centralWidget().viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(top_left) and viewport.rect().contains(top_left + widget.rect().bottomRight())


@pytest.mark.parametrize("language", [ENGLISH, CHINESE])
@pytest.mark.parametrize("presenting", [False, True], ids=["everyday", "presenting"])
def test_everything_a_lecture_needs_fits_a_1024x768_projector(qtbot, presenting, language):
    window = sized(qtbot, 1024, 768, presenting, language)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 740
    assert window.minimumSize().width() <= 1024 and window.minimumSize().height() <= 740
    assert window.window_layout.mode() != NARROW  # three columns...
    content = window.centralWidget().widget()
    assert content.minimumSizeHint().width() <= window.centralWidget().viewport().width()
    assert window.centralWidget().horizontalScrollBar().maximum() == 0  # ...and nothing to scroll to
    assert window.centralWidget().verticalScrollBar().maximum() == 0
    for widget in (window.canvas, window.prediction_label, window.probabilities, window.network_view,
                   window.training_panel.train_button, window.loss_plot):
        assert on_screen(window, widget), widget.objectName()
    assert clipped_buttons(window) == []
    assert cut_labels(window) == []
    prediction = window.prediction_label
    assert QFontMetricsF(prediction.shown_font()).horizontalAdvance(prediction.text()) <= prediction.width()


@pytest.mark.parametrize("presenting, language", [(True, ENGLISH), (False, CHINESE)])
def test_the_timeline_and_an_earlier_run_fit_a_1024x768_projector_too(qtbot, presenting, language):
    window = sized(qtbot, 1024, 768, presenting, language)
    for position in (0.0, 0.5, 1.0):
        window._on_moment(Moment(position, window.snapshot()))
    window.earlier_runs.add(EarlierRun(1, TrainingSettings(), RunCurves(
        np.linspace(0, 1, 50), np.linspace(2, 0.3, 50), np.array([1.0]), np.array([0.35]), np.array([0.9]))))
    window._show_runs()
    window.timeline_bar.choose(1)
    settle(qtbot, window)
    assert window.timeline_bar.isVisible() and window.window_layout.mode() != NARROW
    assert window.centralWidget().verticalScrollBar().maximum() == 0
    assert window.timeline_bar.slider.width() >= 80 and on_screen(window, window.loss_panel.runs_button)
    assert clipped_buttons(window) == [] and cut_labels(window) == []
    data = window.loss_plot.getPlotItem().getViewBox().sceneBoundingRect()
    assert data.height() >= 40 and not data.intersects(window.loss_plot.legend_rect())  # curves keep room


@pytest.mark.parametrize("presenting", [False, True], ids=["everyday", "presenting"])
def test_below_that_the_panels_stack_and_scroll_instead_of_clipping(qtbot, presenting):
    window = sized(qtbot, 800, 500, presenting)
    assert window.window_layout.mode() == NARROW
    scroll = window.centralWidget()
    assert scroll.horizontalScrollBar().maximum() == 0  # the columns fit across...
    assert scroll.verticalScrollBar().maximum() > 0  # ...the training column is under them
    assert clipped_buttons(window) == [] and cut_labels(window) == []
    assert window.training_panel.train_button.isVisible()
    start = window.training_panel.train_button
    scroll.ensureWidgetVisible(start)
    assert on_screen(window, start)
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.window_layout.mode() != NARROW, timeout=2000)
    assert window.splitters()["columns"].count() == 3  # the training column is back on the right


def test_a_wide_window_shows_the_activations_beside_the_weight_tiles(qtbot):
    window = sized(qtbot, 1920, 1080)
    assert window.window_layout.mode() == WIDE
    activations, weights = window.panels["activations"], window.panels["weights"]
    assert activations.geometry().top() == weights.geometry().top() and activations.x() < weights.x()
    window.apply_pending()
    tiles = window.weights_view
    assert len(tiles.shown_neurons()) % tiles.columns() == 0  # whole rows of weight tiles: nothing ragged
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.window_layout.mode() != WIDE, timeout=2000)
    qtbot.waitUntil(lambda: activations.geometry().bottom() < weights.geometry().top(), timeout=2000)


def test_presenting_at_1280x720_gives_the_curves_a_real_share(qtbot):
    window = sized(qtbot, 1280, 720, presenting=True)
    plot = window.loss_plot
    assert plot.width() >= 0.3 * 1280 and plot.height() >= 340, plot.size()  # it was about 180x200
    assert on_screen(window, plot)


def test_presenting_the_idle_progress_bar_is_not_an_empty_box(qtbot):
    window = sized(qtbot, 1280, 720, presenting=True)
    panel = window.training_panel
    assert not panel.progress.isVisible()  # nothing to show yet: only the words say "ready"
    assert panel.progress_label.isVisible() and panel.progress_label.text()
    panel.set_status(TrainingStatus(state="running", epoch=1, epochs=8, epoch_fraction=0.3, samples_per_s=9000,
                                    eta_s=60))
    assert panel.progress.isVisible() and panel.progress.value() > 0
    window.set_presenting(False)
    assert panel.progress.isVisible()  # the everyday bar says it all in its own text


def test_presenting_start_and_the_progress_words_are_never_scrolled_away(qtbot):
    window = sized(qtbot, 1280, 720, presenting=True, language=CHINESE)
    panel = window.training_panel
    panel.set_status(TrainingStatus(state="running", epoch=1, epochs=8, epoch_fraction=0.2, samples_per_s=5980,
                                    eta_s=72))
    scroll = window.panels["training"].body

    def whole(widget) -> bool:
        top = widget.mapTo(scroll.viewport(), widget.rect().topLeft())
        return scroll.viewport().rect().contains(top) and scroll.viewport().rect().contains(
            top + widget.rect().bottomRight())

    qtbot.waitUntil(lambda: panel.progress_label.isVisible() and whole(panel.progress_label), timeout=2000)
    assert whole(panel.train_button) and whole(panel.speed_box)


def test_a_status_message_has_the_whole_status_bar(qtbot):
    window = sized(qtbot, 1280, 720)
    window.statusBar().showMessage("epoch 3: test accuracy 97.7 %, training loss 0.039 (2.4 s)")
    assert not window.model_label.isVisible()  # the model line does not cut the message short
    window.statusBar().clearMessage()
    assert window.model_label.isVisible()


def test_the_window_opens_no_larger_than_the_screen_it_opens_on():
    from nnviz.app.window_layout import fitted_size

    assert fitted_size((1600, 900), (1024, 738)) == (1024, 738)  # a projector: the whole window on it
    assert fitted_size((1600, 900), (1920, 1050)) == (1600, 900)  # room enough: the size asked for
    assert fitted_size((1600, 900), (1280, 1000)) == (1280, 900)


def test_a_size_asked_for_is_kept_and_the_default_one_is_fitted_to_the_screen(qtbot, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from nnviz.app.main_window import MainWindow
    from nnviz.appmodel.app_options import AppOptions

    monkeypatch.setattr(QScreen, "availableGeometry", lambda screen: QRect(0, 0, 1024, 768))  # a projector
    asked = MainWindow(AppOptions(size=(1400, 800), size_given=True))
    qtbot.addWidget(asked)
    assert asked.size().toTuple() == (1400, 800)
    default = MainWindow(AppOptions())
    qtbot.addWidget(default)
    assert default.width() <= 1024 and default.height() <= 768 - 30
