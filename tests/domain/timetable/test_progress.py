from datetime import date

import pytest

from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.domain.timetable.progress import ReviewStatus, review_progress

CALENDAR = packaged_calendar()
NOTIFIED = date(2026, 12, 21)
DEADLINE = date(2027, 1, 14)

CASES = [
    (
        "notification day",
        date(2026, 12, 21),
        False,
        ReviewStatus.ON_TRACK,
        0,
        15,
        "15 working days left",
    ),
    (
        "Christmas Day",
        date(2026, 12, 25),
        False,
        ReviewStatus.ON_TRACK,
        3,
        12,
        "12 working days left",
    ),
    ("day 8", date(2027, 1, 5), False, ReviewStatus.ON_TRACK, 8, 7, "7 working days left"),
    ("due soon", date(2027, 1, 11), False, ReviewStatus.DUE_SOON, 12, 3, "3 working days left"),
    ("one day left", date(2027, 1, 13), False, ReviewStatus.DUE_SOON, 14, 1, "1 working day left"),
    ("due today", date(2027, 1, 14), False, ReviewStatus.DUE_SOON, 15, 0, "Due today"),
    (
        "Saturday after",
        date(2027, 1, 16),
        False,
        ReviewStatus.OVERDUE,
        16,
        -1,
        "1 working day overdue",
    ),
    ("day 16", date(2027, 1, 15), False, ReviewStatus.OVERDUE, 16, -1, "1 working day overdue"),
    ("day 18", date(2027, 1, 19), False, ReviewStatus.OVERDUE, 18, -3, "3 working days overdue"),
    ("done", date(2027, 1, 19), True, ReviewStatus.DONE, 18, -3, "Done"),
    (
        "before the notification",
        date(2026, 12, 18),
        False,
        ReviewStatus.ON_TRACK,
        0,
        16,
        "16 working days left",
    ),
]


@pytest.mark.parametrize(
    ("today", "done", "status", "day", "left", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_review_progress(
    today: date, done: bool, status: ReviewStatus, day: int, left: int, words: str
) -> None:
    progress = review_progress(
        NOTIFIED, DEADLINE, today, CALENDAR, due_soon_working_days=3, done=done
    )
    assert progress.status is status
    assert progress.day_number == day
    assert progress.working_days_left == left
    assert progress.days_left_words == words
    assert progress.day_of_total == f"Day {day} of 15"


def test_status_words() -> None:
    assert [s.words for s in ReviewStatus] == ["On track", "Due soon", "Overdue", "Done"]


def test_an_extension_lengthens_the_total() -> None:
    progress = review_progress(
        NOTIFIED, date(2027, 1, 21), date(2027, 1, 15), CALENDAR, due_soon_working_days=3
    )
    assert progress.day_of_total == "Day 16 of 20"
    assert progress.status is ReviewStatus.ON_TRACK


def test_the_weekend_after_a_friday_deadline_is_overdue() -> None:
    progress = review_progress(
        date(2026, 11, 6), date(2026, 11, 27), date(2026, 11, 28), CALENDAR, due_soon_working_days=3
    )
    assert progress.status is ReviewStatus.OVERDUE
    assert progress.working_days_left == 0
    assert progress.days_left_words == "Deadline passed on 27 November 2026"
    assert progress.deadline_just_passed
    monday = review_progress(
        date(2026, 11, 6), date(2026, 11, 27), date(2026, 11, 30), CALENDAR, due_soon_working_days=3
    )
    assert not monday.deadline_just_passed  # a working day overdue now
    assert monday.days_left_words == "1 working day overdue"
    done = review_progress(
        date(2026, 11, 6),
        date(2026, 11, 27),
        date(2026, 11, 28),
        CALENDAR,
        due_soon_working_days=3,
        done=True,
    )
    assert not done.deadline_just_passed
