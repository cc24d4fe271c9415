"""Extensions agreed with the National Panel, and lateness with its reason.

The 15 working days are the National Panel's expectation, not a wall: nothing here stops work
after the deadline. A late decision is recorded with the reason, for the submission.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date

_LONGEST_REASON = 2000


class ExtensionError(UserError):
    """An extension or lateness record that cannot be saved, with the reason."""


class ReasonError(ExtensionError):
    """The reason for an extension or for lateness is missing or too long."""


def _clean_reason(reason: str, what: str) -> str:
    cleaned = reason.strip()
    if not cleaned:
        raise ReasonError(f"Enter the reason {what}")
    if len(cleaned) > _LONGEST_REASON:
        raise ReasonError(f"The reason must be {_LONGEST_REASON} characters or fewer")
    return cleaned


@dataclass(frozen=True)
class Extension:
    """A new deadline agreed with the National Panel, and why."""

    agreed_on: date
    new_deadline: date
    reason: str


def agree_extension(
    current_deadline: date,
    new_deadline: date,
    reason: str,
    agreed_on: date,
    calendar: BankHolidayCalendar,
) -> Extension:
    """Record an extension, or raise :class:`ExtensionError` saying what to fix."""
    cleaned = _clean_reason(reason, "the National Panel agreed the extension")
    if new_deadline <= current_deadline:
        raise ExtensionError(
            f"The new deadline must be after the current one ({format_date(current_deadline)})"
        )
    if not calendar.is_working_day(new_deadline):
        raise ExtensionError(
            f"The new deadline must be a working day; {format_date(new_deadline)} is not"
        )
    return Extension(agreed_on=agreed_on, new_deadline=new_deadline, reason=cleaned)


def effective_deadline(statutory_deadline: date, extensions: Iterable[Extension]) -> date:
    """The deadline in force: the latest agreed extension, or the 15-day deadline."""
    return max((e.new_deadline for e in extensions), default=statutory_deadline)


def working_days_late(sent_on: date, deadline: date, calendar: BankHolidayCalendar) -> int:
    """How many working days after the deadline the decision was sent (0 if on time)."""
    if sent_on <= deadline:
        return 0
    return max(1, calendar.working_days_between(deadline, sent_on))


@dataclass(frozen=True)
class Lateness:
    """Why a decision reached the National Panel after the deadline."""

    sent_on: date
    deadline: date
    working_days_late: int
    reason: str


def record_lateness(
    sent_on: date, deadline: date, reason: str, calendar: BankHolidayCalendar
) -> Lateness | None:
    """``None`` if the decision was on time; otherwise the lateness with its reason.

    Raises :class:`ExtensionError` only when the decision is late and no reason is given.
    """
    late = working_days_late(sent_on, deadline, calendar)
    if late == 0:
        return None
    cleaned = _clean_reason(reason, "the decision was sent after the deadline")
    return Lateness(sent_on=sent_on, deadline=deadline, working_days_late=late, reason=cleaned)


def lateness_prompt(today: date, deadline: date, calendar: BankHolidayCalendar) -> str | None:
    """A prompt to record why, once the deadline has passed; never a block."""
    late = working_days_late(today, deadline, calendar)
    if late == 0:
        return None
    days = "working day" if late == 1 else "working days"
    return (
        f"The deadline was {format_date(deadline)}, {late} {days} ago. You can carry on: record "
        "the reason the decision is late, for the submission to the National Panel."
    )
