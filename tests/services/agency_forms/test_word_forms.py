"""The Word form service on a real store and real files: out, filled in as an author would,
encrypted again, read back, accepted, and returned with comments."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest

from rrdesk.domain.agency_forms.agency_requests import EventKind, ReturnReason
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.agency_forms.returned_form import FoundBy
from rrdesk.domain.cases.cases import Case
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.agency_forms.word_form_results import ReturnPreview
from rrdesk.services.agency_forms.word_forms import (
    PasswordNeededError,
    WordForms,
    WrongPasswordError,
)
from rrdesk.services.store.session import Session
from tests.builders import POLICE, SCHOOLS, add_case, add_directory, requests_sent
from tests.word_authoring import as_libreoffice_saves, decrypt, encrypt, fill_form

NOTIFIED = date(2026, 11, 16)
SENT = date(2026, 11, 17)
PASTED = "14/10/2025 10:32 DC 4471 attended. Mother AB present. NFA."
ACRONYMS = "The DSL spoke to the SW and the HV about the CIN plan and the ICPC."


@pytest.fixture
def case(session: Session, today: date) -> Case:
    add_directory(session)
    made = add_case(session, today=today, notified=NOTIFIED, reference="RR-2026-031")
    requests_sent(session, made, [POLICE, SCHOOLS], sent_on=SENT)
    return made


def _service(session: Session) -> WordForms:
    return WordForms(AgencyFormsService(session))


def _filled(data: bytes) -> bytes:
    return fill_form(
        data,
        {
            "author": "Sam Inspector",
            "role": "Detective sergeant, public protection",
            "contact": "sam.inspector@police.example",
            "completed_on": date(2026, 11, 20),
            "involved_from": date(2024, 9, 4),
            "prevention": ACRONYMS,
            "went_well": PASTED,
            "could_be_better": "Information reached the school two days late.",
            "chronology": [
                ["3 March 2025", "Police officer", "Visited the home after a call", "Referred"],
                ["12/06/2025", "Neighbourhood team", "Welfare check", "No further action"],
            ],
        },
        ticks={"involved": "yes"},
        remove_controls=["could_be_better"],
    )


def test_a_form_goes_out_encrypted_and_comes_back_read_and_stored(
    session: Session, case: Case, today: date, tmp_path: Path
) -> None:
    assert case.case_id is not None
    service = _service(session)
    written = service.write_form(
        case.case_id, POLICE, tmp_path / "form.docx", identifying=True, today=today
    )
    assert written.encrypted
    assert written.password_is_new
    assert written.password
    assert written.request_id.startswith("RQ-")
    sent_bytes = (tmp_path / "form.docx").read_bytes()
    plain = decrypt(sent_bytes, written.password)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(plain)).paragraphs)
    assert "How to complete this form" in text
    returned = tmp_path / "returned.docx"
    returned.write_bytes(encrypt(_filled(plain), written.password))

    preview = service.read_return(case.case_id, POLICE, returned)

    rows = {row.question: row for row in preview.rows}
    assert rows["involved"].read == "Yes"
    assert rows["completed_on"].read == "20 November 2026"
    assert rows["went_well"].read == PASTED
    assert rows["could_be_better"].found_by is FoundBy.HEADING
    assert rows["could_be_better"].read == "Information reached the school two days late."
    assert rows["author"].current == "Not answered"
    assert {f.text for f in preview.findings["prevention"]} >= {"DSL", "SW", "HV"}
    assert preview.findings["went_well"]
    assert preview.version == 1
    assert not preview.replaces_quality_assured

    accepted = service.accept_return(preview, today)

    assert accepted.version == 1
    assert accepted.received_recorded
    record = AgencyFormsService(session).load_form(case.case_id, POLICE)
    assert record.answers["involved"] == "yes"
    assert record.answers["completed_on"] == DateAnswer("20", "11", "2026")
    assert record.answers["chronology"][1] == ChronologyRow(
        DateAnswer("12", "6", "2025"), "Neighbourhood team", "Welfare check", "No further action"
    )
    request = AgencyFormsService(session).request(case.case_id, POLICE)
    assert request.stage is not None
    assert request.stage.kind is EventKind.RECEIVED
    assert service.return_versions(case.case_id, POLICE) == [(1, today, "returned.docx")]


def _returned(
    session: Session, case: Case, today: date, tmp_path: Path, *, libreoffice: bool
) -> ReturnPreview:
    """The police's form filled in (one answer box deleted by its author) and read back; with
    ``libreoffice``, saved by LibreOffice on the way, which removes every answer box."""
    assert case.case_id is not None
    service = _service(session)
    written = service.write_form(
        case.case_id, POLICE, tmp_path / "form.docx", identifying=True, today=today
    )
    assert written.password
    filled = _filled(decrypt((tmp_path / "form.docx").read_bytes(), written.password))
    if libreoffice:
        filled = as_libreoffice_saves(filled, "involved")
    returned = tmp_path / "returned.docx"
    returned.write_bytes(encrypt(filled, written.password))
    return service.read_return(case.case_id, POLICE, returned)


def test_a_form_saved_by_libreoffice_says_once_how_its_answers_were_read(
    session: Session, case: Case, today: date, tmp_path: Path
) -> None:
    preview = _returned(session, case, today, tmp_path, libreoffice=True)

    found = [row for row in preview.rows if row.found_by is not FoundBy.MISSING]
    assert len(found) > 20
    assert {row.found_by for row in found} == {FoundBy.HEADING}
    assert preview.reading_note == (
        "This form was saved by a program that removed its answer boxes, so rrdesk read each "
        "answer from under its question heading. Check each one."
    )
    assert not any(preview.read_differently(row) for row in preview.rows), "said once, not per row"


def test_one_answer_box_deleted_is_said_on_its_row_alone(
    session: Session, case: Case, today: date, tmp_path: Path
) -> None:
    preview = _returned(session, case, today, tmp_path, libreoffice=False)

    assert preview.reading_note == ""
    assert [row.question for row in preview.rows if preview.read_differently(row)] == [
        "could_be_better"
    ]


def test_a_wrong_or_missing_password_is_refused(
    session: Session, case: Case, today: date, tmp_path: Path
) -> None:
    assert case.case_id is not None
    service = _service(session)
    written = service.write_form(
        case.case_id, SCHOOLS, tmp_path / "form.docx", identifying=True, today=today
    )
    assert written.password is not None
    other = tmp_path / "other.docx"
    other.write_bytes(
        encrypt(
            decrypt((tmp_path / "form.docx").read_bytes(), written.password), "not-the-password"
        )
    )
    with pytest.raises(PasswordNeededError):
        service.read_return(case.case_id, SCHOOLS, other)
    with pytest.raises(WrongPasswordError, match=r"The password does not open other\.docx"):
        service.read_return(case.case_id, SCHOOLS, other, password="guess")
    assert service.read_return(case.case_id, SCHOOLS, other, password="not-the-password")


def test_the_form_back_has_a_comment_on_each_finding_and_the_reasons_at_the_top(
    session: Session, case: Case, today: date, tmp_path: Path
) -> None:
    assert case.case_id is not None
    service = _service(session)
    written = service.write_form(
        case.case_id, POLICE, tmp_path / "form.docx", identifying=True, today=today
    )
    assert written.password is not None
    plain = decrypt((tmp_path / "form.docx").read_bytes(), written.password)
    (tmp_path / "back.docx").write_bytes(encrypt(_filled(plain), written.password))
    service.accept_return(service.read_return(case.case_id, POLICE, tmp_path / "back.docx"), today)
    AgencyFormsService(session).record_returned(
        case.case_id, POLICE, today, [ReturnReason.CONTAINS_ACRONYMS], "Add the dates of visits"
    )

    back = service.write_return_with_comments(case.case_id, POLICE, tmp_path / "c.docx", today)

    assert back.password == written.password
    assert back.comments >= 4
    document = docx.Document(
        io.BytesIO(decrypt((tmp_path / "c.docx").read_bytes(), written.password))
    )
    comments = list(document.comments)
    assert len(comments) == back.comments
    assert "Returned for more information on 22 November 2026" in document.paragraphs[0].text
    assert "Add the dates of visits" in "\n".join(p.text for p in document.paragraphs[:5])


def test_every_control_filled_comes_back_as_typed(
    session: Session, case: Case, today: date, tmp_path: Path
) -> None:
    assert case.case_id is not None
    service = _service(session)
    form = AgencyFormsService(session).form
    typed: dict[str, object] = {}
    ticks: dict[str, str] = {}
    expected: dict[str, str] = {}
    for section in form.sections:
        for question in section.questions:
            kind = question.kind.value
            if kind == "yes_no":
                ticks[question.key] = "yes"
                expected[question.key] = "Yes"
            elif kind == "choice":
                typed[question.key] = question.options[-1].label
                expected[question.key] = question.options[-1].label
            elif kind == "date":
                typed[question.key] = date(2026, 11, 2)
                expected[question.key] = "2 November 2026"
            elif kind == "chronology":
                typed[question.key] = [["2 November 2026", "Nurse", "Home visit", "Follow up"]]
                expected[question.key] = (
                    "2 November 2026 \u2014 Nurse \u2014 Home visit \u2014 Follow up"
                )
            else:
                typed[question.key] = f"The answer to {question.key}."
                expected[question.key] = f"The answer to {question.key}."
    written = service.write_form(
        case.case_id, POLICE, tmp_path / "form.docx", identifying=True, today=today
    )
    assert written.password is not None
    plain = decrypt((tmp_path / "form.docx").read_bytes(), written.password)
    returned = tmp_path / "all.docx"
    returned.write_bytes(encrypt(fill_form(plain, typed, ticks=ticks), written.password))

    preview = service.read_return(case.case_id, POLICE, returned)

    assert {row.question: row.read for row in preview.rows} == expected
    assert all(row.found_by is FoundBy.CONTROL for row in preview.rows)
