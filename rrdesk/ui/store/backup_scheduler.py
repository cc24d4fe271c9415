"""Rolling backups while rrdesk is open (once a day) and as it ends after a change.

The daily backup is written on the task runner, as "Back up now" is: the window only takes the
hold on the store and, once the copy is written, lets go of it, records the backup and removes
the oldest. While a copy is being written the idle lock waits for it, any other lock covers the
windows at once and closes the store once the copy ends, and whatever must have the store closed
at once (a restore, rrdesk ending) waits for the rest of the copy first
(:meth:`BackupScheduler.finish_backup_now`): the store is never closed under a copy.

The closing backup is made once the main window has gone, as rrdesk ends (see
:class:`rrdesk.ui.store.protection.Protection`), so closing holds nothing a person sees.

Only the list of rolling backups is read to see whether one is due; the code that makes backups
loads when one is made.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from rrdesk.services.store.errors import StoreError
from rrdesk.services.store.session import Session
from rrdesk.ui.shell.tasks import TaskStarter

if TYPE_CHECKING:
    from rrdesk.services.store.backups import RollingBackupUnderWay

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 15 * 60_000
UNEXPECTED = "The automatic backup was not made because of an unexpected problem."
NOT_WRITTEN = "Not saved: the backup was not written in time. rrdesk tries again later."


class _Copy:
    """A rolling backup being written on the task runner."""

    def __init__(self, session: Session, backup: RollingBackupUnderWay) -> None:
        self.session = session
        self.backup = backup
        self.error: BaseException | None = None

    def write(self) -> Path:
        """On the runner: write the copy (it touches only files and a connection of its own);
        ``backup.written`` is set once it is written or has failed."""
        try:
            return self.backup.write()
        except BaseException as error:
            self.error = error
            raise


class BackupScheduler(QObject):
    """Checks every quarter of an hour whether a day has passed since the last rolling backup,
    and if so writes one on ``runner``.

    ``current_session`` returns the open session, or ``None`` while rrdesk is locked (nothing is
    backed up then: the store is closed). Failures are reported through ``backup_failed`` with a
    plain message and logged by their type only; they never stop the app.
    """

    backup_made = Signal(str)
    backup_failed = Signal(str)

    def __init__(
        self,
        current_session: Callable[[], Session | None],
        *,
        runner: TaskStarter,
        now: Callable[[], datetime],  # the time here, without its offset
        folder: Path | None = None,
        check_every_ms: int = CHECK_EVERY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._current_session = current_session
        self._runner = runner
        self._now = now
        self._folder = folder
        self._copy: _Copy | None = None
        self._after: list[Callable[[], None]] = []
        self._timer = QTimer(self)
        self._timer.setObjectName("backup_timer")
        self._timer.setInterval(check_every_ms)
        self._timer.timeout.connect(self.back_up_if_due)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def backing_up(self) -> bool:
        """Whether a rolling backup is being written now."""
        return self._copy is not None

    def after_backup(self, then: Callable[[], None]) -> None:
        """Call ``then`` once no rolling backup is being written: at once if none is, or else on
        this thread as the one being written ends (before its result is said)."""
        if self._copy is None:
            then()
        else:
            self._after.append(then)

    def back_up_if_due(self) -> bool:
        """Begin the daily backup if one is due; whether one is being written now."""
        from rrdesk.services.store.rolling_backups import rolling_backup_due
        from rrdesk.ui.store.presenting import store_held_on_this_thread

        if self._copy is not None:  # a backup is being written already
            return True
        session = self._current_session()
        if session is None or not session.is_open or store_held_on_this_thread():
            return False  # with the key being changed, the backup waits for the next look
        if not rolling_backup_due(session, self._now(), self._folder):
            return False
        return self.back_up(session)

    def back_up(self, session: Session) -> bool:
        """Begin a rolling backup of ``session``'s store: held here, written on the runner.
        Returns whether it is being written (``False`` if it could not begin, said as a
        failure, or another is being written)."""
        from rrdesk.services.store.backups import start_rolling_backup

        if self._copy is not None:
            return False
        try:
            backup = start_rolling_backup(session, self._now(), self._folder)
        except StoreError as error:
            self._say_failed(error)
            return False
        copy = self._copy = _Copy(session, backup)
        self._runner.start(
            lambda _progress, _cancelled: copy.write(),
            on_done=lambda _path: self._finish(copy),
            on_error=lambda _error: self._finish(copy, bug_to_crash_dialog=True),
        )
        return True

    def finish_backup_now(self) -> None:
        """Wait here for the rest of the copy being written, if one is, and end it: for whatever
        must have the store closed at once. A copy not written in time is not kept."""
        from rrdesk.services.store.backups import COPY_WAIT_SECONDS

        copy = self._copy
        if copy is not None:
            copy.backup.written.wait(COPY_WAIT_SECONDS)
            self._finish(copy)

    def _finish(self, copy: _Copy, *, bug_to_crash_dialog: bool = False) -> None:
        """On the window's thread once the copy is written, or failed (or waited for): let go of
        the store, record the backup, then say how it went. A bug (not a store's problem) is
        raised again once the store is let go, for the crash dialog to report, when
        ``bug_to_crash_dialog``; otherwise (rrdesk ending, say) it is logged by its type."""
        from rrdesk.services.store.backups import finish_rolling_backup

        if copy is not self._copy:
            return  # ended already
        self._copy = None
        made = copy.backup.written.is_set() and copy.error is None
        try:
            finish_rolling_backup(copy.session, copy.backup, made=made)
        except StoreError as error:
            log.warning("a rolling backup was written but not recorded: %s", type(error).__name__)
        waiting, self._after = self._after, []
        for then in waiting:
            then()
        if made:
            self.backup_made.emit(str(copy.backup.destination))
        elif (
            bug_to_crash_dialog
            and copy.error is not None
            and not isinstance(copy.error, StoreError)
        ):
            raise copy.error
        else:
            self._say_failed(copy.error)

    def _say_failed(self, error: BaseException | None) -> None:
        if error is None:
            log.warning("rolling backup failed: not written in time")
            self.backup_failed.emit(NOT_WRITTEN)
        elif isinstance(error, StoreError):
            log.warning("rolling backup failed: %s", type(error).__name__)
            self.backup_failed.emit(error.message)
        else:
            log.error("rolling backup failed: %s", type(error).__name__)
            self.backup_failed.emit(UNEXPECTED)

    def back_up_on_close(self) -> Path | None:
        """The closing backup, made here once the window has gone (a backup being written is
        ended first): made if the store is open and has changed since the newest rolling backup
        (a backup of an unchanged store would only push an older one out). A failure is logged
        by its type only: nobody is left to tell."""
        from rrdesk.services.store.rolling_backups import unchanged_since_rolling_backup

        self.stop()
        self.finish_backup_now()
        session = self._current_session()
        if session is None or not session.is_open:
            return None
        if unchanged_since_rolling_backup(session, self._folder):
            log.info("closing backup not needed: nothing changed since the last one")
            return None
        from rrdesk.services.store.backups import make_rolling_backup

        try:
            path = make_rolling_backup(session, self._now(), self._folder)
        except StoreError as error:
            log.warning("closing backup failed: %s", type(error).__name__)
            return None
        self.backup_made.emit(str(path))
        return path
