"""The export commands: panel-submission, action-plan and themes."""

from __future__ import annotations

import argparse
import csv
import io
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
from rrdesk.demo.cases import add_demo_data
from rrdesk.services.store.session import Session
from tests.exports.pdf_reading import all_text, page_texts

TODAY = date(2026, 11, 22)


@pytest.fixture
def store(session: Session, store_path: Path, tmp_path: Path, passphrase: str) -> list[str]:
    add_demo_data(session, today=TODAY)
    session.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    return ["--store", str(store_path), "--passphrase-file", str(secret)]


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
    code, text = _run("panel-submission", "--case", "RR-2026-003", "--out", str(target), *store)
    assert code == 0, text
    assert "RR-2026-003" in text
    assert "Rapid review submission to the National Panel" in all_text(target.read_bytes())


def test_incomplete_submission_lists_what_is_missing_and_writes_nothing(
    store: list[str], tmp_path: Path
) -> None:
    target = tmp_path / "submission.pdf"
    code, text = _run("panel-submission", "--case", "RR-2026-007", "--out", str(target), *store)
    assert code == 1
    assert "- Describe the household" in text
    assert not target.exists()
    code, _ = _run(
        "panel-submission", "--case", "RR-2026-007", "--out", str(target), "--draft", *store
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
    code, text = _run("panel-submission", "--case", "RR-2026-003", "--out", str(target), *store)
    assert code == 0, text
    assert "DRAFT" not in all_text(target.read_bytes())


def test_a_case_never_notified_has_no_submission(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "submission.pdf"
    for draft in ((), ("--draft",)):
        code, text = _run(
            "panel-submission", "--case", "RR-2026-002", "--out", str(target), *draft, *store
        )
        assert code == 1
        assert "RR-2026-002 was not notified to the National Panel" in text
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
    assert "overdue" in text
    rows = list(load_workbook(workbook)["Action plan"].iter_rows(values_only=True))
    assert len(rows) > 5
    assert "Overdue" in {row[6] for row in rows}
    sheet = tmp_path / "plan.csv"
    code, _ = _run("action-plan", "--out", str(sheet), "--agency", "Northmoor Housing", *store)
    assert code == 0
    lines = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    assert {line[4] for line in lines[1:]} == {"Northmoor Housing"}


def test_themes(store: list[str], tmp_path: Path) -> None:
    target = tmp_path / "themes.csv"
    code, text = _run("themes", "--out", str(target), *store)
    assert code == 0
    assert "7 cases" in text
    lines = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    logs = {line[0] for line in lines[1:]}
    assert len(logs) == 2
    assert any(line[6] == "Safer sleep" for line in lines)
