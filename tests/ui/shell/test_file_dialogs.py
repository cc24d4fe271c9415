"""Where a file dialog first starts: the person's Documents folder, or their home folder when
there is no Documents folder (never the program's own folder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from rrdesk.ui.shell.file_dialogs import FileDialogs


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path


def test_the_first_dialog_starts_in_documents(home: Path) -> None:
    (home / "Documents").mkdir()
    assert FileDialogs().folder == home / "Documents"


def test_with_no_documents_folder_it_starts_at_home(home: Path) -> None:
    assert FileDialogs().folder == home
