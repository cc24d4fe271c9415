"""``--store`` and ``--passphrase-file``, shared by every command that opens a store."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from rrdesk.domain.errors import UserError
from rrdesk.services.platform.locations import default_store_path
from rrdesk.services.store.session import Session
from rrdesk.services.store.store_access import unlock_with_passphrase
from rrdesk.storage.input_files import InputFileError, read_input_file

MAX_PASSPHRASE_FILE_BYTES = 4096


class UsageError(UserError):
    """Unusable input on the command line: exit code 2 with this one-line message."""


def add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store", type=Path, default=None, help="the store file (default: your rrdesk data folder)"
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        help="read the passphrase from this file (a trailing newline is not part of it)",
    )
    parser.add_argument(
        "--accept-older",
        action="store_true",
        help=(
            "open the store even if it is older than the copy last opened, or changed outside "
            "rrdesk since it was last closed (exit code 1 without)"
        ),
    )


def store_path(args: argparse.Namespace) -> Path:
    return Path(args.store).expanduser() if args.store else default_store_path()


def read_passphrase(args: argparse.Namespace, *, prompt: str = "Passphrase: ") -> str:
    if args.passphrase_file is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise UsageError("Give --passphrase-file, or run the command in a terminal to type it")
        return getpass.getpass(prompt)
    path = Path(args.passphrase_file)
    try:
        raw = read_input_file(path, what="passphrase file", max_bytes=MAX_PASSPHRASE_FILE_BYTES)
    except InputFileError as error:
        raise UsageError(error.message) from None
    except OSError as error:
        raise UsageError(f"Cannot read the passphrase file {path}: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"The passphrase file {path} is not text") from None
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if not text:
        raise UsageError(f"The passphrase file {path} is empty")
    return text


def open_store(args: argparse.Namespace) -> Session:
    return open_store_with_passphrase(args)[0]


def open_store_with_passphrase(args: argparse.Namespace) -> tuple[Session, str]:
    """The open store and the passphrase that opened it (signing asks for it again)."""
    passphrase = read_passphrase(args)
    session = unlock_with_passphrase(
        store_path(args), passphrase, accept_older=bool(getattr(args, "accept_older", False))
    )
    return session, passphrase
