"""The demo store is complete: a case at every stage from notified to a local review, and each
case has what its stage needs.

These are the only tests that read the demo's story; every other test builds its own data with
``tests/builders.py``.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rrdesk.demo.partnership import (
    AGENCIES,
    EDUCATION_AGENCY,
    HOUSING_AGENCY,
    ICB_AGENCY,
    LA_AGENCY,
    MENTAL_HEALTH_AGENCY,
    PEOPLE,
    POLICE_AGENCY,
    SUBSTITUTES,
)
from rrdesk.domain.after_meeting.submission_details import Involvement
from rrdesk.domain.agency_forms.agency_requests import EventKind, RequestStatus
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.cases.directory import StatutoryPartner, partner_executives
from rrdesk.domain.meeting.vote import VoteOutcome
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.after_meeting.submission_service import SubmissionService
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.session_services import SessionServices
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.calendar_settings import CalendarSettings
from rrdesk.ui.decision_sheet.sheet_versions_box import exported_on
from tests.demo_store import add_demo_store


@pytest.fixture
def demo(session: Session, today: date, passphrase: str) -> Session:
    add_demo_store(session, today, passphrase)
    return session


def _case_at(session: Session, stage: Stage) -> int:
    case = next(c for c in CaseService(session).all_cases() if c.stage is stage)
    assert case.case_id is not None
    return case.case_id


def test_every_stage_has_a_case_and_the_directory_is_filled(demo: Session) -> None:
    stages = {case.stage for case in CaseService(demo).all_cases()}
    assert stages == {
        Stage.NOTIFIED,
        Stage.COLLECTING_RETURNS,
        Stage.MEETING_BOOKED,
        Stage.AWAITING_SIGN_OFF,
        Stage.SENT_TO_NATIONAL_PANEL,
        Stage.THRESHOLD_NOT_MET,
        Stage.LOCAL_REVIEW,
    }
    directory = DirectoryService(demo)
    assert {a.name for a in directory.agencies()} == {a.name for a in AGENCIES}
    assert len(directory.members()) == len(PEOPLE) + len(SUBSTITUTES)


def test_each_statutory_partner_has_an_executive_lead_and_deputy(demo: Session) -> None:
    executives = partner_executives(DirectoryService(demo).members())
    assert [e.partner for e in executives] == list(StatutoryPartner)
    for executive in executives:
        for person in (executive.lead, executive.deputy):
            assert person is not None, executive.partner
            assert person.email.endswith("@northmoor.example")
            assert not person.on_panel
            assert not person.voting
    drafts = SignOffDrafts(demo, decision_sheet_service_for(demo))
    assert drafts.missing_executives() == []
    # the sign-off email goes to the three leads, one each, and copies no one
    assert [(r.name, r.partner) for r in drafts.recipients()] == [
        ("Marisol Treharne", "Local authority"),
        ("Ch Supt Oluwaseun Pryce", "Police"),
        ("Dr Ingrid Halvorsen-Kaur", "Health"),
    ]
    assert drafts.copied() == []


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


def test_demo_case_collecting_returns_has_every_status(demo: Session, today: date) -> None:
    service = AgencyFormsService(demo)
    rows = service.status_rows(_case_at(demo, Stage.COLLECTING_RETURNS), today)
    assert {row.status.status for row in rows} == set(RequestStatus)


def test_demo_case_with_meeting_has_every_form_quality_assured(demo: Session, today: date) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_at(demo, Stage.MEETING_BOOKED)
    statuses = {row.status.status for row in service.status_rows(case_id, today)}
    assert statuses == {RequestStatus.QUALITY_ASSURED}
    content = service.panel_pack_content(case_id, today)
    assert len(content.forms) == 4
    assert content.pseudonyms == ("Child R",)
    assert all("Rosie" not in value for _label, value in content.case_summary)
    assert content.timetable


_DECIDED_CASE_AGENCIES = {
    # Child K: the agencies its submission records (housing a nil return); Child D: those its
    # meeting record speaks of (children's social care, the police, health visiting).
    Stage.SENT_TO_NATIONAL_PANEL: {
        MENTAL_HEALTH_AGENCY: Involvement.INVOLVED,
        LA_AGENCY: Involvement.INVOLVED,
        EDUCATION_AGENCY: Involvement.INVOLVED,
        HOUSING_AGENCY: Involvement.NIL_RETURN,
        POLICE_AGENCY: Involvement.INVOLVED,
    },
    Stage.LOCAL_REVIEW: {
        LA_AGENCY: Involvement.INVOLVED,
        ICB_AGENCY: Involvement.INVOLVED,
        POLICE_AGENCY: Involvement.INVOLVED,
    },
}


@pytest.mark.parametrize("stage", [Stage.SENT_TO_NATIONAL_PANEL, Stage.LOCAL_REVIEW])
def test_decided_cases_had_every_form_quality_assured_before_their_meeting(
    demo: Session, today: date, stage: Stage
) -> None:
    """Dated by the case's own timetable: asked the working day after the notification, back
    within the return window and quality assured before the meeting, whatever today is."""
    service = AgencyFormsService(demo)
    case_id = _case_at(demo, stage)
    case = CaseService(demo).get(case_id)
    assert case is not None
    notified = case.notification_sent
    held = MeetingService(demo).load(case_id).held_on
    assert notified is not None
    assert held is not None
    profile = CalendarSettings(demo).profile(case.profile)
    add = demo.calendar.add_working_days
    expected = _DECIDED_CASE_AGENCIES[stage]
    rows = service.status_rows(case_id, today)
    assert [row.agency for row in rows] == list(expected)
    for row in rows:
        assert row.status.status is RequestStatus.QUALITY_ASSURED, row.agency
        assert row.form_ready
        assert row.form_entered
        on = {event.kind: event.on for event in row.request.events}
        assert list(on) == [EventKind.SENT, EventKind.RECEIVED, EventKind.QUALITY_ASSURED]
        sent, received, assured = on.values()
        due = row.request.due_on
        assert due is not None
        assert sent == add(notified, 1)
        assert add(sent, profile.agency_return_min_working_days) <= received <= due
        assert due <= add(sent, profile.agency_return_max_working_days)
        assert sent < received < assured < held, row.agency
        record = service.load_form(case_id, row.agency)
        assert record.ready_on == received
        involved = "no" if expected[row.agency] is Involvement.NIL_RETURN else "yes"
        assert record.answers["involved"] == involved
    # the panel pack holds every form; the submission, and so the signed sheet, agree
    content = service.panel_pack_content(case_id, today)
    assert sorted(form.agency for form in content.forms) == sorted(expected)
    assert content.missing == ()
    agencies = SubmissionService(demo).details(case_id).agencies
    assert {a.agency: a.involvement for a in agencies} == expected
    # Closed, so not on the countdown board; the case's own timetable counts every form back.
    timetables = SessionServices(demo).timetables
    assert case_id not in {row.case_id for row in timetables.board_rows(today)}
    timetable = timetables.case_row(case_id, today)
    assert timetable is not None
    count = len(expected)
    assert timetable.returns_words == f"{count} of {count} received, {count} assured"
    assert {"scoping_requests_sent", "agency_checks_returned"} <= timetable.done


def test_demo_police_form_shows_findings_and_pasted_text(demo: Session) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_at(demo, Stage.COLLECTING_RETURNS)
    view = service.quality_view(
        case_id, "Northmoor Police Public Protection Unit", service.checker(case_id)
    )
    assert "acronyms" in view.findings
    assert "copied from case notes" in view.findings
    assert view.pasted == "Contains pasted text in 1 place"


def test_demo_returns_are_counted_for_the_board(demo: Session) -> None:
    service = AgencyFormsService(demo)
    # Chosen: seven, six of them sent; received or quality assured: two (a returned form is
    # awaited again).
    collecting = service.returns_count(_case_at(demo, Stage.COLLECTING_RETURNS))
    assert collecting is not None
    assert collecting.short_words == "2 of 7 received, 1 assured"
    booked = service.returns_count(_case_at(demo, Stage.MEETING_BOOKED))
    assert booked is not None
    assert booked.short_words == "4 of 4 received, 4 assured"
    assert service.returns_count(_case_at(demo, Stage.NOTIFIED)) is None


def test_decided_cases_have_signed_sheets_sent_for_sign_off(demo: Session, today: date) -> None:
    """Each decided case's sheet is signed, version 1, by the demo's certificate, with its audit
    entry, before the answers came back; no change since, so nothing is waiting to be signed."""
    sheets = decision_sheet_service_for(demo)
    fingerprint = sheets.signing.fingerprint()
    assert fingerprint
    for stage in (Stage.AWAITING_SIGN_OFF, Stage.SENT_TO_NATIONAL_PANEL, Stage.LOCAL_REVIEW):
        case_id = _case_at(demo, stage)
        versions = sheets.versions(case_id)
        assert [(v.version, v.note) for v in versions] == [(1, "First version")]
        result = sheets.signing.verify(versions[0].body)
        assert result.valid
        assert result.trusted
        assert not result.modified
        assert result.fingerprint == fingerprint
        assert sheets.pending_changes(case_id, today) == ()
        actions = [e.action for e in demo.audit.entries(case_id)]
        signed = actions.index("Signed the decision sheet, version 1")
        assert actions.count("Signed the decision sheet, version 1") == 1
        answers = [i for i, a in enumerate(actions) if a == "Changed the meeting record"]
        assert answers
        assert signed < answers[-1]
        # sent to every partner, on or after the meeting, and not before the sheet's date
        sign_off = sheets.sign_off(case_id)
        held = sheets.meeting_date(case_id)
        assert held is not None
        assert all(p.sent_on is not None and held < p.sent_on <= today for p in sign_off.partners)
        # signed the day it was sent, as the versions list and the stamp say: not the day the
        # demo was made, which would be after the answers came back
        signed_on = datetime.fromisoformat(versions[0].created_at).astimezone().date()
        assert {p.sent_on for p in sign_off.partners} == {signed_on}
        assert exported_on(versions[0]) == format_date(signed_on)
        assert all(p.answered_on is None or signed_on <= p.answered_on for p in sign_off.partners)


def test_case_awaiting_sign_off_has_the_local_authority_answer(demo: Session) -> None:
    sheets = decision_sheet_service_for(demo)
    case_id = _case_at(demo, Stage.AWAITING_SIGN_OFF)
    answers = [(p.partner, p.agreed, p.signed_by) for p in sheets.sign_off(case_id).partners]
    assert answers == [
        (StatutoryPartner.LOCAL_AUTHORITY, True, "Marisol Treharne"),
        (StatutoryPartner.POLICE, None, ""),
        (StatutoryPartner.HEALTH, None, ""),
    ]
    # "Email for sign-off" goes to the two still to answer
    drafts = SignOffDrafts(demo, sheets)
    assert [(r.name, r.partner) for r in drafts.recipients(case_id)] == [
        ("Ch Supt Oluwaseun Pryce", "Police"),
        ("Dr Ingrid Halvorsen-Kaur", "Health"),
    ]


@pytest.mark.parametrize("stage", [Stage.SENT_TO_NATIONAL_PANEL, Stage.LOCAL_REVIEW])
def test_case_sent_to_the_national_panel_was_signed_off_by_all_three(
    demo: Session, stage: Stage
) -> None:
    sheets = decision_sheet_service_for(demo)
    case_id = _case_at(demo, stage)
    sign_off = sheets.sign_off(case_id)
    assert [(p.partner, p.agreed) for p in sign_off.partners] == [
        (partner, True) for partner in StatutoryPartner
    ]
    assert all(p.signed_by for p in sign_off.partners)
    sent_on = sign_off.national_panel_sent_on
    assert sent_on is not None
    assert all(p.answered_on is not None and p.answered_on <= sent_on for p in sign_off.partners)
    assert SignOffDrafts(demo, sheets).recipients(case_id) == []
