"""Agency check forms as Word documents on the command line, so they can be checked without the
screens:

- ``rrdesk forms --case REF [--json]``: each requested agency with its status, dates and request
  identifier.
- ``rrdesk export agency-form --case REF --agency NAME --out FILE.docx [--password-file PF]``
  (or ``--blank`` without a case).
- ``rrdesk import agency-form --case REF --agency NAME FILE.docx [--password-file PF] [--json]``.
- ``rrdesk export agency-form-return --case REF --agency NAME --out FILE.docx``.
- ``rrdesk export request-email --case REF --agency NAME [--reminder] --out FILE.eml``.

Exit status 0 when done; 2 when the file, the store or the request cannot be used (one line on
standard error, nothing changed).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from rrdesk.commands.store_options import UsageError, add_store_options, open_store
from rrdesk.domain.timetable.dates import format_date
from rrdesk.storage.input_files import InputFileError, read_input_file

MAX_PASSWORD_FILE_BYTES = 1024


def _case_and_agency(parser: argparse.ArgumentParser, *, case_required: bool = True) -> None:
    parser.add_argument("--case", required=case_required, metavar="REF", help="the case reference")
    parser.add_argument(
        "--agency", required=case_required, metavar="NAME", help="the agency, as requested"
    )


def _password_file(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--password-file", type=Path, default=None, metavar="PF", help=help_text)


def add_forms_parser(subparsers: Any) -> None:
    """``rrdesk forms``."""
    parser = subparsers.add_parser(
        "forms",
        help="list a case's agency check form requests",
        description="Each requested agency with its status, when the request was sent, due and "
        "returned, and its request identifier.",
    )
    add_store_options(parser)
    parser.add_argument("--case", required=True, metavar="REF", help="the case reference")
    parser.add_argument("--json", action="store_true", help="print the list as JSON")
    parser.set_defaults(handler=run_forms)


def add_agency_form_parsers(kinds: Any) -> None:
    """``rrdesk export agency-form``, ``agency-form-return`` and ``request-email``."""
    form = kinds.add_parser(
        "agency-form",
        help="an agency's check form as a Word document",
        description="The agency check form as a Word document. With --password-file it names "
        "the child and family and is encrypted (a new password is made, written to PF and "
        "printed when PF does not exist); without, it names no one. --blank writes a form with "
        "no case.",
    )
    add_store_options(form)
    _case_and_agency(form, case_required=False)
    form.add_argument("--blank", action="store_true", help="a blank form, with no case")
    form.add_argument("--out", type=Path, required=True, metavar="FILE.docx")
    _password_file(form, "encrypt with the password in this file (made here if missing)")
    form.set_defaults(handler=run_export_agency_form)
    back = kinds.add_parser(
        "agency-form-return",
        help="an agency's returned form with a comment on each finding",
        description="The agency's latest returned Word form with each finding of the text checks "
        "as a Word comment, and the reasons for returning it at the top; encrypted with the "
        "request's password when it has one.",
    )
    add_store_options(back)
    _case_and_agency(back)
    back.add_argument("--out", type=Path, required=True, metavar="FILE.docx")
    back.set_defaults(handler=run_export_agency_form_return)
    mail = kinds.add_parser(
        "request-email",
        help="the request email to an agency, with the form attached",
        description="The request (or reminder, or returned form's) email as an .eml draft with "
        "the Word form attached. It never holds the password or a name.",
    )
    add_store_options(mail)
    _case_and_agency(mail)
    mail.add_argument("--reminder", action="store_true", help="a reminder of an awaited form")
    mail.add_argument("--out", type=Path, required=True, metavar="FILE.eml")
    mail.set_defaults(handler=run_export_request_email)


def add_import_parsers(subparsers: Any) -> None:
    """``rrdesk import agency-form``."""
    importing = subparsers.add_parser(
        "import", help="bring a returned document into the store", description="Import a file."
    )
    kinds = importing.add_subparsers(dest="import_command", required=True, metavar="DOCUMENT")
    parser = kinds.add_parser(
        "agency-form",
        help="an agency's returned Word form",
        description="Read an agency's returned Word form, store it as the agency's form (a new "
        "version, recorded as received) and print the text checks' findings. Exit 0 when "
        "imported; 2 when the file is refused (nothing is changed).",
    )
    add_store_options(parser)
    _case_and_agency(parser)
    parser.add_argument("file", type=Path, metavar="FILE.docx")
    _password_file(parser, "the file's password (default: the one rrdesk made for the request)")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.set_defaults(handler=run_import_agency_form)


def _read_password(path: Path) -> str:
    try:
        raw = read_input_file(path, what="password file", max_bytes=MAX_PASSWORD_FILE_BYTES)
    except InputFileError as error:
        raise UsageError(error.message) from None
    except OSError as error:
        raise UsageError(f"Cannot read the password file {path}: {error.strerror}") from None
    text = raw.decode("utf-8-sig", "replace").rstrip("\r\n")
    if not text:
        raise UsageError(f"The password file {path} is empty")
    return text


def _opened(args: argparse.Namespace) -> tuple[Any, Any, int]:
    from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
    from rrdesk.services.agency_forms.word_forms import WordForms
    from rrdesk.services.cases.case_service import CaseService

    session = open_store(args)
    reference = str(args.case).strip()
    case = CaseService(session).by_reference(reference)
    if case is None or case.case_id is None:
        session.close()
        raise UsageError(f"There is no case {reference} in this store")
    return session, WordForms(AgencyFormsService(session)), case.case_id


def _date(value: Any) -> str:
    return format_date(value) if value is not None else ""


def run_forms(args: argparse.Namespace, out: TextIO) -> int:
    session, service, case_id = _opened(args)
    try:
        rows = service.form_rows(case_id, args.today)
    finally:
        session.close()
    if args.json:
        listed = [
            {
                "agency": r.agency,
                "request_id": r.request_id,
                "status": r.status,
                "sent": r.sent_on.isoformat() if r.sent_on else None,
                "due": r.due_on.isoformat() if r.due_on else None,
                "returned": r.received_on.isoformat() if r.received_on else None,
                "versions": r.versions,
                "encrypted": r.encrypted,
            }
            for r in rows
        ]
        json.dump(listed, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not rows:
        print("No agencies have been asked for forms in this case.", file=out)
    for r in rows:
        print(f"{r.agency} ({r.request_id}): {r.words}", file=out)
        print(
            f"  sent {_date(r.sent_on) or '-'}; due {_date(r.due_on) or '-'}; "
            f"returned {_date(r.received_on) or '-'}; versions {r.versions}",
            file=out,
        )
    return 0


def run_export_agency_form(args: argparse.Namespace, out: TextIO) -> int:
    if Path(args.out).suffix.lower() != ".docx":
        raise UsageError("--out must end in .docx")
    if args.blank:
        if args.case or args.agency or args.password_file:
            raise UsageError("--blank takes no --case, --agency or --password-file")
        from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
        from rrdesk.services.agency_forms.word_forms import WordForms

        session = open_store(args)
        try:
            WordForms(AgencyFormsService(session)).write_blank_form(Path(args.out))
        finally:
            session.close()
        print(f"Saved a blank agency check form to {args.out}", file=out)
        return 0
    if not args.case or not args.agency:
        raise UsageError("Give --case and --agency, or --blank")
    pf = Path(args.password_file) if args.password_file else None
    password = _read_password(pf) if pf is not None and pf.exists() else None
    session, service, case_id = _opened(args)
    try:
        written = service.write_form(
            case_id,
            args.agency,
            Path(args.out),
            identifying=pf is not None,
            today=args.today,
            password=password,
        )
        if pf is not None and password is None and written.password:
            from rrdesk.services.files import write_exported_file

            write_exported_file(pf, (written.password + "\n").encode())
    finally:
        session.close()
    print(
        f"Saved the agency check form for {args.agency} ({written.request_id}) to {args.out}",
        file=out,
    )
    if written.password and password is None:
        print(f"It is encrypted. Password: {written.password}", file=out)
        print("Give it to the agency by telephone or a separate message.", file=out)
    elif not written.password:
        print("It names no one and is not encrypted.", file=out)
    return 0


def run_import_agency_form(args: argparse.Namespace, out: TextIO) -> int:
    password = _read_password(Path(args.password_file)) if args.password_file else None
    session, service, case_id = _opened(args)
    try:
        preview = service.read_return(case_id, args.agency, Path(args.file), password=password)
        accepted = service.accept_return(preview, args.today)
    finally:
        session.close()
    if args.json:
        listed = [
            {**finding.as_dict(), "question": field.split(".")[0], "field": field}
            for field, group in accepted.findings.items()
            for finding in group
        ]
        json.dump(listed, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    print(
        f"Imported {Path(args.file).name} as version {accepted.version} of {args.agency}'s form",
        file=out,
    )
    if accepted.replaced_quality_assured:
        print("It replaced a quality-assured form: it needs quality assurance again.", file=out)
    if preview.reading_note:
        print(preview.reading_note, file=out)
    for row in preview.rows:
        if preview.read_differently(row):
            print(f"{row.question}: read from under its question (its box was deleted)", file=out)
    for field, group in accepted.findings.items():
        for finding in group:
            print(f"{field}: {finding.text}: {finding.message}", file=out)
    if not accepted.findings:
        print("No problems found.", file=out)
    return 0


def run_export_agency_form_return(args: argparse.Namespace, out: TextIO) -> int:
    if Path(args.out).suffix.lower() != ".docx":
        raise UsageError("--out must end in .docx")
    session, service, case_id = _opened(args)
    try:
        written = service.write_return_with_comments(
            case_id, args.agency, Path(args.out), args.today
        )
    finally:
        session.close()
    protected = "encrypted with the request's password" if written.password else "not encrypted"
    print(
        f"Saved {args.agency}'s form with {written.comments} comments to {args.out} ({protected})",
        file=out,
    )
    return 0


def run_export_request_email(args: argparse.Namespace, out: TextIO) -> int:
    if Path(args.out).suffix.lower() != ".eml":
        raise UsageError("--out must end in .eml")
    from rrdesk.services.files import write_exported_file

    session, service, case_id = _opened(args)
    try:
        draft, made = service.request_email(
            case_id, args.agency, args.today, reminder=args.reminder
        )
        write_exported_file(Path(args.out), draft.body)
    finally:
        session.close()
    print(f"Saved the email to {args.agency}, with the form attached, to {args.out}", file=out)
    if made is not None and made.password:
        print(f"The form is encrypted. Password: {made.password}", file=out)
    return 0
