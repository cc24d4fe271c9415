"""``rrdesk export panel-submission``, ``export action-plan`` and ``export themes``.

Each adds its sub-parser to the ``export`` sub-command's parsers and writes the file
atomically where asked. Exit 0 when written; 1 when the submission is not complete (what is
missing is printed); 2 for unusable input (through :class:`UsageError`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from rrdesk.commands.store_options import UsageError, add_store_options, open_store
from rrdesk.domain.after_meeting.action_plan import ActionFilter, filter_actions
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.after_meeting.submission_service import SubmissionError, SubmissionService
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.cases.case_lookup import CaseNotFoundError
from rrdesk.services.cases.case_records import case_by_reference
from rrdesk.services.files import write_exported_file

EXIT_OK = 0
EXIT_INCOMPLETE = 1


def add_learning_export_parsers(export_subparsers: Any) -> None:
    """All three: ``panel-submission``, ``action-plan`` and ``themes``."""
    add_panel_submission_parser(export_subparsers)
    add_action_plan_parser(export_subparsers)
    add_themes_parser(export_subparsers)


def _out_path(args: argparse.Namespace, suffixes: tuple[str, ...]) -> Path:
    path = Path(args.out).expanduser()
    if path.suffix.lower() not in suffixes:
        raise UsageError(f"--out must end in {' or '.join(suffixes)}")
    return path


def add_panel_submission_parser(export_subparsers: Any) -> None:
    parser = export_subparsers.add_parser(
        "panel-submission",
        help="the rapid review submission to the National Panel, as a PDF",
        description="Write a case's submission to the National Panel as a PDF. If anything the "
        "Panel asks for is not recorded, the list is printed and nothing is written (unless "
        "--draft).",
    )
    parser.add_argument("--case", required=True, metavar="REF", help="the case reference")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    parser.add_argument(
        "--draft", action="store_true", help="write it even with items missing (marked a draft)"
    )
    add_store_options(parser)
    parser.set_defaults(handler=run_panel_submission)


def run_panel_submission(args: argparse.Namespace, out: TextIO) -> int:
    path = _out_path(args, (".pdf",))
    session = open_store(args)
    try:
        try:
            case = case_by_reference(session, args.case)
        except CaseNotFoundError as error:
            raise UsageError(error.message) from None
        assert case.case_id is not None
        service = SubmissionService(session)
        try:
            body = service.export(case.case_id, args.today, allow_missing=args.draft)
        except SubmissionError as error:
            out.write(f"{error}\n")
            return EXIT_INCOMPLETE
        write_exported_file(path, body)
        what = "a DRAFT of the" if service.missing(case.case_id, args.today) else "the"
        out.write(f"Wrote {what} National Panel submission for {case.reference} to {path}\n")
        return EXIT_OK
    finally:
        session.close()


def add_action_plan_parser(export_subparsers: Any) -> None:
    parser = export_subparsers.add_parser(
        "action-plan",
        help="the statutory review action plan, as Excel (.xlsx) or CSV",
        description="Write every action in the plan, with its status as of today "
        "(overdue worked out), to an Excel workbook or a CSV file.",
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    parser.add_argument("--agency", default="", help="only this owner agency's actions")
    add_store_options(parser)
    parser.set_defaults(handler=run_action_plan)


def run_action_plan(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.exports.spreadsheets.action_plan_files import action_plan_csv, action_plan_workbook

    path = _out_path(args, (".xlsx", ".csv"))
    session = open_store(args)
    try:
        service = ActionPlanService(session)
        actions = filter_actions(
            service.actions(), ActionFilter(agency=args.agency.strip()), args.today
        )
        if path.suffix.lower() == ".csv":
            body = action_plan_csv(actions, args.today)
        else:
            body = action_plan_workbook(actions, args.today, session.partnership)
        write_exported_file(path, body)
        service.record_export(body, f"{path.suffix.lstrip('.').upper()}, {len(actions)} actions")
        overdue = sum(1 for action in actions if action.is_overdue(args.today))
        out.write(f"Wrote {len(actions)} actions ({overdue} overdue) to {path}\n")
        return EXIT_OK
    finally:
        session.close()


def add_themes_parser(export_subparsers: Any) -> None:
    parser = export_subparsers.add_parser(
        "themes",
        help="the themes logs (reviews, and notifications), as CSV",
        description="Write every case's themes to a CSV file, one row per case and theme, "
        "with the log each belongs to.",
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.csv")
    add_store_options(parser)
    parser.set_defaults(handler=run_themes)


def run_themes(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.exports.spreadsheets.action_plan_files import themes_csv

    path = _out_path(args, (".csv",))
    session = open_store(args)
    try:
        service = ThemeService(session)
        entries = service.log()
        write_exported_file(path, themes_csv(entries, service.taxonomy()))
        out.write(f"Wrote the themes of {len(entries)} cases to {path}\n")
        return EXIT_OK
    finally:
        session.close()
