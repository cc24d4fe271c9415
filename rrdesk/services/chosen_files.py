"""Reading a file the person chose to open: its bytes, or a plain reason it cannot be read.

The screens and the command line open certificates, PDFs, bank holiday lists and edited forms
through :func:`read_chosen_file`, so a missing file, a folder or a file rrdesk may not read is
told the same way everywhere, as an :class:`UnreadableFileError`.
"""

from __future__ import annotations

from pathlib import Path

from rrdesk.domain.errors import UserError


class UnreadableFileError(UserError):
    """A file the person chose that rrdesk cannot read; ``message`` says why."""


def read_chosen_file(path: Path, what: str, *, max_bytes: int | None = None) -> bytes:
    """The bytes of the ``what`` (``"PDF"``, ``"certificate file"``) at ``path``, no more than
    ``max_bytes`` of them, or :class:`UnreadableFileError`."""
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise UnreadableFileError(f"The {what} {path.name} is too large")
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFileError(f"There is no {what} at {path}") from None
    except IsADirectoryError:
        raise UnreadableFileError(f"{path} is a folder, not a {what}") from None
    except PermissionError:
        raise UnreadableFileError(f"rrdesk is not allowed to read {path}") from None
    except OSError as error:
        reason = error.strerror or "the computer gave no reason"
        raise UnreadableFileError(f"The {what} {path} cannot be read: {reason}") from None
