"""Who came to the panel meeting, who voted in whose place, and who declared a conflict."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from rrdesk.domain.cases.directory import Member
from rrdesk.domain.meeting.meeting_error import MeetingError


class AttendanceStatus(Enum):
    """Where each person stands on the list. Everyone starts "Not recorded": attendance is taken
    at the meeting, never assumed."""

    NOT_RECORDED = "not_recorded"
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"

    @property
    def label(self) -> str:
        return {
            "not_recorded": "Not recorded",
            "present": "Present",
            "apologies": "Sent apologies",
            "absent": "Absent",
        }[self.value]

    @property
    def recorded(self) -> bool:
        return self is not AttendanceStatus.NOT_RECORDED


@dataclass(frozen=True)
class Attendee:
    """One person on the meeting's attendance list, copied from the directory at the time.

    ``substitute_for`` is the member id of the panel member this person attends for: a
    substitute votes in that member's place.
    """

    member_id: int
    name: str
    agency: str
    role: str = ""
    status: AttendanceStatus = AttendanceStatus.NOT_RECORDED
    voting: bool = False
    substitute_for: int | None = None

    @property
    def present(self) -> bool:
        return self.status is AttendanceStatus.PRESENT

    @classmethod
    def from_member(
        cls,
        member: Member,
        status: AttendanceStatus = AttendanceStatus.NOT_RECORDED,
    ) -> Attendee:
        """The member as they appear on the attendance list, voting as the directory says (the
        directory's flag is set from the profile's non-voting roles when the person is added);
        the chair can change it on the list.
        """
        if member.member_id is None:
            raise MeetingError(f"{member.name} must be saved in the directory before the meeting")
        return cls(
            member_id=member.member_id,
            name=member.name,
            agency=member.agency,
            role=member.role,
            status=status,
            voting=member.voting,
            substitute_for=member.substitute_for,
        )


@dataclass(frozen=True)
class ConflictOfInterest:
    """A conflict declared by one member for this case. They are recused from this case's vote."""

    member_id: int
    note: str = ""


def find_attendee(attendees: Iterable[Attendee], member_id: int) -> Attendee | None:
    return next((a for a in attendees if a.member_id == member_id), None)


def not_recorded(attendees: Iterable[Attendee]) -> tuple[Attendee, ...]:
    """People on the list whose attendance has not been taken yet."""
    return tuple(a for a in attendees if not a.status.recorded)


def still_to_record(attendees: Iterable[Attendee]) -> str:
    """``9 people not recorded`` while attendance is being taken; empty once it is taken."""
    count = len(not_recorded(attendees))
    if not count:
        return ""
    return f"{count} {'person' if count == 1 else 'people'} not recorded"


def check_attendance(attendees: Sequence[Attendee]) -> None:
    """Raise :class:`MeetingError` if the list breaks a rule about people or substitutes."""
    seen: set[int] = set()
    replaced: dict[int, Attendee] = {}
    for attendee in attendees:
        if attendee.member_id in seen:
            raise MeetingError(f"{attendee.name} is on the attendance list twice")
        seen.add(attendee.member_id)
        if attendee.substitute_for is None:
            continue
        if attendee.substitute_for == attendee.member_id:
            raise MeetingError(f"{attendee.name} cannot be a substitute for themselves")
        if attendee.substitute_for in replaced:
            other = replaced[attendee.substitute_for]
            whom = find_attendee(attendees, attendee.substitute_for)
            target = whom.name if whom else "the same member"
            raise MeetingError(
                f"{other.name} and {attendee.name} are both named as substitute for {target}"
            )
        replaced[attendee.substitute_for] = attendee


def holds_vote(attendee: Attendee, attendees: Sequence[Attendee]) -> bool:
    """Whether this person, if present, carries a vote at the meeting.

    A substitute carries the vote of the member they replace, unless that member is present
    (then the member votes). A substitute for someone not on the list carries their own
    ``voting`` flag.
    """
    if not attendee.present:
        return False
    if attendee.substitute_for is None:
        return attendee.voting
    replaced = find_attendee(attendees, attendee.substitute_for)
    if replaced is None:
        return attendee.voting
    if replaced.present:
        return False
    return replaced.voting


def non_voting_reason(attendee: Attendee, attendees: Sequence[Attendee]) -> str:
    """Why a present person does not vote, in plain words; empty if they hold a vote."""
    if holds_vote(attendee, attendees):
        return ""
    if not attendee.present:
        return attendee.status.label
    if attendee.substitute_for is not None:
        replaced = find_attendee(attendees, attendee.substitute_for)
        if replaced is not None and replaced.present:
            return f"{replaced.name}, whom they substitute for, is present and votes"
    return "Non-voting member"


def voting_members_present(attendees: Sequence[Attendee]) -> tuple[Attendee, ...]:
    """Present people who carry a vote, substitutes counted in place of their member."""
    return tuple(a for a in attendees if holds_vote(a, attendees))
