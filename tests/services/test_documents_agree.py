"""One fact, one source: every document rrdesk makes for a case, read back as its recipient
reads it (pypdf), says the same agency involvement, meeting date, vote, decision and sign-off.

A store made with the builders holds cases at each stage; for each, every document that can be
made is rendered: the decision sheet, the panel pack, the National Panel submission and the
7-minute briefing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pytest

from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.exports.pdf.panel_pack import render_panel_pack
from rrdesk.services.after_meeting.report_service import ReportService
from rrdesk.services.after_meeting.submission_service import SubmissionService
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.cases.case_records import load_meeting
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_changes import booked_meeting_date
from tests import builders
from tests.builders import HEALTH, HOUSING, LA, POLICE
from tests.demo_store import add_demo_store
from tests.exports.pdf_reading import all_text

TODAY = date(2026, 11, 30)
NOTIFIED = date(2026, 11, 2)


def _flat(pdf: bytes) -> str:
    return " ".join(all_text(pdf).split())


@dataclass(frozen=True)
class Documents:
    reference: str
    sheet: str
    """Empty until a decision is recorded (there is no sheet to make)."""
    pack: str
    submission: str
    briefing: str
    """Empty until a decision is recorded."""


@dataclass(frozen=True)
class Facts:
    """The case's facts as the store holds them, each from the one function every document
    draws it from."""

    meeting: str
    agencies: tuple[tuple[str, str], ...]
    """Each agency and its involvement, in the submission's (and the sheet's) words."""
    votes: tuple[int, int, int] | None
    decision: str
    signed_off: bool


def _store(session: Session) -> list[int]:
    """Three cases: signed off and sent (forms from three agencies, one recorded only for the
    submission); decided and awaiting sign-off; and a meeting booked, nothing decided."""
    people = builders.add_directory(session)
    sent = builders.ready_to_submit(session, people, today=TODAY, notified=NOTIFIED)
    builders.requests_sent(session, sent, (LA, HEALTH, HOUSING), sent_on=NOTIFIED)
    builders.form_returned(
        session, sent, LA, {"involved": "yes"}, on=date(2026, 11, 5), quality_assured=True
    )
    builders.form_returned(
        session, sent, HEALTH, {"involved": "no"}, on=date(2026, 11, 5), quality_assured=True
    )
    awaiting = builders.add_case(session, today=TODAY, notified=date(2026, 11, 9))
    builders.requests_sent(session, awaiting, (POLICE, HEALTH), sent_on=date(2026, 11, 10))
    builders.form_returned(session, awaiting, POLICE, {"involved": "yes"}, on=date(2026, 11, 12))
    held = session.calendar.add_working_days(date(2026, 11, 9), 7)
    builders.book_meeting(session, awaiting, held)
    meeting = builders.meeting_held(session, awaiting, held_on=held, chair=people["Alex Chair"])
    builders.decided(session, awaiting, builders.voted(session, awaiting, meeting))
    booked = builders.add_case(session, today=TODAY, notified=date(2026, 11, 16))
    builders.requests_sent(session, booked, (POLICE,), sent_on=date(2026, 11, 17))
    builders.book_meeting(session, booked, session.calendar.add_working_days(date(2026, 11, 16), 8))
    ids = [case.case_id for case in (sent, awaiting, booked)]
    assert all(i is not None for i in ids)
    return [i for i in ids if i is not None]


def _documents(session: Session, case_id: int) -> Documents:
    sheets = decision_sheet_service_for(session)
    forms = AgencyFormsService(session)
    submissions = SubmissionService(session)
    meeting = load_meeting(session, case_id)
    decided = meeting is not None and meeting.decision is not None
    sheet = ""
    briefing = ""
    if decided:
        export = sheets.prepare(case_id, TODAY)
        sheet = _flat(render_decision_sheet(export.content, sheets.template()))
        briefing = _flat(
            ReportService(session).briefing_pdf(case_id, use_pseudonym=True, police_checked=True)
        )
    pack = _flat(render_panel_pack(forms.panel_pack_content(case_id, TODAY)))
    submission = _flat(submissions.export(case_id, TODAY, allow_missing=True))
    return Documents(sheets.reference(case_id), sheet, pack, submission, briefing)


def _facts(session: Session, case_id: int) -> Facts:
    booked = booked_meeting_date(session, case_id)
    meeting = load_meeting(session, case_id)
    agencies = SubmissionService(session).details(case_id).agencies
    votes = None
    decision = ""
    signed_off = False
    if meeting is not None and meeting.vote is not None:
        tally = meeting.vote.tally
        votes = (tally.yes, tally.no, tally.abstain)
    if meeting is not None and meeting.decision is not None:
        decision = meeting.decision.kind.label
        signed_off = meeting.sign_off.all_agreed
    return Facts(
        format_date(booked) if booked else "Not recorded",
        tuple((a.agency, a.involvement.label) for a in agencies),
        votes,
        decision,
        signed_off,
    )


def _between(text: str, start: str, end: str) -> str:
    found = text.index(start) + len(start)
    return text[found : text.index(end, found)]


@pytest.fixture(params=["cases at each stage", "the demo store"])
def cases(
    request: pytest.FixtureRequest, session: Session, passphrase: str
) -> list[tuple[Facts, Documents]]:
    if request.param == "the demo store":
        add_demo_store(session, TODAY, passphrase)
        ids = [s.case_id for s in session.cases.summaries() if _notified(session, s.case_id)]
    else:
        ids = _store(session)
    return [(_facts(session, i), _documents(session, i)) for i in ids]


def _notified(session: Session, case_id: int) -> bool:
    """Only a notified case has a submission, a pack and a sheet to compare."""
    case = session.cases.get(case_id)
    return case is not None and case.notification_sent is not None


def test_every_document_gives_the_same_meeting_date(cases: list[tuple[Facts, Documents]]) -> None:
    for facts, documents in cases:
        if facts.meeting != "Not recorded":  # a pack before booking gives no meeting date
            assert f"Rapid Review meeting {facts.meeting}" in documents.pack, documents.reference
        assert f"Rapid Review meeting {facts.meeting}" in documents.submission
        if documents.sheet:
            assert f"Meeting {facts.meeting}, " in documents.sheet, documents.reference
        # No document gives another date as the meeting's.
        for text in (documents.pack, documents.submission, documents.sheet):
            said = re.findall(r"(?:Rapid Review meeting|Meeting) (\d{1,2} \w+ 2026)", text)
            assert set(said) <= {facts.meeting}, (documents.reference, said)


def test_the_sheet_and_the_submission_list_the_same_agencies_alike(
    cases: list[tuple[Facts, Documents]],
) -> None:
    for facts, documents in cases:
        listed = _between(documents.submission, "5. Agency involvement", "6. Key practice")
        for agency, involvement in facts.agencies:
            assert f"{agency} {involvement}" in listed, (documents.reference, agency)
        if documents.sheet:
            on_sheet = _between(documents.sheet, "Agency involvement", "Themes and learning")
            for agency, involvement in facts.agencies:
                assert f"{agency} {involvement}" in on_sheet, (documents.reference, agency)
            for agency, _ in facts.agencies:  # each once: no agency listed that is not
                assert on_sheet.count(agency) == 1, (documents.reference, agency)
            if all("Westbury" in agency for agency, _ in facts.agencies):
                assert on_sheet.count("Westbury") == len(facts.agencies)


def test_the_vote_decision_and_sign_off_agree(cases: list[tuple[Facts, Documents]]) -> None:
    decided = [(f, d) for f, d in cases if f.decision]
    assert {f.signed_off for f, _ in decided} == {True, False}  # both kinds in each store
    for facts, documents in decided:
        assert facts.votes is not None
        yes, no, abstain = facts.votes
        counts = f"{yes} for a local review, {no} against, {abstain} abstaining"
        assert counts in documents.sheet
        assert (
            f"The vote Recommend a local review {yes} Do not recommend {no} Abstain {abstain}"
            in documents.sheet
        )
        assert f"Decision {facts.decision}" in documents.sheet
        assert f"Decision {facts.decision}" in documents.submission
        signed = "Decision" if facts.signed_off else "Recommendation"
        assert f"{signed}: {facts.decision}" in documents.briefing, documents.reference
        sign_off = _between(
            documents.submission, "14. Sign-off by the safeguarding partners", "Page"
        )
        # The submission's rows: "The police Agreed [name, role] 16 November 2026".
        answers = {
            who.lower(): (status, day)
            for who, status, day in re.findall(
                r"(?:The )?(local authority|police|Health) (Agreed|Not agreed)"
                r" .*?(\d{1,2} \w+ 20\d\d)",
                sign_off,
            )
        }
        assert (len(answers) == 3) is facts.signed_off, (documents.reference, sign_off)
        for partner in ("Local authority", "Police", "Health"):
            block = _between(documents.sheet, f"{partner} Name", "Signature")
            # The sheet's block shows the answer the store holds, with the submission's date;
            # a partner who has not answered has only the boxes to fill.
            if partner.lower() in answers:
                status, day = answers[partner.lower()]
                recorded = f"Answer recorded {status} on {day}, recorded by the partnership;"
                assert recorded in block, (documents.reference, block)
            else:
                assert "Answer recorded" not in block, (documents.reference, block)
            assert "Decision Choose Agree or Do not agree" in block
        asked = _between(documents.sheet, "What is asked of you", "Page")
        assert ("Nothing more" in asked) is facts.signed_off, (documents.reference, asked)
