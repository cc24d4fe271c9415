"""Putting an exported document where the person chose: all of it or none of it."""

from __future__ import annotations

from pathlib import Path

from rrdesk.storage.atomic_file import write_atomically
from rrdesk.storage.errors import StoreError


def save_exported_file(path: Path, body: bytes) -> str:
    """Write ``body`` to ``path`` atomically; an empty string, or the problem in plain words."""
    try:
        write_atomically(path, body)
    except StoreError as error:
        return error.message
    except OSError as error:
        return f"{path.name} could not be saved: {error.strerror or error}"
    return ""
