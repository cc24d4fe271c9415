from dataclasses import replace

import pytest

from rrdesk.domain.cases.directory import Agency, Member, StatutoryPartner
from rrdesk.domain.meeting.attendance import AttendanceStatus, Attendee
from rrdesk.domain.meeting.quorum import (
    QuorumResult,
    QuorumRule,
    evaluate_quorum,
    partner_map,
    representatives,
)
from tests.domain.meeting.panel_people import (
    CHAIR,
    COORDINATOR,
    DOCTOR,
    MANAGER,
    NURSE,
    PARTNERS,
    POLICE,
    POLICE_SUBSTITUTE,
    SCHOOL,
    person,
)

FOUR = QuorumRule(minimum_voting_members=4)
NOT_RECORDED = AttendanceStatus.NOT_RECORDED


def present(*ids: int) -> tuple[Attendee, ...]:
    return tuple(person(i) for i in ids)


@pytest.mark.parametrize(
    ("attendees", "rule", "recused", "reasons"),
    [
        (present(CHAIR, POLICE, DOCTOR, SCHOOL), FOUR, frozenset(), ()),
        (
            present(CHAIR, DOCTOR, NURSE, SCHOOL),
            FOUR,
            frozenset(),
            ("Police are not represented by a voting member",),
        ),
        (
            present(CHAIR, POLICE, DOCTOR, MANAGER, COORDINATOR),
            FOUR,
            frozenset(),
            ("3 voting members present; at least 4 are needed",),
        ),
        (
            present(SCHOOL, MANAGER),
            FOUR,
            frozenset(),
            (
                "The local authority is not represented by a voting member",
                "Police are not represented by a voting member",
                "Health is not represented by a voting member",
                "1 voting member present; at least 4 are needed",
            ),
        ),
        (
            (
                person(CHAIR),
                person(POLICE, AttendanceStatus.APOLOGIES),
                replace(person(POLICE_SUBSTITUTE), substitute_for=POLICE),
                person(DOCTOR),
            ),
            QuorumRule(),
            frozenset(),
            (),
        ),
        (
            present(CHAIR, POLICE, DOCTOR, SCHOOL),
            replace(FOUR, count_recused=True),
            frozenset({POLICE}),
            (),
        ),
        (
            present(CHAIR, POLICE, DOCTOR, SCHOOL),
            FOUR,
            frozenset({POLICE}),
            (
                "Police are not represented: Ben Cole declared a conflict of interest. Add a"
                " substitute for the police",
                "3 voting members present; at least 4 are needed",
            ),
        ),
        (
            (
                *present(CHAIR, POLICE, DOCTOR, SCHOOL),
                replace(person(POLICE_SUBSTITUTE), substitute_for=POLICE),
            ),
            FOUR,
            frozenset({POLICE}),
            (),
        ),
        (
            present(CHAIR, SCHOOL, NURSE),
            QuorumRule(required_partners=frozenset({StatutoryPartner.LOCAL_AUTHORITY})),
            frozenset(),
            (),
        ),
    ],
    ids=[
        "all partners and four voting members",
        "police missing",
        "too few voting members: non-voting do not count",
        "everything short",
        "substitute represents the police",
        "recused member counts only when the profile says so",
        "Tower Hamlets conflicts of interest: a recused police member leaves police unrepresented",
        "a substitute for the recused member represents the police",
        "profile needs only the local authority",
    ],
)
def test_evaluate_quorum(
    attendees: tuple[Attendee, ...],
    rule: QuorumRule,
    recused: frozenset[int],
    reasons: tuple[str, ...],
) -> None:
    result = evaluate_quorum(attendees, rule, PARTNERS, recused)
    assert result.reasons == reasons
    assert result.met is (not reasons)


def test_substitute_from_another_agency_represents_the_member_they_replace() -> None:
    substitute = Attendee(
        20,
        "Jo Park",
        "Borough Police Unit",
        status=AttendanceStatus.PRESENT,
        substitute_for=POLICE,
    )
    attendees = (person(POLICE, AttendanceStatus.ABSENT), substitute)
    assert representatives(attendees, PARTNERS, StatutoryPartner.POLICE) == (substitute,)


def test_quorum_summary() -> None:
    assert QuorumResult(met=True, voting_members=4).summary == "Quorum met"
    result = QuorumResult(met=False, voting_members=2, reasons=("A", "B"))
    assert result.summary == "Quorum not met: A; B"


def test_quorum_is_not_met_until_attendance_is_taken() -> None:
    """Everyone else present would make the quorum; one person not recorded leaves it open."""
    attendees = (*present(CHAIR, POLICE, DOCTOR, SCHOOL), person(NURSE, NOT_RECORDED))
    result = evaluate_quorum(attendees, FOUR, PARTNERS)
    assert not result.met
    assert not result.attendance_taken
    assert result.summary == "Attendance not taken yet: 1 person not recorded"


def test_nobody_recorded_reads_attendance_not_taken() -> None:
    attendees = tuple(person(i, NOT_RECORDED) for i in (CHAIR, POLICE, DOCTOR, NURSE, SCHOOL))
    result = evaluate_quorum(attendees, FOUR, PARTNERS)
    assert (result.met, result.voting_members) == (False, 0)
    assert result.summary == "Attendance not taken yet: 5 people not recorded"


def test_quorum_once_everyone_is_recorded() -> None:
    attendees = (*present(CHAIR, POLICE, DOCTOR, SCHOOL), person(NURSE, AttendanceStatus.ABSENT))
    result = evaluate_quorum(attendees, FOUR, PARTNERS)
    assert (result.met, result.attendance_taken, result.summary) == (True, True, "Quorum met")


def test_quorum_rule_description() -> None:
    assert QuorumRule(minimum_voting_members=4).describe() == (
        "At least 4 voting members present, with local authority, police and health"
        " each represented by a voting member"
    )


def test_partner_map_from_directory() -> None:
    agencies = [
        Agency("Metropolitan Police", StatutoryPartner.POLICE),
        Agency("Integrated Care Board", StatutoryPartner.HEALTH),
        Agency("Education"),
    ]
    members = [
        Member("Ben Cole", "Metropolitan Police ", member_id=POLICE),
        Member("Chloe Reid", "integrated care board", member_id=DOCTOR),
        Member("Eve Shah", "Education", member_id=SCHOOL),
        Member("Unsaved", "Metropolitan Police"),
    ]
    assert partner_map(members, agencies) == {
        POLICE: StatutoryPartner.POLICE,
        DOCTOR: StatutoryPartner.HEALTH,
    }


def test_tower_hamlets_line_63_recused_members_not_counted_by_default() -> None:
    """Tower Hamlets, conflicts of interest: a member with a conflict declares it and a
    substitute is agreed. The quorum names the partner a substitute would represent."""
    result = evaluate_quorum(
        present(CHAIR, POLICE, DOCTOR, SCHOOL), QuorumRule(), PARTNERS, frozenset({POLICE})
    )
    assert QuorumRule().count_recused is False
    assert not result.met
    assert result.voting_members == 3
    assert result.substitutes_needed == (StatutoryPartner.POLICE,)
    assert result.summary.startswith("Quorum not met: Police are not represented: Ben Cole")
