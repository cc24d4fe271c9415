"""The one font family every rrdesk PDF uses: DejaVu Sans, shipped in ``resources/fonts/``.

The PDF standard fonts (Helvetica and friends) cannot show names such as Ŵyn, Łódź, Ștefan or
Nguyễn and are never embedded, so nothing rrdesk writes uses them. The TrueType files are
registered once per process and embedded (as subsets) in every document.
"""

from __future__ import annotations

import io
import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from rrdesk.resource_files import resource

FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)
_lock = threading.Lock()
_registered = False


def font_file_bytes(face: str = REGULAR) -> bytes:
    """The TrueType file of one face, as shipped."""
    if face not in _FACES:
        raise ValueError(f"rrdesk ships no font face called {face!r}")
    return resource("fonts", f"{face}.ttf").read_bytes()


def register_fonts() -> str:
    """Register the family with reportlab (once) and return its name for styles."""
    global _registered
    with _lock:
        if not _registered:
            for face in _FACES:
                pdfmetrics.registerFont(TTFont(face, io.BytesIO(font_file_bytes(face))))
            pdfmetrics.registerFontFamily(
                FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
            )
            addMapping(FAMILY, 0, 0, REGULAR)
            addMapping(FAMILY, 1, 0, BOLD)
            addMapping(FAMILY, 0, 1, ITALIC)
            addMapping(FAMILY, 1, 1, BOLD_ITALIC)
            _registered = True
    return FAMILY


def missing_characters(text: str, face: str = REGULAR) -> str:
    """The characters of ``text`` the face has no glyph for (in order, once each).

    reportlab has no per-glyph fallback, so callers can warn before a name prints as boxes.
    """
    register_fonts()
    font = pdfmetrics.getFont(face)
    known = font.face.charToGlyph
    missing: list[str] = []
    for char in text:
        if char.isspace() or ord(char) in known or char in missing:
            continue
        missing.append(char)
    return "".join(missing)
