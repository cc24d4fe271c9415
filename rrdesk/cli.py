"""The command line: argument parsing and sub-commands. No business logic lives here."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from rrdesk import __version__
from rrdesk.commands.store_options import UsageError
from rrdesk.storage.errors import StoreError

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_UNUSABLE = 2


def build_parser() -> argparse.ArgumentParser:
    from rrdesk.commands.backup_commands import add_backup_parsers
    from rrdesk.commands.check_text import add_check_text_parser
    from rrdesk.commands.deadlines import add_deadlines_parser
    from rrdesk.commands.export_commands import add_export_parsers
    from rrdesk.commands.selftest import add_selftest_parser
    from rrdesk.commands.store_commands import add_store_parsers
    from rrdesk.commands.verify import add_verify_parser
    from rrdesk.ui.display_check import DISPLAY_CHECK

    parser = argparse.ArgumentParser(
        prog="rrdesk",
        description="Run the statutory Rapid Review securely and offline. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"rrdesk {__version__}")
    parser.add_argument("--store", type=Path, default=None, help="the store file to open")
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway store filled with fictional cases"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_store_parsers(subparsers)
    add_backup_parsers(subparsers)
    add_export_parsers(subparsers)
    add_deadlines_parser(subparsers)
    add_verify_parser(subparsers)
    add_check_text_parser(subparsers)
    add_selftest_parser(subparsers, extra_checks=[DISPLAY_CHECK])
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    out = out if out is not None else sys.stdout
    args.today = date.today()
    handler = getattr(args, "handler", None)
    if handler is None:
        from rrdesk.app import run_app

        return run_app(store=args.store, demo=args.demo)
    try:
        return int(handler(args, out))
    except UsageError as error:
        sys.stderr.write(f"rrdesk: {error}\n")
        return EXIT_UNUSABLE
    except StoreError as error:
        sys.stderr.write(f"rrdesk: {error.message}\n")
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        sys.stderr.write("rrdesk: stopped\n")
        return EXIT_UNUSABLE
    except BrokenPipeError:
        # The reader stopped reading (for example `rrdesk cases | head`): say nothing more.
        # Standard output is pointed at the null device so Python's own flush at exit is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_CHECK_FAILED
