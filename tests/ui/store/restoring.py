"""What the restore tests share: the main window as the app wires it with a scripted Backups
screen, a case added to the store, and the cases the window's list shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.store.backup_widget import BackupWidget
from tests.fakes import ScriptedFileDialogs
from tests.ui.main_windows import WindowRebuilder, protect_as_the_app_does


def shown_references(window: MainWindow) -> set[str]:
    """The references of the cases the window's case list shows."""
    table = window.findChild(QTableView, "case_table")
    assert table is not None
    model = table.model()
    return {str(model.index(row, 0).data()) for row in range(model.rowCount())}


def add_case_for(session, today: date, pseudonym: str) -> str:  # type: ignore[no-untyped-def]
    """A case for ``pseudonym``, notified ``today``: its reference."""
    case = CaseService(session).add_case(
        Case("", (Child(pseudonym),), notification_sent=today), today=today
    )
    return case.reference


class RestoringApp:
    """The main window as the app wires it, with a Backups screen whose file dialog and
    passphrase dialog are scripted; ``windows`` holds every window built (one more after each
    unlock)."""

    def __init__(self, qtbot, context, folder: Path, backup: Path, ask, runner=None) -> None:  # type: ignore[no-untyped-def]
        def add_backups(window: MainWindow, session: Session) -> None:
            window.add_section(
                "backups",
                "Backups and locking",
                lambda: BackupWidget(
                    session,
                    context.messages,
                    folder=folder,
                    files=ScriptedFileDialogs(open_=[backup] * 3),
                    ask_secret=ask,
                    runner=context.runner,
                    now=context.seams.wall_clock,
                ),
            )

        rebuild = WindowRebuilder(qtbot, context, add_backups)
        self.windows = rebuild.windows
        first = rebuild(context.session)
        self.protection = protect_as_the_app_does(first, context, rebuild, folder, runner)

    def click_restore(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        window = self.windows[-1]
        window.show_section("backups")
        screen = window.section("backups")
        assert isinstance(screen, BackupWidget)
        qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
