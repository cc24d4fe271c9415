"""The meeting service on a real encrypted store with the demo partnership."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from rrdesk.demo.cases import add_demo_data
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.meeting.attendance import AttendanceStatus
from rrdesk.domain.meeting.decision import DecisionKind, make_decision
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.vote import VoteOutcome
from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
from rrdesk.services.decision_sheet.decision_sheet_record import (
    build_decision_sheet_content,
    format_clock,
)
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from tests.exports.pdf_reading import all_text


@pytest.fixture
def demo(session: Session, today: date) -> Session:
    add_demo_data(session, today=today)
    return session


def _case_at(session: Session, stage: Stage) -> int:
    case = next(c for c in CaseService(session).all_cases() if c.stage is stage)
    assert case.case_id is not None
    return case.case_id


def test_a_new_meeting_lists_the_panel_and_an_account_from_each_agency(demo: Session) -> None:
    service = MeetingService(demo)
    case_id = _case_at(demo, Stage.MEETING_BOOKED)
    meeting = service.load(case_id)
    names = {a.name for a in meeting.attendees}
    assert "Harriet Vale" in names
    assert "Bea Lindqvist" not in names  # in the directory, not on the panel
    # Attendance is taken at the meeting, never assumed.
    assert {a.status for a in meeting.attendees} == {AttendanceStatus.NOT_RECORDED}
    quorum = service.quorum(service.case(case_id), meeting)
    assert quorum.summary == f"Attendance not taken yet: {len(names)} people not recorded"
    titles = [item.title for item in meeting.agenda]
    assert "Account from Northmoor Police Public Protection Unit" in titles
    assert not service.is_saved(case_id)


def test_each_save_is_kept_and_audited(demo: Session) -> None:
    service = MeetingService(demo)
    case_id = _case_at(demo, Stage.MEETING_BOOKED)
    meeting = service.load(case_id)
    saved = service.save(case_id, replace(meeting, place="Room 4"), "Place: Room 4")
    assert service.load(case_id) == saved
    assert demo.documents.get(case_id, DocumentKind.MEETING) is not None
    entries = demo.audit.entries(case_id)
    assert entries[-1].summary == "Changed the meeting record: Place: Room 4"
    assert demo.audit.verify()[1] is None


def test_the_decision_moves_the_case_to_awaiting_sign_off(demo: Session) -> None:
    service = MeetingService(demo)
    case_id = _case_at(demo, Stage.MEETING_BOOKED)
    meeting = service.load(case_id).with_decision(
        make_decision(DecisionKind.RECOMMEND_LOCAL_REVIEW, "Criteria met")
    )
    service.save(case_id, meeting, "Decision")
    assert service.case(case_id).stage is Stage.AWAITING_SIGN_OFF


def test_quorum_follows_the_profile_and_the_directory(demo: Session) -> None:
    service = MeetingService(demo)
    case_id = _case_at(demo, Stage.MEETING_BOOKED)
    case = service.case(case_id)
    meeting = service.load(case_id)
    assert not service.quorum(case, meeting).met  # attendance not taken yet
    meeting = meeting.with_everyone_present()
    assert service.quorum(case, meeting).met
    police = [
        a.member_id
        for a in meeting.attendees
        if service.partners().get(a.member_id) is StatutoryPartner.POLICE
    ]
    for member_id in police:
        meeting = meeting.with_attendance(member_id, AttendanceStatus.APOLOGIES)
    result = service.quorum(case, meeting)
    assert not result.met
    assert "Police are not represented by a voting member" in result.summary


def test_demo_cases_have_complete_meetings(demo: Session) -> None:
    service = MeetingService(demo)
    decided = service.load(_case_at(demo, Stage.AWAITING_SIGN_OFF))
    sent = service.load(_case_at(demo, Stage.SENT_TO_NATIONAL_PANEL))
    assert decided.problems() == ()
    assert sent.problems() == ()
    assert decided.conflicts
    assert decided.vote is not None
    assert decided.vote.closed
    assert decided.vote.outcome is VoteOutcome.RECOMMEND
    assert sent.sign_off.all_agreed
    assert sent.sign_off.national_panel_sent_on is not None
    assert sent.sign_off.within_clock


def test_sending_to_the_national_panel_needs_all_three_partners(demo: Session) -> None:
    service = MeetingService(demo)
    case_id = _case_at(demo, Stage.AWAITING_SIGN_OFF)
    meeting = service.load(case_id)
    with pytest.raises(MeetingError, match="have not agreed yet"):
        service.record_sent_to_national_panel(case_id, meeting, date(2026, 11, 22))


def test_sent_to_the_national_panel_keeps_the_working_day_and_moves_the_stage(
    demo: Session, today: date
) -> None:
    service = MeetingService(demo)
    case_id = _case_at(demo, Stage.AWAITING_SIGN_OFF)
    case = service.case(case_id)
    meeting = service.load(case_id)
    assert meeting.held_on is not None
    sign_off = meeting.sign_off
    for partner in StatutoryPartner:
        sign_off = sign_off.send(partner, meeting.held_on).agree(partner, meeting.held_on)
    meeting = service.save(case_id, meeting.with_sign_off(sign_off), "Signed off")
    updated = service.record_sent_to_national_panel(case_id, meeting, today)
    assert case.notification_sent is not None
    expected = service.calendar.working_days_between(case.notification_sent, today)
    assert updated.sign_off.national_panel_working_day == expected
    assert service.case(case_id).stage is Stage.SENT_TO_NATIONAL_PANEL
    assert service.load(case_id) == updated


def test_the_decision_sheet_shows_pseudonyms_never_real_names(demo: Session, today: date) -> None:
    service = MeetingService(demo)
    case_id = _case_at(demo, Stage.AWAITING_SIGN_OFF)
    case = service.case(case_id)
    content = build_decision_sheet_content(
        case,
        service.load(case_id),
        partnership=demo.partnership,
        calendar=service.calendar,
        prepared_on=today,
    )
    assert content.pseudonyms == ("Child A", "Child B")
    assert content.vote is not None
    assert content.vote.outcome == "Recommend a local review"
    assert content.conflicts[0].member == "Dr Emre Yıldız"
    pdf = render_decision_sheet(content, load_decision_sheet_template())
    text = all_text(pdf)
    assert case.reference in text
    for child in case.children:
        assert child.real_name not in text
        assert child.real_name.split()[0] not in text
    assert "Gethin ap Rhys" in text


@pytest.mark.parametrize(
    ("hour", "minute", "text"),
    [(10, 0, "10am"), (14, 30, "2:30pm"), (12, 0, "midday"), (0, 15, "12:15am")],
    ids=["morning", "afternoon", "midday", "just after midnight"],
)
def test_meeting_times_read_as_gov_uk_writes_them(hour: int, minute: int, text: str) -> None:
    from datetime import time

    assert format_clock(time(hour, minute)) == text


def test_a_sheet_is_not_exported_from_an_unfinished_record(demo: Session, today: date) -> None:
    service = MeetingService(demo)
    case_id = _case_at(demo, Stage.MEETING_BOOKED)
    # The date booked on the Timetable tab carries over; the place has not been recorded.
    assert service.load(case_id).held_on is not None
    assert service.load(case_id).problems()[0].startswith("Enter where the meeting was held")


def test_emailing_the_sheet_records_it_sent_to_each_partner_not_yet_asked(
    demo: Session, today: date
) -> None:
    service = MeetingService(demo)
    case_id = _case_at(demo, Stage.AWAITING_SIGN_OFF)
    before = service.load(case_id).sign_off
    waiting = [p for p in before.partners if p.sent_on is None and p.agreed is None]
    recorded = service.record_sent_for_sign_off(case_id, today)
    assert len(recorded) == len(waiting)
    after = service.load(case_id).sign_off
    for partner in waiting:
        assert after.of(partner.partner).sent_on == today
    assert service.record_sent_for_sign_off(case_id, today) == ()
    if recorded:
        assert "emailed for sign-off" in demo.audit.entries(case_id)[-1].detail["note"]
