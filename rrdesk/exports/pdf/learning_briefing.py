"""The one-page 7-minute briefing: seven numbered boxes on a single A4 page."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Table, TableStyle

from rrdesk.domain.after_meeting.learning_briefing import BriefingBox, LearningBriefing
from rrdesk.exports.pdf.house_style import (
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    PAGE_HEIGHT,
    RULE,
    SHADE,
    para,
    styles,
)
from rrdesk.exports.pdf.page_layout import DocumentInfo, build_pdf

SUBJECT = "7-minute briefing"
_ACCENT = colors.HexColor("#1d70b8")
_BOX_HEIGHT = (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 50 * mm) / 4


def _box(box: BriefingBox, width: float) -> Flowable:
    house = styles()
    content: list[Flowable] = [para(f"{box.number}. {box.title}", house.heading2)]
    points = box.points or ("Nothing recorded.",)
    content.extend(para(f"• {point}", house.cell) for point in points)
    return KeepInFrame(width - 8, _BOX_HEIGHT - 8, content, mode="shrink")


def render_learning_briefing(briefing: LearningBriefing) -> bytes:
    """One page: boxes 1 to 6 in two columns, box 7 across the foot."""
    half = CONTENT_WIDTH / 2
    boxes = briefing.boxes
    rows = [
        [_box(boxes[0], half), _box(boxes[1], half)],
        [_box(boxes[2], half), _box(boxes[3], half)],
        [_box(boxes[4], half), _box(boxes[5], half)],
        [_box(boxes[6], CONTENT_WIDTH), ""],
    ]
    table = Table(rows, colWidths=[half, half], rowHeights=[_BOX_HEIGHT] * 4)
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 3), (1, 3)),
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.8, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 3), (1, 3), SHADE),
                ("LINEABOVE", (0, 0), (-1, 0), 3, _ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    info = DocumentInfo(
        title=briefing.title,
        partnership=briefing.partnership,
        subject=SUBJECT,
        subtitle=f"{briefing.partnership} · anonymised for sharing with practitioners",
    )
    return build_pdf(info, [table])
