"""The store in the main window: the Backups and locking section, and the File and Help menus'
actions about the store itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rrdesk.keystore import SecretStore
from rrdesk.services.session_services import SessionServices
from rrdesk.ui.shell.seams import Seams
from rrdesk.ui.shell.workbench import Workbench
from rrdesk.ui.store.account_actions import install_account_actions

if TYPE_CHECKING:
    from rrdesk.ui.store.backup_widget import BackupWidget


def install(
    bench: Workbench,
    services: SessionServices,
    seams: Seams,
    *,
    secret_store: SecretStore,
    backups_folder: Path | None,
) -> None:
    """``backups_folder``: where rolling backups go; ``None`` for the usual folder."""
    session = services.session

    def backups_screen() -> BackupWidget:
        from rrdesk.ui.store.backup_widget import BackupWidget

        return BackupWidget(
            session,
            seams.messages,
            files=seams.dialogs,
            runner=seams.runner,
            folder=backups_folder,
            now=seams.wall_clock,
        )

    bench.add_section("backups", "Backups and locking", backups_screen)
    install_account_actions(
        bench.window,
        session,
        secret_store,
        seams.messages,
        new_case=bench.events.new_case_requested.emit,
    )
