"""Reading the screen back as a person reads it: a screenshot turned into words by tesseract,
each word with where it is, and whether the words read include a text."""

from __future__ import annotations

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


def ocr(image: Path, kind: str) -> str:
    done = subprocess.run(
        ["tesseract", str(image), "stdout", *([kind] if kind == "tsv" else [])],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def shows(seen: str, text: str) -> bool:
    """Whether the words read include ``text``, however the reader spaced them ("Agencyforms")."""
    return "".join(text.split()) in "".join(seen.split())
