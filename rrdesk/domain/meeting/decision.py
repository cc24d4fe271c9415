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
    differs_reason: str = ""
    """Why the panel decided otherwise than the vote's outcome; needed before signing when it
    did (:func:`differs_from_vote`)."""

    @property
    def summary(self) -> str:
        if self.kind is DecisionKind.DO_NOT_RECOMMEND and self.learning_route is not None:
            return f"{self.kind.label}; learning through: {self.learning_route.label.lower()}"
        return self.kind.label


def make_decision(
    kind: DecisionKind,
    rationale: str,
    learning_route: LearningRoute | None = None,
    differs_reason: str = "",
) -> Decision:
    """A decision that keeps the rules, or :class:`MeetingError` saying what is missing
    (:class:`RationaleError` when it is the rationale)."""
    if not rationale.strip():
        raise RationaleError("Enter the rationale for the decision against the criteria")
    if kind is DecisionKind.DO_NOT_RECOMMEND and learning_route is None:
        raise MeetingError("Choose how the learning will be taken forward without a local review")
    if kind is not DecisionKind.DO_NOT_RECOMMEND and learning_route is not None:
        raise MeetingError("A learning route is only chosen when a local review is not recommended")
    return Decision(kind, rationale.strip(), learning_route, differs_reason.strip())


def differs_from_vote(decision: Decision, outcome: VoteOutcome | None) -> bool:
    """Whether the decision goes against the vote's outcome: a recommendation against a vote
    not to recommend, or the other way round. Referring a case as of national importance, and
    any decision after a vote referred to the Executive (no recommendation), stand apart."""
    expected = (
        {
            VoteOutcome.RECOMMEND: DecisionKind.RECOMMEND_LOCAL_REVIEW,
            VoteOutcome.DO_NOT_RECOMMEND: DecisionKind.DO_NOT_RECOMMEND,
        }.get(outcome)
        if outcome is not None
        else None
    )
    if decision.kind is DecisionKind.REFER_NATIONAL_IMPORTANCE or expected is None:
        return False
    return decision.kind is not expected


def differs_reason_missing(decision: Decision | None, outcome: VoteOutcome | None) -> str:
    """What to put right when the decision goes against the vote with no reason given; empty
    when nothing is missing. The decision sheet cannot be signed until it is."""
    if decision is None or outcome is None or not differs_from_vote(decision, outcome):
        return ""
    if decision.differs_reason.strip():
        return ""
    return (
        f"Give the reason the decision differs from the vote's outcome ('{outcome.label}'):"
        " the decision sheet cannot be signed without it"
    )


def decision_warnings(decision: Decision, outcome: VoteOutcome | None) -> tuple[str, ...]:
    """Plain warnings where the decision does not follow the vote."""
    if outcome is None:
        return ("The panel has not voted yet",)
    if differs_from_vote(decision, outcome):
        return (
            f"The vote's outcome was '{outcome.label}',"
            f" but the decision is '{decision.kind.label}'",
        )
    return ()
