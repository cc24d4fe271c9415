import json
from datetime import date

import pytest
from hypothesis import given

from rrdesk.domain.after_meeting.panel_response import PanelAnswer, PanelResponse
from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.dissent import DissentRoute, DissentRule
from rrdesk.domain.decision_sheet.sheet_version import SheetHistory
from rrdesk.domain.decision_sheet.sign_off import SignOff
from rrdesk.domain.meeting.agenda import build_agenda
from rrdesk.domain.meeting.attendance import AttendanceStatus, Attendee
from rrdesk.domain.meeting.criteria import CRITERIA
from rrdesk.domain.meeting.decision import DecisionKind, LearningRoute, make_decision
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_document import (
    meeting_from_dict,
    meeting_to_dict,
    sheet_history_from_dict,
    sheet_history_to_dict,
)
from rrdesk.domain.meeting.meeting_error import MeetingError
from tests.domain.meeting.meeting_strategies import meetings
from tests.domain.meeting.panel_people import complete_meeting

WORKING_DAY = 9


def through_json(meeting: Meeting) -> Meeting:
    return meeting_from_dict(json.loads(json.dumps(meeting_to_dict(meeting))))


def test_empty_meeting_round_trip() -> None:
    meeting = Meeting("RR-2026-004")
    assert through_json(meeting) == meeting


def test_complete_meeting_round_trip() -> None:
    meeting = complete_meeting().with_agenda(build_agenda(["Police", "Health"]))
    meeting = meeting.with_action(ImmediateAction("Safer sleep briefing", "ICB", date(2027, 1, 8)))
    assert meeting.vote is not None
    meeting = meeting.with_vote(
        meeting.vote.reopen("Count checked").close().record_dissent(5, "I disagree, politely.")
    )
    sign_off = SignOff()
    for partner in StatutoryPartner:
        sign_off = sign_off.send(partner, date(2026, 12, 4))
    chair_first = DissentRule(DissentRoute.CHAIR_THEN_EXECUTIVE, "THSCP Executive chair", False)
    health = StatutoryPartner.HEALTH
    sign_off = sign_off.disagree(health, date(2026, 12, 5), "Not yet", rule=chair_first)
    sign_off = sign_off.record_chair_meeting(health, date(2026, 12, 6), "Still not")
    sign_off = sign_off.record_executive_decision(health, date(2026, 12, 6), "Go", rule=chair_first)
    sign_off = sign_off.send(StatutoryPartner.HEALTH, date(2026, 12, 6))
    for partner in StatutoryPartner:
        sign_off = sign_off.agree(partner, date(2026, 12, 7), signed_by="A", comments="Yes")
    sign_off = sign_off.record_sent_to_national_panel(date(2026, 12, 8), lambda _: WORKING_DAY)
    meeting = meeting.with_sign_off(sign_off)
    meeting = meeting.with_panel_response(
        PanelResponse(date(2026, 12, 14), PanelAnswer.MORE_INFORMATION, "The chronology")
    )
    assert through_json(meeting) == meeting


def test_a_stored_attendee_keeps_the_attendance_it_had() -> None:
    """Records saved before attendance had to be taken load as they were saved."""
    document = meeting_to_dict(complete_meeting())
    statuses = [a["status"] for a in document["attendees"]]
    assert statuses == ["present"] * 7
    loaded = meeting_from_dict(json.loads(json.dumps(document)))
    assert [a.status for a in loaded.attendees] == [AttendanceStatus.PRESENT] * 7
    assert loaded.attendance_taken


def test_the_reason_a_decision_differs_from_the_vote_is_stored_with_it() -> None:
    reason = "The police shared new information after the vote"
    meeting = complete_meeting().with_decision(
        make_decision(DecisionKind.DO_NOT_RECOMMEND, "Rationale", LearningRoute.AUDIT, reason)
    )
    document = json.loads(json.dumps(meeting_to_dict(meeting)))
    assert document["decision"]["differs_reason"] == reason
    assert meeting_from_dict(document).decision == meeting.decision
    del document["decision"]["differs_reason"]  # a record saved before the reason was asked
    loaded = meeting_from_dict(document).decision
    assert loaded is not None
    assert loaded.differs_reason == ""


def test_not_recorded_round_trips() -> None:
    meeting = Meeting("RR-2026-004").with_attendee(Attendee(1, "Asha Patel", "Children's Services"))
    assert meeting.attendees[0].status is AttendanceStatus.NOT_RECORDED
    assert meeting_to_dict(meeting)["attendees"][0]["status"] == "not_recorded"
    assert through_json(meeting) == meeting


def test_dates_and_times_are_iso_strings() -> None:
    document = meeting_to_dict(complete_meeting())
    assert document["held_on"] == "2026-12-03"
    assert document["starts_at"] == "14:00"
    assert document["format"] == 1


def test_criteria_wording_is_kept_with_the_record() -> None:
    document = meeting_to_dict(complete_meeting())
    assert [c["question"] for c in document["criteria"]["definitions"]] == [
        c.question for c in CRITERIA
    ]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({}, "not in a form this version of rrdesk can read"),
        ({"format": 99}, "not in a form this version of rrdesk can read"),
        ({"format": 1, "case_reference": "RR-2026-004"}, r"damaged \(KeyError\)"),
        (
            {**meeting_to_dict(Meeting("RR-1")), "held_on": "3rd December"},
            r"damaged \(ValueError\)",
        ),
    ],
    ids=["empty", "newer format", "missing fields", "bad date"],
)
def test_damaged_documents(document: dict[str, object], message: str) -> None:
    with pytest.raises(MeetingError, match=message):
        meeting_from_dict(document)


# --- any meeting the rules allow survives the round trip ------------------------------------


@given(meetings())
def test_any_meeting_round_trips_through_json(meeting: Meeting) -> None:
    assert through_json(meeting) == meeting


def test_sheet_history_round_trip() -> None:
    meeting = complete_meeting()
    history, _ = SheetHistory().export(meeting, date(2026, 12, 3))
    history, _ = history.export(meeting.with_conflict(5, "School"), date(2026, 12, 4))
    document = json.loads(json.dumps(sheet_history_to_dict(history)))
    assert sheet_history_from_dict(document) == history


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"versions": []}, "not in a form rrdesk can read"),
        ({"format": 1}, r"damaged \(KeyError\)"),
        (
            {"format": 1, "versions": [{"number": 1, "exported_on": "x", "changes": []}]},
            r"damaged \(ValueError\)",
        ),
        (
            {
                "format": 1,
                "versions": [
                    {"number": 1, "exported_on": "2026-12-03", "changes": [], "meeting": {}}
                ],
            },
            "The meeting record is not in a form",
        ),
    ],
    ids=["no format", "no versions", "bad date", "damaged meeting"],
)
def test_damaged_sheet_history(document: dict[str, object], message: str) -> None:
    with pytest.raises(MeetingError, match=message):
        sheet_history_from_dict(document)
