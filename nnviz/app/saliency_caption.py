"""What the saliency overlay on the canvas means, in words: "Why 7?" and a key for its two colours.

The overlay (see :func:`nnviz.app.inspection.saliency_overlay`) paints the strokes red or blue; without
a key a student has to guess which colour is which, and for which digit.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nnviz.app.colormaps import NEGATIVE, POSITIVE
from nnviz.app.widgets.canvas import OverlayCaption


def why_caption(predicted: int, method: str = "gradient") -> OverlayCaption:
    """The caption of a saliency map of class ``predicted`` made by ``method`` ("gradient" or "occlusion")."""
    title = QCoreApplication.translate("SaliencyCaption", "Why {0}?").format(predicted)
    if method == "occlusion":
        key = ((POSITIVE, QCoreApplication.translate("SaliencyCaption", "covering this makes {0} less likely")),
               (NEGATIVE, QCoreApplication.translate("SaliencyCaption", "covering this makes {0} more likely")))
    else:
        key = ((POSITIVE, QCoreApplication.translate("SaliencyCaption", "this ink speaks for {0}")),
               (NEGATIVE, QCoreApplication.translate("SaliencyCaption", "this ink speaks against {0}")))
    return OverlayCaption(title, tuple((colour, text.format(predicted)) for colour, text in key))
