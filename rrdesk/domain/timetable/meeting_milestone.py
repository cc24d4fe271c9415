"""The Rapid Review meeting's milestone, named for what it is: not booked yet (with the latest day
the process expects it), booked (with the day booked) or held.

Never the process profile's label for it ("Rapid Review meeting held"), which reads as if the
meeting had been held before it is even booked; but by the partnership's own name for the meeting
where its profile gives one (Leeds' "Review Advisory Group meeting"). The panel pack, the
countdown board, the projector and ``rrdesk deadlines`` all word it here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.deadlines import Milestone

MEETING_KEY = "rapid_review_meeting"
MEETING_NAME = "Rapid Review meeting"  # where the profile names it no other way


class MeetingState(Enum):
    NOT_BOOKED = "not booked yet"
    BOOKED = "booked"
    HELD = "held"


@dataclass(frozen=True, slots=True)
class MeetingMilestone:
    """The meeting's milestone in words: ``day`` is the day booked or held, or, not booked, the
    latest day the process expects it."""

    state: MeetingState
    day: date
    name: str = MEETING_NAME

    @property
    def label(self) -> str:
        return f"{self.name} ({self.state.value})"

    @property
    def is_latest_day(self) -> bool:
        """Whether ``day`` is the latest the process expects it, not a day booked."""
        return self.state is MeetingState.NOT_BOOKED

    def words(
        self, format_day: Callable[[date], str] = format_date, *, separator: str = ": "
    ) -> str:
        """``Rapid Review meeting (not booked yet): by 3 December 2026`` or ``Rapid Review
        meeting (booked): 30 November 2026``."""
        by = "by " if self.is_latest_day else ""
        return f"{self.label}{separator}{by}{format_day(self.day)}"


def meeting_milestone(
    milestone: Milestone, meeting_date: date | None, *, held: bool = False
) -> MeetingMilestone | None:
    """The meeting's milestone for ``milestone`` if it is the meeting's (and has a date), else
    ``None``. ``held`` when the timetable records the meeting as held."""
    if milestone.key != MEETING_KEY:
        return None
    name = milestone.name or MEETING_NAME
    if meeting_date is not None:
        state = MeetingState.HELD if held else MeetingState.BOOKED
        return MeetingMilestone(state, meeting_date, name)
    if milestone.due is None:
        return None
    return MeetingMilestone(MeetingState.NOT_BOOKED, milestone.due, name)
