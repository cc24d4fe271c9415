"""``rrdesk init``, ``passphrase``, ``recovery-key``, ``cases`` and ``audit verify``."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from rrdesk.commands.store_options import (
    add_store_options,
    open_store,
    read_passphrase,
    store_path,
)
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.store.session import operating_system_user
from rrdesk.services.store.store_access import (
    change_passphrase,
    create_store,
    new_recovery_key,
    unlock_with_passphrase,
)
from rrdesk.storage.keys.key_slots import passphrase_problem


def add_store_parsers(subparsers: Any) -> None:
    init = subparsers.add_parser("init", help="create an encrypted store without the app")
    add_store_options(init)
    init.add_argument("--partnership", default="Safeguarding Children Partnership")
    init.add_argument("--owner", default="", help="who is setting it up (default: your user name)")
    init.add_argument("--profile", default="statutory", help="process profile (default: statutory)")
    init.add_argument("--demo-data", action="store_true", help="fill it with fictional cases")
    init.set_defaults(handler=run_init)

    cases = subparsers.add_parser("cases", help="list the cases (never a child's name)")
    add_store_options(cases)
    cases.add_argument("--json", action="store_true", help="print JSON")
    cases.set_defaults(handler=run_cases)

    passphrase = subparsers.add_parser(
        "passphrase", help="change the passphrase (the store's key changes with it)"
    )
    add_store_options(passphrase)
    passphrase.add_argument(
        "--new-passphrase-file",
        type=Path,
        default=None,
        help="read the new passphrase from this file (a trailing newline is not part of it)",
    )
    passphrase.set_defaults(handler=run_passphrase)

    recovery = subparsers.add_parser(
        "recovery-key", help="make a new recovery key, shown once (the store's key changes too)"
    )
    add_store_options(recovery)
    recovery.set_defaults(handler=run_recovery_key)

    audit = subparsers.add_parser("audit", help="check the audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser("verify", help="check the audit trail's hash chain")
    add_store_options(verify)
    verify.add_argument(
        "--against",
        type=Path,
        default=None,
        metavar="FILE",
        help="also check the trail still holds the entries this backup of the store, or this "
        "decision sheet it signed, recorded",
    )
    verify.set_defaults(handler=run_audit_verify)


def run_init(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.commands.store_options import UsageError

    passphrase = read_passphrase(args, prompt="New passphrase: ")
    problem = passphrase_problem(
        passphrase, about=[args.partnership, args.owner or operating_system_user()]
    )
    if problem:
        raise UsageError(problem)
    created = create_store(
        store_path(args),
        partnership=args.partnership,
        owner=args.owner or operating_system_user(),
        passphrase=passphrase,
        profile=args.profile,
    )

    from rrdesk.demo.cases import add_demo_data
    from rrdesk.services.partnership.signing_service import SigningService

    try:
        SigningService(created.session).ensure_identity(datetime.now().astimezone(), passphrase)
        if args.demo_data:
            add_demo_data(created.session, today=args.today)
    finally:
        created.session.close()
        # The store exists from here: its recovery key is shown whatever happens next.
        print(f"Created the store {store_path(args)}", file=out)
        print("", file=out)
        print("Recovery key (shown once; give it to your information governance lead):", file=out)
        print(f"    {created.recovery_key}", file=out)
    return 0


REVOKED = (
    "The store's key changed with it: no earlier key file, passphrase or recovery key opens the "
    "store now. Backups made before this still open with the secrets they were made with."
)


def run_passphrase(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.commands.store_options import UsageError

    new = read_passphrase(
        argparse.Namespace(passphrase_file=args.new_passphrase_file), prompt="New passphrase: "
    )
    problem = passphrase_problem(new)
    if problem:
        raise UsageError(f"{problem}. Nothing has been changed.")
    from rrdesk.commands.store_options import open_store_with_passphrase

    session, current = open_store_with_passphrase(args)
    try:
        change_passphrase(session, new, current_passphrase=current)
    finally:
        session.close()
    print(f"Changed the passphrase of {store_path(args)}.", file=out)
    print(REVOKED, file=out)
    return 0


def run_recovery_key(args: argparse.Namespace, out: TextIO) -> int:
    passphrase = read_passphrase(args)
    session = unlock_with_passphrase(store_path(args), passphrase, accept_older=args.accept_older)
    try:
        recovery_key = new_recovery_key(session, passphrase=passphrase)
    finally:
        session.close()
    print(f"Made a new recovery key for {store_path(args)}.", file=out)
    print(REVOKED, file=out)
    print("", file=out)
    print("Recovery key (shown once; give it to your information governance lead):", file=out)
    print(f"    {recovery_key}", file=out)
    return 0


def run_cases(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.domain.cases.notification_duty import notification_gap

    session = open_store(args)
    try:
        calendar = session.calendar
        summaries = session.cases.summaries()
        cases = {case.case_id: case for case in session.cases.all_cases()}
    finally:
        session.close()
    rows: list[dict[str, Any]] = []
    for summary in summaries:
        notified = summary.notification_sent
        day = None
        if notified is not None:
            day = max(0, calendar.working_days_between(notified, args.today))
        case = cases[summary.case_id]
        gap = notification_gap(case, calendar)
        rows.append(
            {
                "reference": summary.reference,
                "stage": summary.stage.value,
                "notification_date": notified.isoformat() if notified else None,
                "working_day": day,
                "aware_date": case.la_aware_date.isoformat() if case.la_aware_date else None,
                "notification_gap_working_days": None if gap is None else gap.working_days,
                "notification_late": None if gap is None else gap.late,
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2), file=out)
        return 0
    if not summaries:
        print("There are no cases in this store.", file=out)
        return 0
    for summary, row in zip(summaries, rows, strict=True):
        notified_text = (
            format_date(summary.notification_sent) if summary.notification_sent else "not notified"
        )
        day_text = f"day {row['working_day']}" if row["working_day"] is not None else ""
        late_text = (
            f"  notified {row['notification_gap_working_days']} working days after aware"
            if row["notification_late"]
            else ""
        )
        print(
            f"{summary.reference:<13} {summary.stage.label:<36} {notified_text:<18} {day_text}"
            f"{late_text}",
            file=out,
        )
    return 0


def run_audit_verify(args: argparse.Namespace, out: TextIO) -> int:
    from rrdesk.services.store.errors import TamperedError

    try:
        session = unlock_with_passphrase(
            store_path(args),
            read_passphrase(args),
            checking_audit=True,
            accept_older=args.accept_older,
        )
    except TamperedError as error:  # changed past checking (its schema, its key file's seal)
        print(f"The audit trail cannot be shown whole. {error.message}", file=out)
        return 1
    try:
        checked, broken = session.audit.verify()
        against = None
        if args.against is not None and broken is None:
            from rrdesk.services.store.backup_checks import trail_against_backup

            against = trail_against_backup(session, Path(args.against).expanduser())
    finally:
        session.close()
    sheet = args.against is not None and Path(args.against).suffix.lower() == ".pdf"
    copy, made_word = ("signed sheet", "signed") if sheet else ("backup", "made")
    if broken is None and against is not None and against[1] is not None:
        made = f" ({made_word} {against[0]})" if against[0] else ""
        print(
            f"The audit trail does not hold what the {copy} {args.against.name}{made} "
            f"recorded: {against[1].reason}. Entries have been removed or rewritten since the "
            f"{copy} was {made_word}.",
            file=out,
        )
        return 1
    if broken is None:
        print(f"The audit trail is whole: {checked} entries checked.", file=out)
        if against is not None:
            print(
                f"It holds every entry the {copy} {args.against.name} recorded"
                f"{f' ({made_word} {against[0]})' if against[0] else ''}.",
                file=out,
            )
        if session.changed_outside and session.slots.closed is not None:
            from rrdesk.services.store.rollback import changed_since

            print(changed_since(session.slots.closed), file=out)
            return 1
        return 0
    where = f"entry {broken.entry_id}" if broken.entry_id is not None else "the end of the trail"
    print(
        f"The audit trail has been tampered with: the first broken entry is number "
        f"{broken.position} ({where}): {broken.reason}.",
        file=out,
    )
    return 1
