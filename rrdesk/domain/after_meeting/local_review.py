"""A local Child Safeguarding Practice Review, from commissioning to the one-year workshop.

The documents say a local review "takes place within 6 months"; a learning workshop is held at
publication; "one year after a CSPR is published a partnership workshop is held to review the
implementation of learning". Each is a milestone with a due date worked out here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.months import add_months
from rrdesk.domain.timetable.progress import ReviewStatus

COMPLETION_MONTHS = 6
IMPLEMENTATION_MONTHS = 12
DUE_SOON_DAYS = 28
"""A milestone this many calendar days away or fewer is "due soon" on the board."""


class LocalReviewError(UserError):
    """A local review record that breaks a rule, said in plain words."""


@dataclass(frozen=True)
class LocalReview:
    """What the partnership records about the review once the Executive has endorsed it."""

    commissioned_on: date | None = None
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

    @property
    def completion_due(self) -> date | None:
        """Six calendar months after commissioning (month end when the month is shorter)."""
        if self.commissioned_on is None:
            return None
        return add_months(self.commissioned_on, COMPLETION_MONTHS)

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

    def status_words(self, today: date) -> str:
        if self.done:
            return f"Done on {format_date(self.done_on)}" if self.done_on else "Done"
        if self.due is None:
            return "Not yet known"
        if self.due < today:
            days = (today - self.due).days
            return f"Overdue by {days} day{'' if days == 1 else 's'}"
        if self.due == today:
            return "Due today"
        days = (self.due - today).days
        return f"{days} day{'' if days == 1 else 's'} left"

    def is_overdue(self, today: date) -> bool:
        return not self.done and self.due is not None and self.due < today


def review_milestones(review: LocalReview) -> tuple[ReviewMilestone, ...]:
    """The review's milestones in order: commissioning, family, completion, publication, the two
    workshops. Dates not yet known are ``None``."""
    completion = review.completion_due
    return (
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
        ReviewMilestone(
            "completed",
            "Review completed (within 6 months)",
            completion,
            review.completed_on is not None,
            review.completed_on,
        ),
        ReviewMilestone(
            "published",
            "Review published",
            review.publication_planned or completion,
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


def next_milestone(review: LocalReview) -> ReviewMilestone | None:
    """The first milestone not yet done."""
    return next((m for m in review_milestones(review) if not m.done), None)


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


def review_status(review: LocalReview, today: date) -> ReviewStatus:
    """The review's status on the board: the worst of its milestones not yet done."""
    order = (ReviewStatus.OVERDUE, ReviewStatus.DUE_SOON, ReviewStatus.ON_TRACK)
    statuses = {milestone_status(m, today) for m in review_milestones(review) if not m.done}
    return next((status for status in order if status in statuses), ReviewStatus.DONE)
