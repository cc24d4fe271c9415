"""Putting an exported file where the person chose: all of it or none of it.

Every document rrdesk writes out for people (PDFs, email drafts, calendar invitations,
spreadsheets, certificates, copies of the partnership's forms) goes through
:func:`write_exported_file`. It is written beside its final name, never in the system temp
folder, then renamed into place, so a file already there is kept as it was unless the new one is
whole. Exported documents hold case data, so on POSIX only the person who saved one can read it.

When the file cannot be written, :class:`FileNotSavedError` says why in plain English; that is
the only error it raises.
"""

from __future__ import annotations

from pathlib import Path

from rrdesk.storage.atomic_file import write_atomically
from rrdesk.storage.errors import NotSavedError, StoreError

EXPORTED_FILE_MODE = 0o600


class FileNotSavedError(NotSavedError):
    """An exported file was not written; ``message`` says why, fit to show as it is."""


def write_exported_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by its owner only (on POSIX)."""
    try:
        write_atomically(path, data, mode=EXPORTED_FILE_MODE)
    except StoreError as error:
        raise FileNotSavedError(error.message) from None
    except OSError as error:
        raise FileNotSavedError(
            f"Not saved: {path.name} could not be written ({error.strerror or error})."
        ) from None
