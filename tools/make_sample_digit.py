"""Write assets/sample_digit.png: a mouse-drawn-looking 7 (round antialiased strokes, white on black,
280x280, the canvas's size) that ``nnviz --screenshot`` puts on the canvas.

    QT_QPA_PLATFORM=offscreen python tools/make_sample_digit.py
"""

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parents[1] / "assets" / "sample_digit.png"


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(280, 280, QImage.Format.Format_Grayscale8)
    image.fill(QColor("black"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), 20, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    stroke = QPainterPath(QPointF(72, 70))
    stroke.cubicTo(QPointF(120, 62), QPointF(170, 66), QPointF(206, 64))  # the top bar, slightly wavy
    stroke.cubicTo(QPointF(180, 120), QPointF(150, 170), QPointF(128, 222))  # the long diagonal
    painter.drawPath(stroke)
    painter.drawLine(QPointF(118, 142), QPointF(184, 138))  # the crossbar many people draw
    painter.end()
    image.save(str(OUT))
    print(f"wrote {OUT}")
    del app


if __name__ == "__main__":
    main()
