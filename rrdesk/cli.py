"""The command line: argument parsing and sub-commands. No business logic lives here."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

if TYPE_CHECKING:
    import argparse

from rrdesk import __version__

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_UNUSABLE = 2


class AppOptions(NamedTuple):
    """What opening the app needs: which store, or the demo."""

    store: Path | None
    demo: bool


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not when the app is opened: the app's options are read without it

    from rrdesk.commands.agency_form_commands import add_forms_parser, add_import_parsers
    from rrdesk.commands.backup_commands import add_backup_parsers
    from rrdesk.commands.check_text import add_check_text_parser
    from rrdesk.commands.deadlines import add_deadlines_parser
    from rrdesk.commands.demo_data import add_demo_data_parser
    from rrdesk.commands.export_commands import add_export_parsers
    from rrdesk.commands.selftest import add_selftest_parser
    from rrdesk.commands.store_commands import add_store_parsers
    from rrdesk.commands.verify import add_verify_parser
    from rrdesk.ui.shell.display_check import DISPLAY_CHECK

    parser = argparse.ArgumentParser(
        prog="rrdesk",
        description="Run the statutory Rapid Review securely and offline. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"rrdesk {__version__}")
    _add_app_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_store_parsers(subparsers)
    add_backup_parsers(subparsers)
    add_export_parsers(subparsers)
    add_import_parsers(subparsers)
    add_forms_parser(subparsers)
    add_deadlines_parser(subparsers)
    add_verify_parser(subparsers)
    add_check_text_parser(subparsers)
    add_selftest_parser(subparsers, extra_checks=[DISPLAY_CHECK])
    add_demo_data_parser(subparsers)
    return parser


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, default=None, help="the store file to open")
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway store filled with fictional cases"
    )


def _read_app_options_without_parser(argv: Sequence[str]) -> AppOptions | None:
    """The options when ``argv`` only opens the app (``--store PATH``, ``--demo``), else ``None``.

    Opening the app is what a coordinator does many times a day, so it is read here without
    building the parser or loading the sub-commands. Anything else (a command, ``--help``,
    ``--version``, a path that looks like an option, a mistake) goes to the full parser, which
    gives the same result or the usual message.
    """
    store: Path | None = None
    demo = False
    words = iter(argv)
    for word in words:
        if word == "--demo":
            demo = True
        elif word == "--store":
            value = next(words, "")
            if not value or value.startswith("-"):
                return None
            store = Path(value)
        elif word.startswith("--store=") and len(word) > len("--store="):
            store = Path(word.removeprefix("--store="))
        else:
            return None
    return AppOptions(store=store, demo=demo)


NO_ERROR_REPORTING = 0x0001 | 0x0002  # SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX


def no_error_reports(kernel32: Any) -> None:
    """Windows: the system's error reporting is not invoked for rrdesk, so a crash leaves no
    dump of its memory (which would hold the data key) for Windows Error Reporting to keep or
    send. ``kernel32`` is ``ctypes.windll.kernel32``."""
    kernel32.SetErrorMode(kernel32.GetErrorMode() | NO_ERROR_REPORTING)


def _no_core_dumps() -> None:
    """A core dump of rrdesk would hold the data key, the passphrase and what was on screen, in
    plain text on disk: the app and every command start with them turned off (POSIX), and with
    Windows Error Reporting not invoked (Windows)."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            no_error_reports(ctypes.windll.kernel32)  # type: ignore[attr-defined]
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - no resource limits here
        return
    with contextlib.suppress(ValueError, OSError):
        _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    _no_core_dumps()
    arguments = list(sys.argv[1:] if argv is None else argv)
    app_options = _read_app_options_without_parser(arguments)
    if app_options is not None:
        # Start-up makes many objects that live as long as the app, and little garbage. The
        # garbage collector looking over them again and again as modules load (some 80 times)
        # took 18 ms or more, so it waits until the window is on screen or a dialog asks
        # something (run_app). See docs/startup.md.
        gc.disable()
        try:
            if not app_options.demo:  # the demo's keyring is in memory
                from rrdesk.keystore import load_keyring_before_qt

                load_keyring_before_qt()
            from rrdesk.app import run_app

            return run_app(store=app_options.store, demo=app_options.demo)
        finally:
            gc.enable()
    from rrdesk.domain.errors import UserError

    parser = build_parser()
    args = parser.parse_args(arguments)
    out = out if out is not None else sys.stdout
    args.today = date.today()
    handler = getattr(args, "handler", None)
    if handler is None:
        from rrdesk.app import run_app

        return run_app(store=args.store, demo=args.demo)
    try:
        return int(handler(args, out))
    except UserError as error:  # usage, the store, a file: what the person can put right
        sys.stderr.write(f"rrdesk: {error.message}\n")
        return int(getattr(error, "exit_code", EXIT_UNUSABLE))  # 1 for an older store
    except KeyboardInterrupt:
        sys.stderr.write("rrdesk: stopped\n")
        return EXIT_UNUSABLE
    except BrokenPipeError:
        # The reader stopped reading (for example `rrdesk cases | head`): say nothing more.
        # Standard output is pointed at the null device so Python's own flush at exit is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_CHECK_FAILED
