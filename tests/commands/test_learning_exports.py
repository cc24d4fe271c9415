"""The export commands: panel-submission, action-plan, themes, sign-off-email, panel-pack, letter
and briefing."""

from __future__ import annotations

import argparse
import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from rrdesk.commands.learning_exports import (
    add_action_plan_parser,
    add_panel_submission_parser,
    add_themes_parser,
)
from rrdesk.commands.store_options import UsageError
from rrdesk.domain.after_meeting.threshold_letter import LetterDetails
from rrdesk.domain.cases.cases import (
    ParallelProcess,
    ReferralRoute,
)
from rrdesk.services.after_meeting.threshold_letter_service import ThresholdLetterService
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session
from tests import builders
from tests.builders import HEALTH, HOUSING, LA
from tests.commands.learning_cases import (
    COMPLETE,
    INCOMPLETE,
    NOT_NOTIFIED,
    THRESHOLD,
    TODAY,
    closed_store_options,
    export_cli,
    record_learning_cases,
)
from tests.exports.pdf_reading import all_text, page_texts


@pytest.fixture
def store(session: Session, store_path: Path, tmp_path: Path, passphrase: str) -> list[str]:
    record_learning_cases(session)
    return closed_store_options(session, store_path, tmp_path, passphrase)


def _run(*argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="rrdesk")
    commands = parser.add_subparsers(dest="command")
    export = commands.add_parser("export").add_subparsers(dest="export_command", required=True)
    add_panel_submission_parser(export)
    add_action_plan_parser(export)
    add_themes_parser(export)
    args = parser.parse_args(["export", *argv])
    args.today = TODAY
    out = io.StringIO()
    return int(args.handler(args, out)), out.getvalue()


def test_panel_submission(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "submission.pdf"
    code, text = _run("panel-submission", "--case", COMPLETE, "--out", str(target), *store)
    assert code == 0, text
    assert text == f"Wrote the National Panel submission for {COMPLETE} to {target}\n"
    assert "Rapid review submission to the National Panel" in all_text(target.read_bytes())


def test_incomplete_submission_lists_what_is_missing_and_writes_nothing(
    store: list[str], tmp_path: Path
) -> None:
    target = tmp_path / "submission.pdf"
    code, text = _run("panel-submission", "--case", INCOMPLETE, "--out", str(target), *store)
    assert code == 1
    assert "- Describe the household" in text
    assert not target.exists()
    code, _ = _run(
        "panel-submission", "--case", INCOMPLETE, "--out", str(target), "--draft", *store
    )
    assert code == 0
    pdf = target.read_bytes()
    pages = page_texts(pdf)
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert "DRAFT" in page, f"page {number} is not marked a draft"
    assert "Describe the household" in pages[0]
    title = PdfReader(io.BytesIO(pdf)).metadata.title
    assert title.startswith("DRAFT: Rapid review submission to the National Panel")


def test_a_complete_submission_is_not_marked_a_draft(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "submission.pdf"
    code, text = _run("panel-submission", "--case", COMPLETE, "--out", str(target), *store)
    assert code == 0, text
    assert "DRAFT" not in all_text(target.read_bytes())


def test_a_case_never_notified_has_no_submission(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "submission.pdf"
    for draft in ((), ("--draft",)):
        code, text = _run(
            "panel-submission", "--case", NOT_NOTIFIED, "--out", str(target), *draft, *store
        )
        assert code == 1
        assert f"{NOT_NOTIFIED} was not notified to the National Panel" in text
        assert "no submission to send" in text
    assert not target.exists()


def test_unknown_case_and_wrong_suffix_are_usage_errors(store: list[str], tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no case with the reference RR-1999-001"):
        _run("panel-submission", "--case", "RR-1999-001", "--out", str(tmp_path / "x.pdf"), *store)
    with pytest.raises(UsageError, match=r"\.xlsx or \.csv"):
        _run("action-plan", "--out", str(tmp_path / "x.pdf"), *store)


def test_action_plan_excel_and_csv(store: list[str], tmp_path: Path) -> None:
    workbook = tmp_path / "plan.xlsx"
    code, text = _run("action-plan", "--out", str(workbook), *store)
    assert code == 0
    assert text == f"Wrote 5 actions (2 overdue) to {workbook}\n"
    rows = list(load_workbook(workbook)["Action plan"].iter_rows(values_only=True))
    assert len(rows) == 1 + 5
    assert [row[6] for row in rows[1:]].count("Overdue") == 2
    sheet = tmp_path / "plan.csv"
    code, _ = _run("action-plan", "--out", str(sheet), "--agency", HOUSING, *store)
    assert code == 0
    lines = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    assert [line[4] for line in lines[1:]] == [HOUSING, HOUSING]


def test_themes(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "themes.csv"
    code, text = _run("themes", "--out", str(target), *store)
    assert code == 0
    assert text == f"Wrote the themes of 4 cases to {target}\n"
    lines = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    logs = {line[0] for line in lines[1:]}
    assert len(logs) == 2
    assert any(line[6] == "Safer sleep" for line in lines)


@pytest.fixture
def documents(session: Session, store_path: Path, tmp_path: Path, passphrase: str) -> list[str]:
    """As ``store``; and the local authority's form asked of and quality assured for COMPLETE,
    Health's still outstanding, with a police investigation open; THRESHOLD referred by a
    parent, its letter's signatory entered but not the partnership's contact details."""
    record_learning_cases(session)
    cases = CaseService(session)
    complete = cases.by_reference(COMPLETE)
    assert complete is not None
    builders.requests_sent(session, complete, (LA, HEALTH), sent_on=date(2026, 11, 3))
    answers = {"involved": "no"}
    builders.form_returned(session, complete, LA, answers, on=TODAY, quality_assured=True)
    police = frozenset({ParallelProcess.POLICE_INVESTIGATION})
    cases.save_case(replace(complete, parallel_processes=police))
    threshold = cases.by_reference(THRESHOLD)
    assert threshold is not None
    assert threshold.case_id is not None
    parent = replace(threshold.referral, route=ReferralRoute.PARENT)
    cases.save_case(replace(threshold, referral=parent))
    signatory = LetterDetails("", "Sam Coordinator", "Partnership business manager")
    ThresholdLetterService(session).save_details(threshold.case_id, signatory)
    return closed_store_options(session, store_path, tmp_path, passphrase)


def _audit(store_path: Path, passphrase: str) -> list[tuple[str, str]]:
    session = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        return [(e.action, str(e.detail.get("note", ""))) for e in session.audit.entries()]
    finally:
        session.close()


def _words(pdf: Path) -> str:
    assert pdf.stat().st_mode & 0o777 == 0o600
    return " ".join(all_text(pdf.read_bytes()).split())


def _refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, text = export_cli(*argv)
    assert (code, text) == (2, "")
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def test_panel_pack(
    documents: list[str],
    tmp_path: Path,
    store_path: Path,
    passphrase: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pack = tmp_path / "pack.pdf"
    code, text = export_cli("panel-pack", "--case", COMPLETE, "--out", str(pack), *documents)
    assert code == 0, text
    assert text == (
        f"Wrote the panel pack for {COMPLETE} to {pack}: 1 quality-assured form, "
        "1 still outstanding\n"
    )
    words = _words(pack)
    assert f"Case reference {COMPLETE}" in words
    assert LA in words
    assert HEALTH in words
    assert ("Built the panel pack", "pack.pdf, 1 quality-assured form") in _audit(
        store_path, passphrase
    )
    code, text = export_cli("panel-pack", "--case", INCOMPLETE, "--out", str(pack), *documents)
    assert code == 0, text
    assert text.endswith(": no agency has been asked for a check form yet\n")
    assert "9 November 2026" in _words(pack)  # notified: its timetable
    err = _refused(capsys, "panel-pack", "--case", NOT_NOTIFIED, "--out", str(pack), *documents)
    assert f"{NOT_NOTIFIED} has no panel pack to make: it was not notified" in err
    err = _refused(capsys, "panel-pack", "--case", "RR-1999-001", "--out", str(pack), *documents)
    assert "RR-1999-001" in err


def test_letter(
    documents: list[str],
    tmp_path: Path,
    store_path: Path,
    passphrase: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    letter = tmp_path / "letter.pdf"
    err = _refused(capsys, "letter", "--case", THRESHOLD, "--out", str(letter), *documents)
    assert err == (
        f"rrdesk: The letter for {THRESHOLD} cannot be made yet: enter the partnership's contact "
        "details under Partnership settings: every letter carries them\n"
    )
    err = _refused(capsys, "letter", "--case", COMPLETE, "--out", str(letter), *documents)
    assert f"{COMPLETE} has no letter to the referrer to make" in err
    assert not letter.exists()

    session = store_access.unlock_with_passphrase(store_path, passphrase)
    builders.add_contact_details(session)
    session.close()
    code, text = export_cli("letter", "--case", THRESHOLD, "--out", str(letter), *documents)
    assert code == 0, text
    assert text == f"Wrote version 1 of the letter to the referrer of {THRESHOLD} to {letter}\n"
    words = _words(letter)
    assert THRESHOLD in words
    assert "your child, Poppy Example-Fictional" in words
    assert builders.CONTACT_TELEPHONE in words
    made = [note for action, note in _audit(store_path, passphrase) if "letter" in action]
    assert made[-1].startswith("Version 1, dated ")


def test_briefing(
    documents: list[str],
    tmp_path: Path,
    store_path: Path,
    passphrase: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    briefing = tmp_path / "briefing.pdf"
    err = _refused(capsys, "briefing", "--case", COMPLETE, "--out", str(briefing), *documents)
    assert f"A police investigation is open in {COMPLETE}" in err
    assert "--police-agree" in err
    assert not briefing.exists()
    err = _refused(capsys, "briefing", "--case", NOT_NOTIFIED, "--out", str(briefing), *documents)
    assert f"No briefing for {NOT_NOTIFIED}: record the meeting's learning" in err
    missing = tmp_path / "nowhere" / "briefing.pdf"
    err = _refused(capsys, "briefing", "--case", NOT_NOTIFIED, "--out", str(missing), *documents)
    assert "does not exist" in err

    argv = ("briefing", "--case", COMPLETE, "--out", str(briefing), "--police-agree")
    code, text = export_cli(*argv, *documents)
    assert code == 0, text
    assert text.startswith(f"Wrote the 7-minute briefing for {COMPLETE}, marked OFFICIAL, to ")
    assert "read it before it is shared" in text
    words = _words(briefing)
    assert COMPLETE not in words  # for sharing: nothing that leads back to the case
    assert "Staff recorded every incident promptly." in words
    assert "A police investigation is open" in words
    assert "Kit Example-Fictional" not in words
    assert "Child K" not in words
    note = "No names or pseudonym; the police agreed to its sharing"
    assert ("Made a 7-minute briefing", note) in _audit(store_path, passphrase)


def test_wrong_passphrase_is_refused(
    documents: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n", encoding="utf-8")
    store = [documents[0], documents[1], "--passphrase-file", str(wrong)]
    for document in ("panel-pack", "letter", "briefing"):
        out = str(tmp_path / f"{document}.pdf")
        _refused(capsys, document, "--case", THRESHOLD, "--out", out, *store)
