"""The export commands: panel-submission, action-plan, themes and sign-off-email."""

from __future__ import annotations

import argparse
import csv
import email
import io
from datetime import date, timedelta
from email import policy
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from rrdesk import cli
from rrdesk.commands.learning_exports import (
    add_action_plan_parser,
    add_panel_submission_parser,
    add_themes_parser,
)
from rrdesk.commands.store_options import UsageError
from rrdesk.domain.after_meeting.action_plan import ActionStatus, ActionTracking
from rrdesk.domain.cases.cases import Referral, Stage, ThresholdDiscussion
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.store.session import Session
from tests import builders
from tests.builders import HEALTH, HOUSING, LA, SCHOOLS
from tests.exports.pdf_reading import all_text, page_texts

TODAY = date(2026, 11, 22)
COMPLETE = "RR-2026-001"  # everything the National Panel asks for
INCOMPLETE = "RR-2026-002"  # notified on 9 November 2026, nothing more
NOT_NOTIFIED = "RR-2026-003"  # a referral, never notified
OVERDUE = TODAY - timedelta(days=9)


def _record_cases(session: Session) -> None:
    """Four cases (the fourth a threshold not met), five actions (two overdue, two Housing's)
    and a theme in each log."""
    people = builders.add_directory(session)
    soon = TODAY + timedelta(days=20)
    complete = builders.ready_to_submit(
        session,
        people,
        today=TODAY,
        notified=date(2026, 11, 2),
        actions=(ImmediateAction("Review declined referrals", HEALTH, soon),),
    )
    incomplete = builders.add_case(session, today=TODAY, notified=date(2026, 11, 9))
    referral = builders.add_case(session, today=TODAY, notified=None, stage=Stage.REFERRED)
    threshold = builders.add_case(
        session,
        today=TODAY,
        notified=None,
        stage=Stage.THRESHOLD_NOT_MET,
        referral=Referral(referrer_name="A parent", referral_date=date(2026, 10, 20)),
        threshold=ThresholdDiscussion(date(2026, 10, 23), "The partners", False, "An accident."),
    )
    references = [complete.reference, incomplete.reference, referral.reference]
    assert references == [COMPLETE, INCOMPLETE, NOT_NOTIFIED]
    assert complete.case_id is not None
    assert incomplete.case_id is not None
    assert threshold.case_id is not None
    plan = ActionPlanService(session)
    plan.add_action(complete.case_id, "Audit attendance", SCHOOLS, OVERDUE)
    plan.add_action(complete.case_id, "Tell social care of new tenants", HOUSING, OVERDUE)
    plan.add_action(complete.case_id, "Check tenancy records", HOUSING, soon)
    done = plan.add_action(complete.case_id, "Brief staff", LA, OVERDUE)
    evidence = ActionTracking(ActionStatus.COMPLETED, "Briefed on 1 November", OVERDUE)
    plan.update_tracking(complete.case_id, done.key, evidence)
    ThemeService(session).record_theme(incomplete.case_id, "safer_sleep", TODAY)
    ThemeService(session).record_theme(threshold.case_id, "multi_agency_working", TODAY)


@pytest.fixture
def store(session: Session, store_path: Path, tmp_path: Path, passphrase: str) -> list[str]:
    _record_cases(session)
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


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(["export", *argv], out=out), out.getvalue()


def test_sign_off_email_carries_the_latest_signed_sheet(
    store: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "sign-off.eml"
    code, _ = _cli("sign-off-email", "--case", COMPLETE, "--out", str(draft), *store)
    assert code == 2
    assert f"{COMPLETE} has no signed decision sheet yet: sign one first" in capsys.readouterr().err
    assert not draft.exists()

    sheet = tmp_path / "sheet.pdf"
    code, text = _cli("decision-sheet", "--case", COMPLETE, "--out", str(sheet), *store)
    assert code == 0, text
    code, text = _cli("sign-off-email", "--case", COMPLETE, "--out", str(draft), *store)
    assert code == 0, text
    assert text.startswith(f"Wrote the email for sign-off of {COMPLETE} (decision sheet version 1)")

    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert message["Subject"] == (
        f"OFFICIAL-SENSITIVE: Rapid Review decision sheet {COMPLETE} for sign-off"
    )
    assert message["X-Unsent"] == "1"
    for agency in (LA, builders.POLICE, HEALTH):
        assert builders.email_of(agency) in str(message["To"])
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == f"{COMPLETE} decision sheet v1.pdf"
    assert attachment.get_content() == sheet.read_bytes()
    assert draft.stat().st_mode & 0o777 == 0o600

    code, _ = _cli("sign-off-email", "--case", COMPLETE, "--out", str(tmp_path / "x.pdf"), *store)
    assert code == 2
    assert "--out must end in .eml" in capsys.readouterr().err
