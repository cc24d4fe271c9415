"""Where a review stands on a day: "Day 8 of 15", working days left, and its status in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date


class ReviewStatus(Enum):
    """A review's status; always shown in words, never by colour alone."""

    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    DONE = "done"

    @property
    def words(self) -> str:
        return {
            ReviewStatus.ON_TRACK: "On track",
            ReviewStatus.DUE_SOON: "Due soon",
            ReviewStatus.OVERDUE: "Overdue",
            ReviewStatus.DONE: "Done",
        }[self]


@dataclass(frozen=True, slots=True)
class ReviewProgress:
    """A review's clock on ``today``.

    ``day_number`` is today's working day of the review (the notification date is day 0; it
    never goes below 0). ``total_days`` is 15, or more with an agreed extension.
    ``working_days_left`` is negative once the deadline has passed by whole working days.
    """

    status: ReviewStatus
    today: date
    deadline: date
    day_number: int
    total_days: int
    working_days_left: int

    @property
    def day_of_total(self) -> str:
        return f"Day {self.day_number} of {self.total_days}"

    @property
    def deadline_just_passed(self) -> bool:
        """Not done, the deadline gone, and no working day since (a weekend, say)."""
        return (
            self.status is not ReviewStatus.DONE
            and self.today > self.deadline
            and self.working_days_left == 0
        )

    @property
    def days_left_words(self) -> str:
        left = self.working_days_left
        if self.status is ReviewStatus.DONE:
            return "Done"
        if self.deadline_just_passed:
            return f"Deadline passed on {format_date(self.deadline)}"
        if self.today > self.deadline:
            late = -left
            return f"{late} working day{'' if late == 1 else 's'} overdue"
        if self.today == self.deadline:
            return "Due today"
        return f"{left} working day{'' if left == 1 else 's'} left"


def review_progress(
    notification_date: date,
    deadline: date,
    today: date,
    calendar: BankHolidayCalendar,
    *,
    due_soon_working_days: int,
    done: bool = False,
) -> ReviewProgress:
    """The status of a review whose decision is due on ``deadline`` (15 days or as extended).

    Overdue once ``today`` is after the deadline; due soon when ``due_soon_working_days`` or
    fewer working days are left; done when the decision has been sent.
    """
    left = calendar.working_days_between(today, deadline)
    if done:
        status = ReviewStatus.DONE
    elif today > deadline:
        status = ReviewStatus.OVERDUE
    elif left <= due_soon_working_days:
        status = ReviewStatus.DUE_SOON
    else:
        status = ReviewStatus.ON_TRACK
    return ReviewProgress(
        status=status,
        today=today,
        deadline=deadline,
        day_number=max(0, calendar.working_days_between(notification_date, today)),
        total_days=calendar.working_days_between(notification_date, deadline),
        working_days_left=left,
    )
