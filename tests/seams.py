"""The seams screens are built with, as stand-ins: files are asked for through Qt's dialogs
(tests replace those) or a scripted folder, nothing is opened on the desktop, background work
runs at once, and the clock reads 10:00 on the test's today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path

from rrdesk.app import AppContext
from rrdesk.keystore import SecretStore
from rrdesk.services.store.session import Session
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.seams import Seams
from tests.fakes import ImmediateRunner, RecordingOpener, ScriptedFileDialogs


def seams_for(
    messages: Messages, today: Callable[[], date], *, save_folder: Path | None = None
) -> Seams:
    """Seams for a screen built on its own; files are saved in ``save_folder`` if given."""
    return Seams(
        messages=messages,
        runner=ImmediateRunner(),
        dialogs=ScriptedFileDialogs(save_folder=save_folder) if save_folder else FileDialogs(),
        opener=RecordingOpener(),
        today=today,
        now=lambda: datetime.combine(today(), time(10, 0), tzinfo=UTC),
    )


def app_context(
    session: Session, secret_store: SecretStore, messages: Messages, today: Callable[[], date]
) -> AppContext:
    """What a main window is built from, with every seam a stand-in."""
    return AppContext(
        session=session,
        secret_store=secret_store,
        messages=messages,
        runner=ImmediateRunner(),
        dialogs=FileDialogs(),
        opener=RecordingOpener(),
        today=today,
        now=lambda: datetime.combine(today(), time(10, 0), tzinfo=UTC),
    )
