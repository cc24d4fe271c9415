from dataclasses import replace

import pytest

from rrdesk.domain.cases.directory import Member
from rrdesk.domain.meeting.attendance import (
    AttendanceStatus,
    Attendee,
    check_attendance,
    holds_vote,
    non_voting_reason,
    still_to_record,
    voting_members_present,
)
from rrdesk.domain.meeting.meeting_error import MeetingError
from tests.domain.meeting.panel_people import (
    CHAIR,
    COORDINATOR,
    MANAGER,
    POLICE,
    POLICE_SUBSTITUTE,
    SCHOOL,
    person,
)


@pytest.mark.parametrize(
    ("role", "voting_in_directory"),
    [
        ("Designated Nurse", True),
        ("Designated Nurse", False),
        ("Partnership Manager", True),
        ("Education Safeguarding Coordinator", True),
        ("THSCP Co-ordinator", False),
    ],
    ids=[
        "voting member",
        "non-voting in the directory",
        "a manager the directory says votes, votes",
        "a coordinator the directory says votes, votes",
        "a non-voting member stays non-voting",
    ],
)
def test_attendee_votes_as_the_directory_says_never_from_words_in_the_role(
    role: str, voting_in_directory: bool
) -> None:
    member = Member("Ivy Nash", "ICB", role=role, voting=voting_in_directory, member_id=9)
    attendee = Attendee.from_member(member)
    assert attendee.voting is voting_in_directory
    assert (attendee.member_id, attendee.name, attendee.agency) == (9, "Ivy Nash", "ICB")
    # Attendance is taken at the meeting, never assumed.
    assert attendee.status is AttendanceStatus.NOT_RECORDED
    assert not attendee.present


def test_attendee_from_member_keeps_substitute_for() -> None:
    member = Member("Hana Kim", "Police", voting=False, substitute_for=2, member_id=8)
    assert Attendee.from_member(member, AttendanceStatus.APOLOGIES).substitute_for == 2


def test_attendee_from_unsaved_member_is_refused() -> None:
    with pytest.raises(MeetingError, match="Ivy Nash must be saved in the directory"):
        Attendee.from_member(Member("Ivy Nash", "ICB"))


def test_attendance_labels() -> None:
    assert [s.label for s in AttendanceStatus] == [
        "Not recorded",
        "Present",
        "Sent apologies",
        "Absent",
    ]
    assert [s.recorded for s in AttendanceStatus] == [False, True, True, True]


def test_still_to_record_counts_those_not_recorded() -> None:
    not_yet = person(SCHOOL, AttendanceStatus.NOT_RECORDED)
    assert still_to_record((person(CHAIR), not_yet)) == "1 person not recorded"
    assert still_to_record((not_yet, replace(person(POLICE), status=not_yet.status))) == (
        "2 people not recorded"
    )
    assert still_to_record((person(CHAIR), person(POLICE, AttendanceStatus.ABSENT))) == ""


def substitute(status: AttendanceStatus = AttendanceStatus.PRESENT) -> Attendee:
    return replace(person(POLICE_SUBSTITUTE, status), substitute_for=POLICE)


@pytest.mark.parametrize(
    ("attendees", "message"),
    [
        ((person(CHAIR), person(CHAIR)), "Asha Patel is on the attendance list twice"),
        (
            (replace(person(SCHOOL), substitute_for=SCHOOL),),
            "Eve Shah cannot be a substitute for themselves",
        ),
        (
            (person(POLICE), substitute(), replace(person(SCHOOL), substitute_for=POLICE)),
            "Hana Kim and Eve Shah are both named as substitute for Ben Cole",
        ),
    ],
    ids=["listed twice", "substitute for themselves", "two substitutes for one member"],
)
def test_check_attendance_rules(attendees: tuple[Attendee, ...], message: str) -> None:
    with pytest.raises(MeetingError, match=message):
        check_attendance(attendees)


@pytest.mark.parametrize(
    ("attendees", "who", "votes", "reason"),
    [
        ((person(CHAIR),), CHAIR, True, ""),
        ((person(MANAGER),), MANAGER, False, "Non-voting member"),
        ((person(CHAIR, AttendanceStatus.APOLOGIES),), CHAIR, False, "Sent apologies"),
        ((person(POLICE, AttendanceStatus.APOLOGIES), substitute()), POLICE_SUBSTITUTE, True, ""),
        (
            (person(POLICE), substitute()),
            POLICE_SUBSTITUTE,
            False,
            "Ben Cole, whom they substitute for, is present and votes",
        ),
        (
            (replace(person(POLICE, AttendanceStatus.ABSENT), voting=False), substitute()),
            POLICE_SUBSTITUTE,
            False,
            "Non-voting member",
        ),
        ((substitute(),), POLICE_SUBSTITUTE, False, "Non-voting member"),
        ((replace(substitute(), voting=True),), POLICE_SUBSTITUTE, True, ""),
    ],
    ids=[
        "present voting member",
        "partnership manager",
        "sent apologies",
        "substitute votes for an absent member",
        "substitute does not vote when the member is present",
        "substitute for a non-voting member",
        "substitute for someone not listed keeps own flag (non-voting)",
        "substitute for someone not listed keeps own flag (voting)",
    ],
)
def test_holds_vote(attendees: tuple[Attendee, ...], who: int, votes: bool, reason: str) -> None:
    attendee = next(a for a in attendees if a.member_id == who)
    assert holds_vote(attendee, attendees) is votes
    assert non_voting_reason(attendee, attendees) == reason


def test_voting_members_present_counts_substitutes_in_place() -> None:
    attendees = (
        person(CHAIR),
        person(POLICE, AttendanceStatus.APOLOGIES),
        substitute(),
        person(COORDINATOR),
    )
    assert [a.name for a in voting_members_present(attendees)] == ["Asha Patel", "Hana Kim"]
