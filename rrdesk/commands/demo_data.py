"""``rrdesk demo-data``: a new store holding years of an obviously fictional partnership."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from rrdesk.commands.store_options import UsageError, read_passphrase
from rrdesk.demo.year_sizes import AUDIT_ENTRIES_A_YEAR, CASES_A_YEAR, DEMO_CASES
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.store.store_access import create_store
from rrdesk.storage.keys.key_file import slot_file_for
from rrdesk.storage.keys.key_slots import passphrase_problem

MAX_YEARS = 30
MAX_CASES_A_YEAR = 300
DEMO_OWNER = "Rory Penhallow (demo coordinator)"
DEMO_PARTNERSHIP = "Northmoor Safeguarding Children Partnership (demo: all fictional)"


def _years(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of years: {text!r}") from None
    if not 1 <= value <= MAX_YEARS:
        raise argparse.ArgumentTypeError(f"give between 1 and {MAX_YEARS} years")
    return value


def _cases(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of cases: {text!r}") from None
    if not DEMO_CASES < value <= MAX_CASES_A_YEAR:
        raise argparse.ArgumentTypeError(
            f"give between {DEMO_CASES + 1} and {MAX_CASES_A_YEAR} cases a year"
        )
    return value


def add_demo_data_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo-data",
        help="make a new store holding years of a fictional partnership's records",
        description="Make a new store holding years of an obviously fictional partnership's "
        "Rapid Reviews (30 a year), with their agency forms, actions, signed decision sheets "
        "and audit trail, for trying rrdesk at the size a partnership's store reaches.",
    )
    parser.add_argument(
        "--store", type=Path, default=None, help="the new store file (required; never an old one)"
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        help="read the new store's passphrase from this file (a trailing newline is not part of"
        " it)",
    )
    parser.add_argument("--years", type=_years, default=10, help="how many years (default: 10)")
    parser.add_argument(
        "--signed-years",
        type=_years,
        default=1,
        help="sign the decision sheets of the newest this many years (default: 1)",
    )
    parser.add_argument(
        "--cases-a-year",
        type=_cases,
        default=CASES_A_YEAR,
        help=f"how many reviews a year (default: {CASES_A_YEAR}); the audit trail grows with them",
    )
    parser.set_defaults(handler=run_demo_data)


def run_demo_data(args: argparse.Namespace, out: TextIO) -> int:
    if args.store is None:
        raise UsageError("Give --store with the name of the new store file")
    path = args.store.expanduser()
    if path.exists() or slot_file_for(path).exists():
        raise UsageError(
            f"There is already a store or file at {path}: demo-data only makes new stores. "
            "Nothing changed"
        )
    passphrase = read_passphrase(args, prompt="New passphrase: ")
    problem = passphrase_problem(passphrase)
    if problem:
        raise UsageError(problem)
    created = create_store(
        path,
        partnership=DEMO_PARTNERSHIP,
        owner=DEMO_OWNER,
        passphrase=passphrase,
        profile="tower-hamlets",
    )
    from rrdesk.demo.years import add_years_of_data
    from rrdesk.services.partnership.signing_service import SigningService

    def progress(year: int, seconds: float) -> None:
        print(f"  {year} written ({seconds:.1f} seconds so far)", file=out, flush=True)

    try:
        SigningService(created.session).ensure_identity(datetime.now().astimezone(), passphrase)
        built = add_years_of_data(
            created.session,
            years=args.years,
            today=args.today,
            cases_a_year=args.cases_a_year,
            audit_entries_a_year=AUDIT_ENTRIES_A_YEAR * args.cases_a_year // CASES_A_YEAR,
            signed_years=args.signed_years,
            progress=progress,
        )
    finally:
        created.session.close()
    size = path.stat().st_size
    print(f"Made the store {path} with {args.years} years of fictional records", file=out)
    print(
        f"  {built.cases} cases, {built.agency_forms} agency forms, {built.actions} actions, "
        f"{built.signed_sheets} signed decision sheets, {built.audit_entries} audit entries",
        file=out,
    )
    print(
        f"  {size / 1_000_000:.0f} MB, made in {built.seconds:.0f} seconds, "
        f"records up to {format_date(args.today)}",
        file=out,
    )
    print("", file=out)
    print("Recovery key (shown once; the data is fictional):", file=out)
    print(f"    {created.recovery_key}", file=out)
    return 0
