from datetime import date

import pytest

from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.domain.timetable.extensions import (
    ExtensionError,
    agree_extension,
    effective_deadline,
    lateness_prompt,
    record_lateness,
    working_days_late,
)

CALENDAR = packaged_calendar()
DEADLINE = date(2027, 1, 14)


def test_an_extension_is_recorded_with_its_reason() -> None:
    extension = agree_extension(
        DEADLINE, date(2027, 1, 21), "  Police disclosure awaited ", date(2027, 1, 12), CALENDAR
    )
    assert extension.reason == "Police disclosure awaited"
    assert effective_deadline(DEADLINE, [extension]) == date(2027, 1, 21)
    assert effective_deadline(DEADLINE, []) == DEADLINE


@pytest.mark.parametrize(
    ("new_deadline", "reason", "message"),
    [
        (date(2027, 1, 21), "  ", "Enter the reason"),
        (date(2027, 1, 14), "Reason", "must be after the current one"),
        (date(2027, 1, 23), "Reason", "must be a working day"),
        (date(2027, 1, 21), "x" * 2001, "2000 characters"),
    ],
    ids=["no reason", "not later", "a Saturday", "reason too long"],
)
def test_a_bad_extension_says_why(new_deadline: date, reason: str, message: str) -> None:
    with pytest.raises(ExtensionError, match=message):
        agree_extension(DEADLINE, new_deadline, reason, date(2027, 1, 12), CALENDAR)


def test_the_latest_extension_is_in_force() -> None:
    first = agree_extension(DEADLINE, date(2027, 1, 21), "A", date(2027, 1, 12), CALENDAR)
    second = agree_extension(
        first.new_deadline, date(2027, 1, 28), "B", date(2027, 1, 20), CALENDAR
    )
    assert effective_deadline(DEADLINE, [second, first]) == date(2027, 1, 28)


@pytest.mark.parametrize(
    ("sent_on", "late"),
    [
        (date(2027, 1, 13), 0),
        (date(2027, 1, 14), 0),
        (date(2027, 1, 15), 1),
        (date(2027, 1, 16), 1),
        (date(2027, 1, 19), 3),
    ],
    ids=["early", "on the day", "day 16", "the Saturday after", "the Tuesday after"],
)
def test_working_days_late(sent_on: date, late: int) -> None:
    assert working_days_late(sent_on, DEADLINE, CALENDAR) == late


def test_on_time_needs_no_reason() -> None:
    assert record_lateness(DEADLINE, DEADLINE, "", CALENDAR) is None


def test_day_16_is_recorded_with_a_reason_not_blocked() -> None:
    lateness = record_lateness(date(2027, 1, 15), DEADLINE, "Executive sign-off", CALENDAR)
    assert lateness is not None
    assert lateness.working_days_late == 1
    assert lateness.reason == "Executive sign-off"
    with pytest.raises(ExtensionError, match="Enter the reason"):
        record_lateness(date(2027, 1, 15), DEADLINE, " ", CALENDAR)


def test_the_lateness_prompt_never_blocks() -> None:
    assert lateness_prompt(DEADLINE, DEADLINE, CALENDAR) is None
    prompt = lateness_prompt(date(2027, 1, 15), DEADLINE, CALENDAR)
    assert prompt is not None
    assert "1 working day ago" in prompt
    assert "You can carry on" in prompt
