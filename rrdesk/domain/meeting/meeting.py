"""The panel meeting for one case: who came, what was said, how the panel voted and decided."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, time

from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.after_meeting.panel_response import PanelResponse
from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.sign_off import SignOff
from rrdesk.domain.meeting.agenda import AgendaItem
from rrdesk.domain.meeting.attendance import (
    AttendanceStatus,
    Attendee,
    ConflictOfInterest,
    check_attendance,
    find_attendee,
    still_to_record,
)
from rrdesk.domain.meeting.criteria import CriteriaAssessment, CriterionAnswer
from rrdesk.domain.meeting.decision import Decision, differs_reason_missing
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.quorum import QuorumResult, QuorumRule, evaluate_quorum
from rrdesk.domain.meeting.vote import DEFAULT_VOTE_RULE, Vote, VoteRule, open_vote


@dataclass(frozen=True)
class Meeting:
    """The meeting record, kept as one document per case. Every change returns a new record."""

    case_reference: str
    held_on: date | None = None
    starts_at: time | None = None
    place: str = ""
    online: bool = False
    chair_id: int | None = None
    attendees: tuple[Attendee, ...] = ()
    conflicts: tuple[ConflictOfInterest, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    learning: Learning = field(default_factory=Learning)
    criteria: CriteriaAssessment = field(default_factory=CriteriaAssessment)
    actions: tuple[ImmediateAction, ...] = ()
    vote: Vote | None = None
    decision: Decision | None = None
    sign_off: SignOff = field(default_factory=SignOff)
    panel_response: PanelResponse | None = None
    """The National Panel's response to the decision, once it comes."""

    # --- where and when -------------------------------------------------------------------

    @property
    def venue(self) -> str:
        """``Online``, the place, or ``Council offices and online``."""
        place = self.place.strip()
        if self.online:
            return f"{place} and online" if place else "Online"
        return place or "Not yet recorded"

    def scheduled(self, held_on: date, starts_at: time | None, place: str, online: bool) -> Meeting:
        return replace(
            self, held_on=held_on, starts_at=starts_at, place=place.strip(), online=online
        )

    def with_chair(self, member_id: int | None) -> Meeting:
        if member_id is not None:
            attendee = find_attendee(self.attendees, member_id)
            if attendee is None:
                raise MeetingError("Add the chair to the attendance list first")
            if not attendee.present:
                raise MeetingError(f"{attendee.name} cannot chair: they are not present")
        return replace(self, chair_id=member_id)

    @property
    def chair(self) -> Attendee | None:
        return None if self.chair_id is None else find_attendee(self.attendees, self.chair_id)

    # --- attendance and conflicts ---------------------------------------------------------

    def attendee(self, member_id: int) -> Attendee:
        attendee = find_attendee(self.attendees, member_id)
        if attendee is None:
            raise MeetingError("That person is not on the attendance list")
        return attendee

    def with_attendee(self, attendee: Attendee) -> Meeting:
        """Add someone to the attendance list, or replace their entry."""
        if find_attendee(self.attendees, attendee.member_id) is None:
            attendees = (*self.attendees, attendee)
        else:
            attendees = tuple(
                attendee if a.member_id == attendee.member_id else a for a in self.attendees
            )
        check_attendance(attendees)
        return replace(self, attendees=attendees)

    def with_attendance(self, member_id: int, status: AttendanceStatus) -> Meeting:
        attendee = self.attendee(member_id)
        if status is not AttendanceStatus.PRESENT and member_id == self.chair_id:
            raise MeetingError(f"{attendee.name} is the chair; choose another chair first")
        return self.with_attendee(replace(attendee, status=status))

    def with_everyone_present(self) -> Meeting:
        """Everyone not yet recorded marked present, at the chair's word; those recorded as
        sending apologies or absent stay so."""
        return replace(
            self,
            attendees=tuple(
                a if a.status.recorded else replace(a, status=AttendanceStatus.PRESENT)
                for a in self.attendees
            ),
        )

    @property
    def attendance_taken(self) -> bool:
        """Whether everyone on the list is recorded present, sent apologies or absent."""
        return not still_to_record(self.attendees)

    def with_voting(self, member_id: int, voting: bool) -> Meeting:
        return self.with_attendee(replace(self.attendee(member_id), voting=voting))

    def with_substitute(self, substitute: Attendee, for_member_id: int) -> Meeting:
        """Add ``substitute``, attending for and voting in place of member ``for_member_id``."""
        return self.with_attendee(replace(substitute, substitute_for=for_member_id))

    def without_attendee(self, member_id: int) -> Meeting:
        attendee = self.attendee(member_id)
        if member_id == self.chair_id:
            raise MeetingError(f"{attendee.name} is the chair; choose another chair first")
        return replace(
            self,
            attendees=tuple(a for a in self.attendees if a.member_id != member_id),
            conflicts=tuple(c for c in self.conflicts if c.member_id != member_id),
        )

    def with_conflict(self, member_id: int, note: str) -> Meeting:
        """Declare a conflict of interest: the member is recused from this case's vote."""
        attendee = self.attendee(member_id)
        if not note.strip():
            raise MeetingError(f"Enter a note of {attendee.name}'s conflict of interest")
        others = tuple(c for c in self.conflicts if c.member_id != member_id)
        return replace(self, conflicts=(*others, ConflictOfInterest(member_id, note.strip())))

    def without_conflict(self, member_id: int) -> Meeting:
        return replace(self, conflicts=tuple(c for c in self.conflicts if c.member_id != member_id))

    @property
    def recused(self) -> frozenset[int]:
        return frozenset(c.member_id for c in self.conflicts)

    def quorum(self, rule: QuorumRule, partners: Mapping[int, StatutoryPartner]) -> QuorumResult:
        return evaluate_quorum(self.attendees, rule, partners, self.recused)

    # --- what was discussed ---------------------------------------------------------------

    def with_agenda(self, agenda: tuple[AgendaItem, ...]) -> Meeting:
        return replace(self, agenda=agenda)

    def with_learning(self, learning: Learning) -> Meeting:
        return replace(self, learning=learning.cleaned())

    def with_criterion(self, key: str, answer: CriterionAnswer, note: str = "") -> Meeting:
        return replace(self, criteria=self.criteria.answer(key, answer, note))

    def with_action(self, action: ImmediateAction) -> Meeting:
        return replace(self, actions=(*self.actions, action.checked()))

    def with_action_replaced(self, index: int, action: ImmediateAction) -> Meeting:
        self._check_action_index(index)
        actions = list(self.actions)
        actions[index] = action.checked()
        return replace(self, actions=tuple(actions))

    def without_action(self, index: int) -> Meeting:
        self._check_action_index(index)
        return replace(self, actions=self.actions[:index] + self.actions[index + 1 :])

    def _check_action_index(self, index: int) -> None:
        if not 0 <= index < len(self.actions):
            raise MeetingError("There is no such action")

    # --- the vote and the decision --------------------------------------------------------

    def open_vote(self, rule: VoteRule = DEFAULT_VOTE_RULE) -> Meeting:
        """Open the vote; who may vote is fixed now from attendance and conflicts."""
        if self.vote is not None:
            raise MeetingError("The vote has already been opened")
        return replace(self, vote=open_vote(self.attendees, self.recused, rule))

    def _current_vote(self) -> Vote:
        if self.vote is None:
            raise MeetingError("The vote has not been opened")
        return self.vote

    def with_vote(self, vote: Vote) -> Meeting:
        self._current_vote()
        return replace(self, vote=vote)

    def with_decision(self, decision: Decision | None) -> Meeting:
        return replace(self, decision=decision)

    def with_sign_off(self, sign_off: SignOff) -> Meeting:
        return replace(self, sign_off=sign_off)

    def with_panel_response(self, response: PanelResponse) -> Meeting:
        return replace(self, panel_response=response)

    def name_of(self, member_id: int) -> str:
        attendee = find_attendee(self.attendees, member_id)
        return attendee.name if attendee else f"Member {member_id}"

    def problems(self) -> tuple[str, ...]:
        """What is missing before the decision sheet can be exported, in plain words."""
        found: list[str] = []
        if self.held_on is None:
            found.append("Enter the date of the meeting")
        if not self.place.strip() and not self.online:
            found.append("Enter where the meeting was held, or that it was online")
        if self.chair_id is None:
            found.append("Choose the chair")
        if missing := still_to_record(self.attendees):
            found.append(f"Take attendance: {missing} as present, sent apologies or absent")
        elif not any(a.present for a in self.attendees):
            found.append("Record who was present")
        found.extend(f"Answer the criterion: {c.question}" for c in self.criteria.unanswered())
        if self.vote is None:
            found.append("Hold the vote")
        elif not self.vote.closed:
            found.append("Close the vote")
        if self.decision is None:
            found.append("Record the decision and its rationale")
        elif self.vote is not None and self.vote.closed:
            missing = differs_reason_missing(self.decision, self.vote.outcome)
            found.extend([missing] if missing else [])
        return tuple(found)
