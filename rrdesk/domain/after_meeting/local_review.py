"""A local Child Safeguarding Practice Review, from the decision to initiate it to the one-year
workshop.

Working Together 2023: a local review is completed within 6 months of the decision to initiate
it (not of commissioning), and the final report goes to the National Panel and the Secretary of
State at least 7 working days before it is published. Leeds (lines 61-65): practitioner events
are held, and the report is shared with the family before publication. Tower Hamlets: a learning
workshop at publication (line 130) and one a year after it (line 133). Redbridge (line 39) also
reviews cases that do not meet the definition (near misses, good practice). Each is a milestone
with a due date worked out here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.months import add_months
from rrdesk.domain.timetable.progress import ReviewStatus

COMPLETION_MONTHS = 6
IMPLEMENTATION_MONTHS = 12
REPORT_BEFORE_PUBLICATION_WORKING_DAYS = 7
DUE_SOON_DAYS = 28
"""A milestone this many calendar days away or fewer is "due soon" on the board."""


class LocalReviewError(UserError):
    """A local review record that breaks a rule, said in plain words."""


@dataclass(frozen=True)
class LocalReview:
    """What the partnership records about the review once the Executive has endorsed it."""

    commissioned_on: date | None = None
    decided_on: date | None = None
    """The decision to initiate the review: its 6 months count from here."""
    below_threshold: str = ""
    """Why a case that did not meet the definition is reviewed (Redbridge: a near miss, good
    practice); empty for a review of a case that met it."""
    reviewer: str = ""
    reviewer_independent: bool = False
    """Confirmed independent of the agencies involved in the case."""
    method: str = ""
    panel: str = ""
    """Who sits on the review panel, one per line."""
    family_informed_on: date | None = None
    family_involvement: str = ""
    completed_on: date | None = None
    publication_planned: date | None = None
    published_on: date | None = None
    learning_workshop_on: date | None = None
    implementation_workshop_on: date | None = None
    practitioner_event_on: date | None = None
    report_shared_with_family_on: date | None = None
    report_to_panel_on: date | None = None
    """The final report sent to the National Panel and the Secretary of State."""

    @property
    def clock_start(self) -> date | None:
        """The decision to initiate the review, or its commissioning where that is not known."""
        return self.decided_on or self.commissioned_on

    @property
    def completion_due(self) -> date | None:
        """Six calendar months after the decision to initiate (month end when the month is
        shorter)."""
        start = self.clock_start
        return None if start is None else add_months(start, COMPLETION_MONTHS)

    @property
    def publication_date(self) -> date | None:
        return self.published_on or self.publication_planned

    @property
    def implementation_workshop_due(self) -> date | None:
        """One year after publication (or after the planned date, until it is published)."""
        published = self.publication_date
        return None if published is None else add_months(published, IMPLEMENTATION_MONTHS)


def check_local_review(review: LocalReview) -> tuple[str, ...]:
    """Dates out of order and missing essentials, in plain words; empty when all is well."""
    problems: list[str] = []
    start = review.commissioned_on
    if start is None:
        problems.append("Enter the date the review was commissioned")
    if review.decided_on is not None and start is not None and review.decided_on > start:
        problems.append(
            f"The decision to initiate the review comes before it was commissioned, on"
            f" {format_date(start)}"
        )
    if review.reviewer.strip() and not review.reviewer_independent:
        problems.append("Confirm the reviewer is independent of the agencies involved")
    for label, value in (
        ("The date the review was completed", review.completed_on),
        ("The date it was published", review.published_on),
        ("The date the family were told", review.family_informed_on),
    ):
        if start is not None and value is not None and value < start:
            problems.append(f"{label} must be on or after {format_date(start)}, when commissioned")
    if (
        review.completed_on is not None
        and review.published_on is not None
        and review.published_on < review.completed_on
    ):
        problems.append("The review cannot be published before it was completed")
    if review.published_on is not None and review.completed_on is None:
        problems.append("Enter the date the review was completed before it was published")
    if (
        review.implementation_workshop_on is not None
        and review.published_on is not None
        and review.implementation_workshop_on < review.published_on
    ):
        problems.append("The implementation workshop comes after publication")
    return tuple(problems)


@dataclass(frozen=True)
class ReviewMilestone:
    """One milestone of a local review, for the case tab and the countdown board."""

    key: str
    label: str
    due: date | None
    done: bool
    done_on: date | None = None
    skipped: bool = False
    """A step before publication that was not recorded by the time the review was published:
    it can no longer be done, so it holds nothing up."""
    working_days: Callable[[date], bool] | None = field(default=None, compare=False, repr=False)
    """The calendar's working days, for a milestone whose deadline is set in working days (the
    report, 7 working days before publication): its time left or overdue is counted in them.
    ``None`` for the others, set in calendar months and counted in calendar days."""

    def status_words(self, today: date) -> str:
        if self.skipped:
            return "Not recorded before publication"
        if self.done:
            return f"Done on {format_date(self.done_on)}" if self.done_on else "Done"
        if self.due is None:
            return "Not yet known"
        if self.due == today:
            return "Due today"
        late = self.due < today
        first, last = (self.due, today) if late else (today, self.due)
        if self.working_days is None:
            count, unit = (last - first).days, "calendar day"
        else:
            count = sum(
                self.working_days(first + timedelta(days=n))
                for n in range(1, (last - first).days + 1)
            )
            unit = "working day"
            if late and count == 0:  # no working day since: not yet a whole one late
                return f"Overdue: it was due on {format_date(self.due)}"
        days = f"{count} {unit}{'' if count == 1 else 's'}"
        return f"Overdue by {days}" if late else f"{days} left"

    def is_overdue(self, today: date) -> bool:
        return not self.done and self.due is not None and self.due < today


def working_days_before(day: date, count: int, is_working_day: Callable[[date], bool]) -> date:
    """The ``count``-th working day before ``day``."""
    found = day
    while count > 0:
        found -= timedelta(days=1)
        count -= is_working_day(found)
    return found


def _weekday(day: date) -> bool:
    return day.weekday() < 5


def review_milestones(
    review: LocalReview, is_working_day: Callable[[date], bool] = _weekday
) -> tuple[ReviewMilestone, ...]:
    """The review's milestones in order: the decision, commissioning, family, practitioners,
    completion, the report to the National Panel, publication, the two workshops. Dates not yet
    known are ``None``. ``is_working_day`` is the calendar's (weekdays when not given)."""
    completion = review.completion_due
    publication = review.publication_planned or completion
    planned = review.published_on or review.publication_planned
    report_due = (
        None
        if planned is None
        else working_days_before(planned, REPORT_BEFORE_PUBLICATION_WORKING_DAYS, is_working_day)
    )
    published = review.published_on is not None

    def before_publication(
        key: str,
        label: str,
        due: date | None,
        on: date | None,
        working_days: Callable[[date], bool] | None = None,
    ) -> ReviewMilestone:
        skipped = published and on is None
        done = on is not None or skipped
        return ReviewMilestone(key, label, due, done, on, skipped, working_days)

    return (
        ReviewMilestone(
            "decided",
            "Decision to initiate the review",
            review.clock_start,
            review.clock_start is not None,
            review.clock_start,
        ),
        ReviewMilestone(
            "commissioned",
            "Review commissioned",
            review.commissioned_on,
            review.commissioned_on is not None,
            review.commissioned_on,
        ),
        ReviewMilestone(
            "family_informed",
            "Family told about the review",
            review.commissioned_on,
            review.family_informed_on is not None,
            review.family_informed_on,
        ),
        before_publication(
            "practitioner_event",
            "Practitioner event held",
            completion,
            review.practitioner_event_on,
        ),
        ReviewMilestone(
            "completed",
            "Review completed (within 6 months of the decision to initiate)",
            completion,
            review.completed_on is not None,
            review.completed_on,
        ),
        before_publication(
            "shared_with_family",
            "Report shared with the family before publication",
            planned,
            review.report_shared_with_family_on,
        ),
        before_publication(
            "report_to_panel",
            "Final report to the National Panel and the Secretary of State (at least 7 working"
            " days before publication)",
            report_due,
            review.report_to_panel_on,
            is_working_day,
        ),
        ReviewMilestone(
            "published",
            "Review published",
            publication,
            review.published_on is not None,
            review.published_on,
        ),
        ReviewMilestone(
            "learning_workshop",
            "Learning workshop at publication",
            review.publication_date,
            review.learning_workshop_on is not None,
            review.learning_workshop_on,
        ),
        ReviewMilestone(
            "implementation_workshop",
            "Implementation workshop (one year after publication)",
            review.implementation_workshop_due,
            review.implementation_workshop_on is not None,
            review.implementation_workshop_on,
        ),
    )


def next_milestone(
    review: LocalReview, is_working_day: Callable[[date], bool] = _weekday
) -> ReviewMilestone | None:
    """The first milestone not yet done."""
    return next((m for m in review_milestones(review, is_working_day) if not m.done), None)


def milestone_status(milestone: ReviewMilestone, today: date) -> ReviewStatus:
    """The board's status for one milestone: done, overdue, due soon (4 weeks) or on track."""
    if milestone.done:
        return ReviewStatus.DONE
    if milestone.due is None:
        return ReviewStatus.ON_TRACK
    if milestone.due < today:
        return ReviewStatus.OVERDUE
    if (milestone.due - today).days <= DUE_SOON_DAYS:
        return ReviewStatus.DUE_SOON
    return ReviewStatus.ON_TRACK


def review_status(
    review: LocalReview, today: date, is_working_day: Callable[[date], bool] = _weekday
) -> ReviewStatus:
    """The review's status on the board: the worst of its milestones not yet done."""
    order = (ReviewStatus.OVERDUE, ReviewStatus.DUE_SOON, ReviewStatus.ON_TRACK)
    milestones = review_milestones(review, is_working_day)
    statuses = {milestone_status(m, today) for m in milestones if not m.done}
    return next((status for status in order if status in statuses), ReviewStatus.DONE)
