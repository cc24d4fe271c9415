"""The meeting service on a real encrypted store, with a small panel built for each test."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from rrdesk.domain.cases.cases import Case, Child, Stage
from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.meeting.attendance import AttendanceStatus
from rrdesk.domain.meeting.decision import DecisionKind, make_decision
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.vote import VoteChoice, VoteOutcome
from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
from rrdesk.services.decision_sheet.decision_sheet_record import (
    build_decision_sheet_content,
    format_clock,
)
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from tests.builders import (
    Directory,
    add_case,
    add_directory,
    book_meeting,
    decided,
    meeting_held,
    signed_off,
    voted,
)
from tests.exports.pdf_reading import all_text

NOTIFIED = date(2026, 11, 9)  # a Monday; today is Sunday 22 November 2026
MEETING_DAY = date(2026, 11, 24)


@pytest.fixture
def panel(session: Session) -> Directory:
    return add_directory(session)


def _booked(session: Session, today: date) -> int:
    """A case with its meeting booked for Tuesday 24 November 2026, nothing recorded yet."""
    case = add_case(session, today=today, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    book_meeting(session, case, MEETING_DAY)
    assert case.case_id is not None
    return case.case_id


def _awaiting_sign_off(session: Session, panel: Directory, today: date) -> Case:
    """Two children; the meeting held with Dr Hana Nurse declaring a conflict and Sam Teacher
    voting against, and the decision to recommend a local review."""
    case = add_case(
        session,
        today=today,
        notified=NOTIFIED,
        stage=Stage.MEETING_BOOKED,
        children=(
            Child("Child A", "Aria Example-Fictional"),
            Child("Child B", "Bruno Example-Fictional"),
        ),
    )
    meeting = meeting_held(
        session,
        case,
        held_on=date(2026, 11, 20),
        chair=panel["Alex Chair"],
        conflicts={panel["Dr Hana Nurse"]: "Partner at the family's GP practice"},
    )
    meeting = voted(
        session,
        case,
        meeting,
        {panel["Sam Teacher"]: VoteChoice.NO},
        dissent={panel["Sam Teacher"]: "The school is already acting on the learning."},
    )
    decided(session, case, meeting)
    return case


def test_a_new_meeting_lists_the_panel_and_an_account_from_each_agency(
    session: Session, panel: Directory, today: date
) -> None:
    service = MeetingService(session)
    case_id = _booked(session, today)
    meeting = service.load(case_id)
    names = {a.name for a in meeting.attendees}
    assert names == {
        "Alex Chair",
        "Pat Officer",
        "Dr Hana Nurse",
        "Sam Teacher",
        "Robin Coordinator",
    }  # Jo Housing is in the directory, not on the panel
    # Attendance is taken at the meeting, never assumed.
    assert {a.status for a in meeting.attendees} == {AttendanceStatus.NOT_RECORDED}
    quorum = service.quorum(service.case(case_id), meeting)
    assert quorum.summary == "Attendance not taken yet: 5 people not recorded"
    titles = [item.title for item in meeting.agenda]
    assert "Account from Westbury Police" in titles
    assert "Account from Westbury Housing" not in titles
    assert not service.is_saved(case_id)


def test_each_save_is_kept_and_audited(session: Session, panel: Directory, today: date) -> None:
    service = MeetingService(session)
    case_id = _booked(session, today)
    meeting = service.load(case_id)
    saved = service.save(case_id, replace(meeting, place="Room 4"), "Place: Room 4")
    assert service.load(case_id) == saved
    assert session.documents.get(case_id, DocumentKind.MEETING) is not None
    entries = session.audit.entries(case_id)
    assert entries[-1].summary == "Changed the meeting record: Place: Room 4"
    assert session.audit.verify()[1] is None


def test_the_decision_moves_the_case_to_awaiting_sign_off(
    session: Session, panel: Directory, today: date
) -> None:
    service = MeetingService(session)
    case_id = _booked(session, today)
    meeting = service.load(case_id).with_decision(
        make_decision(DecisionKind.RECOMMEND_LOCAL_REVIEW, "Criteria met")
    )
    service.save(case_id, meeting, "Decision")
    assert service.case(case_id).stage is Stage.AWAITING_SIGN_OFF


def test_quorum_follows_the_profile_and_the_directory(
    session: Session, panel: Directory, today: date
) -> None:
    service = MeetingService(session)
    case_id = _booked(session, today)
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
    assert police == [panel["Pat Officer"]]
    for member_id in police:
        meeting = meeting.with_attendance(member_id, AttendanceStatus.APOLOGIES)
    result = service.quorum(case, meeting)
    assert not result.met
    assert "Police are not represented by a voting member" in result.summary


def test_a_meeting_held_voted_and_decided_is_complete(
    session: Session, panel: Directory, today: date
) -> None:
    case = _awaiting_sign_off(session, panel, today)
    assert case.case_id is not None
    meeting = MeetingService(session).load(case.case_id)
    assert meeting.problems() == ()
    assert meeting.conflicts
    assert meeting.vote is not None
    assert meeting.vote.closed
    assert meeting.vote.outcome is VoteOutcome.RECOMMEND
    signed_off(session, case, meeting, sent=date(2026, 11, 20), agreed=date(2026, 11, 20))
    sent = MeetingService(session).record_sent_to_national_panel(
        case.case_id, MeetingService(session).load(case.case_id), today
    )
    assert sent.sign_off.all_agreed
    assert sent.sign_off.national_panel_sent_on == today
    assert sent.sign_off.within_clock


def test_sending_to_the_national_panel_needs_all_three_partners(
    session: Session, panel: Directory, today: date
) -> None:
    service = MeetingService(session)
    case_id = _awaiting_sign_off(session, panel, today).case_id
    assert case_id is not None
    meeting = service.load(case_id)
    with pytest.raises(MeetingError, match="have not agreed yet"):
        service.record_sent_to_national_panel(case_id, meeting, date(2026, 11, 22))


def test_sent_to_the_national_panel_keeps_the_working_day_and_moves_the_stage(
    session: Session, panel: Directory, today: date
) -> None:
    service = MeetingService(session)
    case_id = _awaiting_sign_off(session, panel, today).case_id
    assert case_id is not None
    case = service.case(case_id)
    meeting = service.load(case_id)
    assert meeting.held_on is not None
    sign_off = meeting.sign_off
    for partner in StatutoryPartner:
        sign_off = sign_off.send(partner, meeting.held_on).agree(partner, meeting.held_on)
    meeting = service.save(case_id, meeting.with_sign_off(sign_off), "Signed off")
    updated = service.record_sent_to_national_panel(case_id, meeting, today)
    # Notified Monday 9 November; Sunday 22 November 2026 is in working day 9.
    assert case.notification_sent is not None
    assert service.calendar.working_days_between(case.notification_sent, today) == 9
    assert updated.sign_off.national_panel_working_day == 9
    assert service.case(case_id).stage is Stage.SENT_TO_NATIONAL_PANEL
    assert service.load(case_id) == updated


def test_the_decision_sheet_shows_pseudonyms_never_real_names(
    session: Session, panel: Directory, today: date
) -> None:
    service = MeetingService(session)
    case_id = _awaiting_sign_off(session, panel, today).case_id
    assert case_id is not None
    case = service.case(case_id)
    content = build_decision_sheet_content(
        case,
        service.load(case_id),
        partnership=session.partnership,
        calendar=service.calendar,
        prepared_on=today,
    )
    assert content.pseudonyms == ("Child A", "Child B")
    assert content.vote is not None
    assert content.vote.outcome == "Recommend a local review"
    assert content.conflicts[0].member == "Dr Hana Nurse"
    pdf = render_decision_sheet(content, load_decision_sheet_template())
    text = all_text(pdf)
    assert case.reference in text
    for child in case.children:
        assert child.real_name not in text
        assert child.real_name.split()[0] not in text
    assert "Sam Teacher" in text  # the dissent is named


@pytest.mark.parametrize(
    ("hour", "minute", "text"),
    [(10, 0, "10am"), (14, 30, "2:30pm"), (12, 0, "midday"), (0, 15, "12:15am")],
    ids=["morning", "afternoon", "midday", "just after midnight"],
)
def test_meeting_times_read_as_gov_uk_writes_them(hour: int, minute: int, text: str) -> None:
    from datetime import time

    assert format_clock(time(hour, minute)) == text


def test_a_sheet_is_not_exported_from_an_unfinished_record(
    session: Session, panel: Directory, today: date
) -> None:
    service = MeetingService(session)
    case_id = _booked(session, today)
    # The date booked on the Timetable tab carries over; the place has not been recorded.
    assert service.load(case_id).held_on == MEETING_DAY
    assert service.load(case_id).problems()[0].startswith("Enter where the meeting was held")


def test_emailing_the_sheet_records_it_sent_to_each_partner_not_yet_asked(
    session: Session, panel: Directory, today: date
) -> None:
    service = MeetingService(session)
    case_id = _awaiting_sign_off(session, panel, today).case_id
    assert case_id is not None
    meeting = service.load(case_id)
    # The police were asked already; the local authority and health were not.
    service.save(
        case_id,
        meeting.with_sign_off(meeting.sign_off.send(StatutoryPartner.POLICE, date(2026, 11, 20))),
        "Sent to the police",
    )
    recorded = service.record_sent_for_sign_off(case_id, today)
    assert len(recorded) == 2
    after = service.load(case_id).sign_off
    assert after.of(StatutoryPartner.LOCAL_AUTHORITY).sent_on == today
    assert after.of(StatutoryPartner.HEALTH).sent_on == today
    assert after.of(StatutoryPartner.POLICE).sent_on == date(2026, 11, 20)
    assert service.record_sent_for_sign_off(case_id, today) == ()
    assert "emailed for sign-off" in session.audit.entries(case_id)[-1].detail["note"]


def test_redbridge_line_15_a_dissent_goes_on_the_sheet_and_to_the_national_panel(
    session: Session, panel: Directory, today: date
) -> None:
    """The Executive decides on a partner's dissent; the dissent is printed on the decision
    sheet and the decision goes to the National Panel with it."""
    session.settings.set("profile", "redbridge")
    service = MeetingService(session)
    case_id = _awaiting_sign_off(session, panel, today).case_id
    assert case_id is not None
    case = service.case(case_id)
    rule = service.dissent_rule(case)
    assert (rule.who, rule.chair_first) == ("the Redbridge Executive", False)
    meeting = service.load(case_id)
    assert meeting.held_on is not None
    day = meeting.held_on
    sign_off = meeting.sign_off
    for partner in StatutoryPartner:
        sign_off = sign_off.send(partner, day)
    police = StatutoryPartner.POLICE
    sign_off = sign_off.agree(StatutoryPartner.LOCAL_AUTHORITY, day).agree(
        StatutoryPartner.HEALTH, day
    )
    sign_off = sign_off.disagree(police, day, "No police learning", rule=rule)
    sign_off = sign_off.record_executive_decision(police, day, "The decision stands", rule=rule)
    meeting = service.save(case_id, meeting.with_sign_off(sign_off), "Signed off, one dissent")
    sent = service.record_sent_to_national_panel(case_id, meeting, today)
    assert sent.sign_off.national_panel_sent_on == today
    content = build_decision_sheet_content(
        case, sent, partnership=session.partnership, calendar=service.calendar, prepared_on=today
    )
    at_sign_off = [d for d in content.dissent if d.member == "The police, at sign-off"]
    assert [d.words for d in at_sign_off] == [
        f"The police did not agree on {format_date(day)}: No police learning. Decided by the"
        f" Redbridge Executive on {format_date(day)}: The decision stands."
    ]
    text = all_text(render_decision_sheet(content, load_decision_sheet_template()))
    assert "No police learning" in text
