"""Putting an export where the person chose: all of it or nothing, never in the temp folder."""

from __future__ import annotations

from pathlib import Path

from rrdesk.storage.atomic_file import write_atomically
from rrdesk.storage.errors import StoreError

__all__ = ["StoreError", "save_bytes"]


def save_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; a :class:`StoreError` says plainly what went wrong."""
    write_atomically(path, data)
