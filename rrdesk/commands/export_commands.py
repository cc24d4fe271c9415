"""``rrdesk export DOCUMENT``: documents out of the store, written only where ``--out`` says.

Each document is one sub-command, added by one ``add_…_parser`` function listed in
:data:`EXPORT_PARSERS`; adding another document is one more function there.

- ``rrdesk export decision-sheet --case REF --out FILE.pdf``: the current signed decision sheet.
- ``rrdesk export certificate --out FILE.pem``: the partnership's signing certificate.
- ``rrdesk export invitation --case REF --out FILE.ics``: the meeting invitation (or its
  cancellation) for the panel's calendars.
- ``rrdesk export sign-off-email --case REF --out FILE.eml``: the email asking the executives
  to sign off the decision, with the latest signed sheet attached.
- ``rrdesk export panel-pack --case REF --out FILE.pdf``: the panel pack, as the Agency forms
  tab builds it.
- ``rrdesk export letter`` and ``rrdesk export briefing``: see :mod:`learning_exports`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from rrdesk.commands.agency_form_commands import add_agency_form_parsers
from rrdesk.commands.learning_exports import (
    add_action_plan_parser,
    add_briefing_parser,
    add_letter_parser,
    add_panel_submission_parser,
    add_themes_parser,
    out_path,
)
from rrdesk.commands.sign_off_exports import add_sign_off_email_parser
from rrdesk.commands.store_options import (
    UsageError,
    add_store_options,
    open_store,
    open_store_with_passphrase,
)
from rrdesk.domain.timetable.dates import format_date


def _add_out(parser: argparse.ArgumentParser, metavar: str, what: str) -> None:
    parser.add_argument(
        "--out", type=Path, required=True, metavar=metavar, help=f"where to write {what}"
    )


def _document_parser(kinds: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = kinds.add_parser(name, help=help_text, description=help_text)
    add_store_options(parser)
    return parser


def add_decision_sheet_parser(kinds: Any) -> None:
    parser = _document_parser(
        kinds,
        "decision-sheet",
        "the signed decision sheet of a case whose decision is recorded (the current version)",
    )
    parser.add_argument("--case", required=True, metavar="REF", help="the case reference")
    _add_out(parser, "FILE.pdf", "the signed PDF")
    parser.set_defaults(handler=run_export_decision_sheet)


def add_certificate_parser(kinds: Any) -> None:
    parser = _document_parser(
        kinds,
        "certificate",
        "the partnership's signing certificate, for executives to trust in their PDF reader "
        "(created now if the store has none yet)",
    )
    _add_out(parser, "FILE.pem", "the certificate")
    parser.set_defaults(handler=run_export_certificate)


def add_invitation_parser(kinds: Any) -> None:
    parser = _document_parser(
        kinds,
        "invitation",
        "a case's Rapid Review meeting as a calendar invitation from the coordinator to the "
        "panel, or its cancellation if the meeting was cancelled",
    )
    parser.add_argument("--case", required=True, metavar="REF", help="the case reference")
    _add_out(parser, "FILE.ics", "the invitation")
    parser.set_defaults(handler=run_export_invitation)


def add_panel_pack_parser(kinds: Any) -> None:
    parser = _document_parser(
        kinds,
        "panel-pack",
        "a case's panel pack, as the Agency forms tab builds it: the case summary, its "
        "timetable, every quality-assured agency check form and the forms still outstanding",
    )
    parser.add_argument("--case", required=True, metavar="REF", help="the case reference")
    _add_out(parser, "FILE.pdf", "the panel pack")
    parser.set_defaults(handler=run_export_panel_pack)


EXPORT_PARSERS: list[Callable[[Any], None]] = [
    add_decision_sheet_parser,
    add_certificate_parser,
    add_invitation_parser,
    add_panel_submission_parser,
    add_action_plan_parser,
    add_themes_parser,
    add_agency_form_parsers,
    add_sign_off_email_parser,
    add_panel_pack_parser,
    add_letter_parser,
    add_briefing_parser,
]
"""One function per document; each adds its sub-command to ``rrdesk export``."""


def add_export_parsers(subparsers: Any) -> None:
    """Add ``export`` and its documents to ``subparsers`` (from ``add_subparsers()``)."""
    export = subparsers.add_parser(
        "export",
        help="write a document from the store to a file",
        description="Write a document from the store to a file you name. Exit 0 when written; "
        "2 when it cannot be (no such case, no recorded decision, wrong passphrase, folder "
        "missing).",
    )
    kinds = export.add_subparsers(dest="export_command", required=True, metavar="DOCUMENT")
    for add_parser in EXPORT_PARSERS:
        add_parser(kinds)


def _now() -> datetime:
    return datetime.now().astimezone()


def run_export_decision_sheet(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.services.cases.case_service import CaseService
    from rrdesk.services.decision_sheet.decision_sheet_service import (
        SheetNotReadyError,
        decision_sheet_service_for,
    )
    from rrdesk.services.files import write_exported_file

    session, passphrase = open_store_with_passphrase(args)
    try:
        reference = str(args.case).strip()
        case = CaseService(session).by_reference(reference)
        if case is None or case.case_id is None:
            raise UsageError(f"There is no case {reference} in this store")
        sheets = decision_sheet_service_for(session)
        try:
            sheet = sheets.export_signed(case.case_id, args.today, _now(), passphrase)
        except SheetNotReadyError as error:
            raise UsageError(str(error)) from None
        write_exported_file(Path(args.out), sheet.body)
    finally:
        session.close()
    print(
        f"Saved version {sheet.version} of the decision sheet for {reference} to {args.out}",
        file=out,
    )
    if sheet.version > 1:
        print(sheet.note, file=out)
    print(
        "Check it with: rrdesk verify FILE.pdf --trust CERT.pem "
        "(get CERT.pem with: rrdesk export certificate --out CERT.pem)",
        file=out,
    )
    return 0


def run_export_certificate(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.services.files import write_exported_file
    from rrdesk.services.partnership.signing_service import TRUST_NOTE, SigningService

    session, passphrase = open_store_with_passphrase(args)
    try:
        signing = SigningService(session)
        if signing.summary() is None:
            signing.create_identity(_now(), passphrase)
        summary = signing.summary()
        pem = signing.certificate_pem()
        write_exported_file(Path(args.out), pem)
    finally:
        session.close()
    assert summary is not None
    details = summary.details
    print(f"Saved the signing certificate to {args.out}", file=out)
    print(f"Issued to:    {details.subject}", file=out)
    print(f"Valid until:  {format_date(details.valid_until.date())}", file=out)
    print(f"Fingerprint:  SHA-256 {details.sha256_fingerprint}", file=out)
    print("", file=out)
    print(TRUST_NOTE, file=out)
    return 0


def run_export_invitation(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.services.files import write_exported_file
    from rrdesk.services.timetable.timetable_service import TimetableService

    if Path(args.out).suffix.lower() != ".ics":
        raise UsageError("--out must end in .ics")
    session = open_store(args)
    try:
        case = _case_by_reference(session, str(args.case))
        timetables = TimetableService(session)
        data = timetables.meeting_invitation(case, _now())
        cancelled = timetables.record(case).meeting_date is None
        write_exported_file(Path(args.out), data)
    finally:
        session.close()
    what = "cancellation of the meeting" if cancelled else "meeting invitation"
    print(f"Saved the {what} for {str(args.case).strip()} to {args.out}", file=out)
    return 0


def run_export_panel_pack(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.exports.pdf.panel_pack import render_panel_pack
    from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
    from rrdesk.services.files import write_exported_file

    path = out_path(args, (".pdf",))
    session = open_store(args)
    try:
        case_id = _case_by_reference(session, str(args.case))
        service = AgencyFormsService(session)
        content = service.panel_pack_content(case_id, args.today)
        asked = bool(service.requests(case_id))
        if not asked and not content.timetable:
            raise UsageError(
                f"{content.case_reference} has no panel pack to make: it was not notified and "
                "no agency has been asked for a check form"
            )
        write_exported_file(path, render_panel_pack(content))
        service.record_panel_pack(case_id, path.name, len(content.forms))
    finally:
        session.close()
    forms, waiting = len(content.forms), len(content.missing)
    print(
        f"Wrote the panel pack for {content.case_reference} to {path}: "
        + (
            f"{forms} quality-assured {'form' if forms == 1 else 'forms'}, "
            f"{waiting} still outstanding"
            if asked
            else "no agency has been asked for a check form yet"
        ),
        file=out,
    )
    return 0


def _case_by_reference(session: Any, reference: str) -> int:
    from rrdesk.services.cases.case_service import CaseService

    case = CaseService(session).by_reference(reference.strip())
    if case is None or case.case_id is None:
        raise UsageError(f"There is no case {reference.strip()} in this store")
    return case.case_id
