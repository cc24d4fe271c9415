"""One way to put bytes in a file: all of them or none, never a half-written file."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from rrdesk.storage.errors import NotSavedError, StoreLocationError

_NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` through a hidden sibling file, then rename it into place.

    The sibling lives in the destination folder (never the system temp folder) and is removed if
    anything fails, so an existing file is either kept as it was or fully replaced. With
    ``mode`` (such as ``0o600``) the file has exactly that mode on POSIX from the moment it is
    created; without it, the mode the user's umask gives a new file.
    """
    folder = path.parent
    if not folder.is_dir():
        raise StoreLocationError(f"The folder {folder} does not exist. Nothing was saved.")
    partial = folder / f".{path.name}.{secrets.token_hex(4)}.partial"
    try:
        descriptor = os.open(partial, _NEW_FILE_FLAGS, 0o666 if mode is None else mode)
        with os.fdopen(descriptor, "wb") as handle:
            if mode is not None and os.name == "posix":
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
        _sync_folder(folder)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            raise NotSavedError(
                f"Not saved: there is no room left to write {path.name}. "
                "Free some space and try again. Nothing saved before has been lost."
            ) from None
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise StoreLocationError(
                f"Not saved: rrdesk is not allowed to write in {folder}. Choose another folder."
            ) from None
        raise NotSavedError(
            f"Not saved: {path.name} could not be written ({error.strerror})."
        ) from None


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_private(path: Path) -> None:
    """Make ``path`` an empty file only its owner can read (0600 on POSIX), unless it exists.

    A new store is made so before SQLite writes to it; its journal files take its mode. A
    failure here is left for the store's own opening to report."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError:
        return
