"""The panel's vote on whether to recommend a local Child Safeguarding Practice Review."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from fractions import Fraction

from rrdesk.domain.meeting.attendance import (
    Attendee,
    find_attendee,
    holds_vote,
    non_voting_reason,
    still_to_record,
)
from rrdesk.domain.meeting.meeting_error import MeetingError

QUESTION = "Recommend a local review"
SIMPLE_MAJORITY = Fraction(1, 2)
REFERRED_TO_EXECUTIVE = "No recommendation — referred to the Executive"
RRDESK_RULE = (
    "rrdesk's own rule, not set by the guidance: IT can change it in the partnership's process"
    " profile"
)


class VoteChoice(Enum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"

    @property
    def label(self) -> str:
        return {"yes": "Yes", "no": "No", "abstain": "Abstain"}[self.value]


class VoteOutcome(Enum):
    RECOMMEND = "recommend"
    DO_NOT_RECOMMEND = "do_not_recommend"
    REFERRED_TO_EXECUTIVE = "referred_to_executive"

    @property
    def label(self) -> str:
        return {
            "recommend": "Recommend a local review",
            "do_not_recommend": "Do not recommend a local review",
            "referred_to_executive": REFERRED_TO_EXECUTIVE,
        }[self.value]


@dataclass(frozen=True)
class VoteRule:
    """How the outcome follows from the tally (from the process profile).

    ``share_needed`` is read as people read it: "1/2" is a simple majority, more than half of
    the votes cast; any other share is "at least" ("2/3": 4 of 6 carries). Abstentions are not
    votes cast unless ``abstentions_count`` is set. Otherwise (a tie, or no side reaching the
    share) there is no recommendation: ``tie_outcome`` says where the question goes.
    ``rrdesk_rule`` marks a rule the partnership's documents do not set (rrdesk's default).
    """

    share_needed: Fraction = SIMPLE_MAJORITY
    abstentions_count: bool = False
    tie_outcome: str = REFERRED_TO_EXECUTIVE
    rrdesk_rule: bool = False

    def carries(self, votes: int, cast: int) -> bool:
        """Whether ``votes`` out of ``cast`` carry the question."""
        if not cast:
            return False
        share = Fraction(votes, cast)
        if self.share_needed == SIMPLE_MAJORITY:
            return share > self.share_needed
        return share >= self.share_needed

    def describe(self) -> str:
        base = (
            "A simple majority (more than half)"
            if self.share_needed == SIMPLE_MAJORITY
            else f"At least {self.share_needed.numerator} in {self.share_needed.denominator}"
        )
        cast = "votes cast, abstentions included" if self.abstentions_count else "votes cast"
        otherwise = self.tie_outcome[:1].lower() + self.tie_outcome[1:]
        text = f"{base} of the {cast}; otherwise {otherwise}"
        return f"{text} ({RRDESK_RULE})" if self.rrdesk_rule else text


DEFAULT_VOTE_RULE = VoteRule()


@dataclass(frozen=True)
class Tally:
    yes: int = 0
    no: int = 0
    abstain: int = 0
    not_voted: int = 0

    @property
    def summary(self) -> str:
        """``4 yes, 2 no, 1 abstention`` (and how many have not voted, if any)."""
        text = f"{self.yes} yes, {self.no} no, {self.abstain} abstention"
        text += "" if self.abstain == 1 else "s"
        if self.not_voted:
            text += f", {self.not_voted} not voted"
        return text

    def outcome(self, rule: VoteRule) -> VoteOutcome:
        cast = self.yes + self.no + (self.abstain if rule.abstentions_count else 0)
        if rule.carries(self.yes, cast):
            return VoteOutcome.RECOMMEND
        if rule.carries(self.no, cast):
            return VoteOutcome.DO_NOT_RECOMMEND
        return VoteOutcome.REFERRED_TO_EXECUTIVE


@dataclass(frozen=True)
class Voter:
    """Eligible when the vote opened; ``in_place_of`` is the member a substitute replaces."""

    member_id: int
    name: str
    in_place_of: int | None = None
    in_place_of_name: str = ""

    @property
    def description(self) -> str:
        if self.in_place_of_name:
            return f"{self.name} (for {self.in_place_of_name})"
        return self.name


@dataclass(frozen=True)
class NotVoting:
    """A present person who could not vote on this case, and why."""

    member_id: int
    name: str
    reason: str


@dataclass(frozen=True)
class Ballot:
    member_id: int
    choice: VoteChoice


@dataclass(frozen=True)
class Dissent:
    member_id: int
    words: str


@dataclass(frozen=True)
class Reopening:
    """A closed vote opened again, with the reason given and the tally it had when closed."""

    reason: str
    tally_when_closed: Tally


@dataclass(frozen=True)
class ProjectorTally:
    """What the projector may show: counts, and names only if the chair chooses."""

    question: str
    yes: int
    no: int
    abstain: int
    not_voted: int
    closed: bool
    outcome: str
    names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Vote:
    """The vote, from the moment it opens. Eligible voters are fixed when it opens."""

    voters: tuple[Voter, ...]
    not_voting: tuple[NotVoting, ...] = ()
    rule: VoteRule = DEFAULT_VOTE_RULE
    ballots: tuple[Ballot, ...] = ()
    closed: bool = False
    reopenings: tuple[Reopening, ...] = ()
    dissents: tuple[Dissent, ...] = ()
    names_on_projector: bool = False

    def voter(self, member_id: int) -> Voter:
        for voter in self.voters:
            if voter.member_id == member_id:
                return voter
        for person in self.not_voting:
            if person.member_id == member_id:
                raise MeetingError(
                    f"{person.name} cannot vote on this case: {person.reason.lower()}"
                )
        raise MeetingError("Only members eligible when the vote opened can vote on this case")

    def choice_of(self, member_id: int) -> VoteChoice | None:
        return next((b.choice for b in self.ballots if b.member_id == member_id), None)

    def cast(self, member_id: int, choice: VoteChoice) -> Vote:
        """Record (or change) a voter's choice while the vote is open."""
        voter = self.voter(member_id)
        if self.closed:
            raise MeetingError(
                f"The vote is closed: reopen it, with a reason, to record {voter.name}'s vote"
            )
        ballots = tuple(b for b in self.ballots if b.member_id != member_id)
        return replace(self, ballots=(*ballots, Ballot(member_id, choice)))

    @property
    def tally(self) -> Tally:
        choices = [b.choice for b in self.ballots]
        return Tally(
            yes=choices.count(VoteChoice.YES),
            no=choices.count(VoteChoice.NO),
            abstain=choices.count(VoteChoice.ABSTAIN),
            not_voted=len(self.voters) - len(choices),
        )

    @property
    def outcome(self) -> VoteOutcome:
        """The outcome the tally gives under the rule: computed, never typed."""
        return self.tally.outcome(self.rule)

    @property
    def outcome_label(self) -> str:
        """The outcome in words, with the profile's words for no recommendation."""
        outcome = self.outcome
        if outcome is VoteOutcome.REFERRED_TO_EXECUTIVE:
            return self.rule.tie_outcome
        return outcome.label

    def close(self) -> Vote:
        if self.closed:
            raise MeetingError("The vote is already closed")
        if not self.ballots:
            raise MeetingError("No votes have been recorded yet")
        return replace(self, closed=True)

    def reopen(self, reason: str) -> Vote:
        if not self.closed:
            raise MeetingError("The vote is still open")
        if not reason.strip():
            raise MeetingError("Enter the reason for reopening the vote")
        reopening = Reopening(reason=reason.strip(), tally_when_closed=self.tally)
        return replace(self, closed=False, reopenings=(*self.reopenings, reopening))

    def record_dissent(self, member_id: int, words: str) -> Vote:
        """Keep a voter's dissent in their own words (replacing any they gave before)."""
        self.voter(member_id)
        if not words.strip():
            raise MeetingError("Enter the dissent in the member's own words")
        dissents = tuple(d for d in self.dissents if d.member_id != member_id)
        return replace(self, dissents=(*dissents, Dissent(member_id, words.strip())))

    def without_dissent(self, member_id: int) -> Vote:
        return replace(self, dissents=tuple(d for d in self.dissents if d.member_id != member_id))

    def with_names_on_projector(self, show: bool) -> Vote:
        return replace(self, names_on_projector=show)

    def projector_view(self) -> ProjectorTally:
        tally = self.tally
        names: tuple[tuple[str, str], ...] = ()
        if self.names_on_projector:
            names = tuple(
                (v.name, choice.label if (choice := self.choice_of(v.member_id)) else "Not voted")
                for v in self.voters
            )
        return ProjectorTally(
            question=QUESTION,
            yes=tally.yes,
            no=tally.no,
            abstain=tally.abstain,
            not_voted=tally.not_voted,
            closed=self.closed,
            outcome=self.outcome_label if self.closed else "",
            names=names,
        )


def open_vote(
    attendees: Sequence[Attendee], recused: frozenset[int], rule: VoteRule = DEFAULT_VOTE_RULE
) -> Vote:
    """Open the vote: eligible voters are present, voting and not recused, fixed from now on.

    It cannot open until attendance is taken: everyone on the list recorded present, sent
    apologies or absent.
    """
    missing = still_to_record(attendees)
    if missing:
        raise MeetingError(
            "The vote cannot open until attendance is taken:"
            f" {missing} as present, sent apologies or absent"
        )
    voters: list[Voter] = []
    not_voting: list[NotVoting] = []
    for attendee in attendees:
        if not attendee.present:
            continue
        if attendee.member_id in recused:
            not_voting.append(
                NotVoting(attendee.member_id, attendee.name, "Recused: conflict of interest")
            )
        elif holds_vote(attendee, attendees):
            replaced = (
                find_attendee(attendees, attendee.substitute_for)
                if attendee.substitute_for is not None
                else None
            )
            voters.append(
                Voter(
                    attendee.member_id,
                    attendee.name,
                    in_place_of=attendee.substitute_for,
                    in_place_of_name=replaced.name if replaced else "",
                )
            )
        else:
            not_voting.append(
                NotVoting(attendee.member_id, attendee.name, non_voting_reason(attendee, attendees))
            )
    if not voters:
        raise MeetingError("No one present can vote on this case")
    return Vote(voters=tuple(voters), not_voting=tuple(not_voting), rule=rule)
