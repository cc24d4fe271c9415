"""The National Panel's response (domain README, line 24: it replies in about 10 days; Working
Together 2023 and the Leeds guide, line 53: it advises and cannot direct)."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.after_meeting.panel_response import (
    PanelAnswer,
    PanelResponse,
    PanelResponseError,
    record_panel_response,
    response_expected_by,
    response_stage_words,
)
from rrdesk.domain.timetable.bank_holidays import packaged_calendar

CALENDAR = packaged_calendar()
SENT = date(2026, 12, 7)  # a Monday


def test_domain_readme_line_24_a_reply_is_expected_about_10_working_days_after_sending() -> None:
    expected = response_expected_by(SENT, CALENDAR.add_working_days)
    assert expected == date(2026, 12, 21)
    assert response_stage_words(SENT, None, expected, date(2026, 12, 14)) == (
        "Awaiting the response (sent 7 December 2026, expected by about 21 December 2026)"
    )
    assert response_stage_words(SENT, None, expected, date(2026, 12, 22)) == (
        "Awaiting the response (expected by about 21 December 2026: chase the National Panel)"
    )


@pytest.mark.parametrize(
    ("answer", "notes", "words"),
    [
        (PanelAnswer.AGREES, "", "Agrees with the decision (14 December 2026)"),
        (
            PanelAnswer.MORE_INFORMATION,
            "The chronology for May",
            "Asks for more information (14 December 2026): The chronology for May",
        ),
        (
            PanelAnswer.SUGGESTS_OTHERWISE,
            "A local review may add learning",
            "Suggests otherwise (14 December 2026): A local review may add learning. The Panel"
            " advises; the partnership decides.",
        ),
    ],
    ids=["agrees", "asks for more", "Leeds line 53: suggests otherwise, but cannot direct"],
)
def test_the_three_answers_in_words(answer: PanelAnswer, notes: str, words: str) -> None:
    response = record_panel_response(SENT, date(2026, 12, 14), answer, notes)
    assert response == PanelResponse(date(2026, 12, 14), answer, notes)
    assert response.words == words
    assert response.needs_action is (answer is PanelAnswer.MORE_INFORMATION)


@pytest.mark.parametrize(
    ("sent", "on", "answer", "notes", "message"),
    [
        (None, SENT, PanelAnswer.AGREES, "", "Record the decision sent to the National Panel"),
        (SENT, date(2026, 12, 4), PanelAnswer.AGREES, "", "on or after 7 December 2026"),
        (SENT, SENT, PanelAnswer.MORE_INFORMATION, " ", "Enter what the National Panel said"),
    ],
    ids=["not sent yet", "before it was sent", "asks for more without saying what"],
)
def test_a_response_that_cannot_be_recorded(
    sent: date | None, on: date, answer: PanelAnswer, notes: str, message: str
) -> None:
    with pytest.raises(PanelResponseError, match=message):
        record_panel_response(sent, on, answer, notes)
