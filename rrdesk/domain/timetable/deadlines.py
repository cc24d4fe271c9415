"""Working days and the Rapid Review timetable.

The convention, stated wherever a deadline is shown: the date the notification was sent is day 0;
day N is the Nth working day after it. A notification sent on a weekend or bank holiday follows
the same rule, so its day 1 is the next working day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.profiles import STATUTORY_DEADLINE_KEY, CountFrom, ProcessProfile

DAY_ZERO_CONVENTION = (
    "The date the notification was sent is day 0; day N is the Nth working day after it."
)


def add_working_days(start: date, count: int, calendar: BankHolidayCalendar) -> date:
    """Day ``count`` counted from ``start`` as day 0: the ``count``-th working day after it."""
    return calendar.add_working_days(start, count)


def working_days_between(start: date, end: date, calendar: BankHolidayCalendar) -> int:
    """Working days after ``start`` up to and including ``end`` (negative if ``end`` is earlier).

    For a notification sent on ``start``, this is the review's day number on ``end``:
    ``working_days_between(start, add_working_days(start, n, calendar), calendar) == n``.
    """
    return calendar.working_days_between(start, end)


@dataclass(frozen=True, slots=True)
class Milestone:
    """One milestone of a case's timetable.

    ``due`` is ``None`` when the date it counts from (referral or meeting) is not yet known.
    ``earliest`` is the start of a window ("2 to 3 working days"). ``review_day`` is the
    working day of the review, counted from the notification, on which it falls.
    ``beyond_coverage`` warns that the date depends on rules, not the official list.
    """

    key: str
    label: str
    working_day: int
    counted_from: CountFrom
    due: date | None
    earliest: date | None
    review_day: int | None
    beyond_coverage: bool
    name: str = ""  # the profile's name for what the milestone is (see MilestoneRule.name)

    @property
    def counted_from_words(self) -> str:
        days = "working day" if self.working_day == 1 else "working days"
        return f"{self.working_day} {days} after {self.counted_from.words}"


@dataclass(frozen=True, slots=True)
class Timetable:
    profile_name: str
    notification_date: date
    referral_date: date | None
    meeting_date: date | None
    milestones: tuple[Milestone, ...]

    def milestone(self, key: str) -> Milestone:
        for item in self.milestones:
            if item.key == key:
                return item
        raise KeyError(key)

    @property
    def deadline(self) -> date:
        """The date the decision must reach the National Panel (day 15)."""
        due = self.milestone(STATUTORY_DEADLINE_KEY).due
        assert due is not None
        return due

    @property
    def beyond_coverage(self) -> bool:
        return any(item.beyond_coverage for item in self.milestones)

    def next_milestone(self, today: date, done: frozenset[str] = frozenset()) -> Milestone | None:
        """The first milestone not done and not yet past, in date order."""
        for item in self.milestones:
            if item.key not in done and item.due is not None and item.due >= today:
                return item
        return None


def coverage_warning(day: date, calendar: BankHolidayCalendar) -> str | None:
    """A warning if ``day`` is outside the official list of bank holidays, else ``None``."""
    if calendar.is_covered(day):
        return None
    if day > calendar.covered_until:
        where = f"after {format_date(calendar.covered_until)}, where the official list ends"
    else:
        where = f"before {format_date(calendar.covered_from)}, where the official list starts"
    return (
        f"{format_date(day)} is {where}, so it was worked out from the standard rules for "
        "bank holidays. Check it if a one-off bank holiday is announced."
    )


def compute_timetable(
    profile: ProcessProfile,
    calendar: BankHolidayCalendar,
    notification_date: date,
    *,
    referral_date: date | None = None,
    meeting_date: date | None = None,
    forms_sent_date: date | None = None,
    discussed_on: date | None = None,
) -> Timetable:
    """Every milestone of ``profile`` for a notification sent on ``notification_date``;
    ``forms_sent_date`` is the last day an agency check form request was sent, when one has
    been (a milestone counted from it then falls with the last request's due date);
    ``discussed_on`` is when a child death review or joint agency response discussed the case."""
    items: list[Milestone] = []
    for rule in profile.milestones:
        counts_from = rule.counts_from
        if counts_from is CountFrom.NOTIFICATION:
            base: date | None = notification_date
        elif counts_from is CountFrom.REFERRAL:
            base = referral_date
        elif counts_from is CountFrom.FORMS_SENT:
            base = forms_sent_date
        elif counts_from is CountFrom.CDOP_DISCUSSION:
            if discussed_on is None:
                continue  # only a case a child death review or joint agency response discussed
            base = discussed_on
        else:
            base = meeting_date
        due = earliest = None
        review_day = None
        if base is not None:
            due = calendar.add_working_days(base, rule.working_days)
            if rule.earliest_working_days is not None:
                earliest = calendar.add_working_days(base, rule.earliest_working_days)
            review_day = calendar.working_days_between(notification_date, due)
        beyond = due is not None and not calendar.is_covered(due)
        items.append(
            Milestone(
                key=rule.key,
                label=rule.label,
                working_day=rule.working_days,
                counted_from=rule.counts_from,
                due=due,
                earliest=earliest,
                review_day=review_day,
                beyond_coverage=beyond,
                name=rule.name,
            )
        )
    if any(
        later.due is not None and (earlier.due is None or later.due < earlier.due)
        for earlier, later in pairwise(items)
    ):
        order = {id(item): position for position, item in enumerate(items)}
        items.sort(key=lambda item: (item.due is None, item.due or date.min, order[id(item)]))
    return Timetable(
        profile_name=profile.name,
        notification_date=notification_date,
        referral_date=referral_date,
        meeting_date=meeting_date,
        milestones=tuple(items),
    )
