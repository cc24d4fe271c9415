"""Agency requests and check forms, against a real encrypted store with cases built per test."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import date

import pytest

from rrdesk.domain.agency_forms.agency_form_record import EnteredBy, FormPosition, FormRecord
from rrdesk.domain.agency_forms.agency_requests import RequestError, ReturnReason
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.agency_forms.text_checks import FindingKind, IgnoredFinding, TextSpan
from rrdesk.domain.cases.cases import Child, Stage
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from tests.builders import (
    HEALTH,
    HOUSING,
    LA,
    POLICE,
    SCHOOLS,
    Directory,
    add_case,
    add_directory,
    book_meeting,
    decided,
    form_returned,
    meeting_held,
    requests_sent,
    voted,
)

NOTIFIED = date(2026, 11, 16)  # a Monday; today is Sunday 22 November 2026
NIL_RETURN = {"involved": "no"}


@pytest.fixture
def panel(session: Session) -> Directory:
    return add_directory(session)


def _notified(session: Session, today: date) -> int:
    case = add_case(session, today=today, notified=NOTIFIED)
    assert case.case_id is not None
    return case.case_id


def test_choose_send_and_due_date_follow_the_profile(
    session: Session, panel: Directory, today: date
) -> None:
    service = AgencyFormsService(session)
    case_id = _notified(session, today)
    service.choose_agencies(case_id, [HOUSING, SCHOOLS])
    sent = service.record_sent(case_id, HOUSING, date(2026, 11, 20))
    # Friday 20 November plus 8 working days is Wednesday 2 December.
    assert sent.due_on == date(2026, 12, 2)
    rows = {row.agency: row for row in service.status_rows(case_id, today)}
    assert rows[HOUSING].status.words == ("Sent 20 November 2026, due 2 December 2026.")
    assert rows[SCHOOLS].status.words == "Not sent"
    # A request already sent is never dropped when the choice changes.
    chosen = service.choose_agencies(case_id, [SCHOOLS])
    assert [r.agency for r in chosen] == [HOUSING, SCHOOLS]
    entries = [e.action for e in session.audit.entries(case_id)]
    assert "Recorded a request for an agency check form" in entries


def test_a_returned_form_is_due_back_on_the_request_date_or_after_the_shortest_time(
    session: Session, panel: Directory, today: date
) -> None:
    service = AgencyFormsService(session)
    case_id = _notified(session, today)
    service.choose_agencies(case_id, [HOUSING])
    service.record_sent(case_id, HOUSING, date(2026, 11, 16))
    due = service.request(case_id, HOUSING).due_on
    assert due == date(2026, 11, 26)  # eight working days after 16 November
    assert service.return_due_date(case_id, HOUSING, date(2026, 11, 20)) == due
    # After the request's date, the profile's shortest time (five working days) from the return.
    assert service.return_due_date(case_id, HOUSING, date(2026, 11, 26)) == date(2026, 12, 3)


def test_reminders_returns_and_quality_assurance_keep_their_history(
    session: Session, panel: Directory, today: date
) -> None:
    service = AgencyFormsService(session)
    case_id = _notified(session, today)
    agency = HOUSING
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
    with pytest.raises(RequestError, match=f"Nothing has been entered in the form from {agency}"):
        service.record_quality_assured(case_id, agency, today)
    assert service.request(case_id, agency).stage.kind.value == "received"
    record = service.load_form(case_id, agency)
    service.save_form(case_id, replace(record, answers={**record.answers, "involved": "no"}))
    service.record_quality_assured(case_id, agency, today)
    request = service.request(case_id, agency)
    assert len(request.reminders) == 1
    assert request.returns[0].reasons == (ReturnReason.CONTAINS_ACRONYMS, ReturnReason.OTHER)
    view = service.quality_view(case_id, agency, service.checker(case_id))
    assert view.returns == (
        "Returned 22 November 2026: contains acronyms, other. Say what was decided",
    )


def test_a_form_draft_round_trips_with_everything_entered(
    session: Session, panel: Directory, today: date
) -> None:
    service = AgencyFormsService(session)
    case_id = _notified(session, today)
    record = FormRecord(
        agency=HOUSING,
        answers={
            "agency": HOUSING,
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
    loaded = service.load_form(case_id, HOUSING)
    assert loaded == replace(record, answers={**record.answers, "role": "Officer"})
    drafts = [
        e
        for e in session.audit.entries(case_id)
        if e.action == "Entered answers on an agency check form"
    ]
    assert len(drafts) == 1
    assert "A representative of the agency" in str(drafts[0].detail["note"])


def test_ready_for_quality_assurance_marks_an_awaited_request_received(
    session: Session, panel: Directory, today: date
) -> None:
    service = AgencyFormsService(session)
    case_id = _notified(session, today)
    service.choose_agencies(case_id, [HOUSING])
    service.record_sent(case_id, HOUSING, date(2026, 11, 18))
    service.mark_ready(case_id, service.load_form(case_id, HOUSING), today)
    assert service.request(case_id, HOUSING).received_on == today


def test_request_email_names_the_due_date_and_reference_only(
    session: Session, panel: Directory, today: date
) -> None:
    service = AgencyFormsService(session)
    case_id = _notified(session, today)
    case = session.cases.get(case_id)
    service.choose_agencies(case_id, [HOUSING])
    service.record_sent(case_id, HOUSING, date(2026, 11, 20))
    draft = service.request_email(case_id, HOUSING, date(2026, 11, 20))
    message = email.message_from_bytes(draft.body)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "westbury.housing@example.org"
    assert case.reference in message["Subject"]
    text = message.get_payload(decode=True).decode("utf-8")
    assert "Wednesday 2 December 2026" in text
    assert case.reference in text
    for private in (*case.private_values(), case.pseudonyms):
        assert private not in text
    assert draft.file_name == f"{case.reference}-request-Westbury-Housing.eml"


def test_an_unsent_request_email_names_the_date_it_would_be_due(
    session: Session, panel: Directory, today: date
) -> None:
    service = AgencyFormsService(session)
    case_id = _notified(session, today)
    service.choose_agencies(case_id, [HOUSING])
    draft = service.request_email(case_id, HOUSING, date(2026, 11, 20))
    message = email.message_from_bytes(draft.body)
    assert not message["Subject"].startswith("Reminder")
    assert "Wednesday 2 December 2026" in message.get_payload(decode=True).decode("utf-8")


def test_a_broken_edited_form_is_refused_and_the_shipped_one_used(
    session: Session, panel: Directory, today: date
) -> None:
    with session.db.transaction():
        session.settings.set("agency_check_form", 'title = "Edited"\n[[section]]\nkey = 1\n')
    service = AgencyFormsService(session)
    assert service.form.title == "Agency check form"
    assert service.form_notice is not None
    assert "Line 3" in service.form_notice
    assert "last form that worked" in service.form_notice


def test_the_checker_knows_this_case_and_flags_other_cases(session: Session, today: date) -> None:
    this = add_case(session, today=today, notified=NOTIFIED, children=(Child("Child M"),))
    add_case(session, today=today, notified=NOTIFIED, children=(Child("Child R"),))
    assert this.case_id is not None
    findings = (
        AgencyFormsService(session)
        .checker(this.case_id)
        .check("Child M met Child R in Warwickshire.")
    )
    assert [f.text for f in findings] == ["Child R", "Warwickshire"]


def test_a_pasted_passage_and_acronyms_show_on_quality_assurance(
    session: Session, panel: Directory, today: date
) -> None:
    case_id = _notified(session, today)
    service = AgencyFormsService(session)
    notes = "12/10/2026 14:32 Case Note\nContact Type: Home visit\nRecorded by: PC 4471"
    record = FormRecord(
        agency=POLICE,
        answers={"agency": POLICE, "went_well": "Referred to MASH, S47 not progressed.\n" + notes},
        pasted={"went_well": (TextSpan(0, 37),)},
    )
    service.save_form(case_id, record)
    view = service.quality_view(case_id, POLICE, service.checker(case_id))
    assert "acronyms" in view.findings
    assert "copied from case notes" in view.findings
    assert view.pasted == "Contains pasted text in 1 place"


def test_returns_count_for_the_board(session: Session, panel: Directory, today: date) -> None:
    case = add_case(session, today=today, notified=NOTIFIED, stage=Stage.COLLECTING_RETURNS)
    assert case.case_id is not None
    requests_sent(session, case, [LA, POLICE, HEALTH], sent_on=NOTIFIED)
    form_returned(session, case, LA, NIL_RETURN, on=today, quality_assured=True)
    form_returned(session, case, POLICE, NIL_RETURN, on=today)
    service = AgencyFormsService(session)
    # Chosen and sent: three; received or quality assured: two; quality assured: one.
    assert service.returns_count(case.case_id).short_words == "2 of 3 received, 1 assured"
    # A returned form is awaited again.
    service.record_returned(case.case_id, POLICE, today, [ReturnReason.OTHER], "Say more")
    assert service.returns_count(case.case_id).short_words == "1 of 3 received, 1 assured"
    assert service.returns_count(_notified(session, today)) is None


def test_the_board_and_the_pack_count_agencies_one_way_and_the_pack_names_missing_forms(
    session: Session, panel: Directory, today: date
) -> None:
    case = add_case(session, today=today, notified=NOTIFIED, stage=Stage.COLLECTING_RETURNS)
    assert case.case_id is not None
    service = AgencyFormsService(session)
    requests_sent(session, case, [LA, POLICE], sent_on=NOTIFIED)
    service.choose_agencies(case.case_id, [LA, POLICE, HEALTH, "Northmoor Schools"])
    form_returned(session, case, LA, NIL_RETURN, on=today, quality_assured=True)
    assert service.returns_count(case.case_id).short_words == "1 of 4 received, 1 assured"
    content = service.panel_pack_content(case.case_id, today)
    assert content.agencies is not None
    assert content.agencies.words == "4 agencies chosen: 2 sent, 1 received, 1 quality assured"
    assert [form.agency for form in content.forms] == [LA]
    missing = {item.agency: item.why for item in content.missing}
    assert sorted(missing) == sorted([POLICE, HEALTH, "Northmoor Schools"])
    assert missing[HEALTH] == "The request has not been sent"
    assert missing[POLICE].startswith(("Sent", "Due soon", "Overdue"))
    assert [why for why in missing.values() if why.endswith(".")] == [], "table cells"


def test_the_panel_pack_timetable_includes_the_booked_meeting(
    session: Session, panel: Directory, today: date
) -> None:
    case = add_case(session, today=today, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    assert case.case_id is not None
    book_meeting(session, case, date(2026, 11, 24))
    content = AgencyFormsService(session).panel_pack_content(case.case_id, today)
    assert ("Rapid Review meeting", "24 November 2026") in content.case_summary
    assert [(m.label, m.due_date) for m in content.timetable] == [
        ("Rapid Review meeting (booked)", date(2026, 11, 24)),  # not the latest day it could be
        ("Decision sent to the National Panel", date(2026, 12, 7)),
    ]
    # Marked held on the case's timetable: the pack says so, on the day it was held.
    TimetableService(session).set_done(case.case_id, "rapid_review_meeting", True)
    content = AgencyFormsService(session).panel_pack_content(case.case_id, today)
    assert content.timetable[0].label == "Rapid Review meeting (held)"
    assert content.timetable[0].due_date == date(2026, 11, 24)


def _involved(agency: str, contacts: int) -> dict[str, object]:
    row = ChronologyRow(DateAnswer("2", "11", "2026"), "Officer", "Home visit", "")
    return {
        "agency": agency,
        "involved": "yes",
        "involved_from": DateAnswer("1", "9", "2026"),
        "chronology": (row,) * contacts,
    }


def test_agency_involvement_for_the_decision_sheet(
    session: Session, panel: Directory, today: date
) -> None:
    from rrdesk.services.agency_forms.agency_involvement import agency_involvement
    from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for

    case = add_case(session, today=today, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    assert case.case_id is not None
    requests_sent(session, case, [LA, POLICE, HEALTH, SCHOOLS], sent_on=NOTIFIED)
    for agency, contacts in ((LA, 3), (POLICE, 1), (HEALTH, 2)):
        form_returned(session, case, agency, _involved(agency, contacts), on=date(2026, 11, 19))
    form_returned(session, case, SCHOOLS, {"agency": SCHOOLS, "involved": "no"}, on=today)
    meeting = meeting_held(session, case, held_on=date(2026, 11, 20), chair=panel["Alex Chair"])
    decided(session, case, voted(session, case, meeting))
    rows = agency_involvement(AgencyFormsService(session), case.case_id)
    assert [(row.agency, row.involved, row.summary) for row in rows] == [
        (LA, True, "Involved from 1 September 2026; 3 significant contacts recorded."),
        (HEALTH, True, "Involved from 1 September 2026; 2 significant contacts recorded."),
        (POLICE, True, "Involved from 1 September 2026; 1 significant contact recorded."),
        (SCHOOLS, False, "No involvement (a nil return)."),
    ]
    content = decision_sheet_service_for(session).prepare(case.case_id, today).content
    assert content.agency_involvement == rows


def test_a_form_quality_assured_anyway_says_what_it_lacks_on_its_first_line_in_the_pack(
    session: Session, panel: Directory, today: date
) -> None:
    from rrdesk.exports.pdf.panel_pack import render_panel_pack
    from tests.exports.pdf_reading import all_text

    case = add_case(session, today=today, notified=NOTIFIED, stage=Stage.COLLECTING_RETURNS)
    assert case.case_id is not None
    requests_sent(session, case, [LA, POLICE], sent_on=NOTIFIED)
    unfinished = {
        "agency": POLICE,
        "involved": "yes",
        "went_well": "The DSL spoke to the SW the same day.",
    }
    form_returned(session, case, POLICE, unfinished, on=today, quality_assured=True)
    service = AgencyFormsService(session)
    about = {"author": "Sam Writer", "role": "Team manager", "contact": "sam@example.org"}
    complete = {"agency": LA, **about, "completed_on": DateAnswer("20", "11", "2026")}
    checked = {"records_checked": "Children's social care records, no record found."}
    record = form_returned(session, case, LA, {**complete, **NIL_RETURN, **checked}, on=today)
    service.save_form(case.case_id, replace(record, confirmed_sections=frozenset({"involvement"})))
    service.record_quality_assured(case.case_id, LA, today)

    content = service.panel_pack_content(case.case_id, today)

    said = {form.agency: form.assured_with for form in content.forms}
    view = service.quality_view(case.case_id, POLICE, service.checker(case.case_id))
    assert len(view.unfinished) == 13
    assert said[POLICE] == (
        "Quality assured with 13 sections not completed and warnings left: 1 acronym and "
        "1 place that looks copied from case notes"
    )
    assert said[LA] == "", "a form with nothing left says nothing more"
    text = " ".join(all_text(render_panel_pack(content)).split())
    assert f"{POLICE} {said[POLICE]}. Agency {POLICE}" in text
    assert text.count("Quality assured with") == 1
