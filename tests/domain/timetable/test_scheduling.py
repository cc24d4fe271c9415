from datetime import date

import pytest

from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.domain.timetable.scheduling import (
    OpenReview,
    PlannedMeeting,
    check_meeting,
    open_review,
    overlap_advice,
    overlapping_reviews,
)
from rrdesk.services.timetable.profile_catalogue import load_profile

CALENDAR = packaged_calendar()
TOWER_HAMLETS = load_profile("tower-hamlets")
STATUTORY = load_profile("statutory")
NOTIFIED = date(2027, 2, 1)  # a Monday; day 10 is Monday 15 February 2027


def _meeting(reference: str, day: date, notified: date = NOTIFIED) -> PlannedMeeting:
    return PlannedMeeting(reference, day, notified)


def test_a_meeting_on_a_free_working_day_is_allowed() -> None:
    check = check_meeting(_meeting("RR-1", date(2027, 2, 10)), [], TOWER_HAMLETS, CALENDAR)
    assert check.allowed
    assert check.warnings == ()


def test_two_cases_on_the_same_day_are_refused_with_the_reason() -> None:
    others = [_meeting("RR-2", date(2027, 2, 10), date(2027, 1, 29))]
    check = check_meeting(_meeting("RR-1", date(2027, 2, 10)), others, TOWER_HAMLETS, CALENDAR)
    assert not check.allowed
    assert check.refusals == (
        "There is already a Rapid Review meeting on Wednesday 10 February 2027 (case RR-2). "
        "Meetings for different cases are never held on the same day.",
    )


def test_rescheduling_the_same_case_is_not_a_clash() -> None:
    others = [_meeting("RR-1", date(2027, 2, 10))]
    check = check_meeting(_meeting("RR-1", date(2027, 2, 10)), others, TOWER_HAMLETS, CALENDAR)
    assert check.allowed


@pytest.mark.parametrize(
    ("other_day", "word"),
    [(date(2027, 2, 9), "before"), (date(2027, 2, 11), "after")],
    ids=["day before", "day after"],
)
def test_back_to_back_meetings_warn(other_day: date, word: str) -> None:
    others = [_meeting("RR-2", other_day)]
    check = check_meeting(_meeting("RR-1", date(2027, 2, 10)), others, STATUTORY, CALENDAR)
    assert check.allowed
    assert len(check.warnings) == 1
    assert f"the working day {word}" in check.warnings[0]
    assert "back to back" in check.warnings[0]


def test_friday_and_monday_are_back_to_back() -> None:
    others = [_meeting("RR-2", date(2027, 2, 5))]
    check = check_meeting(_meeting("RR-1", date(2027, 2, 8)), others, STATUTORY, CALENDAR)
    assert any("back to back" in warning for warning in check.warnings)


def test_two_working_days_apart_is_fine() -> None:
    others = [_meeting("RR-2", date(2027, 2, 8))]
    check = check_meeting(_meeting("RR-1", date(2027, 2, 10)), others, TOWER_HAMLETS, CALENDAR)
    assert check.warnings == ()


def test_a_meeting_after_the_profile_latest_day_warns() -> None:
    check = check_meeting(_meeting("RR-1", date(2027, 2, 16)), [], TOWER_HAMLETS, CALENDAR)
    assert check.allowed
    assert check.warnings == (
        "The meeting would be on working day 11. The Tower Hamlets process expects it by day 10 "
        "(Monday 15 February 2027).",
    )


def test_a_booked_meeting_is_described_as_it_is() -> None:
    check = check_meeting(
        _meeting("RR-1", date(2027, 2, 16)), [], TOWER_HAMLETS, CALENDAR, booked=True
    )
    assert check.warnings == (
        "The meeting is on working day 11. The Tower Hamlets process expects it by day 10 "
        "(Monday 15 February 2027).",
    )


def test_a_meeting_after_day_15_warns_but_is_allowed() -> None:
    check = check_meeting(_meeting("RR-1", date(2027, 2, 23)), [], TOWER_HAMLETS, CALENDAR)
    assert check.allowed
    assert "after the decision is due" in check.warnings[0]


def test_a_meeting_on_a_bank_holiday_warns() -> None:
    notified = date(2027, 3, 22)
    check = check_meeting(
        _meeting("RR-1", date(2027, 3, 26), notified), [], TOWER_HAMLETS, CALENDAR
    )
    assert check.warnings == ("Friday 26 March 2027 is a bank holiday (Good Friday).",)


def test_a_meeting_before_the_notification_is_refused() -> None:
    check = check_meeting(_meeting("RR-1", date(2027, 1, 29)), [], TOWER_HAMLETS, CALENDAR)
    assert not check.allowed
    assert "before the notification" in check.refusals[0]


def test_three_overlapping_reviews_bring_advice() -> None:
    reviews = [
        open_review("RR-1", date(2027, 1, 4), CALENDAR),
        open_review("RR-2", date(2027, 1, 11), CALENDAR),
        open_review("RR-3", date(2027, 1, 20), CALENDAR),
        open_review("RR-4", date(2027, 6, 1), CALENDAR),
    ]
    assert [r.case_reference for r in overlapping_reviews(reviews)] == ["RR-1", "RR-2", "RR-3"]
    advice = overlap_advice(reviews, threshold=3)
    assert advice is not None
    assert advice.startswith("3 open reviews (RR-1, RR-2, RR-3) run at the same time")
    assert "Agree timescales with the National Panel" in advice
    assert "from 20 January 2027 to 25 January 2027" in advice


def test_two_overlapping_reviews_bring_no_advice_at_three() -> None:
    reviews = [
        open_review("RR-1", date(2027, 1, 4), CALENDAR),
        open_review("RR-2", date(2027, 1, 11), CALENDAR),
        open_review("RR-3", date(2027, 1, 26), CALENDAR),
    ]
    assert overlap_advice(reviews, threshold=3) is None
    assert overlap_advice([], threshold=3) is None


def test_reviews_that_share_one_day_are_said_to_overlap_on_it() -> None:
    reviews = [
        OpenReview("RR-1", date(2027, 1, 4), date(2027, 1, 25)),
        OpenReview("RR-2", date(2027, 1, 11), date(2027, 2, 1)),
        OpenReview("RR-3", date(2027, 1, 25), date(2027, 2, 15)),
    ]
    advice = overlap_advice(reviews, threshold=3)
    assert advice is not None
    assert "run at the same time, on 25 January 2027. Agree timescales" in advice


def test_windows_that_only_touch_overlap() -> None:
    first = OpenReview("RR-1", date(2027, 1, 4), date(2027, 1, 25))
    second = OpenReview("RR-2", date(2027, 1, 25), date(2027, 2, 15))
    assert len(overlapping_reviews([first, second])) == 2
