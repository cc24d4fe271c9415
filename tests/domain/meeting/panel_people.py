"""A small panel for the meeting tests: readable people with fixed member ids."""

from __future__ import annotations

from datetime import date, time

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.meeting.attendance import AttendanceStatus, Attendee
from rrdesk.domain.meeting.criteria import CriterionAnswer
from rrdesk.domain.meeting.decision import DecisionKind, make_decision
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.vote import VoteChoice

CHAIR = 1
POLICE = 2
DOCTOR = 3
NURSE = 4
SCHOOL = 5
MANAGER = 6
COORDINATOR = 7
POLICE_SUBSTITUTE = 8

PEOPLE = {
    CHAIR: Attendee(
        CHAIR, "Asha Patel", "Children's Social Care", "Head of Quality Assurance", voting=True
    ),
    POLICE: Attendee(
        POLICE, "Ben Cole", "Metropolitan Police", "Detective Superintendent", voting=True
    ),
    DOCTOR: Attendee(
        DOCTOR, "Chloe Reid", "Integrated Care Board", "Designated Doctor", voting=True
    ),
    NURSE: Attendee(NURSE, "Dan Okafor", "Integrated Care Board", "Designated Nurse", voting=True),
    SCHOOL: Attendee(SCHOOL, "Eve Shah", "Education", "Head of Inclusion", voting=True),
    MANAGER: Attendee(MANAGER, "Fran Lee", "Partnership", "Partnership manager"),
    COORDINATOR: Attendee(COORDINATOR, "Gus Moy", "Partnership", "Rapid Review coordinator"),
    POLICE_SUBSTITUTE: Attendee(
        POLICE_SUBSTITUTE, "Hana Kim", "Metropolitan Police", "Detective Inspector", voting=False
    ),
}

PARTNERS = {
    CHAIR: StatutoryPartner.LOCAL_AUTHORITY,
    POLICE: StatutoryPartner.POLICE,
    POLICE_SUBSTITUTE: StatutoryPartner.POLICE,
    DOCTOR: StatutoryPartner.HEALTH,
    NURSE: StatutoryPartner.HEALTH,
}

MEETING_DAY = date(2026, 12, 3)


def person(member_id: int, status: AttendanceStatus = AttendanceStatus.PRESENT) -> Attendee:
    attendee = PEOPLE[member_id]
    return Attendee(
        attendee.member_id,
        attendee.name,
        attendee.agency,
        attendee.role,
        status,
        attendee.voting,
        attendee.substitute_for,
    )


def meeting_with(*present: int, apologies: tuple[int, ...] = ()) -> Meeting:
    """A scheduled meeting for RR-2026-004 with ``present`` there and ``apologies`` sent."""
    meeting = Meeting("RR-2026-004").scheduled(MEETING_DAY, time(14, 0), "Town Hall", False)
    for member_id in present:
        meeting = meeting.with_attendee(person(member_id))
    for member_id in apologies:
        meeting = meeting.with_attendee(person(member_id, AttendanceStatus.APOLOGIES))
    return meeting


def full_panel() -> Meeting:
    """Everyone but the police substitute present, chaired by Asha Patel."""
    return meeting_with(CHAIR, POLICE, DOCTOR, NURSE, SCHOOL, MANAGER, COORDINATOR).with_chair(
        CHAIR
    )


def complete_meeting() -> Meeting:
    """A full panel, a conflict, all criteria answered, a closed vote (3 to 1) and a decision."""
    meeting = full_panel().with_conflict(NURSE, "Knows the family")
    for criterion in meeting.criteria.definitions:
        meeting = meeting.with_criterion(criterion.key, CriterionAnswer.NO)
    meeting = meeting.with_criterion("recurrent_themes", CriterionAnswer.YES, "Safer sleep")
    meeting = meeting.open_vote()
    assert meeting.vote is not None
    vote = meeting.vote
    for member_id in (CHAIR, POLICE, DOCTOR):
        vote = vote.cast(member_id, VoteChoice.YES)
    vote = vote.cast(SCHOOL, VoteChoice.NO).close()
    decision = make_decision(DecisionKind.RECOMMEND_LOCAL_REVIEW, "Recurrent themes")
    return meeting.with_vote(vote).with_decision(decision)
