"""One naming of the layers everywhere in the window, so that a student who reads "hidden 2" in the diagram
finds "hidden 2" in the activations, the histograms and the hidden-layer map too.

A network of L weight layers has layers 0..L: "input", "hidden 1" .. "hidden L-1", "output". Where a
caption has no room the short forms "in", "h1", "out" stand in (the tooltip then says the whole name).
A weight layer is named by the two layers it connects: "input → hidden 1".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def layer_name(layer: int, n_layers: int, short: bool = False) -> str:
    """The name of layer ``layer`` (0 = input .. ``n_layers`` = output)."""
    if layer == 0:
        return QCoreApplication.translate("Layers", "in") if short else QCoreApplication.translate("Layers", "input")
    if layer == n_layers:
        return QCoreApplication.translate("Layers", "out") if short else QCoreApplication.translate("Layers", "output")
    if short:
        return QCoreApplication.translate("Layers", "h{0}").format(layer)
    return QCoreApplication.translate("Layers", "hidden {0}").format(layer)


def weights_name(layer: int, n_layers: int) -> str:
    """The weights into layer ``layer`` (1..n_layers): "input → hidden 1"."""
    return QCoreApplication.translate("Layers", "{0} → {1}").format(layer_name(layer - 1, n_layers),
                                                                    layer_name(layer, n_layers))
