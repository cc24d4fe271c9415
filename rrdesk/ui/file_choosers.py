"""The one seam through which rrdesk asks the user for a file. Tests replace it with a fake."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


class FileChooser:
    """Asks with the system's file dialogs; ``None`` when the user cancels."""

    def open_path(self, parent: QWidget | None, title: str, name_filter: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
        return Path(chosen) if chosen else None

    def save_path(
        self, parent: QWidget | None, title: str, suggested_name: str, name_filter: str
    ) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested_name, name_filter)
        return Path(chosen) if chosen else None


class FixedFileChooser(FileChooser):
    """For tests: answers every question with the path it was given (or ``None``)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.asked: list[str] = []

    def open_path(self, parent: QWidget | None, title: str, name_filter: str) -> Path | None:
        self.asked.append(title)
        return self.path

    def save_path(
        self, parent: QWidget | None, title: str, suggested_name: str, name_filter: str
    ) -> Path | None:
        self.asked.append(title)
        return self.path
