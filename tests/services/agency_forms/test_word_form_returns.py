"""Accepting returned Word forms: versions, a quality-assured form replaced only with a warning,
a blank form, another agency's form refused, and the request email with the form attached."""

from __future__ import annotations

import email
from datetime import date
from pathlib import Path

import pytest

from rrdesk.domain.agency_forms.agency_requests import EventKind
from rrdesk.domain.cases.cases import Case
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.agency_forms.word_forms import ReturnMismatchError, WordForms
from rrdesk.services.store.session import Session
from tests.builders import POLICE, SCHOOLS, add_case, add_directory, requests_sent
from tests.word_authoring import fill_form

RECEIVED = date(2026, 11, 20)


@pytest.fixture
def case(session: Session, today: date) -> Case:
    add_directory(session)
    made = add_case(session, today=today, notified=date(2026, 11, 16), reference="RR-2026-040")
    requests_sent(session, made, [POLICE, SCHOOLS], sent_on=date(2026, 11, 17))
    return made


def _plain_form(service: WordForms, case_id: int, agency: str, tmp_path: Path) -> bytes:
    path = tmp_path / f"{agency}.docx"
    service.write_form(case_id, agency, path, identifying=False, today=RECEIVED)
    return path.read_bytes()


def _returned(tmp_path: Path, data: bytes, name: str = "back.docx", **answers: str) -> Path:
    path = tmp_path / name
    path.write_bytes(fill_form(data, answers, ticks={"involved": "no"}))
    return path


def test_a_quality_assured_form_is_replaced_only_with_a_warning_and_a_new_version(
    session: Session, case: Case, tmp_path: Path
) -> None:
    assert case.case_id is not None
    forms = AgencyFormsService(session)
    service = WordForms(forms)
    blank = _plain_form(service, case.case_id, POLICE, tmp_path)
    first = service.read_return(
        case.case_id, POLICE, _returned(tmp_path, blank, records_checked="Niche and PNC")
    )
    assert service.accept_return(first, RECEIVED).version == 1
    forms.record_quality_assured(case.case_id, POLICE, RECEIVED)

    second = service.read_return(
        case.case_id,
        POLICE,
        _returned(tmp_path, blank, "again.docx", records_checked="The police records system"),
    )
    assert second.replaces_quality_assured
    assert "needs quality assurance again" in second.warning
    (changed,) = [r for r in second.changed if r.question == "records_checked"]
    assert (changed.current, changed.read) == ("Niche and PNC", "The police records system")
    accepted = service.accept_return(second, RECEIVED)

    assert (accepted.version, accepted.replaced_quality_assured) == (2, True)
    stage = forms.request(case.case_id, POLICE).stage
    assert stage is not None
    assert stage.kind is EventKind.RECEIVED
    assert [v[2] for v in service.return_versions(case.case_id, POLICE)] == [
        "back.docx",
        "again.docx",
    ]


def test_another_agencys_form_is_refused_and_a_blank_form_is_taken(
    session: Session, case: Case, tmp_path: Path
) -> None:
    assert case.case_id is not None
    service = WordForms(AgencyFormsService(session))
    schools = _plain_form(service, case.case_id, SCHOOLS, tmp_path)
    with pytest.raises(ReturnMismatchError, match=f"This form is for {SCHOOLS}, not {POLICE}"):
        service.read_return(case.case_id, POLICE, _returned(tmp_path, schools))
    service.write_blank_form(tmp_path / "blank.docx")
    filled = _returned(tmp_path, (tmp_path / "blank.docx").read_bytes(), author="Sam Inspector")
    preview = service.read_return(case.case_id, POLICE, filled)
    assert preview.properties.blank
    assert {r.question: r.read for r in preview.rows}["author"] == "Sam Inspector"


def test_the_request_email_attaches_the_form_and_says_how_it_is_protected(
    session: Session, case: Case, tmp_path: Path, today: date
) -> None:
    assert case.case_id is not None
    service = WordForms(AgencyFormsService(session))
    draft, made = service.request_email(case.case_id, SCHOOLS, today)
    message = email.message_from_bytes(draft.body)
    body = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    words = body.get_payload(decode=True).decode()
    assert made is None
    assert "no password" in words
    (attached,) = [p for p in message.walk() if p.get_filename()]
    assert attached.get_filename() == "RR-2026-040-agency-check-form.docx"
    assert attached.get_payload(decode=True).startswith(b"PK")

    written = service.write_form(
        case.case_id, POLICE, tmp_path / "f.docx", identifying=True, today=today
    )
    draft, made = service.request_email(case.case_id, POLICE, today)
    message = email.message_from_bytes(draft.body)
    body = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    words = body.get_payload(decode=True).decode()
    assert written.password is not None
    assert "protected with a password" in words
    assert written.password not in words
    assert "Poppy" not in words
