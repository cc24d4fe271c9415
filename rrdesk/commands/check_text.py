"""``rrdesk check-text FILE [--json]``: the text checks for agencies who draft elsewhere.

With ``--store``, the partnership's own word lists (edited under Partnership forms) are used
instead of the standard ones, and the partnership's own area is never flagged as another area's.
Exit status: 0 when the text is clean, 1 when there are findings, 2 when the file (or the store)
cannot be used.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from rrdesk.commands.store_options import open_store
from rrdesk.domain.agency_forms.text_checks import AcronymDictionary, AreaNames, Finding
from rrdesk.domain.errors import UserError
from rrdesk.services.agency_forms.text_checks_loader import build_text_checker
from rrdesk.storage.input_files import InputFileError, read_input_file

CLEAN = 0
FINDINGS = 1
UNUSABLE = 2
# The longest answer a check form is written with is some thousands of words; 5 MB is far more.
MAX_TEXT_FILE_BYTES = 5 << 20


def add_check_text_parser(subparsers: Any) -> None:
    """Add the ``check-text`` sub-command to ``subparsers`` (from ``add_subparsers()``)."""
    parser = subparsers.add_parser(
        "check-text",
        help="check an answer for acronyms and text copied from case notes",
        description=(
            "Check a UTF-8 text file for acronyms, out-of-date terms, text that looks copied from "
            "case notes and names of other areas. Exit status 0 means no findings, 1 findings, "
            "2 a file that cannot be used."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the text file to check")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument(
        "--other-name",
        action="append",
        default=[],
        metavar="NAME",
        help="a name from another case, flagged wherever it appears (repeat for more)",
    )
    parser.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="NAME",
        help="a name or initials used in this case, never flagged (repeat for more)",
    )
    parser.add_argument(
        "--area",
        action="append",
        default=[],
        metavar="AREA",
        help="the case's own area or partnership; other areas' names are flagged (repeat for more; "
        "with --store the partnership's own area is always one)",
    )
    parser.add_argument(
        "--store",
        type=Path,
        default=None,
        help="use the partnership's own word lists from this store (as edited under Partnership "
        "forms); without it the standard lists are used",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        help="with --store: read the passphrase from this file",
    )
    parser.set_defaults(handler=run_check_text)


def _partnership_lists(
    args: argparse.Namespace,
) -> tuple[AcronymDictionary | None, AreaNames | None, str]:
    """The word lists and partnership name of the store named by ``--store``, or
    ``(None, None, "")`` for the standard lists."""
    if getattr(args, "store", None) is None:
        return None, None, ""
    from rrdesk.services.partnership.partnership_forms import acronyms_in_use, area_names_in_use

    session = open_store(args)
    try:
        return acronyms_in_use(session), area_names_in_use(session), session.partnership.strip()
    finally:
        session.close()


class _UnusableFileError(UserError):
    """A file that cannot be checked, with a one-line reason."""


def _read_text(path: Path) -> str:
    try:
        data = read_input_file(path, what="text file", max_bytes=MAX_TEXT_FILE_BYTES)
    except InputFileError as error:
        raise _UnusableFileError(error.message) from None
    except FileNotFoundError:
        raise _UnusableFileError(f"There is no file called {path}.") from None
    except OSError as error:
        raise _UnusableFileError(f"Cannot read {path}: {error.strerror or error}.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _UnusableFileError(f"{path} is not UTF-8 text. Save it as UTF-8 text.") from None
    if "\x00" in text:
        raise _UnusableFileError(f"{path} is not a text file.")
    return text


def _positions(text: str, findings: tuple[Finding, ...]) -> list[tuple[int, int]]:
    """Line and column (both from 1) of each finding's start."""
    line_starts = [0]
    at = text.find("\n")
    while at != -1:
        line_starts.append(at + 1)
        at = text.find("\n", at + 1)
    positions = []
    for finding in findings:
        line = bisect.bisect_right(line_starts, finding.start)
        positions.append((line, finding.start - line_starts[line - 1] + 1))
    return positions


def run_check_text(args: argparse.Namespace, out: TextIO, err: TextIO | None = None) -> int:
    """Check the file named in ``args.file``; print the findings to ``out``.

    A file that cannot be used gets one plain line on ``err`` (standard error by default), so
    ``--json`` output stays valid JSON.
    """
    path = Path(args.file)
    try:
        text = _read_text(path)
    except _UnusableFileError as error:
        errors = err if err is not None else sys.stderr
        errors.write(f"rrdesk check-text: {error}\n")
        return UNUSABLE
    dictionary, areas, partnership = _partnership_lists(args)
    own_areas = [*(getattr(args, "area", None) or ()), *([partnership] if partnership else [])]
    checker = build_text_checker(
        case_names=getattr(args, "name", None) or (),
        own_areas=own_areas,
        other_names=getattr(args, "other_name", None) or (),
        dictionary=dictionary,
        areas=areas,
    )
    findings = checker.check(text)
    if getattr(args, "json", False):
        json.dump([f.as_dict() for f in findings], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif not findings:
        print("No problems found.", file=out)
    else:
        for finding, (line, column) in zip(findings, _positions(text, findings), strict=True):
            print(f"{line}:{column}: {finding.text}: {finding.message}", file=out)
    return FINDINGS if findings else CLEAN
