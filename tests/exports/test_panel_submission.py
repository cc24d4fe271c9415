"""The National Panel submission PDF, read back section by section."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.after_meeting.panel_submission_content import PanelSubmission, build_submission
from rrdesk.domain.meeting.decision import DecisionKind
from rrdesk.exports.pdf.house_style import MARKING
from rrdesk.exports.pdf.panel_submission import SECTION_TITLES, render_panel_submission
from tests.domain.after_meeting.learning_samples import (
    CALENDAR,
    full_details,
    sample_case,
    sample_meeting,
)
from tests.exports.pdf_reading import all_text, fonts_embedded, page_texts

TODAY = date(2026, 11, 22)


def _submission(kind: DecisionKind = DecisionKind.DO_NOT_RECOMMEND) -> PanelSubmission:
    return build_submission(
        sample_case(),
        sample_meeting(kind=kind),
        full_details(),
        partnership="Northmoor Safeguarding Children Partnership",
        prepared_on=TODAY,
        calendar=CALENDAR,
        theme_label=lambda key: {"invisible_men": "Invisible fathers and male carers"}.get(
            key, key.replace("_", " ").capitalize()
        ),
    )


@pytest.fixture(scope="module")
def text() -> str:
    return " ".join(all_text(render_panel_submission(_submission())).split())


def _section(text: str, title: str) -> str:
    """The text from ``title`` to the next section's title."""
    start = text.index(title)
    later = [text.find(t, start + len(title)) for t in SECTION_TITLES]
    ends = [i for i in later if i > start]
    return text[start : min(ends) if ends else len(text)]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "1. Identifiers and dates",
            [
                "RR-2026-014",
                "SIN-2026-0999",
                "5 October 2026",
                "Time to notify 2 working days after the local authority became aware",
                "13 working days of 15",
                "On time",
            ],
            id="identifiers and dates",
        ),
        pytest.param(
            "2. The child",
            [
                "Child T",
                "2 years",
                "Female",
                "White British",
                "Hearing impairment",
                "Child in need",
            ],
            id="the child",
        ),
        pytest.param("3. The household", ["mother's partner"], id="household"),
        pytest.param("4. What happened", ["fractured arm"], id="what happened"),
        pytest.param(
            "5. Agency involvement",
            ["Police", "Involved", "Two call-outs", "Housing", "Nil return"],
            id="agencies",
        ),
        pytest.param("6. Key practice episodes", ["closed without a visit"], id="episodes"),
        pytest.param(
            "7. The child's lived experience",
            ["late to school", "Inequality and disability", "hearing impairment"],
            id="lived experience",
        ),
        pytest.param(
            "8. Immediate safeguarding actions",
            ["Check the partner's history", "Police", "30 October 2026"],
            id="actions",
        ),
        pytest.param(
            "9. Emerging learning",
            ["Good practice", "Invisible fathers and male carers", "Learning already acted on"],
            id="learning",
        ),
        pytest.param("10. Parallel processes", ["Police investigation"], id="parallel"),
        pytest.param(
            "11. The decision and rationale",
            ["Do not recommend", "The criteria are not met."],
            id="decision",
        ),
        pytest.param(
            "12. Local review or learning",
            ["A local review is not proposed", "Learning briefing", "for all agencies"],
            id="learning route",
        ),
        pytest.param("13. Family involvement", ["will meet the reviewer"], id="family"),
        pytest.param(
            "14. Sign-off by the safeguarding partners",
            ["The local authority", "The police", "Health", "Agreed", "police lead"],
            id="sign-off",
        ),
    ],
)
def test_each_section_reads_back(text: str, title: str, expected: list[str]) -> None:
    section = _section(text, title)
    for words in expected:
        assert words in section, f"{words!r} not in {title}"


def test_marked_on_every_page_with_pseudonyms_only() -> None:
    pdf = render_panel_submission(_submission())
    for page in page_texts(pdf):
        assert page.count(MARKING) >= 2
    text = all_text(pdf)
    assert "Tamsin" not in text
    assert "Quellyn" not in text
    assert "2024" not in text.split("2. The child")[1].split("3. The household")[0]
    assert all(fonts_embedded(pdf).values())


def test_local_review_section_shows_the_proposal() -> None:
    pdf = render_panel_submission(_submission(DecisionKind.RECOMMEND_LOCAL_REVIEW))
    text = " ".join(all_text(pdf).split())
    section = _section(text, "12. Local review or learning")
    for words in ("is proposed", "Twelve months", "Systems approach", "independent", "Six months"):
        assert words in section
