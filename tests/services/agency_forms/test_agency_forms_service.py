"""Agency requests and check forms, against a real encrypted store with the demo data."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import date

import pytest

from rrdesk.demo.cases import add_demo_data
from rrdesk.domain.agency_forms.agency_form_record import EnteredBy, FormPosition, FormRecord
from rrdesk.domain.agency_forms.agency_requests import RequestError, RequestStatus, ReturnReason
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.agency_forms.text_checks import FindingKind, IgnoredFinding, TextSpan
from rrdesk.domain.cases.cases import Stage
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService


@pytest.fixture
def demo(session, today: date):  # type: ignore[no-untyped-def]
    add_demo_data(session, today=today)
    return session


def _case_id(session, stage: Stage) -> int:  # type: ignore[no-untyped-def]
    case = next(c for c in session.cases.all_cases() if c.stage is stage)
    assert case.case_id is not None
    return int(case.case_id)


def test_demo_case_collecting_returns_has_every_status(demo, today: date) -> None:
    service = AgencyFormsService(demo)
    rows = service.status_rows(_case_id(demo, Stage.COLLECTING_RETURNS), today)
    assert {row.status.status for row in rows} == set(RequestStatus)


def test_demo_case_with_meeting_has_every_form_quality_assured(demo, today: date) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_id(demo, Stage.MEETING_BOOKED)
    statuses = {row.status.status for row in service.status_rows(case_id, today)}
    assert statuses == {RequestStatus.QUALITY_ASSURED}
    content = service.panel_pack_content(case_id, today)
    assert len(content.forms) == 4
    assert content.pseudonyms == ("Child R",)
    assert all("Rosie" not in value for _label, value in content.case_summary)
    assert content.timetable


def test_choose_send_and_due_date_follow_the_profile(demo, today: date) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_id(demo, Stage.NOTIFIED)
    service.choose_agencies(case_id, ["Northmoor Housing", "Northmoor Early Help"])
    sent = service.record_sent(case_id, "Northmoor Housing", date(2026, 11, 20))
    # Friday 20 November plus 8 working days is Wednesday 2 December.
    assert sent.due_on == date(2026, 12, 2)
    rows = {row.agency: row for row in service.status_rows(case_id, today)}
    assert rows["Northmoor Housing"].status.words == ("Sent 20 November 2026, due 2 December 2026.")
    assert rows["Northmoor Early Help"].status.words == "Not sent"
    # A request already sent is never dropped when the choice changes.
    chosen = service.choose_agencies(case_id, ["Northmoor Early Help"])
    assert [r.agency for r in chosen] == ["Northmoor Early Help", "Northmoor Housing"]
    entries = [e.action for e in demo.audit.entries(case_id)]
    assert "Recorded a request for an agency check form" in entries


def test_reminders_returns_and_quality_assurance_keep_their_history(demo, today: date) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_id(demo, Stage.NOTIFIED)
    agency = "Northmoor Housing"
    service.choose_agencies(case_id, [agency])
    service.record_sent(case_id, agency, date(2026, 11, 16))
    service.record_reminder(case_id, agency, date(2026, 11, 20), "By telephone")
    service.record_received(case_id, agency, date(2026, 11, 21))
    service.record_returned(
        case_id,
        agency,
        today,
        [ReturnReason.CONTAINS_ACRONYMS, ReturnReason.OTHER],
        "Say what was decided",
    )
    with pytest.raises(RequestError):
        service.record_quality_assured(case_id, agency, today)
    service.record_received(case_id, agency, today)
    service.record_quality_assured(case_id, agency, today)
    request = service.request(case_id, agency)
    assert len(request.reminders) == 1
    assert request.returns[0].reasons == (ReturnReason.CONTAINS_ACRONYMS, ReturnReason.OTHER)
    view = service.quality_view(case_id, agency, service.checker(case_id))
    assert view.returns == (
        "Returned 22 November 2026: contains acronyms, other. Say what was decided",
    )


def test_a_form_draft_round_trips_with_everything_entered(demo) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_id(demo, Stage.NOTIFIED)
    record = FormRecord(
        agency="Northmoor Housing",
        answers={
            "agency": "Northmoor Housing",
            "completed_on": DateAnswer("3", "11", "2026"),
            "went_well": "Zoë wrote عربي and 👩‍👩‍👧 here",
            "chronology": (ChronologyRow(DateAnswer("1", "2", "2026"), "Officer", "Visit", ""),),
        },
        entered_by=EnteredBy.AGENCY_REPRESENTATIVE,
        entered_by_name="Ana Kovač",
        position=FormPosition("went_well", "went_well"),
        pasted={"went_well": (TextSpan(0, 3),)},
        ignored={"went_well": (IgnoredFinding(FindingKind.ACRONYM, "SW", 1),)},
        confirmed_sections=frozenset({"about"}),
    )
    service.save_form(case_id, record)
    service.save_form(case_id, replace(record, answers={**record.answers, "role": "Officer"}))
    loaded = service.load_form(case_id, "Northmoor Housing")
    assert loaded == replace(record, answers={**record.answers, "role": "Officer"})
    drafts = [
        e
        for e in demo.audit.entries(case_id)
        if e.action == "Entered answers on an agency check form"
    ]
    assert len(drafts) == 1
    assert "A representative of the agency" in str(drafts[0].detail["note"])


def test_ready_for_quality_assurance_marks_an_awaited_request_received(demo, today) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_id(demo, Stage.NOTIFIED)
    service.choose_agencies(case_id, ["Northmoor Housing"])
    service.record_sent(case_id, "Northmoor Housing", date(2026, 11, 18))
    service.mark_ready(case_id, service.load_form(case_id, "Northmoor Housing"), today)
    assert service.request(case_id, "Northmoor Housing").received_on == today


def test_the_checker_knows_this_case_and_flags_other_cases(demo) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_id(demo, Stage.COLLECTING_RETURNS)
    findings = service.checker(case_id).check("Child M met Child R in Warwickshire.")
    assert [f.text for f in findings] == ["Child R", "Warwickshire"]


def test_demo_police_form_shows_findings_and_pasted_text(demo) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_id(demo, Stage.COLLECTING_RETURNS)
    view = service.quality_view(
        case_id, "Northmoor Police Public Protection Unit", service.checker(case_id)
    )
    assert "acronyms" in view.findings
    assert "copied from case notes" in view.findings
    assert view.pasted == "Contains pasted text in 1 place"


def test_request_email_names_the_due_date_and_reference_only(demo) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_id(demo, Stage.NOTIFIED)
    case = demo.cases.get(case_id)
    service.choose_agencies(case_id, ["Northmoor Housing"])
    service.record_sent(case_id, "Northmoor Housing", date(2026, 11, 20))
    draft = service.request_email(case_id, "Northmoor Housing", date(2026, 11, 20))
    message = email.message_from_bytes(draft.body)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "housing@northmoor.example"
    assert case.reference in message["Subject"]
    text = message.get_payload(decode=True).decode("utf-8")
    assert "Wednesday 2 December 2026" in text
    assert case.reference in text
    for private in (*case.private_values(), case.pseudonyms):
        assert private not in text
    assert draft.file_name == f"{case.reference}-request-Northmoor-Housing.eml"


def test_an_unsent_request_email_names_the_date_it_would_be_due(demo) -> None:
    service = AgencyFormsService(demo)
    case_id = _case_id(demo, Stage.NOTIFIED)
    service.choose_agencies(case_id, ["Northmoor Housing"])
    draft = service.request_email(case_id, "Northmoor Housing", date(2026, 11, 20))
    message = email.message_from_bytes(draft.body)
    assert not message["Subject"].startswith("Reminder")
    assert "Wednesday 2 December 2026" in message.get_payload(decode=True).decode("utf-8")


def test_returns_count_for_the_board(demo) -> None:
    service = AgencyFormsService(demo)
    # Sent: six; received or quality assured: two (a returned form is awaited again).
    assert service.returns_count(_case_id(demo, Stage.COLLECTING_RETURNS)) == (2, 6)
    assert service.returns_count(_case_id(demo, Stage.MEETING_BOOKED)) == (4, 4)
    assert service.returns_count(_case_id(demo, Stage.NOTIFIED)) is None


def test_the_panel_pack_timetable_includes_the_booked_meeting(demo, today: date) -> None:
    service = AgencyFormsService(demo)
    content = service.panel_pack_content(_case_id(demo, Stage.MEETING_BOOKED), today)
    assert ("Rapid Review meeting", "Tuesday 24 November 2026") in content.case_summary
    assert [m.label for m in content.timetable] == [
        "Rapid Review meeting held",
        "Decision sent to the National Panel",
    ]


def test_a_broken_edited_form_is_refused_and_the_shipped_one_used(demo) -> None:
    with demo.db.transaction():
        demo.settings.set("agency_check_form", 'title = "Edited"\n[[section]]\nkey = 1\n')
    service = AgencyFormsService(demo)
    assert service.form.title == "Agency check form"
    assert service.form_notice is not None
    assert "Line 3" in service.form_notice
    assert "last form that worked" in service.form_notice


def test_agency_involvement_for_the_decision_sheet(demo_session_for_involvement) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.domain.cases.cases import Stage
    from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
    from rrdesk.services.agency_forms.agency_involvement import agency_involvement
    from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for

    session, today = demo_session_for_involvement
    case = next(c for c in session.cases.all_cases() if c.stage is Stage.AWAITING_SIGN_OFF)
    rows = agency_involvement(AgencyFormsService(session), case.case_id)
    assert len(rows) == 4
    assert all(row.involved for row in rows)
    assert all("significant contact" in row.summary for row in rows)
    content = decision_sheet_service_for(session).prepare(case.case_id, today).content
    assert content.agency_involvement == rows
