"""Locking and rolling backups wired to the main window, in one call from the composition root.

``install_protection(window, session, rebuild=..., messages=...)`` makes the
:class:`LockController` (idle time from the store's settings, Ctrl+L, the screen lock) and the
:class:`BackupScheduler` (daily while open, written on the task runner; and, when the window has
closed after a change, as rrdesk ends), and keeps them pointed at whichever main window and
session are current after each unlock.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget

from rrdesk.services.store import locking, store_access
from rrdesk.services.store.errors import StoreError
from rrdesk.services.store.session import Session
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.main_window import MainWindow, once_on_screen
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskStarter
from rrdesk.ui.store.backup_scheduler import BackupScheduler
from rrdesk.ui.store.lock_controller import LockController

log = logging.getLogger(__name__)

BACKUPS_SECTION = "backups"


@dataclass
class Protection:
    controller: LockController
    scheduler: BackupScheduler
    runner: TaskStarter
    now: Callable[[], datetime]
    window_closed: bool = field(default=False, init=False)
    stopped: bool = field(default=False, init=False)

    @property
    def session(self) -> Session | None:
        return self.controller.session

    def close_window(self) -> None:
        """The main window is closing: no more daily backups; the closing backup is made once
        it has gone, as rrdesk ends (:meth:`stop`)."""
        self.scheduler.stop()
        self.window_closed = True

    def stop(self) -> None:
        """When the app ends, its window gone and the task runner done: stop the timers, end a
        rolling backup still being written, make the closing backup if the window closed after a
        change, and close whatever session is open. A second call does nothing."""
        if self.stopped:
            return
        self.stopped = True
        self.scheduler.stop()
        self.controller.stop()
        self.scheduler.blockSignals(True)  # nothing left on screen to say how a backup went
        try:
            self.scheduler.finish_backup_now()
            if self.window_closed:
                self.scheduler.back_up_on_close()
        finally:
            self.controller.finish_closing()  # locked, its seal still being made
            session = self.controller.session
            if session is not None and session.is_open:
                with contextlib.suppress(StoreError):
                    session.close()


def install_protection(
    window: MainWindow,
    session: Session,
    *,
    rebuild: Callable[[Session], MainWindow],
    messages: Messages,
    idle_interval_ms: int | None = None,
    backups_folder: Path | None = None,
    runner: TaskStarter,
    files: FileDialogs,
    now: Callable[[], datetime],
) -> Protection:
    """Lock and back up around ``window``. ``rebuild(session)`` makes and shows a new main window
    after an unlock (the composition root's ``build_main_window`` with the new session). ``now``
    is the time here without its offset: backups are named and dated by it."""
    holder: dict[str, Protection] = {}

    def rebuilt(new_session: Session) -> MainWindow:
        new_window = rebuild(new_session)
        _connect_window(new_window, holder["protection"], messages)
        return new_window

    def store_problem(error: StoreError) -> Session | None:
        from rrdesk.ui.store.store_problem_dialog import ask_past_store_problem

        restored, _retry = ask_past_store_problem(
            session.path,
            error,
            messages=messages,
            backups_folder=backups_folder,
            runner=runner,
            files=files,
            now=now,
            leave="Back",  # to the lock screen, which says what is wrong
        )
        return restored

    controller = LockController(
        session,
        unlock_with_passphrase=store_access.unlock_with_passphrase,
        unlock_with_recovery_key=store_access.unlock_with_recovery_key,
        rebuild=rebuilt,
        store_problem=store_problem,
        idle_minutes=locking.idle_minutes(session),
        idle_interval_ms=idle_interval_ms,
        runner=runner,
    )
    scheduler = BackupScheduler(
        lambda: controller.session, runner=runner, now=now, folder=backups_folder
    )
    controller.wait_for(scheduler)
    protection = Protection(controller, scheduler, runner, now)
    holder["protection"] = protection
    scheduler.backup_failed.connect(
        lambda message: messages.error(None, "The automatic backup was not made", message)
    )
    controller.watch(window)
    _connect_window(window, protection, messages)
    once_on_screen(window, scheduler.back_up_if_due)  # the first look for a daily backup
    return protection


def _connect_window(window: MainWindow, protection: Protection, messages: Messages) -> None:
    window.closing.connect(protection.close_window)
    # The Backups screen is built when first shown, not at start-up.
    with contextlib.suppress(KeyError):
        window.when_section_built(
            BACKUPS_SECTION, lambda backups: _connect_backups(backups, protection, messages)
        )


def _connect_backups(backups: QWidget, protection: Protection, messages: Messages) -> None:
    from rrdesk.ui.store.backup_widget import BackupWidget

    if not isinstance(backups, BackupWidget):
        return
    backups.idle_minutes_changed.connect(protection.controller.set_idle_minutes)
    backups.restore_requested.connect(
        lambda backup, secret, recovery, current: restore_from_backup(
            protection, messages, backup, secret, recovery=recovery, current=current
        )
    )


def restore_from_backup(
    protection: Protection,
    messages: Messages,
    backup: Path,
    secret: str,
    *,
    recovery: bool,
    current: tuple[str, bool] | None = None,
) -> None:
    """Lock, put a checked backup in place of the store (keeping the store aside) and open it.
    With ``current`` (the store's current secret, for a backup made before its key changed) the
    restored store is changed to the current secrets and opened with it.

    The backup is checked again as it is put in place, in case the file changed since. Says what
    happened either way; on a failure the store is as it was and rrdesk stays locked.
    """

    from rrdesk.services.store.backups import RestoreResult, restore_backup

    def put_in_place(store_path: Path) -> RestoreResult:
        return restore_backup(
            backup,
            store_path,
            secret,
            recovery=recovery,
            now=protection.now(),
            current_passphrase=None if current is None else current[0],
            current_recovery=current is not None and current[1],
        )

    def finished(problem: str, result: object) -> None:
        if problem:
            title = (
                "The backup is in place but did not open"
                if result is not None
                else "The backup was not restored"
            )
            messages.error(None, title, problem)
            return
        assert isinstance(result, RestoreResult)
        kept = (
            f" The store it replaced is kept as {result.kept_aside.name}, in the same folder."
            if result.kept_aside is not None
            else ""
        )
        messages.info(None, "Backup restored", f"{result.check.describe()}{kept}")

    opens_with, opens_with_recovery = current or (secret, recovery)
    restore_behind_lock(
        protection.controller,
        put_in_place,
        opens_with,
        recovery=opens_with_recovery,
        runner=protection.runner,
        finished=finished,
    )


def restore_behind_lock(
    controller: LockController,
    put_in_place: Callable[[Path], object],
    secret: str,
    *,
    recovery: bool = False,
    runner: TaskStarter,
    finished: Callable[[str, object], None] | None = None,
) -> None:
    """Lock (saving what is typed and closing the store), run ``put_in_place(store_path)``
    off the screen thread to replace the store, then open it with ``secret``.

    ``finished(problem, result)`` is called at the end: ``problem`` is ``""`` when the
    restored store is open, or says why not; ``result`` is what ``put_in_place`` returned
    (``None`` if it failed). If the store cannot be replaced, nothing has changed and rrdesk
    stays locked, saying why: the usual passphrase opens the store as it was.
    """
    report = finished or (lambda _problem, _result: None)
    session = controller.session
    if session is None:
        report("Unlock rrdesk first.", None)
        return
    store_path = session.path
    controller.lock("restore", seal_now=True)  # sealed before the file is replaced
    screen = controller.locked_screen
    if screen is not None:
        screen.set_busy("Putting the backup in place. This can take a minute.")

    def failed(error: BaseException) -> None:
        if screen is not None:
            screen.set_busy("")
        if isinstance(error, StoreError):
            reason = error.message
        else:
            log.error("restoring a backup failed: %s", type(error).__name__)
            reason = "The backup was not restored because of an unexpected problem."
        message = f"{reason} Unlock to carry on with the store as it was."
        if screen is not None:
            screen.show_error(message)
        report(message, None)

    def replaced(result: object) -> None:
        if screen is not None:
            screen.set_busy("")
        message = controller.unlock(secret, recovery=recovery)
        if message and screen is not None:
            screen.show_error(f"The backup is in place but did not open: {message}")
        report(message, result)

    runner.start(
        lambda _progress, _cancelled: put_in_place(store_path),
        on_done=replaced,
        on_error=failed,
    )
