"""Reading a file the person chose to open: its bytes, or a plain reason it cannot be read.

The screens and the command line open certificates, PDFs, bank holiday lists and edited forms
through :func:`read_chosen_file`, so a missing file, a folder or a file rrdesk may not read is
told the same way everywhere, as an :class:`UnreadableFileError`.
"""

from __future__ import annotations

import os
from pathlib import Path

from rrdesk.domain.errors import UserError
from rrdesk.storage.input_files import InputFileError, open_input_file


class UnreadableFileError(UserError):
    """A file the person chose that rrdesk cannot read; ``message`` says why."""


# No file a person chooses for rrdesk (a PDF, a certificate, a form) comes near this.
LARGEST_CHOSEN_FILE_BYTES = 64 << 20


def read_chosen_file(path: Path, what: str, *, max_bytes: int = LARGEST_CHOSEN_FILE_BYTES) -> bytes:
    """The bytes of the ``what`` (``"PDF"``, ``"certificate file"``) at ``path``, no more than
    ``max_bytes`` of them, or :class:`UnreadableFileError`. Only a regular file is read: a
    folder, a named pipe or a device is refused, and so is a file over the limit, unread."""
    try:
        with open_input_file(path, what=what) as handle:
            if os.fstat(handle.fileno()).st_size > max_bytes:
                raise UnreadableFileError(f"The {what} {path.name} is too large")
            data = handle.read(max_bytes + 1)
    except InputFileError as error:
        raise UnreadableFileError(error.message.removesuffix(".")) from None
    except FileNotFoundError:
        raise UnreadableFileError(f"There is no {what} at {path}") from None
    except PermissionError:
        raise UnreadableFileError(f"rrdesk is not allowed to read {path}") from None
    except OSError as error:
        reason = error.strerror or "the computer gave no reason"
        raise UnreadableFileError(f"The {what} {path} cannot be read: {reason}") from None
    if len(data) > max_bytes:
        raise UnreadableFileError(f"The {what} {path.name} is too large")
    return data
