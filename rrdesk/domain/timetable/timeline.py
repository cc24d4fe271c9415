"""The days of a review as cells, for the timeline strip on the board and the case page.

Working days carry their day number (the notification date is day 0); weekends and bank holidays
are gaps, bank holidays with their names. Milestones and today are marked on their days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.deadlines import Timetable


class DayKind(Enum):
    WORKING = "working"
    WEEKEND = "weekend"
    BANK_HOLIDAY = "bank_holiday"


@dataclass(frozen=True, slots=True)
class TimelineDay:
    """One calendar day of the strip.

    ``review_day`` is the working day number (0 for the notification date) on working days and
    ``None`` on weekends and bank holidays after the notification. ``milestones`` are the keys
    of the milestones due that day. ``beyond_deadline`` marks days after the deadline (late).
    """

    day: date
    kind: DayKind
    review_day: int | None
    holiday_name: str | None
    milestones: tuple[str, ...]
    is_today: bool
    beyond_deadline: bool


def build_timeline(
    timetable: Timetable,
    calendar: BankHolidayCalendar,
    today: date,
    *,
    deadline: date | None = None,
) -> tuple[TimelineDay, ...]:
    """Every day from the notification to the deadline, or later to reach today or a milestone.

    ``deadline`` is the deadline in force (after any extension); the 15-day one by default.
    """
    start = timetable.notification_date
    end_of_review = deadline or timetable.deadline
    dues = [item.due for item in timetable.milestones if item.due is not None]
    last = max([end_of_review, *dues, today if today >= start else start])
    due_on: dict[date, list[str]] = {}
    for item in timetable.milestones:
        if item.due is not None:
            due_on.setdefault(item.due, []).append(item.key)
    days: list[TimelineDay] = []
    count = 0
    day = start
    while day <= last:
        name = calendar.holiday_name(day)
        if name is not None:
            kind = DayKind.BANK_HOLIDAY
        elif day.weekday() >= 5:
            kind = DayKind.WEEKEND
        else:
            kind = DayKind.WORKING
        if day > start and kind is DayKind.WORKING:
            count += 1
        days.append(
            TimelineDay(
                day=day,
                kind=kind,
                review_day=count if day == start or kind is DayKind.WORKING else None,
                holiday_name=name,
                milestones=tuple(due_on.get(day, ())),
                is_today=day == today,
                beyond_deadline=day > end_of_review,
            )
        )
        day += timedelta(days=1)
    return tuple(days)
