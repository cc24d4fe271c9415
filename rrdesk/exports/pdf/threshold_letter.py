"""The letter to the referrer as a one-page PDF in the house style."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from rrdesk.domain.after_meeting.threshold_letter import ThresholdLetter
from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.pdf.house_style import para, styles
from rrdesk.exports.pdf.page_layout import DocumentInfo, build_pdf

SUBJECT = "Letter to the referrer: threshold not met"


def render_threshold_letter(letter: ThresholdLetter, partnership: str) -> bytes:
    house = styles()
    story: list[Flowable] = []
    for line in letter.addressee:
        story.append(para(line, house.cell))
    story.append(Spacer(1, 4 * mm))
    story.append(para(format_date(letter.dated)))
    story.append(para(f"Our reference: {letter.case_reference}", house.subtitle))
    story.append(Spacer(1, 4 * mm))
    story.append(para(letter.salutation))
    story.extend(para(paragraph) for paragraph in letter.paragraphs)
    story.append(Spacer(1, 2 * mm))
    story.append(para(letter.closing))
    story.append(Spacer(1, 12 * mm))
    story.append(para(letter.signatory or "", house.heading3))
    if letter.signatory_role:
        story.append(para(letter.signatory_role))
    story.append(para(partnership))
    info = DocumentInfo(
        title=f"{letter.title}: {letter.case_reference}",
        partnership=partnership,
        subject=SUBJECT,
        heading=letter.title,
        subtitle=partnership,
    )
    return build_pdf(info, story)
