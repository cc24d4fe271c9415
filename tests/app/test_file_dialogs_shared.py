"""Every screen asks for files through one dialog seam, so each dialog starts in the folder the
person last used anywhere in the window (and first in their Documents folder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from rrdesk.app import build_main_window
from rrdesk.ui.partnership.partnership_forms_widget import PartnershipFormsWidget
from rrdesk.ui.store.backup_widget import BackupWidget


class _SystemDialog:
    """Stands in for the system's save dialog: records where it started, accepts the name
    suggested but in the folder the person moves to."""

    def __init__(self, move_to: Path) -> None:
        self.move_to = move_to
        self.started: list[str] = []

    def get_save_file_name(self, _parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        self.started.append(start)
        return str(self.move_to / Path(start).name), ""


def test_the_second_screen_starts_where_the_first_saved(
    qtbot, context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    system = _SystemDialog(usb)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(system.get_save_file_name))
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()

    window.show_section("backups")
    backups = window.section("backups")
    assert isinstance(backups, BackupWidget)
    qtbot.mouseClick(backups.back_up_button, Qt.MouseButton.LeftButton)
    first_start = Path(system.started[0])
    assert first_start.parent != usb, "the first dialog starts in Documents, not the USB stick"
    assert list(usb.glob("*.rrbackup")), "the backup was written where the person chose"

    window.show_section("forms")
    forms = window.section("forms")
    assert isinstance(forms, PartnershipFormsWidget)
    row = next(iter(forms.rows.values()))
    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    assert Path(system.started[1]).parent == usb
    assert (usb / "agency-check-form.toml").is_file()
