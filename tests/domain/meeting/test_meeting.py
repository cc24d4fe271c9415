from dataclasses import replace
from datetime import date, time

import pytest

from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.meeting.attendance import AttendanceStatus
from rrdesk.domain.meeting.decision import DecisionKind, LearningRoute, make_decision
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.quorum import QuorumRule
from rrdesk.domain.meeting.vote import VoteChoice, VoteOutcome
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
    complete_meeting,
    full_panel,
    meeting_with,
    person,
)


@pytest.mark.parametrize(
    ("place", "online", "venue"),
    [
        ("Town Hall", False, "Town Hall"),
        ("", True, "Online"),
        ("Town Hall", True, "Town Hall and online"),
        ("", False, "Not yet recorded"),
    ],
    ids=["in person", "online", "hybrid", "not recorded"],
)
def test_venue(place: str, online: bool, venue: str) -> None:
    assert Meeting("RR-2026-004", place=place, online=online).venue == venue


def test_changes_return_new_records() -> None:
    before = meeting_with(CHAIR)
    after = before.with_attendance(CHAIR, AttendanceStatus.APOLOGIES)
    assert before.attendee(CHAIR).status is AttendanceStatus.PRESENT
    assert after.attendee(CHAIR).status is AttendanceStatus.APOLOGIES


def test_chair_must_be_present_on_the_list() -> None:
    with pytest.raises(MeetingError, match="Add the chair to the attendance list first"):
        meeting_with(POLICE).with_chair(CHAIR)
    with pytest.raises(MeetingError, match="Asha Patel cannot chair: they are not present"):
        meeting_with(apologies=(CHAIR,)).with_chair(CHAIR)
    meeting = full_panel()
    assert meeting.chair == person(CHAIR)
    with pytest.raises(MeetingError, match="Asha Patel is the chair; choose another chair first"):
        meeting.with_attendance(CHAIR, AttendanceStatus.ABSENT)
    with pytest.raises(MeetingError, match="Asha Patel is the chair"):
        meeting.without_attendee(CHAIR)


def test_attendee_not_on_the_list() -> None:
    with pytest.raises(MeetingError, match="That person is not on the attendance list"):
        meeting_with(CHAIR).with_attendance(POLICE, AttendanceStatus.PRESENT)


def test_substitute_votes_in_place_of_the_member_who_sent_apologies() -> None:
    meeting = meeting_with(CHAIR, DOCTOR, apologies=(POLICE,)).with_substitute(
        person(POLICE_SUBSTITUTE), POLICE
    )
    assert meeting.quorum(QuorumRule(), PARTNERS).met
    vote = meeting.open_vote().vote
    assert vote is not None
    assert [v.description for v in vote.voters] == [
        "Asha Patel",
        "Chloe Reid",
        "Hana Kim (for Ben Cole)",
    ]


def test_voting_can_be_changed_on_the_list() -> None:
    meeting = full_panel().with_voting(MANAGER, True).with_voting(SCHOOL, False)
    vote = meeting.open_vote().vote
    assert vote is not None
    assert MANAGER in {v.member_id for v in vote.voters}
    assert SCHOOL not in {v.member_id for v in vote.voters}


def test_conflict_recuses_from_this_vote_only() -> None:
    meeting = full_panel().with_conflict(NURSE, " Line manager of the health visitor ")
    assert meeting.recused == {NURSE}
    assert meeting.conflicts[0].note == "Line manager of the health visitor"
    assert meeting.attendee(NURSE).present
    assert meeting.quorum(QuorumRule(minimum_voting_members=4), PARTNERS).voting_members == 4
    vote = meeting.open_vote().vote
    assert vote is not None
    assert NURSE not in {v.member_id for v in vote.voters}
    assert [n.reason for n in vote.not_voting if n.member_id == NURSE] == [
        "Recused: conflict of interest"
    ]


def test_conflict_needs_a_note_and_can_be_withdrawn() -> None:
    with pytest.raises(MeetingError, match="Enter a note of Dan Okafor's conflict of interest"):
        full_panel().with_conflict(NURSE, "")
    meeting = full_panel().with_conflict(NURSE, "Knows the family").without_conflict(NURSE)
    assert meeting.recused == frozenset()


def test_removing_an_attendee_removes_their_conflict() -> None:
    meeting = full_panel().with_conflict(SCHOOL, "Child's school").without_attendee(SCHOOL)
    assert meeting.conflicts == ()


def test_quorum_lost_live_when_someone_leaves() -> None:
    meeting = full_panel()
    assert meeting.quorum(QuorumRule(), PARTNERS).met
    left = meeting.with_attendance(POLICE, AttendanceStatus.ABSENT)
    result = left.quorum(QuorumRule(), PARTNERS)
    assert result.reasons == ("Police are not represented by a voting member",)


def test_a_new_list_reads_attendance_not_taken_until_everyone_is_recorded() -> None:
    meeting = meeting_with()
    for member_id in (CHAIR, POLICE, DOCTOR, NURSE, SCHOOL):
        meeting = meeting.with_attendee(person(member_id, AttendanceStatus.NOT_RECORDED))
    assert not meeting.attendance_taken
    result = meeting.quorum(QuorumRule(), PARTNERS)
    assert result.summary == "Attendance not taken yet: 5 people not recorded"
    for member_id in (CHAIR, POLICE, DOCTOR, SCHOOL):
        meeting = meeting.with_attendance(member_id, AttendanceStatus.PRESENT)
    assert meeting.quorum(QuorumRule(), PARTNERS).summary == (
        "Attendance not taken yet: 1 person not recorded"
    )
    meeting = meeting.with_attendance(NURSE, AttendanceStatus.APOLOGIES)
    assert meeting.attendance_taken
    assert meeting.quorum(QuorumRule(), PARTNERS).summary == "Quorum met"


def test_the_vote_cannot_open_until_attendance_is_taken() -> None:
    meeting = full_panel().with_attendee(person(POLICE_SUBSTITUTE, AttendanceStatus.NOT_RECORDED))
    with pytest.raises(
        MeetingError,
        match="The vote cannot open until attendance is taken: 1 person not recorded as present,"
        " sent apologies or absent",
    ):
        meeting.open_vote()
    assert meeting.with_attendance(POLICE_SUBSTITUTE, AttendanceStatus.ABSENT).open_vote().vote


def test_everyone_present_keeps_apologies_and_absences_already_recorded() -> None:
    meeting = meeting_with(CHAIR, apologies=(NURSE,))
    for member_id in (POLICE, DOCTOR, SCHOOL):
        meeting = meeting.with_attendee(person(member_id, AttendanceStatus.NOT_RECORDED))
    meeting = meeting.with_attendee(person(MANAGER, AttendanceStatus.ABSENT))
    everyone = meeting.with_everyone_present()
    assert [(a.member_id, a.status) for a in everyone.attendees] == [
        (CHAIR, AttendanceStatus.PRESENT),
        (NURSE, AttendanceStatus.APOLOGIES),
        (POLICE, AttendanceStatus.PRESENT),
        (DOCTOR, AttendanceStatus.PRESENT),
        (SCHOOL, AttendanceStatus.PRESENT),
        (MANAGER, AttendanceStatus.ABSENT),
    ]
    assert everyone.attendance_taken


def test_vote_eligibility_frozen_when_the_vote_opens() -> None:
    meeting = full_panel().open_vote()
    later = meeting.with_attendance(SCHOOL, AttendanceStatus.ABSENT).with_conflict(
        POLICE, "Late declaration"
    )
    assert later.vote == meeting.vote


def test_vote_through_the_meeting() -> None:
    meeting = full_panel().open_vote()
    assert meeting.vote is not None
    vote = meeting.vote.cast(CHAIR, VoteChoice.YES).cast(POLICE, VoteChoice.YES)
    meeting = meeting.with_vote(vote.cast(DOCTOR, VoteChoice.NO).close())
    assert meeting.vote is not None
    assert meeting.vote.outcome is VoteOutcome.RECOMMEND
    with pytest.raises(MeetingError, match="The vote has already been opened"):
        meeting.open_vote()


def test_with_vote_before_opening() -> None:
    opened = full_panel().open_vote()
    assert opened.vote is not None
    with pytest.raises(MeetingError, match="The vote has not been opened"):
        full_panel().with_vote(opened.vote)


def test_actions() -> None:
    due = date(2027, 1, 15)
    meeting = full_panel().with_action(ImmediateAction(" Safer sleep briefing ", " ICB ", due))
    assert meeting.actions == (ImmediateAction("Safer sleep briefing", "ICB", due),)
    meeting = meeting.with_action_replaced(0, ImmediateAction("Safer sleep audit", "ICB", due))
    assert meeting.actions[0].action == "Safer sleep audit"
    assert meeting.without_action(0).actions == ()
    with pytest.raises(MeetingError, match="There is no such action"):
        meeting.without_action(3)


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (ImmediateAction(" ", "ICB"), "Enter the action"),
        (ImmediateAction("Audit", ""), "Enter the agency that owns the action"),
    ],
    ids=["no action", "no owner"],
)
def test_action_rules(action: ImmediateAction, message: str) -> None:
    with pytest.raises(MeetingError, match=message):
        full_panel().with_action(action)


def test_learning_is_cleaned() -> None:
    learning = Learning(
        good_practice=(" Prompt referral ", ""),
        theme_keys=("safer_sleep", "safer_sleep", "neglect"),
    )
    meeting = full_panel().with_learning(learning)
    assert meeting.learning.good_practice == ("Prompt referral",)
    assert meeting.learning.theme_keys == ("safer_sleep", "neglect")
    assert meeting.learning.with_theme("neglect").theme_keys == ("safer_sleep", "neglect")
    assert meeting.learning.without_theme("neglect").theme_keys == ("safer_sleep",)


def test_problems_before_export() -> None:
    assert Meeting("RR-2026-004").problems()[:5] == (
        "Enter the date of the meeting",
        "Enter where the meeting was held, or that it was online",
        "Choose the chair",
        "Record who was present",
        "Answer the criterion: Improvements are needed to safeguard and promote the welfare of"
        " children, including where those improvements have been identified before",
    )


def test_problems_name_attendance_not_taken() -> None:
    meeting = full_panel().with_attendee(person(POLICE_SUBSTITUTE, AttendanceStatus.NOT_RECORDED))
    assert (
        "Take attendance: 1 person not recorded as present, sent apologies or absent"
        in meeting.problems()
    )
    assert "Record who was present" not in meeting.problems()


def test_complete_meeting_has_no_problems() -> None:
    meeting = complete_meeting()
    assert meeting.problems() == ()


def test_open_meeting_problems_list_the_open_vote() -> None:
    meeting = replace(complete_meeting(), decision=None)
    assert meeting.vote is not None
    meeting = meeting.with_vote(meeting.vote.reopen("Recount"))
    assert meeting.problems() == ("Close the vote", "Record the decision and its rationale")


def test_a_decision_against_the_vote_is_not_complete_without_its_reason() -> None:
    meeting = complete_meeting()  # the vote was 3 to 1 to recommend
    against = make_decision(DecisionKind.DO_NOT_RECOMMEND, "Rationale", LearningRoute.AUDIT)
    assert meeting.with_decision(against).problems() == (
        "Give the reason the decision differs from the vote's outcome ('Recommend a local"
        " review'): the decision sheet cannot be signed without it",
    )
    reason = "The police shared new information after the vote"
    explained = make_decision(
        DecisionKind.DO_NOT_RECOMMEND, "Rationale", LearningRoute.AUDIT, reason
    )
    assert meeting.with_decision(explained).problems() == ()


def test_name_of_someone_not_listed() -> None:
    assert full_panel().name_of(COORDINATOR) == "Gus Moy"
    assert full_panel().name_of(42) == "Member 42"


def test_scheduled() -> None:
    meeting = Meeting("RR-2026-004").scheduled(date(2026, 12, 3), time(9, 30), " Room 2 ", True)
    assert (meeting.held_on, meeting.starts_at, meeting.venue) == (
        date(2026, 12, 3),
        time(9, 30),
        "Room 2 and online",
    )
