from datetime import date

from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.domain.timetable.deadlines import compute_timetable
from rrdesk.domain.timetable.timeline import DayKind, build_timeline
from rrdesk.services.timetable.profile_catalogue import load_profile

CALENDAR = packaged_calendar()
TIMETABLE = compute_timetable(
    load_profile("tower-hamlets"),
    CALENDAR,
    date(2026, 12, 21),
    forms_sent_date=date(2026, 12, 21),  # step 10: 8 working days from the forms being sent
)


def test_the_strip_runs_from_day_0_to_day_15() -> None:
    strip = build_timeline(TIMETABLE, CALENDAR, date(2027, 1, 5))
    assert strip[0].day == date(2026, 12, 21)
    assert strip[0].review_day == 0
    assert strip[-1].day == date(2027, 1, 14)
    assert strip[-1].review_day == 15
    working = [cell for cell in strip if cell.kind is DayKind.WORKING]
    assert [cell.review_day for cell in working] == list(range(16))


def test_gaps_carry_bank_holiday_names() -> None:
    strip = {cell.day: cell for cell in build_timeline(TIMETABLE, CALENDAR, date(2027, 1, 5))}
    christmas = strip[date(2026, 12, 25)]
    assert christmas.kind is DayKind.BANK_HOLIDAY
    assert christmas.holiday_name == "Christmas Day"
    assert christmas.review_day is None
    assert strip[date(2026, 12, 26)].kind is DayKind.WEEKEND
    assert strip[date(2026, 12, 28)].holiday_name == "Boxing Day (substitute day)"


def test_milestones_and_today_are_marked() -> None:
    strip = {cell.day: cell for cell in build_timeline(TIMETABLE, CALENDAR, date(2027, 1, 5))}
    assert strip[date(2027, 1, 5)].is_today
    assert strip[date(2027, 1, 5)].milestones == ("agency_checks_returned",)
    assert strip[date(2027, 1, 7)].milestones == ("rapid_review_meeting",)
    assert strip[date(2027, 1, 14)].milestones == ("decision_to_national_panel",)
    assert sum(cell.is_today for cell in strip.values()) == 1


def test_a_late_review_shows_the_days_beyond() -> None:
    strip = build_timeline(TIMETABLE, CALENDAR, date(2027, 1, 19))
    assert strip[-1].day == date(2027, 1, 19)
    assert strip[-1].review_day == 18
    assert strip[-1].beyond_deadline
    assert not any(cell.beyond_deadline for cell in strip if cell.day <= date(2027, 1, 14))


def test_an_extension_moves_the_end() -> None:
    strip = build_timeline(TIMETABLE, CALENDAR, date(2027, 1, 5), deadline=date(2027, 1, 21))
    assert strip[-1].day == date(2027, 1, 21)
    assert not any(cell.beyond_deadline for cell in strip)
