"""The panel's recommendation to the Executive, with its rationale against the criteria."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.vote import VoteOutcome


class RationaleError(MeetingError):
    """The decision's rationale is missing."""


class DecisionKind(Enum):
    RECOMMEND_LOCAL_REVIEW = "recommend_local_review"
    DO_NOT_RECOMMEND = "do_not_recommend"
    REFER_NATIONAL_IMPORTANCE = "refer_national_importance"

    @property
    def label(self) -> str:
        return {
            "recommend_local_review": "Recommend a local Child Safeguarding Practice Review",
            "do_not_recommend": "Do not recommend a local Child Safeguarding Practice Review",
            "refer_national_importance": "Refer to the National Panel as possibly of national"
            " importance",
        }[self.value]


class LearningRoute(Enum):
    SINGLE_AGENCY_REVIEW = "single_agency_review"
    AUDIT = "audit"
    LEARNING_BRIEFING = "learning_briefing"
    ALREADY_IN_HAND = "already_in_hand"

    @property
    def label(self) -> str:
        return {
            "single_agency_review": "Single-agency review",
            "audit": "Audit",
            "learning_briefing": "Learning briefing",
            "already_in_hand": "Learning already in hand",
        }[self.value]


@dataclass(frozen=True)
class Decision:
    kind: DecisionKind
    rationale: str
    learning_route: LearningRoute | None = None

    @property
    def summary(self) -> str:
        if self.kind is DecisionKind.DO_NOT_RECOMMEND and self.learning_route is not None:
            return f"{self.kind.label}; learning through: {self.learning_route.label.lower()}"
        return self.kind.label


def make_decision(
    kind: DecisionKind, rationale: str, learning_route: LearningRoute | None = None
) -> Decision:
    """A decision that keeps the rules, or :class:`MeetingError` saying what is missing
    (:class:`RationaleError` when it is the rationale)."""
    if not rationale.strip():
        raise RationaleError("Enter the rationale for the decision against the criteria")
    if kind is DecisionKind.DO_NOT_RECOMMEND and learning_route is None:
        raise MeetingError("Choose how the learning will be taken forward without a local review")
    if kind is not DecisionKind.DO_NOT_RECOMMEND and learning_route is not None:
        raise MeetingError("A learning route is only chosen when a local review is not recommended")
    return Decision(kind, rationale.strip(), learning_route)


def decision_warnings(decision: Decision, outcome: VoteOutcome | None) -> tuple[str, ...]:
    """Plain warnings where the decision does not follow the vote (the chair may still proceed)."""
    if outcome is None:
        return ("The panel has not voted yet",)
    expected = {
        VoteOutcome.RECOMMEND: DecisionKind.RECOMMEND_LOCAL_REVIEW,
        VoteOutcome.DO_NOT_RECOMMEND: DecisionKind.DO_NOT_RECOMMEND,
    }.get(outcome)
    if decision.kind is DecisionKind.REFER_NATIONAL_IMPORTANCE or expected is None:
        return ()
    if decision.kind is not expected:
        return (
            f"The vote's outcome was '{outcome.label}',"
            f" but the decision is '{decision.kind.label}'",
        )
    return ()
