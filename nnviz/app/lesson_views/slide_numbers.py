"""Numbers as a slide shows them: four decimals, trailing zeros dropped (0.9991, 0.3, 7), a real minus sign;
the full value for the tooltip (0.9990889488055994), where a curious student can still find it.
"""

from __future__ import annotations

import numpy as np

PLACES = 4
MINUS = "\u2212"


def slide_number(value: float, places: int = PLACES) -> str:
    """``value`` rounded to ``places`` decimals, without trailing zeros: 0.9991, 0.3, 1.1, 7, −0.25."""
    text = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace("-", MINUS)


def full_number(value: float) -> str:
    """Every digit Python keeps (the shortest text that reads back as the same float)."""
    return repr(float(value)).replace("-", MINUS)


def slide_vector(values, number=slide_number) -> str:
    """[0.5744, 0.6682, 0.7503]: a vector's numbers, each as ``number`` writes it."""
    return "[" + ", ".join(number(v) for v in np.asarray(values).ravel()) + "]"


def slide_matrix(values, number=slide_number) -> str:
    """[[0.1, 0.3], [0.2, 0.4]]: a matrix, one bracket per row."""
    return "[" + ", ".join(slide_vector(row, number) for row in np.asarray(values)) + "]"
