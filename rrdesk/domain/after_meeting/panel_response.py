"""The National Panel's response to a rapid review, recorded once it comes.

The Panel replies to a rapid review in about 10 days (domain README, line 24); rrdesk reads
that as 10 working days after the decision was sent, to say when a reply is expected (an rrdesk
default). It agrees with the decision, asks for more information, or suggests otherwise: it
advises, and cannot direct the partnership (Working Together 2023; the Leeds guide, line 53).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.timetable.dates import format_date

RESPONSE_EXPECTED_WORKING_DAYS = 10
"""rrdesk's reading of "about 10 days" (domain README, line 24)."""


class PanelResponseError(MeetingError):
    """A response that cannot be recorded, said in plain words."""


class PanelAnswer(StrEnum):
    AGREES = "agrees"
    MORE_INFORMATION = "more_information"
    SUGGESTS_OTHERWISE = "suggests_otherwise"

    @property
    def label(self) -> str:
        return {
            "agrees": "Agrees with the decision",
            "more_information": "Asks for more information",
            "suggests_otherwise": "Suggests otherwise",
        }[self.value]


@dataclass(frozen=True)
class PanelResponse:
    received_on: date
    answer: PanelAnswer
    notes: str = ""

    @property
    def words(self) -> str:
        """``Asks for more information (2 December 2026): the chronology for May``."""
        text = f"{self.answer.label} ({format_date(self.received_on)})"
        if self.notes:
            text += f": {self.notes}"
        if self.answer is PanelAnswer.SUGGESTS_OTHERWISE:
            text += ". The Panel advises; the partnership decides."
        return text

    @property
    def needs_action(self) -> bool:
        """The Panel asked for more: the coordinator has something to send."""
        return self.answer is PanelAnswer.MORE_INFORMATION


def record_panel_response(
    sent_on: date | None, received_on: date, answer: PanelAnswer, notes: str = ""
) -> PanelResponse:
    """The Panel's response, checked: after the decision was sent, with notes when the Panel
    asks for more or suggests otherwise."""
    if sent_on is None:
        raise PanelResponseError(
            "Record the decision sent to the National Panel before its response"
        )
    if received_on < sent_on:
        raise PanelResponseError(
            f"The response must be on or after {format_date(sent_on)}, when the decision was sent"
        )
    if answer is not PanelAnswer.AGREES and not notes.strip():
        raise PanelResponseError(f"Enter what the National Panel said ({answer.label.lower()})")
    return PanelResponse(received_on, answer, notes.strip())


def response_expected_by(sent_on: date, add_working_days: Callable[[date, int], date]) -> date:
    """When a reply is expected: 10 working days after the decision was sent."""
    return add_working_days(sent_on, RESPONSE_EXPECTED_WORKING_DAYS)


def response_stage_words(
    sent_on: date, response: PanelResponse | None, expected_by: date, today: date
) -> str:
    """The response as a stage on the board."""
    if response is not None:
        return response.words
    when = f"expected by about {format_date(expected_by)}"
    if today > expected_by:
        return f"Awaiting the response ({when}: chase the National Panel)"
    return f"Awaiting the response (sent {format_date(sent_on)}, {when})"
