import json
from datetime import date, timedelta
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rrdesk.domain.timetable.bank_holidays import OutsideCalendarError, packaged_calendar
from rrdesk.domain.timetable.deadlines import (
    DAY_ZERO_CONVENTION,
    add_working_days,
    compute_timetable,
    coverage_warning,
    working_days_between,
)
from rrdesk.domain.timetable.profiles import CountFrom
from rrdesk.services.timetable.profile_catalogue import load_profile

CALENDAR = packaged_calendar()

DAY_15 = [
    ("worked example: 21 December 2026", date(2026, 12, 21), date(2027, 1, 14)),
    ("Christmas 2021 on a Saturday: two substitute days", date(2021, 12, 17), date(2022, 1, 12)),
    ("Christmas 2022 on a Sunday: substitute Tuesday", date(2022, 12, 20), date(2023, 1, 13)),
    ("Easter 2024 across March and April", date(2024, 3, 20), date(2024, 4, 12)),
    ("Easter 2016 across March and April", date(2016, 3, 21), date(2016, 4, 13)),
    ("notification on a Saturday", date(2026, 11, 7), date(2026, 11, 27)),
    ("notification on a Sunday", date(2026, 11, 8), date(2026, 11, 27)),
    ("notification on the Friday before", date(2026, 11, 6), date(2026, 11, 27)),
    ("notification on a bank holiday", date(2025, 8, 25), date(2025, 9, 15)),
    ("VE day 2020: early May moved to Friday 8 May", date(2020, 5, 4), date(2020, 5, 27)),
    ("platinum jubilee 2022: 2 and 3 June", date(2022, 5, 30), date(2022, 6, 22)),
    ("state funeral 19 September 2022", date(2022, 9, 9), date(2022, 10, 3)),
    ("coronation 8 May 2023", date(2023, 4, 28), date(2023, 5, 23)),
    ("Easter 2029 from the rules, beyond the list", date(2029, 3, 26), date(2029, 4, 18)),
    ("Christmas 2033 on a Sunday, from the rules", date(2033, 12, 20), date(2034, 1, 13)),
]


@pytest.mark.parametrize(
    ("notified", "due"), [(n, d) for _, n, d in DAY_15], ids=[i for i, _, _ in DAY_15]
)
def test_day_15(notified: date, due: date) -> None:
    assert add_working_days(notified, 15, CALENDAR) == due
    assert working_days_between(notified, due, CALENDAR) == 15


def test_day_0_is_the_notification_date() -> None:
    assert add_working_days(date(2026, 11, 7), 0, CALENDAR) == date(2026, 11, 7)
    assert add_working_days(date(2026, 11, 7), 1, CALENDAR) == date(2026, 11, 9)
    assert "day 0" in DAY_ZERO_CONVENTION


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 11, 7), -1, CALENDAR)


def test_dates_outside_the_years_handled_are_refused() -> None:
    with pytest.raises(OutsideCalendarError, match="outside"):
        add_working_days(date(2009, 12, 31), 1, CALENDAR)
    with pytest.raises(OutsideCalendarError, match="beyond"):
        add_working_days(date(2100, 12, 20), 15, CALENDAR)


def _official_day_15(notified: date, holidays: set[date]) -> date:
    day, counted = notified, 0
    while counted < 15:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            counted += 1
    return day


def test_every_notification_date_matches_the_raw_official_list() -> None:
    text = (resources.files("govuk_bank_holidays") / "bank-holidays.json").read_text("utf-8")
    events = json.loads(text)["england-and-wales"]["events"]
    holidays = {date.fromisoformat(event["date"]) for event in events}
    end_of_list = date(max(day.year for day in holidays), 12, 31)
    notified, checked = date(2018, 1, 1), 0
    while True:
        expected = _official_day_15(notified, holidays)
        if expected > end_of_list:
            break
        assert add_working_days(notified, 15, CALENDAR) == expected, notified
        notified += timedelta(days=1)
        checked += 1
    assert checked > 365 * 10


dates = st.dates(min_value=date(2010, 1, 1), max_value=date(2090, 12, 31))
counts = st.integers(min_value=0, max_value=60)


@given(dates, st.integers(min_value=1, max_value=60))
def test_a_deadline_is_always_a_working_day(start: date, count: int) -> None:
    assert CALENDAR.is_working_day(add_working_days(start, count, CALENDAR))


@given(dates, counts, counts)
def test_more_working_days_never_give_an_earlier_date(start: date, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert add_working_days(start, low, CALENDAR) <= add_working_days(start, high, CALENDAR)


@given(dates, dates, counts)
def test_a_later_notification_never_gives_an_earlier_deadline(
    first: date, second: date, count: int
) -> None:
    early, late = sorted((first, second))
    assert add_working_days(early, count, CALENDAR) <= add_working_days(late, count, CALENDAR)


@given(dates, counts)
def test_working_days_between_inverts_add_working_days(start: date, count: int) -> None:
    assert working_days_between(start, add_working_days(start, count, CALENDAR), CALENDAR) == count


@given(dates, dates)
def test_working_days_between_counts_working_days(start: date, end: date) -> None:
    low, high = sorted((start, end))
    by_hand = (
        sum(
            1
            for n in range(1, (high - low).days + 1)
            if CALENDAR.is_working_day(low + timedelta(n))
        )
        if (high - low).days < 400
        else None
    )
    between = working_days_between(start, end, CALENDAR)
    assert between == -working_days_between(end, start, CALENDAR)
    if by_hand is not None:
        assert abs(between) == by_hand


def test_statutory_timetable() -> None:
    timetable = compute_timetable(load_profile("statutory"), CALENDAR, date(2026, 12, 21))
    assert timetable.deadline == date(2027, 1, 14)
    decision = timetable.milestone("decision_to_national_panel")
    assert decision.working_day == 15
    assert decision.review_day == 15
    assert decision.counted_from is CountFrom.NOTIFICATION
    assert decision.counted_from_words == "15 working days after the notification"
    assert not timetable.beyond_coverage


def test_milestones_counted_from_the_referral_and_meeting() -> None:
    profile = load_profile("wolverhampton")
    notified = date(2026, 12, 21)
    without = compute_timetable(profile, CALENDAR, notified)
    assert without.milestone("scoping_requests_sent").due is None
    assert without.milestone("national_panel_told_after_meeting").due is None
    assert without.milestones[-1].due is None
    timetable = compute_timetable(
        profile,
        CALENDAR,
        notified,
        referral_date=date(2026, 12, 18),
        meeting_date=date(2027, 1, 8),
    )
    scoping = timetable.milestone("scoping_requests_sent")
    assert scoping.due == date(2026, 12, 22)
    assert scoping.review_day == 1
    told = timetable.milestone("national_panel_told_after_meeting")
    assert told.due == date(2027, 1, 12)
    assert told.review_day == 13
    dues = [item.due for item in timetable.milestones]
    assert dues == sorted(d for d in dues if d is not None)


def test_a_window_has_an_earliest_date() -> None:
    timetable = compute_timetable(load_profile("gloucestershire"), CALENDAR, date(2026, 12, 21))
    scoping = timetable.milestone("scoping_requests_sent")
    assert scoping.earliest == date(2026, 12, 23)
    assert scoping.due == date(2026, 12, 24)


def test_a_deadline_beyond_the_official_list_warns() -> None:
    notified = CALENDAR.covered_until - timedelta(days=3)
    timetable = compute_timetable(load_profile("statutory"), CALENDAR, notified)
    assert timetable.milestone("decision_to_national_panel").beyond_coverage
    assert timetable.beyond_coverage
    warning = coverage_warning(timetable.deadline, CALENDAR)
    assert warning is not None
    assert "official list ends" in warning
    assert coverage_warning(date(2026, 12, 21), CALENDAR) is None
    before = coverage_warning(date(2005, 1, 4), CALENDAR)
    assert before is not None
    assert "starts" in before


def test_next_milestone() -> None:
    timetable = compute_timetable(
        load_profile("tower-hamlets"),
        CALENDAR,
        date(2026, 12, 21),
        forms_sent_date=date(2026, 12, 22),
    )
    first = timetable.next_milestone(date(2026, 12, 22))
    assert first is not None
    assert first.key == "agency_checks_returned"
    done = timetable.next_milestone(date(2026, 12, 22), frozenset({"agency_checks_returned"}))
    assert done is not None
    assert done.key == "rapid_review_meeting"
    assert timetable.next_milestone(date(2027, 2, 1)) is None
