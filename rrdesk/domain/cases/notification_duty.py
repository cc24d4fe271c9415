"""The local authority's duty to notify, and to tell Ofsted and the Secretary of State.

Working Together 2023, chapter 5 (and the partnerships' README in the domain documents): the
local authority notifies the National Panel within 5 working days of becoming aware of a serious
incident. Separately, the death of a looked-after child, whatever the cause, must be notified to
Ofsted and the Secretary of State.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rrdesk.domain.cases.cases import Case, ChildStatus, Outcome
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar, OutsideCalendarError
from rrdesk.domain.timetable.dates import format_date

NOTIFICATION_DUTY_WORKING_DAYS = 5


@dataclass(frozen=True)
class NotificationGap:
    """The working days from the local authority becoming aware to the notification."""

    aware: date
    notified: date
    working_days: int

    @property
    def late(self) -> bool:
        return self.working_days > NOTIFICATION_DUTY_WORKING_DAYS

    @property
    def words(self) -> str:
        """``3 working days after the local authority became aware`` and, when late, why it
        matters."""
        unit = "working day" if self.working_days == 1 else "working days"
        text = f"{self.working_days} {unit} after the local authority became aware"
        if self.late:
            text += (
                f": later than the {NOTIFICATION_DUTY_WORKING_DAYS} working days the local"
                " authority has to notify"
            )
        return text

    @property
    def short_words(self) -> str:
        """For the countdown board: ``Notified late (7 working days)`` or ``""``."""
        if not self.late:
            return ""
        return f"Notified late ({self.working_days} working days after aware)"


def notification_gap(case: Case, calendar: BankHolidayCalendar) -> NotificationGap | None:
    """The gap for ``case``, or ``None`` when either date is not known (or cannot be counted)."""
    aware, notified = case.la_aware_date, case.notification_sent
    if aware is None or notified is None or aware > notified:
        return None
    try:
        days = calendar.working_days_between(aware, notified)
    except OutsideCalendarError:
        return None
    return NotificationGap(aware=aware, notified=notified, working_days=days)


def looked_after_child_died(case: Case) -> bool:
    """Whether a child in the notification was looked after and died."""
    return any(
        child.status is ChildStatus.LOOKED_AFTER and child.outcome is Outcome.DIED
        for child in case.children
    )


def ofsted_prompt(case: Case) -> str | None:
    """What the case page says about telling Ofsted and the Secretary of State, or ``None`` when
    no child in the notification was looked after and died."""
    if not looked_after_child_died(case):
        return None
    if case.ofsted_told_on is not None:
        return f"Ofsted and the Secretary of State told on {format_date(case.ofsted_told_on)}"
    return (
        "Not recorded yet. A looked-after child died: the local authority must tell Ofsted and"
        " the Secretary of State, whatever the cause of death."
    )
