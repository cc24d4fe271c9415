"""``rrdesk forms``, ``export agency-form``, ``import agency-form``, ``export
agency-form-return`` and ``export request-email`` on a real store and real Word files; every
refusal exits 2 with one line and changes nothing stored."""

from __future__ import annotations

import email
import io
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from rrdesk import cli
from rrdesk.domain.agency_forms.agency_requests import ReturnReason
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from tests.builders import POLICE, SCHOOLS, add_case, add_directory, requests_sent
from tests.refused_word_files import REFUSALS
from tests.word_authoring import as_libreoffice_saves, decrypt, encrypt, fill_form

REFERENCE = "RR-2026-031"
OTHER = "RR-2026-032"
ACRONYMS = "The DSL spoke to the SW and the HV about the CIN plan."
LATER = date(2030, 1, 7)  # after the command line's own today, when the form was received
PASTED = "14/10/2025 10:32 DC 4471 attended. Mother AB present. NFA."


@pytest.fixture
def store(new_store, store_path: Path, today: date) -> Path:  # type: ignore[no-untyped-def]
    session = new_store.session
    add_directory(session)
    for reference in (REFERENCE, OTHER):
        case = add_case(session, today=today, notified=date(2026, 11, 16), reference=reference)
        requests_sent(session, case, [POLICE, SCHOOLS], sent_on=date(2026, 11, 17))
    session.close()
    return store_path


@pytest.fixture
def passphrase_file(tmp_path: Path, passphrase: str) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


def _run(store: Path, pf: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main([*args, "--store", str(store), "--passphrase-file", str(pf)], out=out)
    return code, out.getvalue()


def _export(store: Path, pf: Path, tmp_path: Path, case: str = REFERENCE) -> tuple[Path, str]:
    password_file = tmp_path / f"{case}-password.txt"
    out = tmp_path / f"{case}.docx"
    code, text = _run(
        store, pf, "export", "agency-form", "--case", case, "--agency", POLICE,
        "--out", str(out), "--password-file", str(password_file),
    )  # fmt: skip
    assert code == 0, text
    password = password_file.read_text().strip()
    assert f"Password: {password}" in text
    return out, password


def _filled(path: Path, password: str) -> bytes:
    plain = fill_form(
        decrypt(path.read_bytes(), password),
        {"author": "Sam Inspector", "prevention": ACRONYMS, "went_well": PASTED},
        ticks={"involved": "yes"},
        delete_and_retype={"could_be_better": "Sharing reached the school late."},
    )
    return encrypt(plain, password)


def test_a_form_out_and_back_in_by_the_command_line(
    store: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    form, password = _export(store, passphrase_file, tmp_path)
    code, text = _run(store, passphrase_file, "forms", "--case", REFERENCE, "--json")
    listed = {row["agency"]: row for row in json.loads(text)}
    assert listed[POLICE]["request_id"].startswith("RQ-")
    assert listed[POLICE]["sent"] == "2026-11-17"
    assert listed[POLICE]["returned"] is None
    assert listed[POLICE]["status"] == "Overdue"  # the command line's today is after it was due
    assert listed[POLICE]["due"] is not None
    assert listed[POLICE]["due"] > listed[POLICE]["sent"]
    assert listed[POLICE]["encrypted"] is True
    assert listed[SCHOOLS]["encrypted"] is False
    returned = tmp_path / "returned.docx"
    returned.write_bytes(_filled(form, password))

    code, text = _run(
        store, passphrase_file, "import", "agency-form", "--case", REFERENCE,
        "--agency", POLICE, str(returned), "--json",
    )  # fmt: skip

    assert code == 0, text
    findings = json.loads(text)
    assert {"DSL", "SW", "HV", "CIN"} <= {
        f["text"] for f in findings if f["question"] == "prevention"
    }
    assert any(f["question"] == "went_well" for f in findings)
    assert set(findings[0]) >= {"kind", "text", "start", "end", "message", "suggestions"}
    code, text = _run(store, passphrase_file, "forms", "--case", REFERENCE)
    assert f"{POLICE} ({listed[POLICE]['request_id']}): Received" in text, text
    assert "versions 1" in text


@pytest.mark.parametrize("libreoffice", [False, True], ids=["one box deleted", "libreoffice"])
def test_the_import_says_how_answers_were_read_once_or_on_the_row_that_differs(
    store: Path, passphrase_file: Path, tmp_path: Path, libreoffice: bool
) -> None:
    form, password = _export(store, passphrase_file, tmp_path)
    returned = tmp_path / "returned.docx"
    filled = _filled(form, password)
    if libreoffice:
        filled = encrypt(as_libreoffice_saves(decrypt(filled, password), "involved"), password)
    returned.write_bytes(filled)

    code, text = _run(
        store, passphrase_file, "import", "agency-form", "--case", REFERENCE,
        "--agency", POLICE, str(returned),
    )  # fmt: skip

    assert code == 0, text
    once = (
        "This form was saved by a program that removed its answer boxes, so rrdesk read each "
        "answer from under its question heading. Check each one."
    )
    per_row = [line for line in text.splitlines() if "read from under its question" in line]
    if libreoffice:
        assert text.count(once) == 1
        assert per_row == []
    else:
        assert once not in text
        assert per_row == ["could_be_better: read from under its question (its box was deleted)"]


def test_the_form_back_with_comments_and_the_request_email(
    store: Path, passphrase_file: Path, tmp_path: Path, passphrase: str
) -> None:
    form, password = _export(store, passphrase_file, tmp_path)
    returned = tmp_path / "returned.docx"
    returned.write_bytes(_filled(form, password))
    _run(store, passphrase_file, "import", "agency-form", "--case", REFERENCE,
         "--agency", POLICE, str(returned))  # fmt: skip
    from rrdesk.services.store.store_access import unlock_with_passphrase

    session = unlock_with_passphrase(store, passphrase)
    from rrdesk.services.cases.case_service import CaseService

    case = CaseService(session).by_reference(REFERENCE)
    assert case is not None
    assert case.case_id is not None
    AgencyFormsService(session).record_returned(
        case.case_id, POLICE, LATER, [ReturnReason.CONTAINS_ACRONYMS]
    )
    session.close()
    back = tmp_path / "back.docx"
    code, text = _run(store, passphrase_file, "export", "agency-form-return", "--case",
                      REFERENCE, "--agency", POLICE, "--out", str(back))  # fmt: skip
    assert code == 0, text
    assert "encrypted with the request's password" in text
    import docx

    document = docx.Document(io.BytesIO(decrypt(back.read_bytes(), password)))
    anchored = {c.text for c in document.comments}
    assert any("social worker" in words.lower() for words in anchored) or len(anchored) >= 4
    mail = tmp_path / "chase.eml"
    code, text = _run(store, passphrase_file, "export", "request-email", "--case", REFERENCE,
                      "--agency", POLICE, "--out", str(mail))  # fmt: skip
    assert code == 0, text
    message = email.message_from_bytes(mail.read_bytes())
    body = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    words = body.get_payload(decode=True).decode()
    assert "protected with a password" in words
    assert password not in words
    assert "Poppy" not in words
    (attached,) = [p for p in message.walk() if p.get_filename()]
    assert attached.get_filename().endswith("with-comments.docx")


def test_a_reminder_by_the_command_line_gives_a_date_not_past_and_attaches_the_form(
    store: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    """The Schools' form was due on 27 November 2026; the chaser asks for it by a new date."""
    mail = tmp_path / "reminder.eml"
    code, text = _run(store, passphrase_file, "export", "request-email", "--case", REFERENCE,
                      "--agency", SCHOOLS, "--reminder", "--out", str(mail))  # fmt: skip
    assert code == 0, text
    message = email.message_from_bytes(mail.read_bytes())
    subject = " ".join(str(message["Subject"]).split())
    assert subject.startswith(f"OFFICIAL-SENSITIVE: Reminder: Rapid Review {REFERENCE}")
    words = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    body = words.get_payload(decode=True).decode().replace("\r\n", "\n")
    found = re.search(r"Please send the completed form by \w+ (\d{1,2} \w+ \d{4})", body)
    assert found, body
    assert datetime.strptime(found.group(1), "%d %B %Y").date() >= date.today()
    assert body.rstrip().endswith(
        "Priya Test-Coordinator\nNorthmoor Safeguarding Children Partnership"
    )
    assert [p.get_filename() for p in message.walk() if p.get_filename()] == [
        f"{REFERENCE}-agency-check-form.docx"
    ]


def _contents(store: Path, passphrase: str) -> tuple[list[tuple[object, ...]], int]:
    """Every case document and the audit trail's length. (Each opening of a store counts
    itself in the store's settings, so its bytes change whenever a command opens it; that the
    refused file itself changes no byte is tested in tests/services/agency_forms.)"""
    from rrdesk.services.store.store_access import unlock_with_passphrase

    session = unlock_with_passphrase(store, passphrase)
    try:
        documents = session.db.query(
            "SELECT case_id, kind, name, body FROM case_documents ORDER BY case_id, kind, name"
        )
        return [tuple(row) for row in documents], session.audit.length()
    finally:
        session.close()


# Every kind is refused by the service with the store byte for byte unchanged
# (tests/services/agency_forms/test_word_form_refusals.py); here, one of each way to refuse.
@pytest.mark.parametrize("kind", ["a PDF", "a zip bomb", "the wrong password", "another case"])
def test_a_refused_file_changes_nothing(
    kind: str,
    store: Path,
    passphrase_file: Path,
    tmp_path: Path,
    passphrase: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    form, password = _export(store, passphrase_file, tmp_path)
    other, other_password = _export(store, passphrase_file, tmp_path, OTHER)
    name, make, reason = REFUSALS[kind]
    path = tmp_path / name
    other_plain = decrypt(other.read_bytes(), other_password)
    path.write_bytes(make(form.read_bytes(), password, encrypt(other_plain, password)))
    before = _contents(store, passphrase)
    capsys.readouterr()

    code, _ = _run(store, passphrase_file, "import", "agency-form", "--case", REFERENCE,
                   "--agency", POLICE, str(path))  # fmt: skip

    error = capsys.readouterr().err
    assert code == 2
    assert reason in error
    assert error.count("\n") == 1
    assert _contents(store, passphrase) == before


def test_a_form_without_a_password_file_names_no_one_and_a_blank_form_needs_no_case(
    store: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.docx"
    code, text = _run(store, passphrase_file, "export", "agency-form", "--case", REFERENCE,
                      "--agency", POLICE, "--out", str(plain))  # fmt: skip
    assert code == 0, text
    assert "It names no one and is not encrypted." in text
    assert "Password" not in text
    words = _words(plain)
    assert REFERENCE in words
    assert "Poppy" not in words
    blank = tmp_path / "blank.docx"

    code, text = _run(store, passphrase_file, "export", "agency-form", "--blank",
                      "--out", str(blank))  # fmt: skip

    assert code == 0, text
    assert f"Saved a blank agency check form to {blank}" in text
    words = _words(blank)
    assert "How to complete this form" in words
    assert REFERENCE not in words
    code, _ = _run(store, passphrase_file, "export", "agency-form", "--blank", "--case",
                   REFERENCE, "--out", str(tmp_path / "both.docx"))  # fmt: skip
    assert code == 2
    assert not (tmp_path / "both.docx").exists()


def _words(path: Path) -> str:
    """Every piece of text in the document's body, tables and content controls included."""
    import docx

    body = docx.Document(str(path)).element.body
    return " ".join(t.text or "" for t in body.iter(docx.oxml.ns.qn("w:t")))
