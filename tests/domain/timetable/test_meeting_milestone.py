"""The meeting's milestone is worded by whether it is booked or held, never by the process
profile's label ("Rapid Review meeting held") before it is."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.timetable.dates import format_short_date
from rrdesk.domain.timetable.deadlines import Milestone
from rrdesk.domain.timetable.meeting_milestone import MEETING_KEY, meeting_milestone
from rrdesk.domain.timetable.profiles import CountFrom

LATEST = date(2026, 12, 3)


def _milestone(key: str = MEETING_KEY, due: date | None = LATEST) -> Milestone:
    return Milestone(
        key, "Rapid Review meeting held", 13, CountFrom.NOTIFICATION, due, None, 13, False
    )


@pytest.mark.parametrize(
    ("booked", "held", "words", "short"),
    [
        pytest.param(
            None,
            False,
            "Rapid Review meeting (not booked yet): by 3 December 2026",
            "Rapid Review meeting (not booked yet), by Thu 3 Dec",
            id="not booked",
        ),
        pytest.param(
            date(2026, 11, 27),
            False,
            "Rapid Review meeting (booked): 27 November 2026",
            "Rapid Review meeting (booked), Fri 27 Nov",
            id="booked",
        ),
        pytest.param(
            date(2026, 11, 27),
            True,
            "Rapid Review meeting (held): 27 November 2026",
            "Rapid Review meeting (held), Fri 27 Nov",
            id="held",
        ),
    ],
)
def test_the_meeting_is_named_for_what_it_is(
    booked: date | None, held: bool, words: str, short: str
) -> None:
    meeting = meeting_milestone(_milestone(), booked, held=held)
    assert meeting is not None
    assert meeting.words() == words
    assert meeting.words(format_short_date, separator=", ") == short
    assert meeting.is_latest_day is (booked is None)


def test_other_milestones_and_a_meeting_with_no_date_are_not_worded_here() -> None:
    assert meeting_milestone(_milestone("decision_to_national_panel"), None) is None
    assert meeting_milestone(_milestone(due=None), None) is None


def test_the_meeting_goes_by_the_partnerships_own_name_where_its_profile_gives_one() -> None:
    """Leeds' meeting is its Review Advisory Group's (its profile's ``name``)."""
    leeds = Milestone(
        MEETING_KEY,
        "Review Advisory Group meets and recommends",
        12,
        CountFrom.NOTIFICATION,
        LATEST,
        None,
        12,
        False,
        name="Review Advisory Group meeting",
    )
    meeting = meeting_milestone(leeds, None)
    assert meeting is not None
    assert meeting.words() == "Review Advisory Group meeting (not booked yet): by 3 December 2026"
    booked = meeting_milestone(leeds, date(2026, 11, 27))
    assert booked is not None
    assert booked.label == "Review Advisory Group meeting (booked)"
