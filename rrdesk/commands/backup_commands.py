"""``rrdesk backup`` and ``rrdesk restore``."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from rrdesk.commands.store_options import (
    UsageError,
    add_store_options,
    open_store,
    read_passphrase,
    store_path,
)
from rrdesk.services.store.backups import (
    BackupCheck,
    back_up_to,
    backups_folder,
    changes_after,
    check_backup,
    make_rolling_backup,
    needs_current_secret,
    restore_backup,
    store_id_at,
)


def add_backup_parsers(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup", help="make an encrypted backup that opens with the same passphrase"
    )
    add_store_options(backup)
    backup.add_argument(
        "--to",
        type=Path,
        default=None,
        help="the backup file to write (default: a rolling backup in the rrdesk data folder)",
    )
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", help="check a backup, keep the current store aside and put the backup in place"
    )
    restore.add_argument("backup_file", type=Path, metavar="FILE", help="the backup to restore")
    add_store_options(restore)
    restore.add_argument(
        "--recovery-key-file",
        type=Path,
        default=None,
        help="unlock the backup with the recovery key in this file instead of the passphrase",
    )
    restore.add_argument(
        "--current-passphrase-file",
        type=Path,
        default=None,
        help="the store's current passphrase, if the backup was made before it was changed",
    )
    restore.add_argument(
        "--another-store",
        action="store_true",
        help="restore it even though it is a backup of a different store",
    )
    restore.add_argument(
        "--older",
        action="store_true",
        help="restore it even though the store has changes made after it",
    )
    restore.add_argument(
        "--check",
        action="store_true",
        help="only check the backup; change nothing",
    )
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace, out: TextIO) -> int:
    session = open_store(args)
    try:
        if args.to is None:
            written = make_rolling_backup(session, datetime.now())
        else:
            target = Path(args.to).expanduser()
            if target.exists():
                raise UsageError(f"{target} already exists. Choose a new file name.")
            written = back_up_to(session, target)
    finally:
        session.close()
    print(f"Backed up the store to {written}", file=out)
    if args.to is None:
        print(f"Rolling backups are kept in {backups_folder()}", file=out)
    return 0


def _secret(args: argparse.Namespace) -> tuple[str, bool]:
    if args.recovery_key_file is None:
        return read_passphrase(args, prompt="Passphrase of the backup: "), False
    recovery = argparse.Namespace(passphrase_file=args.recovery_key_file)
    return read_passphrase(recovery), True


def _warn_of_another_store(warning: str, out: TextIO) -> None:
    if warning:
        print(f"Note: {warning}", file=out)


def _refuse_unless_meant(
    args: argparse.Namespace,
    check: BackupCheck,
    target: Path,
    replacing: str | None,
    secret: tuple[str, bool],
) -> None:
    """Refuse, before anything changes, a backup of another store or one older than the store it
    would replace, unless the person said that is what they mean."""
    another = check.of_another_store(replacing)
    if another and not args.another_store:
        raise UsageError(
            f"{another} Nothing has been changed. Give --another-store if that is what you mean."
        )
    newer = changes_after(target, check, secret[0], recovery=secret[1])
    if newer and not args.older:
        raise UsageError(
            f"The store {target.name} has {newer} {'change' if newer == 1 else 'changes'} made "
            "after this backup: restoring it loses them. Nothing has been changed. Give --older "
            "if that is what you mean (the current store is kept beside it)."
        )


def _current_passphrase(args: argparse.Namespace, backup: Path, target: Path) -> str | None:
    """The store's current passphrase, when the backup was made before it last changed: from
    --current-passphrase-file, or typed in a terminal."""
    if not needs_current_secret(backup, target):
        return None
    if args.current_passphrase_file is None and not (sys.stdin and sys.stdin.isatty()):
        raise UsageError(
            "This backup was made before the store's passphrase or recovery key was last "
            "changed: give the store's current passphrase with --current-passphrase-file (the "
            "restored store is changed to it). Nothing has been changed."
        )
    return read_passphrase(
        argparse.Namespace(passphrase_file=args.current_passphrase_file),
        prompt="Current passphrase of the store: ",
    )


def run_restore(args: argparse.Namespace, out: TextIO) -> int:
    backup = Path(args.backup_file).expanduser()
    target = store_path(args)
    secret, recovery = _secret(args)
    replacing = store_id_at(target)
    if args.check:
        check = check_backup(backup, secret, recovery=recovery, work_folder=target.parent)
        print(check.describe(), file=out)
        _warn_of_another_store(check.of_another_store(replacing), out)
        return 0
    check = check_backup(backup, secret, recovery=recovery, work_folder=target.parent)
    current = _current_passphrase(args, backup, target)
    opens_store = (current, False) if current is not None else (secret, recovery)
    _refuse_unless_meant(args, check, target, replacing, opens_store)
    result = restore_backup(
        backup, target, secret, recovery=recovery, now=datetime.now(), current_passphrase=current
    )
    print(result.check.describe(), file=out)
    print(f"Restored it to {target}", file=out)
    kept = result.kept_files()
    if kept:
        names = " and ".join(str(path) for path in kept)
        print(f"What it replaced is kept as {names}.", file=out)
    return 0
