"""``rrdesk selftest``: what IT runs after deploying rrdesk (``rrdesk-cli selftest`` on Windows).

Prints one line per check (PASS, WARN or FAIL) and a final verdict. Exit 0 when every check
passed (a WARN is not a failure), 1 when any failed. Uses a throwaway store in a private folder
under rrdesk's data folder and deletes it afterwards; never touches the partnership's store.
"""

from __future__ import annotations

import argparse
import platform
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

from rrdesk import __version__
from rrdesk.keystore import KeyringSecretStore, SecretStore
from rrdesk.services.platform.locations import data_folder
from rrdesk.services.platform.selftest import (
    DEFAULT_CHECKS,
    CheckResult,
    SelftestCheck,
    SelftestRun,
    all_passed,
    run_checks,
)

EXIT_PASSED = 0
EXIT_FAILED = 1


def add_selftest_parser(subparsers: Any, *, extra_checks: Sequence[SelftestCheck] = ()) -> None:
    """Add the ``selftest`` sub-command; ``extra_checks`` run after the built-in ones."""
    parser = subparsers.add_parser(
        "selftest",
        help="check that rrdesk works on this computer (for IT, after installing)",
        description="Check that rrdesk works on this computer: an encrypted store, a case, "
        "a timetable, a signed PDF and the keyring, all in a throwaway store that is deleted "
        "afterwards. Exit 0 passed, 1 failed. Never opens the partnership's store.",
    )
    parser.add_argument(
        "--folder",
        type=Path,
        default=None,
        help="make the throwaway store in a new folder under this one "
        "(default: rrdesk's data folder)",
    )
    parser.set_defaults(handler=run_selftest, selftest_extra_checks=tuple(extra_checks))


def describe_build() -> str:
    frozen = "installed build" if getattr(sys, "frozen", False) else "Python package"
    return (
        f"rrdesk {__version__} self-test ({frozen}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()})"
    )


def run_selftest(
    args: argparse.Namespace,
    out: TextIO,
    *,
    checks: Sequence[SelftestCheck] | None = None,
    secret_store: SecretStore | None = None,
    now: datetime | None = None,
) -> int:
    """Run the checks, printing each as it finishes; 0 if all passed, 1 if any failed."""
    if checks is None:
        checks = (*DEFAULT_CHECKS, *getattr(args, "selftest_extra_checks", ()))
    today: date = getattr(args, "today", None) or date.today()
    run = SelftestRun(
        parent_folder=getattr(args, "folder", None) or data_folder(),
        secret_store=secret_store if secret_store is not None else KeyringSecretStore(),
        today=today,
        now=now or datetime.now(UTC),
    )
    out.write(describe_build() + "\n")
    out.flush()

    def report(result: CheckResult) -> None:
        out.write(result.line() + "\n")
        out.flush()

    results = run_checks(run, checks, report)
    if all_passed(results):
        out.write("Self-test passed\n")
        return EXIT_PASSED
    failed = sum(1 for result in results if not result.passed)
    checks_word = "check" if failed == 1 else "checks"
    out.write(f"Self-test failed ({failed} {checks_word} failed)\n")
    return EXIT_FAILED
