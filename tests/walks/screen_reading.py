"""Reading the screen back as a person reads it: a screenshot turned into words by tesseract,
each word with where it is, and whether the words read include a text."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

EDGES = ".,:;|[](){}'\"‘’“”"  # what the reader takes a button's or a tab's edge for


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int

    @property
    def centre(self) -> tuple[int, int]:
        return self.left + self.width // 2, self.top + self.height // 2


def ocr(image: Path, kind: str, *, sparse: bool = False) -> str:
    """What tesseract reads in ``image``: plain text, or ``tsv`` with where each word is;
    ``sparse`` reads it as scattered words (page segmentation mode 11) rather than as a page."""
    done = subprocess.run(
        [
            "tesseract",
            str(image),
            "stdout",
            *(["--psm", "11"] if sparse else []),
            *([kind] if kind == "tsv" else []),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def shows(seen: str, text: str) -> bool:
    """Whether the words read include ``text``, however the reader spaced them ("Agencyforms")."""
    return "".join(text.split()) in "".join(seen.split())


# A main action's button in the house style (resources/style.qss), as a person sees it: filled
# with the house colour, darker under the pointer, or the keyboard's yellow when it has the
# keyboard, inside a line of the darker house colour.
KEYBOARD_YELLOW = (0xFF, 0xBF, 0x47)
MAIN_BUTTON_FILLS = ((0x1D, 0x5C, 0x63), (0x15, 0x44, 0x48), KEYBOARD_YELLOW)
MAIN_BUTTON_LINE = (0x12, 0x3C, 0x41)


def main_buttons(
    image: Path, fills: tuple[tuple[int, int, int], ...] = MAIN_BUTTON_FILLS
) -> list[Word]:
    """Where the house-coloured buttons are in a screenshot (their light words the reader does
    not read): each a block of one fill, from 40 to 400 pixels wide and 20 to 60 high, with
    the darker line all round. A selected row's cells, the house colour too, have the
    table's grey lines round them, so they are not taken for buttons. ``fills`` can narrow
    them to the one with the keyboard: ``(KEYBOARD_YELLOW,)``."""
    from PIL import Image  # Pillow, which ReportLab brings

    with Image.open(image) as opened:
        picture = opened.convert("RGB")
    width, height = picture.size
    data = picture.tobytes()

    def pixel(x: int, y: int) -> tuple[int, ...]:
        at = 3 * (y * width + x)
        return tuple(data[at : at + 3])

    rows: dict[tuple[int, int, tuple[int, int, int]], list[int]] = {}
    for fill in fills:
        run = re.compile(b"(?:" + re.escape(bytes(fill)) + b"){40,400}")
        for y in range(height):
            line = data[3 * y * width : 3 * (y + 1) * width]
            for found in run.finditer(line):
                if found.start() % 3 == 0:
                    left, right = found.start() // 3, found.end() // 3 - 1
                    rows.setdefault((left, right, fill), []).append(y)
    buttons = []
    for (left, right, fill), ys in rows.items():
        top, bottom = min(ys), max(ys)
        if not 20 <= bottom - top + 1 <= 60 or left == 0 or top == 0:
            continue
        if right + 1 >= width or bottom + 1 >= height:
            continue
        edges = [pixel(left - 1, y) for y in range(top, bottom + 1)]
        edges += [pixel(right + 1, y) for y in range(top, bottom + 1)]
        edges += [pixel(x, top - 1) for x in range(left, right + 1)]
        edges += [pixel(x, bottom + 1) for x in range(left, right + 1)]
        inside = [pixel(left, y) for y in range(top, bottom + 1)]
        if all(edge == MAIN_BUTTON_LINE for edge in edges) and all(p == fill for p in inside):
            buttons.append(Word("", left, top, right - left + 1, bottom - top + 1))
    return sorted(buttons, key=lambda b: (b.top, b.left))
