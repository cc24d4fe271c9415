"""The 7-minute briefing as printed: never below 9 pt (long learning flows to a second page),
marked OFFICIAL for sharing, and the police warning at its head."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader

from rrdesk.domain.after_meeting.learning_briefing import CRIMINAL_PROCESS_WARNING, build_briefing
from rrdesk.exports.pdf.learning_briefing import render_learning_briefing
from tests.domain.after_meeting.learning_samples import sample_case, sample_meeting
from tests.exports.pdf_reading import page_texts

LONG = (
    "Health visiting contacts were offered and two were missed; the third took place at home. "
) * 8


def _sizes(pdf: bytes, words: str) -> set[float]:
    """The sizes the text containing ``words`` is printed at."""
    found: set[float] = set()

    def visit(text, cm, tm, font, size) -> None:  # type: ignore[no-untyped-def]
        if words in text:
            found.add(round(size * tm[3], 1))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_long_learning_flows_on_at_9_pt_or_more_and_is_marked_official() -> None:
    meeting = sample_meeting()
    learning = replace(
        meeting.learning, good_practice=(LONG, LONG), could_have_been_better=(LONG, LONG, LONG)
    )
    briefing = build_briefing(
        sample_case(),
        replace(meeting, learning=learning),
        partnership="Northmoor",
        use_pseudonym=False,
        theme_label=str,
    )
    pdf = render_learning_briefing(briefing)

    pages = page_texts(pdf)
    assert len(pages) == 2
    assert _sizes(pdf, "two were missed") == {9.0}  # not shrunk to fit one page
    for text in pages:
        assert "OFFICIAL" in text
        assert "OFFICIAL-SENSITIVE" not in text
    flat = " ".join(pages[0].split())
    assert " ".join(CRIMINAL_PROCESS_WARNING.split()) in flat  # the sample has an investigation
    assert "7. Questions to reflect on" in pages[1]
