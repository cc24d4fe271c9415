"""Qt counts text in UTF-16 units; Python counts code points. Emoji and other characters beyond
the Basic Multilingual Plane are two units in Qt and one in Python, so positions are converted
here whenever they cross between the two."""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class TextPositions:
    """Converts positions in one text between Python indices and Qt positions."""

    def __init__(self, text: str) -> None:
        self._astral: list[int] = (
            [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        )
        self.length = len(text)
        self.qt_length = len(text) + len(self._astral)

    def to_qt(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect.bisect_left(self._astral, index)

    def to_python(self, position: int) -> int:
        if not self._astral:
            return min(position, self.length)
        low, high = 0, self.length
        while low < high:
            middle = (low + high) // 2
            if self.to_qt(middle) < position:
                low = middle + 1
            else:
                high = middle
        return low
