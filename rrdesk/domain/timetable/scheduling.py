"""Rules for when Rapid Review meetings can be held, from the partnerships' documents.

Two meetings for different cases on the same day are refused; meetings on consecutive working
days warn, or are refused where the profile says so (Tower Hamlets step 23: "under no
circumstances ... back-to-back or on the same day"); a meeting after the
profile's latest day warns; several reviews running at once bring advice to agree timescales with
the National Panel (Tower Hamlets step 22).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date, format_date_with_weekday
from rrdesk.domain.timetable.profiles import STATUTORY_WORKING_DAYS, ProcessProfile


@dataclass(frozen=True)
class PlannedMeeting:
    """A Rapid Review meeting for one case (proposed or already arranged)."""

    case_reference: str
    meeting_date: date
    notification_date: date


@dataclass(frozen=True)
class MeetingCheck:
    """The outcome of checking a meeting date: reasons it is refused, and warnings."""

    refusals: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def allowed(self) -> bool:
        return not self.refusals


def _non_working_reason(day: date, calendar: BankHolidayCalendar) -> str | None:
    name = calendar.holiday_name(day)
    if name:
        return f"{format_date_with_weekday(day)} is a bank holiday ({name})"
    if day.weekday() >= 5:
        return f"{format_date_with_weekday(day)} is not a working day"
    return None


def check_meeting(
    proposed: PlannedMeeting,
    others: Iterable[PlannedMeeting],
    profile: ProcessProfile,
    calendar: BankHolidayCalendar,
    *,
    booked: bool = False,
) -> MeetingCheck:
    """Check a proposed meeting against the other cases' meetings and the profile; with
    ``booked``, a meeting already booked (the warnings then say "is", not "would be").

    Meetings of the same case in ``others`` are ignored, so a reschedule is checked cleanly.
    """
    would_be = "is" if booked else "would be"
    day = proposed.meeting_date
    refusals: list[str] = []
    warnings: list[str] = []
    if day < proposed.notification_date:
        refusals.append(
            f"The meeting cannot be before the notification was sent "
            f"({format_date(proposed.notification_date)})."
        )
    other_cases = [m for m in others if m.case_reference != proposed.case_reference]
    same_day = sorted({m.case_reference for m in other_cases if m.meeting_date == day})
    if same_day and profile.refuse_same_day_meetings:
        refusals.append(
            f"There is already a Rapid Review meeting on {format_date_with_weekday(day)} "
            f"(case {', '.join(same_day)}). Meetings for different cases are never held on the "
            "same day."
        )
    non_working = _non_working_reason(day, calendar)
    if non_working:
        warnings.append(f"{non_working}.")
    refuse = profile.refuse_back_to_back_meetings
    if refuse or profile.warn_back_to_back_meetings:
        for other in sorted(other_cases, key=lambda m: (m.meeting_date, m.case_reference)):
            gap = calendar.working_days_between(
                min(day, other.meeting_date), max(day, other.meeting_date)
            )
            if other.meeting_date == day or gap > 1:
                continue
            found = (
                f"Case {other.case_reference} has its meeting on "
                f"{format_date_with_weekday(other.meeting_date)}, the working day "
                f"{'before' if other.meeting_date < day else 'after'}."
            )
            if refuse:
                refusals.append(
                    f"{found} In the {profile.title} process meetings for different cases are "
                    "never held back to back."
                )
            else:
                warnings.append(f"{found} Meetings for different cases should not be back to back.")
    review_day = calendar.working_days_between(proposed.notification_date, day)
    latest = profile.latest_meeting_working_day
    if review_day > STATUTORY_WORKING_DAYS:
        warnings.append(
            f"The meeting {would_be} on working day {review_day}, after the decision is due to "
            f"the National Panel on day {STATUTORY_WORKING_DAYS}."
        )
    elif review_day > latest:
        latest_date = calendar.add_working_days(proposed.notification_date, latest)
        warnings.append(
            f"The meeting {would_be} on working day {review_day}. The {profile.title} process "
            f"expects it by day {latest} ({format_date_with_weekday(latest_date)})."
        )
    return MeetingCheck(tuple(refusals), tuple(warnings))


@dataclass(frozen=True)
class OpenReview:
    """An open review's 15-day window: from the notification to the decision."""

    case_reference: str
    notification_date: date
    deadline: date


def open_review(
    case_reference: str, notification_date: date, calendar: BankHolidayCalendar
) -> OpenReview:
    deadline = calendar.add_working_days(notification_date, STATUTORY_WORKING_DAYS)
    return OpenReview(case_reference, notification_date, deadline)


def overlapping_reviews(reviews: Iterable[OpenReview]) -> tuple[OpenReview, ...]:
    """The largest group of reviews whose windows all share at least one day."""
    items = list(reviews)
    best: tuple[OpenReview, ...] = ()
    for start in sorted({r.notification_date for r in items}):
        group = tuple(r for r in items if r.notification_date <= start <= r.deadline)
        if len(group) > len(best):
            best = group
    return tuple(sorted(best, key=lambda r: (r.notification_date, r.case_reference)))


def overlap_advice(reviews: Iterable[OpenReview], threshold: int) -> str | None:
    """Advice to agree timescales with the National Panel when ``threshold`` or more overlap."""
    group = overlapping_reviews(reviews)
    if len(group) < threshold:
        return None
    references = ", ".join(r.case_reference for r in group)
    start = max(r.notification_date for r in group)
    end = min(r.deadline for r in group)
    when = (
        f"on {format_date(start)}"
        if start == end
        else f"from {format_date(start)} to {format_date(end)}"
    )
    return (
        f"{len(group)} open reviews ({references}) run at the same time, {when}. Agree "
        "timescales with the National Panel so that each review gets the time it needs."
    )
