"""Every page's footer: the document's title, with the case reference, and the partnership's
name, whole however long they are."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from rrdesk.exports.pdf.house_style import styles
from rrdesk.exports.pdf.page_layout import DRAFT, DocumentInfo, build_pdf, footer_lines
from tests.exports.pdf_reading import page_texts

LONG_PARTNERSHIP = "Tower Hamlets and Caerwysg & Dyffryn Safeguarding Children Partnership"


@pytest.mark.parametrize(
    ("title", "partnership", "status"),
    [
        pytest.param("Decision sheet: RR-2026-003", "Northmoor LSCP", "", id="short, one line"),
        pytest.param(
            "Submission to the Child Safeguarding Practice Review Panel: RR-2026-003",
            LONG_PARTNERSHIP,
            DRAFT,
            id="draft submission, long partnership name",
        ),
        pytest.param(
            "Rapid Review decision sheet and record of the partners' sign-off: RR-2026-003",
            LONG_PARTNERSHIP,
            "",
            id="long title and long name",
        ),
    ],
)
def test_the_footer_never_cuts_the_reference_or_the_partnership(
    title: str, partnership: str, status: str
) -> None:
    info = DocumentInfo(title=title, partnership=partnership, subject="Test", status=status)
    story = [Paragraph("Some words. " * 400, styles().body)]
    pages = page_texts(build_pdf(info, story))
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        flat = " ".join(text.split())
        assert "…" not in flat, f"page {number}"
        assert "RR-2026-003" in flat, f"page {number}"
        assert partnership in flat, f"page {number}"
        assert info.full_title in flat, f"page {number}"


def test_a_footer_too_long_for_one_line_puts_the_partnership_on_the_next() -> None:
    lines, size = footer_lines(
        "DRAFT: Submission to the Child Safeguarding Practice Review Panel: RR-2026-003",
        LONG_PARTNERSHIP,
    )
    assert lines == [
        "DRAFT: Submission to the Child Safeguarding Practice Review Panel: RR-2026-003",
        LONG_PARTNERSHIP,
    ]
    assert size >= 7.5
    assert footer_lines("Decision sheet: RR-2026-003", "Northmoor LSCP") == (
        ["Decision sheet: RR-2026-003 · Northmoor LSCP"],
        8.5,
    )
