"""The statutory review action plan: every action from Rapid Reviews and local reviews.

Actions come from two places: the immediate actions agreed at each case's meeting (read from the
meeting record) and actions added to the plan directly. What the working group records about an
action (status, evidence, embedded) is kept beside it as :class:`ActionTracking`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum

from rrdesk.domain.errors import UserError
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar


class ActionPlanError(UserError):
    """A change to the action plan that breaks a rule, said in plain words."""


class ActionStatus(Enum):
    """What the working group records. "Overdue" is never recorded: it is worked out."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"

    @property
    def label(self) -> str:
        return {"open": "Open", "in_progress": "In progress", "completed": "Completed"}[self.value]


class ShownStatus(Enum):
    """The status as shown: the recorded one, or overdue when past due and not completed."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"
    COMPLETED = "completed"

    @property
    def label(self) -> str:
        return {
            "open": "Open",
            "in_progress": "In progress",
            "overdue": "Overdue",
            "completed": "Completed",
        }[self.value]


class ActionSource(Enum):
    MEETING = "meeting"
    ADDED = "added"

    @property
    def label(self) -> str:
        return "Immediate action from the meeting" if self is ActionSource.MEETING else "Added"


class SourceReview(Enum):
    RAPID_REVIEW = "rapid_review"
    LOCAL_REVIEW = "local_review"
    NOTIFICATION = "notification"

    @property
    def label(self) -> str:
        return {
            "rapid_review": "Rapid Review",
            "local_review": "Child Safeguarding Practice Review",
            "notification": "Serious Incident Notification (threshold not met)",
        }[self.value]


@dataclass(frozen=True)
class ActionTracking:
    """The working group's record of one action."""

    status: ActionStatus = ActionStatus.OPEN
    evidence: str = ""
    completed_on: date | None = None
    embedded_by: str = ""
    embedded_on: date | None = None

    @property
    def embedded(self) -> bool:
        return self.embedded_on is not None


@dataclass(frozen=True)
class PlanAction:
    """One line of the plan. ``key`` is stable: ``meeting-N`` or ``added-N`` within its case."""

    key: str
    case_id: int
    case_reference: str
    review: SourceReview
    source: ActionSource
    action: str
    owner_agency: str
    due: date | None
    tracking: ActionTracking = field(default_factory=ActionTracking)

    def shown_status(self, today: date) -> ShownStatus:
        status = self.tracking.status
        if status is ActionStatus.COMPLETED:
            return ShownStatus.COMPLETED
        if self.due is not None and self.due < today:
            return ShownStatus.OVERDUE
        return ShownStatus.IN_PROGRESS if status is ActionStatus.IN_PROGRESS else ShownStatus.OPEN

    def is_overdue(self, today: date) -> bool:
        return self.shown_status(today) is ShownStatus.OVERDUE

    def days_overdue(self, today: date, calendar: BankHolidayCalendar) -> int:
        """Working days since the due date, as every other count in rrdesk is made."""
        if not self.is_overdue(today) or self.due is None:
            return 0
        return calendar.working_days_between(self.due, today)


@dataclass(frozen=True)
class AddedAction:
    """An action added to the plan directly (not from a meeting)."""

    number: int
    action: str
    owner_agency: str
    due: date | None = None
    review: SourceReview = SourceReview.RAPID_REVIEW


def checked_action(action: str, owner_agency: str) -> tuple[str, str]:
    if not action.strip():
        raise ActionPlanError("Enter the action")
    if not owner_agency.strip():
        raise ActionPlanError("Enter the agency that owns the action")
    return action.strip(), owner_agency.strip()


def checked_tracking(tracking: ActionTracking) -> ActionTracking:
    """The tracking record if it keeps the rules, else :class:`ActionPlanError`.

    A completed action needs its evidence; an action can only be confirmed as embedded once it
    is completed, and the confirmation needs who confirmed it.
    """
    evidence = tracking.evidence.strip()
    embedded_by = tracking.embedded_by.strip()
    if tracking.status is ActionStatus.COMPLETED and not evidence:
        raise ActionPlanError("Enter the evidence that the action was completed")
    if tracking.embedded_on is not None:
        if tracking.status is not ActionStatus.COMPLETED:
            raise ActionPlanError("Only a completed action can be confirmed as embedded")
        if not embedded_by:
            raise ActionPlanError("Enter who in the working group confirmed it is embedded")
        if tracking.completed_on is not None and tracking.embedded_on < tracking.completed_on:
            raise ActionPlanError("An action cannot be embedded before it was completed")
    completed_on = tracking.completed_on if tracking.status is ActionStatus.COMPLETED else None
    return replace(tracking, evidence=evidence, embedded_by=embedded_by, completed_on=completed_on)


def plan_for_case(
    *,
    case_id: int,
    case_reference: str,
    meeting_actions: Sequence[ImmediateAction],
    added: Sequence[AddedAction],
    tracking: dict[str, ActionTracking],
) -> tuple[PlanAction, ...]:
    """Every action of one case: the meeting's immediate actions first, then those added."""
    lines = [
        PlanAction(
            key=f"meeting-{index}",
            case_id=case_id,
            case_reference=case_reference,
            review=SourceReview.RAPID_REVIEW,
            source=ActionSource.MEETING,
            action=item.action,
            owner_agency=item.owner_agency,
            due=item.due,
            tracking=tracking.get(f"meeting-{index}", ActionTracking()),
        )
        for index, item in enumerate(meeting_actions)
    ]
    lines.extend(
        PlanAction(
            key=f"added-{item.number}",
            case_id=case_id,
            case_reference=case_reference,
            review=item.review,
            source=ActionSource.ADDED,
            action=item.action,
            owner_agency=item.owner_agency,
            due=item.due,
            tracking=tracking.get(f"added-{item.number}", ActionTracking()),
        )
        for item in added
    )
    return tuple(lines)


@dataclass(frozen=True)
class ActionFilter:
    """Empty agency and no statuses mean every action."""

    agency: str = ""
    statuses: frozenset[ShownStatus] = frozenset()

    def keeps(self, action: PlanAction, today: date) -> bool:
        if self.agency and action.owner_agency != self.agency:
            return False
        return not self.statuses or action.shown_status(today) in self.statuses


def filter_actions(
    actions: Iterable[PlanAction], chosen: ActionFilter, today: date
) -> tuple[PlanAction, ...]:
    """The actions ``chosen`` keeps, overdue first, then by due date (undated last)."""
    kept = [action for action in actions if chosen.keeps(action, today)]
    order = {
        ShownStatus.OVERDUE: 0,
        ShownStatus.IN_PROGRESS: 1,
        ShownStatus.OPEN: 1,
        ShownStatus.COMPLETED: 2,
    }
    return tuple(
        sorted(
            kept,
            key=lambda a: (
                order[a.shown_status(today)],
                a.due is None,
                a.due or date.max,
                a.case_reference,
                a.key,
            ),
        )
    )


def agencies_in(actions: Iterable[PlanAction]) -> tuple[str, ...]:
    return tuple(sorted({action.owner_agency for action in actions}, key=str.lower))


@dataclass(frozen=True)
class AgencyActionCount:
    agency: str
    open: int
    """Not completed: open, in progress or overdue."""
    overdue: int
    completed: int
    embedded: int


def counts_by_agency(actions: Iterable[PlanAction], today: date) -> tuple[AgencyActionCount, ...]:
    """Per agency: actions still open (overdue among them), completed and embedded."""
    table: dict[str, list[int]] = {}
    for action in actions:
        row = table.setdefault(action.owner_agency, [0, 0, 0, 0])
        shown = action.shown_status(today)
        if shown is ShownStatus.COMPLETED:
            row[2] += 1
            if action.tracking.embedded:
                row[3] += 1
        else:
            row[0] += 1
            if shown is ShownStatus.OVERDUE:
                row[1] += 1
    return tuple(
        AgencyActionCount(agency, *values)
        for agency, values in sorted(table.items(), key=lambda item: item[0].lower())
    )
