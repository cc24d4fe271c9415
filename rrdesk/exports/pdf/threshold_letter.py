"""The letter to the referrer as a PDF in the house style: the partnership's contact details at
the top, then the letter, at the size the letter asks for (12 pt to a family)."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from rrdesk.domain.after_meeting.threshold_letter import ThresholdLetter
from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.pdf.house_style import para, styles
from rrdesk.exports.pdf.page_layout import DocumentInfo, build_pdf

SUBJECT = "Letter to the referrer: threshold not met"


def _sized(base: ParagraphStyle, name: str, size: float, **changes: object) -> ParagraphStyle:
    return ParagraphStyle(name, parent=base, fontSize=size, leading=size * 1.4, **changes)


def render_threshold_letter(letter: ThresholdLetter, partnership: str) -> bytes:
    house = styles()
    size = letter.font_size
    body = _sized(house.body, "letter_body", size, spaceAfter=size * 0.7)
    plain = _sized(house.body, "letter_line", size, spaceAfter=0)
    strong = _sized(house.heading3, "letter_signatory", size, spaceBefore=0)
    contact = _sized(house.small, "letter_contact", max(size - 1, 9), alignment=TA_RIGHT)
    story: list[Flowable] = []
    for line in letter.contact:
        story.append(para(line, contact))
    if letter.contact:
        story.append(Spacer(1, 6 * mm))
    for line in letter.addressee:
        story.append(para(line, plain))
    story.append(Spacer(1, 4 * mm))
    story.append(para(format_date(letter.dated), plain))
    story.append(para(f"Our reference: {letter.case_reference}", plain))
    story.append(Spacer(1, 4 * mm))
    story.append(para(letter.salutation, body))
    story.extend(para(paragraph, body) for paragraph in letter.paragraphs)
    story.append(Spacer(1, 2 * mm))
    story.append(para(letter.closing, body))
    story.append(Spacer(1, 12 * mm))
    story.append(para(letter.signatory or "", strong))
    if letter.signatory_role:
        story.append(para(letter.signatory_role, plain))
    story.append(para(partnership, plain))
    info = DocumentInfo(
        title=f"{letter.title}: {letter.case_reference}",
        partnership=partnership,
        subject=SUBJECT,
        heading=letter.title,
        subtitle=partnership,
    )
    return build_pdf(info, story)
