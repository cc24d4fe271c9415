"""What every screen of a main window is built from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rrdesk.keystore import SecretStore
from rrdesk.services.store.session import Session

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from rrdesk.ui.shell.file_dialogs import DesktopOpener, FileDialogs
    from rrdesk.ui.shell.messages import Messages
    from rrdesk.ui.shell.seams import Seams
    from rrdesk.ui.shell.tasks import TaskPool


@dataclass
class AppContext:
    """The open store and the seams to the world outside the screens. Every seam is given:
    the app gives the real ones (``run``), tests give fakes."""

    session: Session
    secret_store: SecretStore
    messages: Messages
    runner: TaskPool
    dialogs: FileDialogs
    opener: DesktopOpener
    today: Callable[[], date]
    now: Callable[[], datetime]
    settings: QSettings | None = None  # where the window's size and place are kept
    demo: bool = False
    backups_folder: Path | None = None  # where rolling backups go; None for the usual folder

    @property
    def seams(self) -> Seams:
        from rrdesk.ui.shell.seams import Seams

        return Seams(
            messages=self.messages,
            runner=self.runner,
            dialogs=self.dialogs,
            opener=self.opener,
            today=self.today,
            now=self.now,
        )


def local_now() -> datetime:
    """The time here, with its offset from UTC (signatures carry it)."""
    return datetime.now().astimezone()
