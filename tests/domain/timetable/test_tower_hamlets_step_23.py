"""Tower Hamlets step 23: "Under no circumstances will Rapid Reviews for different cases be held
back-to-back or on the same day" (tower-hamlets-rapid-review-process.txt, line 122). In that
profile a meeting on the working day before or after another case's is refused; in the others it
warns."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.domain.timetable.scheduling import PlannedMeeting, check_meeting
from rrdesk.services.timetable.profile_catalogue import load_profile

CALENDAR = packaged_calendar()
NOTIFIED = date(2027, 2, 1)  # a Monday


def _check(profile: str, mine: date, other: date):  # type: ignore[no-untyped-def]
    return check_meeting(
        PlannedMeeting("RR-1", mine, NOTIFIED),
        [PlannedMeeting("RR-2", other, date(2027, 1, 29))],
        load_profile(profile),
        CALENDAR,
    )


@pytest.mark.parametrize(
    ("mine", "other", "word"),
    [
        (date(2027, 2, 10), date(2027, 2, 9), "before"),
        (date(2027, 2, 10), date(2027, 2, 11), "after"),
        (date(2027, 2, 8), date(2027, 2, 5), "before"),
    ],
    ids=["the day before", "the day after", "Friday then Monday"],
)
def test_tower_hamlets_step_23_back_to_back_meetings_are_refused(
    mine: date, other: date, word: str
) -> None:
    check = _check("tower-hamlets", mine, other)
    assert not check.allowed
    (refusal,) = check.refusals
    assert f"Case RR-2 has its meeting on {other:%A} " in refusal
    assert f"the working day {word}." in refusal
    assert refusal.endswith(
        "In the Tower Hamlets process meetings for different cases are never held back to back."
    )
    assert not any("back to back" in warning for warning in check.warnings)


@pytest.mark.parametrize(
    "profile", ["statutory", "leeds", "redbridge", "gloucestershire", "wolverhampton"]
)
def test_tower_hamlets_step_23_back_to_back_meetings_only_warn_in_other_profiles(
    profile: str,
) -> None:
    check = _check(profile, date(2027, 2, 10), date(2027, 2, 9))
    assert check.allowed
    assert any("should not be back to back" in warning for warning in check.warnings)


def test_tower_hamlets_step_23_two_working_days_apart_is_allowed() -> None:
    check = _check("tower-hamlets", date(2027, 2, 10), date(2027, 2, 8))
    assert check.allowed
    assert check.warnings == ()
