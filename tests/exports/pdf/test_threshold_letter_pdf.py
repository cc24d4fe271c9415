"""The letter to the referrer as printed: the partnership's contact details on every letter, and
a family's letter in 12 pt."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from rrdesk.domain.after_meeting.threshold_letter import ThresholdLetter
from rrdesk.exports.pdf.threshold_letter import render_threshold_letter
from tests.exports.pdf_reading import all_text

LETTER = ThresholdLetter(
    title="The decision about your referral",
    case_reference="RR-2026-020",
    dated=date(2026, 10, 26),
    addressee=("Mrs Carys Pryce",),
    salutation="Dear Mrs Pryce,",
    paragraphs=("Thank you for telling us about your worries for your child, Tamsin Pryce.",),
    closing="Yours sincerely,",
    signatory="Harriet Vale",
    signatory_role="Rapid Review Chair",
    contact=("Northmoor LSCP", "Northmoor Town Hall", "Telephone 01632 960000"),
    font_size=12,
)


def _sizes_of(pdf: bytes, words: str) -> set[float]:
    """The font sizes the text containing ``words`` is printed at."""
    found: set[float] = set()

    def visit(text, cm, tm, font, size) -> None:  # type: ignore[no-untyped-def]
        if words in text:
            found.add(round(size * tm[3], 1))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_a_familys_letter_is_in_12_pt_with_the_contact_details() -> None:
    pdf = render_threshold_letter(LETTER, "Northmoor LSCP")
    text = all_text(pdf)
    for line in LETTER.contact:
        assert line in text
    assert _sizes_of(pdf, "your child, Tamsin Pryce") == {12.0}
    assert _sizes_of(pdf, "Dear Mrs Pryce") == {12.0}


def test_a_professionals_letter_is_in_10_pt() -> None:
    pdf = render_threshold_letter(replace(LETTER, font_size=10), "Northmoor LSCP")
    assert _sizes_of(pdf, "your child, Tamsin Pryce") == {10.0}
    assert "Telephone 01632 960000" in all_text(pdf)
