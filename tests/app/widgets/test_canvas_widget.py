"""The drawing canvas, driven with real mouse events: ink, undo, clear, erasing, pen width, files."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDropEvent,
    QImage,
    QInputDevice,
    QMouseEvent,
    QPainter,
    QPen,
    QPointingDevice,
    QTabletEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication

from nnviz.app.widgets.canvas import DEFAULT_PEN_WIDTH, RESOLUTION, Canvas
from nnviz.app.widgets.picture_file import ink_from_grey
from nnviz.errors import DataFileError

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton


def send_mouse(widget, kind, pos, button, buttons):
    point = QPointF(*pos)
    event = QMouseEvent(kind, point, QPointF(widget.mapToGlobal(point)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def stroke(widget, points, button=LEFT, on_move=None):
    """Press at the first point, move through the others (button held), release at the last."""
    send_mouse(widget, QEvent.Type.MouseButtonPress, points[0], button, button)
    for point in points[1:]:
        send_mouse(widget, QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, button)
        if on_move is not None:
            on_move()
    send_mouse(widget, QEvent.Type.MouseButtonRelease, points[-1], button, Qt.MouseButton.NoButton)


def line(start, end, steps=12):
    return [tuple(np.array(start) + (np.array(end) - np.array(start)) * t) for t in np.linspace(0, 1, steps)]


@pytest.fixture
def canvas(shown):
    return shown(Canvas(), RESOLUTION, RESOLUTION)  # one widget pixel per canvas pixel: easy to reason about


def test_starts_empty_with_the_contract_defaults(canvas):
    assert canvas.objectName() == "canvas"
    assert canvas.is_empty()
    assert canvas.pen_width() == DEFAULT_PEN_WIDTH == 18
    assert not canvas.eraser()
    image = canvas.image()
    assert image.shape == (280, 280) and image.dtype == np.float32 and image.max() == 0.0


def test_a_stroke_leaves_ink_along_its_path_and_nowhere_else(canvas):
    stroke(canvas, line((40, 140), (240, 140)))
    image = canvas.image()
    assert not canvas.is_empty()
    assert (image[140, 40:241] > 0.9).all()  # along the stroke
    assert image[140 - 20:, :].max() <= 1.0 and image.min() >= 0.0
    assert image[:100].max() == 0.0 and image[180:].max() == 0.0  # far from it: black
    assert image[140, 10] == 0.0  # before its start (beyond the round cap)


def test_image_changed_fires_while_the_pen_moves_not_only_on_release(canvas, qtbot):
    received = []
    canvas.imageChanged.connect(received.append)
    counts_during_moves = []
    stroke(canvas, line((50, 50), (200, 200), steps=6), on_move=lambda: counts_during_moves.append(len(received)))
    assert counts_during_moves == sorted(counts_during_moves)
    assert counts_during_moves[0] >= 2  # press and the first move already emitted
    assert all(b > a for a, b in zip(counts_during_moves, counts_during_moves[1:]))  # one per move
    assert all(isinstance(image, np.ndarray) and image.shape == (280, 280) for image in received)
    assert received[1][50:60, 50:60].max() > 0.5  # the second emission already shows the stroke's start


def test_release_finishes_the_stroke(canvas, qtbot):
    with qtbot.waitSignal(canvas.strokeFinished, timeout=1000):
        stroke(canvas, line((100, 100), (150, 120)))


def test_undo_removes_only_the_last_stroke(canvas, qtbot):
    stroke(canvas, line((40, 60), (240, 60)))
    stroke(canvas, line((40, 200), (240, 200)))
    with qtbot.waitSignal(canvas.imageChanged, timeout=1000):
        canvas.undo()
    image = canvas.image()
    assert (image[60, 40:241] > 0.9).all()
    assert image[200].max() == 0.0
    canvas.undo()
    assert canvas.is_empty()
    canvas.undo()  # nothing left to undo: no error
    assert canvas.is_empty()


def test_clear_empties_the_canvas_and_can_be_undone(canvas, qtbot):
    stroke(canvas, line((40, 60), (240, 200)))
    with qtbot.waitSignal(canvas.imageChanged, timeout=1000) as blocker:
        canvas.clear()
    assert canvas.is_empty() and blocker.args[0].max() == 0.0
    canvas.undo()
    assert not canvas.is_empty()


def test_right_button_erases(canvas):
    stroke(canvas, line((40, 140), (240, 140)))
    stroke(canvas, line((140, 60), (140, 220)), button=RIGHT)
    image = canvas.image()
    assert image[140, 140] == 0.0  # erased where the strokes cross
    assert (image[140, 40:100] > 0.9).all() and (image[140, 180:241] > 0.9).all()


def test_eraser_toggle_makes_the_left_button_erase(canvas, qtbot):
    stroke(canvas, line((40, 140), (240, 140)))
    with qtbot.waitSignal(canvas.eraserChanged, timeout=1000) as blocker:
        canvas.set_eraser(True)
    assert blocker.args == [True] and canvas.eraser()
    stroke(canvas, line((140, 60), (140, 220)))
    assert canvas.image()[140, 140] == 0.0
    canvas.set_eraser(False)
    stroke(canvas, line((140, 60), (140, 220)))
    assert canvas.image()[140, 140] > 0.9


def ink_thickness(canvas, width):
    canvas.clear()
    canvas.set_pen_width(width)
    stroke(canvas, line((40, 140), (240, 140)))
    return int((canvas.image()[:, 140] > 0.5).sum())


def test_pen_width_sets_the_stroke_width(canvas, qtbot):
    thin, default, thick = ink_thickness(canvas, 6), ink_thickness(canvas, 18), ink_thickness(canvas, 40)
    assert abs(thin - 6) <= 1 and abs(default - 18) <= 1 and abs(thick - 40) <= 1
    with qtbot.waitSignal(canvas.penWidthChanged, timeout=1000) as blocker:
        canvas.set_pen_width(24)
    assert blocker.args == [24] and canvas.pen_width() == 24
    canvas.set_pen_width(10_000)
    assert canvas.pen_width() < 100  # clamped to something drawable


def test_the_wheel_changes_the_pen_width(canvas):
    before = canvas.pen_width()
    event = QWheelEvent(QPointF(100, 100), QPointF(canvas.mapToGlobal(QPoint(100, 100))), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas, event)
    assert canvas.pen_width() == before + 4


def pen(pointer=QPointingDevice.PointerType.Pen):
    return QPointingDevice("test pen", 7, QInputDevice.DeviceType.Stylus, pointer,
                           QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2)


def send_tablet(widget, device, kind, pos, pressure, button, buttons):
    point = QPointF(*pos)
    event = QTabletEvent(kind, device, point, QPointF(widget.mapToGlobal(point)), pressure, 0.0, 0.0, 0.0, 0.0, 0.0,
                         Qt.KeyboardModifier.NoModifier, button, buttons)
    QApplication.sendEvent(widget, event)
    return event


def tablet_stroke(widget, device, points, pressure):
    send_tablet(widget, device, QEvent.Type.TabletPress, points[0], pressure, LEFT, LEFT)
    for point in points[1:]:
        send_tablet(widget, device, QEvent.Type.TabletMove, point, pressure, Qt.MouseButton.NoButton, LEFT)
    send_tablet(widget, device, QEvent.Type.TabletRelease, points[-1], 0.0, LEFT, Qt.MouseButton.NoButton)


def test_a_tablet_pen_draws_with_pressure_scaled_width(canvas):
    device = pen()
    tablet_stroke(canvas, device, line((40, 80), (240, 80)), pressure=1.0)
    tablet_stroke(canvas, device, line((40, 200), (240, 200)), pressure=0.2)
    image = canvas.image()
    firm, light = int((image[:100, 140] > 0.5).sum()), int((image[100:, 140] > 0.5).sum())
    assert abs(firm - DEFAULT_PEN_WIDTH) <= 1
    assert 4 <= light < firm / 1.5


def test_the_pens_eraser_end_erases(canvas):
    stroke(canvas, line((40, 140), (240, 140)))
    tablet_stroke(canvas, pen(QPointingDevice.PointerType.Eraser), line((140, 60), (140, 220)), pressure=1.0)
    assert canvas.image()[140, 140] == 0.0 and canvas.image()[140, 60] > 0.9


def test_the_logical_resolution_is_280_whatever_the_widget_size(canvas):
    canvas.resize(600, 400)  # wider than tall: the drawing square is 400 px, centred
    rect = canvas.drawing_rect()
    assert rect.width() == rect.height() == 400 and rect.x() == 100
    stroke(canvas, line((100 + 40, 200), (100 + 360, 200)))
    image = canvas.image()
    assert image.shape == (280, 280)
    assert (image[140, 28:252] > 0.9).all()  # 40..360 widget px -> 28..252 canvas px
    assert image[140, :10].max() == 0.0


def test_set_image_fits_any_picture_and_emits(canvas, qtbot):
    picture = np.zeros((28, 56), np.float32)
    picture[10:18, :] = 1.0  # a horizontal bar across a wide picture
    with qtbot.waitSignal(canvas.imageChanged, timeout=1000):
        canvas.set_image(picture)
    image = canvas.image()
    assert image[140, 5] > 0.9 and image[140, 275] > 0.9  # scaled to the full width
    assert image[20, 140] == 0.0  # letterboxed above
    with pytest.raises(ValueError):
        canvas.set_image(np.zeros(10))


def dark_on_light_png(path):
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("black"), 12))
    painter.drawLine(20, 50, 180, 50)
    painter.end()
    assert image.save(str(path))
    return path


def test_loading_a_picture_inverts_dark_ink_on_light_paper(canvas, tmp_path, qtbot):
    path = dark_on_light_png(tmp_path / "digit.png")
    with qtbot.waitSignal(canvas.imageChanged, timeout=1000):
        canvas.load_image_file(path)
    image = canvas.image()
    assert image[140, 140] > 0.9  # the black line became white ink in the middle
    assert image[10, 10] == 0.0 and image[140, 2] < 0.1  # the white paper became black


def drop(canvas, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    canvas.dropEvent(event)


def test_dropping_a_png_loads_it(canvas, tmp_path, qtbot):
    path = dark_on_light_png(tmp_path / "dropped.png")
    with qtbot.waitSignal(canvas.imageChanged, timeout=1000):
        drop(canvas, path)
    assert canvas.image()[140, 140] > 0.9
    canvas.undo()  # a load is undoable
    assert canvas.is_empty()


def test_a_bad_file_raises_data_file_error(canvas, tmp_path):
    bad = tmp_path / "not-a-picture.png"
    bad.write_text("hello")
    with pytest.raises(DataFileError, match="not-a-picture.png"):
        canvas.load_image_file(bad)
    with pytest.raises(DataFileError, match="no such file"):
        canvas.load_image_file(tmp_path / "missing.png")
    assert canvas.is_empty()


def test_dropping_a_bad_file_shows_the_message_instead_of_crashing(canvas, tmp_path, qtbot):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    with qtbot.waitSignal(canvas.loadFailed, timeout=1000) as blocker:
        drop(canvas, bad)
    assert "notes.txt" in blocker.args[0]
    assert canvas.message() == blocker.args[0]
    assert canvas.is_empty()


def test_npy_arrays_load_too(canvas, tmp_path):
    digit = np.zeros((28, 28), np.float32)
    digit[5:23, 13:15] = 1.0
    np.save(tmp_path / "one.npy", digit)
    canvas.load_image_file(tmp_path / "one.npy")
    assert canvas.image()[140, 140] > 0.9 and canvas.image()[140, 40] == 0.0
    np.save(tmp_path / "cube.npy", np.zeros((2, 2, 2)))
    with pytest.raises(DataFileError, match="shape"):
        canvas.load_image_file(tmp_path / "cube.npy")


def test_overlay_is_drawn_over_the_ink_and_can_be_removed(canvas):
    stroke(canvas, line((20, 30), (260, 30)))
    red = np.zeros((28, 28, 4), np.uint8)
    red[..., 0], red[..., 3] = 255, 160
    canvas.set_overlay(red)
    pixel = canvas.grab().toImage().pixelColor(140, 30)
    assert pixel.red() > 120 and pixel.green() < 100
    canvas.set_overlay(None)
    pixel = canvas.grab().toImage().pixelColor(140, 30)
    assert pixel.green() > 200  # the white ink again
    with pytest.raises(ValueError):
        canvas.set_overlay(np.zeros((28, 28), np.uint8))


def test_an_overlay_shows_in_full_on_the_strokes_and_faintly_beside_them(canvas):
    from nnviz.app.widgets.canvas import OVERLAY_OFF_INK

    stroke(canvas, line((140, 40), (140, 240)))
    blue = np.zeros((140, 140, 4), np.uint8)  # half the ink's resolution, as the saliency overlay
    blue[..., 2], blue[..., 3] = 255, 200
    canvas.set_overlay(blue)
    alpha = canvas.overlay_pixels()[..., 3]
    ink = canvas.image()
    assert alpha.shape == (RESOLUTION, RESOLUTION)
    assert np.all(alpha[ink > 0.5] == 200)  # the colours follow the strokes exactly
    assert np.all(alpha[ink == 0] == round(200 * OVERLAY_OFF_INK))


def test_the_overlay_caption_names_its_colours_where_it_hides_the_least_ink(canvas):
    from nnviz.app.widgets.canvas import OverlayCaption

    red = np.zeros((28, 28, 4), np.uint8)
    red[..., 0], red[..., 3] = 255, 160
    caption = OverlayCaption("Why 7?", (("#d6604d", "this ink speaks for 7"), ("#4393c3", "and this against")))
    stroke(canvas, line((40, 40), (240, 60)))  # ink at the top
    canvas.set_overlay(red, caption)
    assert canvas.overlay_caption() == caption
    band = canvas.caption_rect()
    assert band.top() > RESOLUTION / 2  # at the bottom, away from the ink
    canvas.clear()
    stroke(canvas, line((40, 240), (240, 250)))  # ink at the bottom
    canvas.set_overlay(red, caption)
    assert canvas.caption_rect().bottom() < RESOLUTION / 2
    shown = canvas.grab().toImage()
    chip = shown.pixelColor(round(band.left() + 12), round(canvas.caption_rect().bottom() - 14))
    assert (chip.red(), chip.green(), chip.blue()) in ((0x43, 0x93, 0xc3), (0xd6, 0x60, 0x4d))  # a key's colour
    canvas.set_overlay(None, caption)
    assert canvas.overlay_caption() is None and canvas.caption_rect() is None


def test_the_widget_shows_the_ink(canvas):
    stroke(canvas, line((40, 140), (240, 140)))
    shown = canvas.grab().toImage()
    assert shown.pixelColor(140, 140).lightness() > 230
    assert shown.pixelColor(140, 40).lightness() < 40


def test_ink_from_grey_handles_both_polarities_and_transparency():
    light_ink = np.zeros((20, 20), np.float32)
    light_ink[8:12, 4:16] = 0.8
    assert ink_from_grey(light_ink)[10, 10] == pytest.approx(1.0)  # stretched to full ink
    assert ink_from_grey(1.0 - light_ink)[10, 10] == pytest.approx(1.0)  # dark ink on paper, inverted
    assert ink_from_grey(1.0 - light_ink)[0, 0] == 0.0
    alpha = (light_ink > 0).astype(np.float32)
    black_ink = np.zeros((20, 20), np.float32)  # black strokes on a transparent background
    result = ink_from_grey(black_ink, alpha)
    assert result[10, 10] == pytest.approx(1.0) and result[0, 0] == 0.0
