from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rrdesk.domain.meeting.attendance import AttendanceStatus
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.vote import (
    DEFAULT_VOTE_RULE,
    NotVoting,
    Tally,
    Vote,
    VoteChoice,
    VoteOutcome,
    VoteRule,
    open_vote,
)
from tests.domain.meeting.panel_people import (
    CHAIR,
    COORDINATOR,
    DOCTOR,
    MANAGER,
    NURSE,
    POLICE,
    POLICE_SUBSTITUTE,
    SCHOOL,
    person,
)

YES, NO, ABSTAIN = VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN


def panel_vote(rule: VoteRule = DEFAULT_VOTE_RULE) -> Vote:
    """Five voters: the chair, police, doctor, nurse and school; the manager does not vote."""
    attendees = tuple(person(i) for i in (CHAIR, POLICE, DOCTOR, NURSE, SCHOOL, MANAGER))
    return open_vote(attendees, frozenset(), rule)


def cast_all(vote: Vote, choices: dict[int, VoteChoice]) -> Vote:
    for member_id, choice in choices.items():
        vote = vote.cast(member_id, choice)
    return vote


# --- who may vote ----------------------------------------------------------------------------


def test_eligible_voters_are_present_voting_and_not_recused() -> None:
    attendees = (
        person(CHAIR),
        person(POLICE, AttendanceStatus.APOLOGIES),
        replace(person(POLICE_SUBSTITUTE), substitute_for=POLICE),
        person(DOCTOR),
        person(NURSE),
        person(SCHOOL, AttendanceStatus.ABSENT),
        person(COORDINATOR),
    )
    vote = open_vote(attendees, frozenset({NURSE}))
    assert [v.description for v in vote.voters] == [
        "Asha Patel",
        "Hana Kim (for Ben Cole)",
        "Chloe Reid",
    ]
    assert vote.voters[1].in_place_of == POLICE
    assert vote.not_voting == (
        NotVoting(NURSE, "Dan Okafor", "Recused: conflict of interest"),
        NotVoting(COORDINATOR, "Gus Moy", "Non-voting member"),
    )


def test_vote_cannot_open_while_anyone_is_not_recorded() -> None:
    attendees = (
        person(CHAIR),
        person(POLICE),
        person(DOCTOR, AttendanceStatus.NOT_RECORDED),
        person(NURSE, AttendanceStatus.NOT_RECORDED),
    )
    with pytest.raises(
        MeetingError,
        match="The vote cannot open until attendance is taken: 2 people not recorded as present,"
        " sent apologies or absent",
    ):
        open_vote(attendees, frozenset())


def test_no_one_able_to_vote() -> None:
    with pytest.raises(MeetingError, match="No one present can vote on this case"):
        open_vote((person(MANAGER), person(CHAIR)), frozenset({CHAIR}))


@pytest.mark.parametrize(
    ("member_id", "message"),
    [
        (MANAGER, "Fran Lee cannot vote on this case: non-voting member"),
        (99, "Only members eligible when the vote opened can vote on this case"),
    ],
    ids=["non-voting member", "someone not at the meeting"],
)
def test_ineligible_cannot_cast(member_id: int, message: str) -> None:
    with pytest.raises(MeetingError, match=message):
        panel_vote().cast(member_id, YES)


def test_recused_member_cannot_cast() -> None:
    vote = open_vote((person(CHAIR), person(POLICE)), frozenset({POLICE}))
    with pytest.raises(
        MeetingError, match="Ben Cole cannot vote on this case: recused: conflict of interest"
    ):
        vote.cast(POLICE, NO)


# --- tallies and outcomes -------------------------------------------------------------------


def test_casting_returns_a_new_vote_and_a_voter_may_change_their_mind() -> None:
    vote = panel_vote()
    changed = vote.cast(CHAIR, YES).cast(CHAIR, NO)
    assert vote.tally == Tally(not_voted=5)
    assert changed.tally == Tally(yes=0, no=1, abstain=0, not_voted=4)
    assert changed.choice_of(CHAIR) is NO


@pytest.mark.parametrize(
    ("choices", "rule", "outcome"),
    [
        ((YES, YES, YES, NO, ABSTAIN), VoteRule(), VoteOutcome.RECOMMEND),
        ((NO, NO, YES, ABSTAIN, ABSTAIN), VoteRule(), VoteOutcome.DO_NOT_RECOMMEND),
        ((YES, YES, NO, NO, ABSTAIN), VoteRule(), VoteOutcome.REFERRED_TO_EXECUTIVE),
        ((ABSTAIN,) * 5, VoteRule(), VoteOutcome.REFERRED_TO_EXECUTIVE),
        ((YES, ABSTAIN, ABSTAIN, ABSTAIN, ABSTAIN), VoteRule(), VoteOutcome.RECOMMEND),
        (
            (YES, ABSTAIN, ABSTAIN, ABSTAIN, ABSTAIN),
            VoteRule(abstentions_count=True),
            VoteOutcome.REFERRED_TO_EXECUTIVE,
        ),
        (
            (YES, YES, YES, NO, NO),
            VoteRule(share_needed=Fraction(2, 3)),
            VoteOutcome.REFERRED_TO_EXECUTIVE,
        ),
        ((YES, YES, YES, YES, NO), VoteRule(share_needed=Fraction(2, 3)), VoteOutcome.RECOMMEND),
    ],
    ids=[
        "majority yes",
        "majority no",
        "tie referred to the Executive",
        "everyone abstains",
        "one yes and four abstentions is a majority of votes cast",
        "abstentions counted as votes cast",
        "three to two short of two thirds",
        "four to one over two thirds",
    ],
)
def test_outcome_follows_the_rule(
    choices: tuple[VoteChoice, ...], rule: VoteRule, outcome: VoteOutcome
) -> None:
    ids = (CHAIR, POLICE, DOCTOR, NURSE, SCHOOL)
    vote = cast_all(panel_vote(rule), dict(zip(ids, choices, strict=True)))
    assert vote.outcome is outcome


def test_tie_label() -> None:
    assert VoteOutcome.REFERRED_TO_EXECUTIVE.label == (
        "No recommendation — referred to the Executive"
    )


@pytest.mark.parametrize(
    ("tally", "text"),
    [
        (Tally(4, 2, 1), "4 yes, 2 no, 1 abstention"),
        (Tally(1, 0, 0, 2), "1 yes, 0 no, 0 abstentions, 2 not voted"),
    ],
    ids=["one abstention", "some not voted"],
)
def test_tally_summary(tally: Tally, text: str) -> None:
    assert tally.summary == text


def test_vote_rule_description() -> None:
    assert VoteRule().describe() == (
        "A simple majority (more than half) of the votes cast;"
        " otherwise no recommendation — referred to the Executive"
    )
    assert VoteRule(Fraction(2, 3), abstentions_count=True).describe() == (
        "At least 2 in 3 of the votes cast, abstentions included;"
        " otherwise no recommendation — referred to the Executive"
    )


counts = st.integers(min_value=0, max_value=30)


@given(yes=counts, no=counts, abstain=counts)
def test_swapping_yes_and_no_swaps_the_outcome(yes: int, no: int, abstain: int) -> None:
    mirror = {
        VoteOutcome.RECOMMEND: VoteOutcome.DO_NOT_RECOMMEND,
        VoteOutcome.DO_NOT_RECOMMEND: VoteOutcome.RECOMMEND,
        VoteOutcome.REFERRED_TO_EXECUTIVE: VoteOutcome.REFERRED_TO_EXECUTIVE,
    }
    rule = VoteRule()
    assert Tally(no, yes, abstain).outcome(rule) is mirror[Tally(yes, no, abstain).outcome(rule)]


@given(yes=counts, no=counts, abstain=counts)
def test_simple_majority_of_votes_cast(yes: int, no: int, abstain: int) -> None:
    outcome = Tally(yes, no, abstain).outcome(VoteRule())
    if yes > no:
        assert outcome is VoteOutcome.RECOMMEND
    elif no > yes:
        assert outcome is VoteOutcome.DO_NOT_RECOMMEND
    else:
        assert outcome is VoteOutcome.REFERRED_TO_EXECUTIVE


@given(st.lists(st.sampled_from([CHAIR, POLICE, DOCTOR, NURSE, SCHOOL]), max_size=20))
def test_tally_counts_each_voter_once(order: list[int]) -> None:
    vote = panel_vote()
    for member_id in order:
        vote = vote.cast(member_id, YES)
    tally = vote.tally
    assert tally.yes == len(set(order))
    assert tally.yes + tally.no + tally.abstain + tally.not_voted == len(vote.voters)


# --- closing, reopening, dissent ------------------------------------------------------------


def test_cannot_cast_after_close() -> None:
    vote = panel_vote().cast(CHAIR, YES).close()
    with pytest.raises(MeetingError, match="The vote is closed: reopen it, with a reason"):
        vote.cast(POLICE, NO)


def test_cannot_close_an_empty_or_closed_vote() -> None:
    with pytest.raises(MeetingError, match="No votes have been recorded yet"):
        panel_vote().close()
    with pytest.raises(MeetingError, match="The vote is already closed"):
        panel_vote().cast(CHAIR, YES).close().close()


@pytest.mark.parametrize("reason", ["", "   "], ids=["empty", "only spaces"])
def test_reopen_needs_a_reason(reason: str) -> None:
    vote = panel_vote().cast(CHAIR, YES).close()
    with pytest.raises(MeetingError, match="Enter the reason for reopening the vote"):
        vote.reopen(reason)


def test_reopen_keeps_the_reason_and_the_tally_when_closed() -> None:
    closed = cast_all(panel_vote(), {CHAIR: YES, POLICE: NO}).close()
    reopened = closed.reopen(" Dan Okafor arrived late ")
    assert not reopened.closed
    assert reopened.reopenings[0].reason == "Dan Okafor arrived late"
    assert reopened.reopenings[0].tally_when_closed == Tally(1, 1, 0, 3)
    final = reopened.cast(NURSE, YES).close()
    assert final.outcome is VoteOutcome.RECOMMEND
    assert len(final.reopenings) == 1


def test_cannot_reopen_an_open_vote() -> None:
    with pytest.raises(MeetingError, match="The vote is still open"):
        panel_vote().reopen("No reason")


def test_dissent_in_the_members_own_words() -> None:
    vote = cast_all(panel_vote(), {CHAIR: YES, POLICE: YES, DOCTOR: NO}).close()
    vote = vote.record_dissent(DOCTOR, "  I believe the learning is already in hand.  ")
    assert vote.dissents[0].words == "I believe the learning is already in hand."
    vote = vote.record_dissent(DOCTOR, "Learning is in hand through the health audit.")
    assert [d.words for d in vote.dissents] == ["Learning is in hand through the health audit."]
    assert vote.without_dissent(DOCTOR).dissents == ()


def test_dissent_rules() -> None:
    with pytest.raises(MeetingError, match="Enter the dissent in the member's own words"):
        panel_vote().record_dissent(DOCTOR, " ")
    with pytest.raises(MeetingError, match="Fran Lee cannot vote on this case"):
        panel_vote().record_dissent(MANAGER, "I disagree")


# --- the projector --------------------------------------------------------------------------


def test_projector_shows_counts_but_no_names_by_default() -> None:
    view = cast_all(panel_vote(), {CHAIR: YES, POLICE: NO}).projector_view()
    assert (view.yes, view.no, view.abstain, view.not_voted) == (1, 1, 0, 3)
    assert view.names == ()
    assert view.outcome == ""
    assert view.question == "Recommend a local review"


def test_projector_shows_names_when_the_chair_chooses() -> None:
    vote = cast_all(panel_vote(), {CHAIR: YES, POLICE: NO, DOCTOR: YES}).close()
    view = vote.with_names_on_projector(True).projector_view()
    assert view.names == (
        ("Asha Patel", "Yes"),
        ("Ben Cole", "No"),
        ("Chloe Reid", "Yes"),
        ("Dan Okafor", "Not voted"),
        ("Eve Shah", "Not voted"),
    )
    assert view.outcome == "Recommend a local review"
