"""``rrdesk export panel-submission``, ``action-plan``, ``themes``, ``letter`` and ``briefing``.

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


def out_path(args: argparse.Namespace, suffixes: tuple[str, ...]) -> Path:
    """``--out``, checked before anything is made or recorded: its ending and its folder."""
    path = Path(args.out).expanduser()
    if path.suffix.lower() not in suffixes:
        raise UsageError(f"--out must end in {' or '.join(suffixes)}")
    if not path.parent.is_dir():
        raise UsageError(f"The folder {path.parent} does not exist. Nothing was saved.")
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
    path = out_path(args, (".pdf",))
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

    path = out_path(args, (".xlsx", ".csv"))
    session = open_store(args)
    try:
        service = ActionPlanService(session)
        actions = filter_actions(
            service.actions(), ActionFilter(agency=args.agency.strip()), args.today
        )
        if path.suffix.lower() == ".csv":
            body = action_plan_csv(actions, args.today, session.calendar)
        else:
            body = action_plan_workbook(actions, args.today, session.partnership, session.calendar)
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

    path = out_path(args, (".csv",))
    session = open_store(args)
    try:
        service = ThemeService(session)
        entries = service.log()
        write_exported_file(path, themes_csv(entries, service.taxonomy()))
        out.write(f"Wrote the themes of {len(entries)} cases to {path}\n")
        return EXIT_OK
    finally:
        session.close()


def _case_id(session: Any, reference: str) -> tuple[int, str]:
    try:
        case = case_by_reference(session, reference)
    except CaseNotFoundError as error:
        raise UsageError(error.message) from None
    assert case.case_id is not None
    return case.case_id, case.reference


def add_letter_parser(export_subparsers: Any) -> None:
    help_text = (
        "the letter to the referrer of a case whose threshold was not met, as the Letter to "
        "referrer tab makes it (kept as a new version of the letter)"
    )
    parser = export_subparsers.add_parser("letter", help=help_text, description=help_text)
    parser.add_argument("--case", required=True, metavar="REF", help="the case reference")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    add_store_options(parser)
    parser.set_defaults(handler=run_letter)


def run_letter(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.domain.cases.cases import Stage
    from rrdesk.services.after_meeting.threshold_letter_service import ThresholdLetterService

    path = out_path(args, (".pdf",))
    session = open_store(args)
    try:
        case_id, reference = _case_id(session, args.case)
        case = session.cases.get(case_id)
        if case is None or case.stage is not Stage.THRESHOLD_NOT_MET:
            raise UsageError(
                f"{reference} has no letter to the referrer to make: the letter is only for a "
                "case whose threshold for a Serious Incident Notification was not met"
            )
        letters = ThresholdLetterService(session)
        problems = letters.problems(case_id)
        if problems:
            still = "; ".join(p[:1].lower() + p[1:] for p in problems)
            raise UsageError(f"The letter for {reference} cannot be made yet: {still}")
        body = letters.export(case_id, args.today)
        write_exported_file(path, body)
        version = letters.versions(case_id)[-1].version
        out.write(
            f"Wrote version {version} of the letter to the referrer of {reference} to {path}\n"
        )
        return EXIT_OK
    finally:
        session.close()


def add_briefing_parser(export_subparsers: Any) -> None:
    help_text = (
        "a case's 7-minute briefing for practitioners, anonymised for sharing as the Submission "
        "tab makes it (read it before it is shared)"
    )
    parser = export_subparsers.add_parser("briefing", help=help_text, description=help_text)
    parser.add_argument("--case", required=True, metavar="REF", help="the case reference")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    parser.add_argument(
        "--pseudonym", action="store_true", help="use the child's pseudonym in the briefing"
    )
    parser.add_argument(
        "--police-agree",
        action="store_true",
        help="you have checked with the police that it can be shared (needed while a police "
        "investigation is open)",
    )
    add_store_options(parser)
    parser.set_defaults(handler=run_briefing)


def run_briefing(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.services.after_meeting.report_service import BriefingError, ReportService

    path = out_path(args, (".pdf",))
    session = open_store(args)
    try:
        case_id, reference = _case_id(session, args.case)
        reports = ReportService(session)
        if reports.criminal_process_open(case_id) and not args.police_agree:
            raise UsageError(
                f"A police investigation is open in {reference}: check with the police that "
                "the briefing cannot prejudice it or a trial, then give --police-agree"
            )
        try:
            body = reports.briefing_pdf(
                case_id, use_pseudonym=args.pseudonym, police_checked=args.police_agree
            )
        except BriefingError as error:
            message = error.message[:1].lower() + error.message[1:]
            raise UsageError(f"No briefing for {reference}: {message}") from None
        write_exported_file(path, body)
        out.write(
            f"Wrote the 7-minute briefing for {reference}, marked {reports.briefing_marking()}, "
            f"to {path}\n"
            "Names, places and addresses rrdesk found were replaced by words in square brackets: "
            "read it before it is shared, so that nobody can be recognised from what is left.\n"
        )
        return EXIT_OK
    finally:
        session.close()
