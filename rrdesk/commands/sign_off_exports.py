"""``rrdesk export sign-off-email --case REF --out FILE.eml``: the email asking the statutory
partners' executives to sign off the decision, with the latest signed decision sheet attached.

The draft is the one the Decision sheet tab's "Email for sign-off" saves (the same recipients,
words and attachment). Writing it records nothing: the case is recorded as sent for sign-off
when the email is sent from the screen. Exit 0 when written; 2 when it cannot be (no such case,
no signed sheet yet, nobody to send it to).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from rrdesk.commands.store_options import UsageError, add_store_options, open_store


def add_sign_off_email_parser(kinds: Any) -> None:
    help_text = (
        "the email asking each statutory partner's executive to sign off the decision, with the "
        "latest signed decision sheet attached (an .eml draft)"
    )
    parser: argparse.ArgumentParser = kinds.add_parser(
        "sign-off-email", help=help_text, description=help_text
    )
    add_store_options(parser)
    parser.add_argument("--case", required=True, metavar="REF", help="the case reference")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="FILE.eml", help="where to write the email"
    )
    parser.set_defaults(handler=run_export_sign_off_email)


def run_export_sign_off_email(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.services.cases.case_lookup import CaseNotFoundError
    from rrdesk.services.cases.case_records import case_by_reference
    from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
    from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDraftError, SignOffDrafts
    from rrdesk.services.files import write_exported_file

    path = Path(args.out).expanduser()
    if path.suffix.lower() != ".eml":
        raise UsageError("--out must end in .eml")
    session = open_store(args)
    try:
        try:
            case = case_by_reference(session, args.case)
        except CaseNotFoundError as error:
            raise UsageError(error.message) from None
        assert case.case_id is not None
        sheets = decision_sheet_service_for(session)
        versions = sheets.versions(case.case_id)
        if not versions:
            raise UsageError(
                f"{case.reference} has no signed decision sheet yet: sign one first (rrdesk "
                f"export decision-sheet --case {case.reference} --out FILE.pdf)"
            )
        sheet = versions[-1]
        drafts = SignOffDrafts(session, sheets)
        try:
            body = drafts.build(case.case_id, sheet)
        except SignOffDraftError as error:
            raise UsageError(str(error)) from None
        write_exported_file(path, body)
        names = ", ".join(r.name for r in drafts.recipients(case.case_id) if r.email)
        out.write(
            f"Wrote the email for sign-off of {case.reference} (decision sheet version "
            f"{sheet.version}) to {path}, addressed to {names}\n"
        )
        return 0
    finally:
        session.close()
