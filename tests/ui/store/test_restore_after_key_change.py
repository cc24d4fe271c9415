"""Restoring, from the Backups screen, a backup made before the passphrase was changed: rrdesk
asks for the current passphrase too, and the restored store opens with it, not the old one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rrdesk.services.store import store_access
from rrdesk.services.store.backups import back_up_to
from rrdesk.storage.errors import WrongSecretError
from rrdesk.ui.store.restore_dialog import CURRENT_SECRET, BackupSecretDialog
from tests.fakes import ImmediateRunner
from tests.ui.store.restoring import RestoringApp, add_case_for, shown_references

NEW = "a completely new passphrase"


def test_a_backup_from_before_a_change_asks_for_the_current_passphrase(
    qtbot, blank_context, messages, passphrase: str, tmp_path: Path, today: date
) -> None:
    session = blank_context.session
    before = add_case_for(session, today, "Child Before")
    backup = back_up_to(session, tmp_path / "monday.rrbackup")
    store_access.change_passphrase(session, NEW)
    asked: list[Path] = []

    def ask(_parent, path, check, _runner):  # type: ignore[no-untyped-def]
        asked.append(path)
        if len(asked) == 1:  # the backup: the passphrase it was made with
            return check(passphrase, False), passphrase, False
        with pytest.raises(WrongSecretError):
            check(passphrase, False)  # the old passphrase is not the store's now
        return check(NEW, False), NEW, False

    app = RestoringApp(qtbot, blank_context, tmp_path / "rolling", backup, ask)
    app.click_restore(qtbot)

    assert asked == [backup, session.path]
    restored = app.protection.session
    assert restored is not None
    assert restored is not session
    assert shown_references(app.windows[-1]) == {before}
    assert messages.shown[-1][:2] == ("info", "Backup restored")
    app.protection.stop()
    with pytest.raises(WrongSecretError):
        store_access.unlock_with_passphrase(session.path, passphrase)
    store_access.unlock_with_passphrase(session.path, NEW).close()


def test_the_dialog_says_it_wants_the_stores_current_secret(qtbot, session) -> None:
    dialog = BackupSecretDialog(session.path, lambda *_args: None, runner=ImmediateRunner())  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    assert dialog.file_label.text() == f"Store: {session.path.name}"
    assert dialog.explain.text() == CURRENT_SECRET
