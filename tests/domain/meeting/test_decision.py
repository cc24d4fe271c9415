import pytest

from rrdesk.domain.meeting.decision import (
    Decision,
    DecisionKind,
    LearningRoute,
    decision_warnings,
    differs_reason_missing,
    make_decision,
)
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.vote import VoteOutcome

RECOMMEND = DecisionKind.RECOMMEND_LOCAL_REVIEW
DO_NOT = DecisionKind.DO_NOT_RECOMMEND
NATIONAL = DecisionKind.REFER_NATIONAL_IMPORTANCE


@pytest.mark.parametrize(
    ("kind", "rationale", "route", "message"),
    [
        (RECOMMEND, " ", None, "Enter the rationale for the decision against the criteria"),
        (DO_NOT, "Learning in hand", None, "Choose how the learning will be taken forward"),
        (
            RECOMMEND,
            "Criteria met",
            LearningRoute.AUDIT,
            "A learning route is only chosen when a local review is not recommended",
        ),
    ],
    ids=["no rationale", "no learning route", "learning route with a local review"],
)
def test_make_decision_rules(
    kind: DecisionKind, rationale: str, route: LearningRoute | None, message: str
) -> None:
    with pytest.raises(MeetingError, match=message):
        make_decision(kind, rationale, route)


def test_make_decision_trims_the_rationale() -> None:
    decision = make_decision(DO_NOT, "  In hand.  ", LearningRoute.SINGLE_AGENCY_REVIEW)
    assert decision == Decision(DO_NOT, "In hand.", LearningRoute.SINGLE_AGENCY_REVIEW)
    assert decision.summary == (
        "Do not recommend a local Child Safeguarding Practice Review;"
        " learning through: single-agency review"
    )


@pytest.mark.parametrize(
    ("kind", "outcome", "warnings"),
    [
        (RECOMMEND, VoteOutcome.RECOMMEND, ()),
        (
            RECOMMEND,
            VoteOutcome.DO_NOT_RECOMMEND,
            (
                "The vote's outcome was 'Do not recommend a local review', but the decision is"
                " 'Recommend a local Child Safeguarding Practice Review'",
            ),
        ),
        (NATIONAL, VoteOutcome.DO_NOT_RECOMMEND, ()),
        (RECOMMEND, VoteOutcome.REFERRED_TO_EXECUTIVE, ()),
        (RECOMMEND, None, ("The panel has not voted yet",)),
    ],
    ids=[
        "follows the vote",
        "goes against the vote",
        "national importance stands apart",
        "tie leaves it to the Executive",
        "no vote",
    ],
)
def test_decision_warnings(
    kind: DecisionKind, outcome: VoteOutcome | None, warnings: tuple[str, ...]
) -> None:
    decision = make_decision(kind, "Rationale", LearningRoute.AUDIT if kind is DO_NOT else None)
    assert decision_warnings(decision, outcome) == warnings


AGAINST = (
    "Give the reason the decision differs from the vote's outcome ('Do not recommend a local"
    " review'): the decision sheet cannot be signed without it"
)


@pytest.mark.parametrize(
    ("kind", "outcome", "reason", "missing"),
    [
        (RECOMMEND, VoteOutcome.RECOMMEND, "", ""),
        (RECOMMEND, VoteOutcome.DO_NOT_RECOMMEND, "", AGAINST),
        (RECOMMEND, VoteOutcome.DO_NOT_RECOMMEND, "   ", AGAINST),
        (RECOMMEND, VoteOutcome.DO_NOT_RECOMMEND, "New police information after the vote", ""),
        (DO_NOT, VoteOutcome.RECOMMEND, "", "Give the reason"),
        (NATIONAL, VoteOutcome.DO_NOT_RECOMMEND, "", ""),
        (RECOMMEND, VoteOutcome.REFERRED_TO_EXECUTIVE, "", ""),
        (RECOMMEND, None, "", ""),
    ],
    ids=[
        "follows the vote",
        "against the vote, no reason",
        "against the vote, only spaces",
        "against the vote, with a reason",
        "not recommending against a vote to recommend",
        "national importance stands apart",
        "tie leaves it to the Executive",
        "no vote closed",
    ],
)
def test_a_decision_against_the_vote_needs_a_reason(
    kind: DecisionKind, outcome: VoteOutcome | None, reason: str, missing: str
) -> None:
    route = LearningRoute.AUDIT if kind is DO_NOT else None
    decision = make_decision(kind, "Rationale", route, reason)
    assert differs_reason_missing(decision, outcome).startswith(missing)
    assert bool(differs_reason_missing(decision, outcome)) == bool(missing)


def test_the_reason_is_kept_trimmed() -> None:
    decision = make_decision(RECOMMEND, "Rationale", None, "  New information  ")
    assert decision.differs_reason == "New information"
