"""Asking where to save an export, and saving it: one seam that tests replace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from rrdesk.services.exported_files import save_exported_file
from rrdesk.ui.messages import Messages

AskSavePath = Callable[[QWidget | None, str, str, str], Path | None]
"""(parent, title, suggested file name, name filter) -> the chosen path, or ``None``."""


def ask_save_path(
    parent: QWidget | None, title: str, suggested_name: str, name_filter: str
) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested_name, name_filter)
    return Path(chosen) if chosen else None


def save_export(
    parent: QWidget | None,
    messages: Messages,
    ask: AskSavePath,
    *,
    title: str,
    suggested_name: str,
    name_filter: str,
    make: Callable[[Path], bytes],
) -> Path | None:
    """Ask where, make the bytes for that path, save them; tell the person what happened."""
    path = ask(parent, title, suggested_name, name_filter)
    if path is None:
        return None
    try:
        body = make(path)
    except ValueError as error:
        messages.error(parent, title, str(error))
        return None
    problem = save_exported_file(path, body)
    if problem:
        messages.error(parent, title, problem)
        return None
    messages.info(parent, title, f"Saved to {path}")
    return path
