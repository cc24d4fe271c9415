"""Agency check forms due back against the meeting: a form due after the meeting is no use to
it.

Tower Hamlets (step 10) gives agencies 5 to 8 working days from when the form is sent, and
(step 8) holds the meeting within 10 working days of the notification: a form sent on day 3 is
due on day 11, after the meeting. The coordinator is warned, with the last day that leaves the
form in time, on the request, the countdown board and the case's timetable.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date


def latest_meeting_day(
    notification: date, latest_working_day: int, calendar: BankHolidayCalendar
) -> date:
    """The last day the profile allows for the meeting (day ``latest_working_day``)."""
    return calendar.add_working_days(notification, latest_working_day)


def _held_by(meeting: date | None, latest_meeting: date) -> tuple[date, str]:
    """The day the meeting is held by, and how to name it."""
    if meeting is not None:
        return meeting, f"the meeting on {format_date(meeting)}"
    return latest_meeting, f"{format_date(latest_meeting)}, the latest day for the meeting"


def _working_day_before(day: date, calendar: BankHolidayCalendar) -> date:
    before = day - timedelta(days=1)
    while not calendar.is_working_day(before):
        before -= timedelta(days=1)
    return before


def due_after_meeting_warning(
    due: date,
    *,
    meeting: date | None,
    latest_meeting: date,
    calendar: BankHolidayCalendar,
) -> str | None:
    """A warning when a form due on ``due`` comes back after the meeting (the booked meeting,
    or the latest day the profile allows for it when none is booked); ``None`` otherwise."""
    held_by, which = _held_by(meeting, latest_meeting)
    if due <= held_by:
        return None
    ask_by = _working_day_before(held_by, calendar)
    return (
        f"This form is due on {format_date(due)}, after {which}. Ask for it by"
        f" {format_date(ask_by)} so the panel has it."
    )


def forms_due_after_meeting(
    awaited: Iterable[tuple[str, date]], *, meeting: date | None, latest_meeting: date
) -> tuple[tuple[str, date], ...]:
    """The agencies (with due dates) whose forms, still awaited, are due after the meeting."""
    held_by, _ = _held_by(meeting, latest_meeting)
    return tuple((agency, due) for agency, due in awaited if due > held_by)


def forms_after_meeting_warning(
    awaited: Iterable[tuple[str, date]],
    *,
    meeting: date | None,
    latest_meeting: date,
    calendar: BankHolidayCalendar,
) -> str | None:
    """One warning for a case's forms still awaited and due after the meeting, naming each
    agency and its due date, for the countdown board and the case's timetable; ``None`` when
    every awaited form is due in time."""
    late = forms_due_after_meeting(awaited, meeting=meeting, latest_meeting=latest_meeting)
    if not late:
        return None
    held_by, which = _held_by(meeting, latest_meeting)
    ask_by = format_date(_working_day_before(held_by, calendar))
    if len(late) == 1:
        agency, due = late[0]
        return (
            f"The form from {agency} is due on {format_date(due)}, after {which}. Ask for it by"
            f" {ask_by} so the panel has it."
        )
    named = "; ".join(f"{agency}, due {format_date(due)}" for agency, due in late)
    return (
        f"{len(late)} agency check forms are due after {which} ({named}). Ask for them by"
        f" {ask_by} so the panel has them."
    )
