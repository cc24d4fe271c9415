"""How every rrdesk PDF looks: A4 margins, DejaVu Sans styles, colours, tables.

Paragraph and table helpers take plain (untrusted) text and escape it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from rrdesk.domain.timetable.deadlines import DAY_ZERO_CONVENTION
from rrdesk.exports.pdf import fonts
from rrdesk.exports.pdf.contents_page import OnePassContents

MARKING = "OFFICIAL-SENSITIVE"
CREATOR = "rrdesk"
DAY_ZERO_SENTENCE = DAY_ZERO_CONVENTION

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

INK = colors.HexColor("#0b0c0c")
SECONDARY_INK = colors.HexColor("#505a5f")
RULE = colors.HexColor("#b1b4b6")
SHADE = colors.HexColor("#f3f2f1")


@dataclass(frozen=True)
class HouseStyles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    heading3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle
    contents_levels: tuple[ParagraphStyle, ...]


@cache
def styles() -> HouseStyles:
    """The paragraph styles; every one names a face of the embedded family."""
    fonts.register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=10,
        leading=14,
        textColor=INK,
        spaceAfter=6,
    )
    return HouseStyles(
        title=ParagraphStyle(
            "title", parent=body, fontName=fonts.BOLD, fontSize=17, leading=21, spaceAfter=4
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, textColor=SECONDARY_INK, fontSize=10, leading=13
        ),
        heading1=ParagraphStyle(
            "heading1",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=12,
            spaceAfter=6,
            keepWithNext=1,
        ),
        heading2=ParagraphStyle(
            "heading2",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        heading3=ParagraphStyle(
            "heading3",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        body=body,
        small=ParagraphStyle(
            "small", parent=body, fontSize=8.5, leading=11, spaceBefore=3, spaceAfter=4
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=9, leading=12, spaceAfter=0),
        cell_header=ParagraphStyle(
            "cell_header", parent=body, fontName=fonts.BOLD, fontSize=9, leading=12, spaceAfter=0
        ),
        contents_levels=(
            ParagraphStyle(
                "contents1",
                parent=body,
                fontName=fonts.BOLD,
                leftIndent=0,
                firstLineIndent=0,
                spaceBefore=4,
            ),
            ParagraphStyle(
                "contents2", parent=body, leftIndent=14, firstLineIndent=0, spaceAfter=2
            ),
        ),
    )


def markup(value: str) -> str:
    """Plain text made safe for a Paragraph: markup characters escaped, line breaks kept.

    Text is put in composed form (NFC) first: reportlab does no shaping, so a letter typed as a
    base and combining accents (as some systems paste "Nguyễn") prints best as one glyph.
    """
    return escape(unicodedata.normalize("NFC", value)).replace("\r\n", "\n").replace("\n", "<br/>")


def para(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain (untrusted) text."""
    return Paragraph(markup(value), style or styles().body)


def heading(value: str, level: int = 1, *, contents: bool = True) -> Paragraph:
    """A section heading; level 1 and 2 headings go into the contents and the PDF outline."""
    house = styles()
    style = {1: house.heading1, 2: house.heading2}.get(level, house.heading3)
    paragraph = Paragraph(markup(value), style)
    paragraph._rrdesk_outline_level = level - 1 if contents and level <= 2 else None
    return paragraph


def grid_style(*, header: bool) -> list[tuple[Any, ...]]:
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    return commands


def data_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> Table:
    """A ruled table with a shaded header row repeated on each page; cells wrap."""
    house = styles()
    data: list[list[Flowable]] = [[para(text, house.cell_header) for text in header]]
    data.extend([para(text, house.cell) for text in row] for row in rows)
    table = Table(
        data,
        colWidths=[CONTENT_WIDTH * share for share in widths],
        repeatRows=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(grid_style(header=True)))
    return table


def summary_table(pairs: Sequence[tuple[str, str]], key_share: float = 0.32) -> Table:
    """Label and value pairs, the label column shaded (the GOV.UK summary list, on paper)."""
    house = styles()
    data = [[para(key, house.cell_header), para(value, house.cell)] for key, value in pairs]
    table = Table(
        data,
        colWidths=[CONTENT_WIDTH * key_share, CONTENT_WIDTH * (1 - key_share)],
        splitInRow=1,
        hAlign="LEFT",
    )
    commands = grid_style(header=False)
    commands.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def contents_table() -> OnePassContents:
    """The contents: its page numbers are written once the pages it lists are placed."""
    contents = OnePassContents(
        dotsMinLevel=0,
        tableStyle=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    contents.levelStyles = list(styles().contents_levels)
    return contents
