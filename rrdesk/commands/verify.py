"""``rrdesk verify FILE.pdf [--trust CERT.pem]``: check a signed decision sheet.

Prints every signature (who, when, the certificate's fingerprint, intact or not, what it covers)
and the verdict; with ``--json``, the same findings as one JSON object, for IT's scripts.
Exit 0 when the partnership's signature is intact, made with the certificate given to trust, and
the document unchanged since but for executives filling in and signing their fields; 1 when it
is not, or when no certificate to trust was given (who signed is then not proven); 2 when the
file is not a signed PDF or cannot be read.
Opens no store, imports no Qt and makes no network connection.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rrdesk.domain.timetable.dates import format_date, format_time
from rrdesk.services.chosen_files import UnreadableFileError, read_chosen_file

if TYPE_CHECKING:
    from rrdesk.exports.signatures.verification import SignatureCheck, VerificationResult

EXIT_VALID = 0
EXIT_NOT_VALID = 1
EXIT_UNUSABLE = 2


def add_verify_parser(subparsers: Any) -> None:
    """Add the ``verify`` sub-command to ``subparsers`` (from ``add_subparsers()``)."""
    parser = subparsers.add_parser(
        "verify",
        help="check the signature on a decision sheet PDF",
        description="Check the signature on a PDF signed by rrdesk: who signed it, when, and "
        "whether it has changed since. Exit 0 valid, 1 not valid, 2 not a signed PDF.",
    )
    parser.add_argument("file", type=Path, metavar="FILE.pdf", help="the signed PDF")
    parser.add_argument(
        "--trust",
        type=Path,
        metavar="CERT.pem",
        default=None,
        help="the partnership's certificate: check the PDF was signed with it",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the findings as one JSON object (the exit code is the same)",
    )
    parser.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace, out: TextIO, err: TextIO | None = None) -> int:
    """Check ``args.file`` (trusting ``args.trust`` if given) and print the outcome."""
    from rrdesk.exports.signatures.verification import VerificationError, verify_pdf

    errors = err if err is not None else sys.stderr
    trust_path: Path | None = getattr(args, "trust", None)
    try:
        pdf = read_chosen_file(args.file, "file")
        trusted = read_chosen_file(trust_path, "certificate file") if trust_path else None
        result = verify_pdf(pdf, trusted)
    except (UnreadableFileError, VerificationError) as error:
        errors.write(f"rrdesk verify: {error.message}\n")
        if getattr(args, "json", False):
            _write_json(
                out,
                {
                    "bottom_line": False,
                    "exit_code": EXIT_UNUSABLE,
                    "error": error.message,
                    "signatures": [],
                },
            )
        return EXIT_UNUSABLE
    code = EXIT_VALID if result.valid and not result.modified else EXIT_NOT_VALID
    if getattr(args, "json", False):
        _write_json(out, _findings(result, code))
    else:
        _write_text(out, result)
    return code


def _write_text(out: TextIO, result: VerificationResult) -> None:
    for number, check in enumerate(result.signatures, start=1):
        who = "the partnership's certification" if check.certifies else f"in {_shown(check.field)}"
        out.write(f"Signature {number} ({who}):\n")
        out.write(f"  Signed by:    {_shown(check.signer)}\n")
        out.write(
            f"  Signed at:    {_when(check.signing_time)}, as the signer's computer reported it\n"
        )
        out.write(f"  Fingerprint:  {check.fingerprint} (SHA-256)\n")
        out.write(
            f"  Signature:    {'intact' if check.intact else 'NOT intact'}; {_trust(check)}\n"
        )
        if check.covers:
            out.write(f"  Covers:       {check.covers}\n")
    out.write(f"Verdict:      {_shown(result.verdict)}\n")


def _trust(check: SignatureCheck) -> str:
    if check.trusted is None:
        return "who signed is not proven"
    return "the trusted certificate" if check.trusted else "not the trusted certificate"


def _findings(result: VerificationResult, code: int) -> dict[str, object]:
    """The findings as plain JSON values: the same as the text, for a script to read."""
    return {
        "bottom_line": code == EXIT_VALID,
        "exit_code": code,
        "verdict": result.verdict,
        "modified": result.modified,
        "trust_given": result.trusted is not None,
        "revisions": result.revisions,
        "signatures": [
            {
                "number": number,
                "field": check.field,
                "kind": "certification" if check.certifies else "approval",
                "signer": check.signer,
                "fingerprint": check.fingerprint,
                "signed_at": _iso(check.signing_time),
                "intact": check.intact,
                "trusted": check.trusted,
                "trust": _trust(check),
                "covers": check.covers,
                "covers_whole_file": check.covers_whole_file,
                "revision": check.revision,
            }
            for number, check in enumerate(result.signatures, start=1)
        ],
    }


def _write_json(out: TextIO, findings: dict[str, object]) -> None:
    # ensure_ascii escapes every control character and right-to-left override in a name.
    out.write(json.dumps(findings, indent=2, ensure_ascii=True) + "\n")


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.isoformat()


def _shown(name: str) -> str:
    """``name`` (from inside the PDF) fit to print: every character that is not printable (a
    line break, a carriage return, an escape sequence, a right-to-left override) as its escape,
    such as ``\\x1b``, so no name can move the cursor or draw over another line."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in name
    )


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "Not recorded"
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{format_date(moment.date())} at {format_time(moment)} UTC"
