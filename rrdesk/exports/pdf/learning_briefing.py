"""The 7-minute briefing: seven numbered boxes, two to a row and the seventh across the foot.

Text is never shrunk to fit: it stays at 9 pt and the boxes flow on to a second page instead.
The page is marked as the briefing says (OFFICIAL when anonymised for sharing, unless the
partnership sets another marking).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from rrdesk.domain.after_meeting.learning_briefing import BriefingBox, LearningBriefing
from rrdesk.exports.pdf.house_style import CONTENT_WIDTH, RULE, SHADE, para, styles
from rrdesk.exports.pdf.page_layout import DocumentInfo, build_pdf

SUBJECT = "7-minute briefing"
SMALLEST_TEXT = 9.0
_ACCENT = colors.HexColor("#1d70b8")
_WARNING_INK = colors.HexColor("#b0240f")


def _box(box: BriefingBox) -> list[Flowable]:
    house = styles()
    point = ParagraphStyle("briefing_point", parent=house.cell, fontSize=SMALLEST_TEXT)
    content: list[Flowable] = [para(f"{box.number}. {box.title}", house.heading2)]
    points = box.points or ("Nothing recorded.",)
    content.extend(para(f"• {text}", point) for text in points)
    return content


def render_learning_briefing(briefing: LearningBriefing) -> bytes:
    """Boxes 1 to 6 in two columns, box 7 across the foot; a row that does not fit goes on to
    the next page."""
    half = CONTENT_WIDTH / 2
    boxes = briefing.boxes
    rows: list[list[object]] = [
        [_box(boxes[0]), _box(boxes[1])],
        [_box(boxes[2]), _box(boxes[3])],
        [_box(boxes[4]), _box(boxes[5])],
        [_box(boxes[6]), ""],
    ]
    table = Table(rows, colWidths=[half, half], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 3), (1, 3)),
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.8, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 3), (1, 3), SHADE),
                ("LINEABOVE", (0, 0), (-1, 0), 3, _ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story: list[Flowable] = []
    if briefing.criminal_process_warning:
        warning = ParagraphStyle(
            "briefing_warning", parent=styles().body, textColor=_WARNING_INK, fontSize=10
        )
        story.append(para(briefing.criminal_process_warning, warning))
    story.append(table)
    info = DocumentInfo(
        title=briefing.title,
        partnership=briefing.partnership,
        subject=SUBJECT,
        subtitle=f"{briefing.partnership} · anonymised for sharing with practitioners",
        marking=briefing.marking,
    )
    return build_pdf(info, story)
