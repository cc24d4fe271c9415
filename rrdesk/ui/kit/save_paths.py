"""Saving an export where the person chooses, and saying what happened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from rrdesk.domain.errors import UserError
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages


def save_export(
    parent: QWidget | None,
    messages: Messages,
    files: FileDialogs,
    *,
    title: str,
    suggested_name: str,
    name_filter: str,
    make: Callable[[Path], bytes],
) -> Path | None:
    """Ask where, make the bytes for that path, save them; tell the person what happened."""
    path = files.save_file(parent, title, suggested_name, name_filter)
    if path is None:
        return None
    try:
        body = make(path)
    except UserError as error:
        messages.error(parent, title, error.message)
        return None
    try:
        write_exported_file(path, body)
    except FileNotSavedError as error:
        messages.error(parent, title, error.message)
        return None
    messages.info(parent, title, f"Saved to {path}")
    return path
