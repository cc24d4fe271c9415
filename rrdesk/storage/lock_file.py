"""One rrdesk window per store: an operating-system lock on a file beside it.

The lock is released by the operating system when the process ends, so a crash never leaves a
stale lock behind. The file records who holds it, so a second window can say where it is open.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import stat
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

from rrdesk.domain.timetable.dates import format_date, format_time
from rrdesk.storage.errors import StoreInUseError, StoreLocationError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows
    import msvcrt
else:
    import fcntl


_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
_LARGEST_HOLDER = 4096


def lock_file_for(store_path: Path) -> Path:
    """The lock file of the store at ``store_path``, beside the store itself: a store opened
    through a link, or by another path, has the same lock."""
    real = store_path.resolve()
    return real.with_name(real.name + ".lock")


def _host_name() -> str:
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    import socket  # Windows has no uname; the socket module is slower to load

    return socket.gethostname()


def _holder() -> dict[str, str | int]:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "unknown"
    return {
        "pid": os.getpid(),
        "host": _host_name(),
        "user": user,
        "since": datetime.now().isoformat(timespec="minutes"),
    }


class StoreLock:
    """Held while a store is open; :meth:`release` (or closing) lets another window in."""

    def __init__(self, store_path: Path) -> None:
        self.path = lock_file_for(store_path)
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        try:
            # Never through a link: a link planted here would have rrdesk write to its target.
            descriptor = os.open(self.path, _OPEN_FLAGS, 0o600)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise StoreLocationError(
                    f"{self.path} is a link, where rrdesk keeps the store's lock file. rrdesk does "
                    "not follow it: remove it and try again. Nothing has been changed."
                ) from None
            raise StoreLocationError(
                f"rrdesk cannot write in {self.path.parent} ({error.strerror}). "
                "The store needs a folder you can write to. Nothing has been changed."
            ) from None
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            raise StoreLocationError(
                f"{self.path} is not a file, where rrdesk keeps the store's lock file. Remove it "
                "and try again. Nothing has been changed."
            )
        handle = os.fdopen(descriptor, "r+", encoding="utf-8")
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            described = _describe(handle.read(_LARGEST_HOLDER))
            handle.close()
            raise StoreInUseError(
                f"This store is already open in another rrdesk window{described}. "
                "Close it there first. Nothing has been changed."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(_holder()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.flush()
            _unlock(self._handle)
        self._handle.close()
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


def _describe(text: str) -> str:
    try:
        holder = json.loads(text)
        host, user, since = str(holder["host"]), str(holder["user"]), str(holder["since"])
    except (ValueError, KeyError, TypeError):
        return ""
    try:
        opened = datetime.fromisoformat(since)
        since = f"{format_date(opened.date())} at {format_time(opened)}"
    except ValueError:
        pass  # written by something else: shown as it is
    return f" (on {host}, by {user}, since {since})"


def _lock(handle: IO[str]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
