"""Agency check forms due back against the meeting: a form due after the meeting is no use to
it.

Tower Hamlets (step 10) gives agencies 5 to 8 working days from when the form is sent, and
(step 8) holds the meeting within 10 working days of the notification: a form sent on day 3 is
due on day 11, after the meeting. The coordinator is warned, with the last day that leaves the
form in time.
"""

from __future__ import annotations

from datetime import date, timedelta

from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date


def latest_meeting_day(
    notification: date, latest_working_day: int, calendar: BankHolidayCalendar
) -> date:
    """The last day the profile allows for the meeting (day ``latest_working_day``)."""
    return calendar.add_working_days(notification, latest_working_day)


def due_after_meeting_warning(
    due: date,
    *,
    meeting: date | None,
    latest_meeting: date,
    calendar: BankHolidayCalendar,
) -> str | None:
    """A warning when a form due on ``due`` comes back after the meeting (the booked meeting,
    or the latest day the profile allows for it when none is booked); ``None`` otherwise."""
    held_by = meeting or latest_meeting
    if due <= held_by:
        return None
    ask_by = held_by - timedelta(days=1)
    while not calendar.is_working_day(ask_by):
        ask_by -= timedelta(days=1)
    which = (
        f"the meeting on {format_date(held_by)}"
        if meeting is not None
        else f"{format_date(held_by)}, the latest day for the meeting"
    )
    return (
        f"This form is due on {format_date(due)}, after {which}. Ask for it by"
        f" {format_date(ask_by)} so the panel has it."
    )
