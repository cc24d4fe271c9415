"""Rolling backups while rrdesk is open (once a day) and when it closes after a change.

Only the list of rolling backups is read to see whether one is due; the code that makes backups
loads when one is made.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from rrdesk.services.store.errors import StoreError
from rrdesk.services.store.session import Session

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 15 * 60_000


class BackupScheduler(QObject):
    """Checks every quarter of an hour whether a day has passed since the last rolling backup.

    ``current_session`` returns the open session, or ``None`` while rrdesk is locked (nothing is
    backed up then: the store is closed). Failures are reported through ``backup_failed`` with a
    plain message; they never stop the app.
    """

    backup_made = Signal(str)
    backup_failed = Signal(str)

    def __init__(
        self,
        current_session: Callable[[], Session | None],
        *,
        now: Callable[[], datetime],  # the time here, without its offset
        folder: Path | None = None,
        check_every_ms: int = CHECK_EVERY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._current_session = current_session
        self._now = now
        self._folder = folder
        self._timer = QTimer(self)
        self._timer.setObjectName("backup_timer")
        self._timer.setInterval(check_every_ms)
        self._timer.timeout.connect(self.back_up_if_due)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def back_up_if_due(self) -> Path | None:
        from rrdesk.services.store.rolling_backups import rolling_backup_due
        from rrdesk.ui.store.presenting import store_held_on_this_thread

        session = self._current_session()
        if session is None or not session.is_open or store_held_on_this_thread():
            return None  # with the key being changed, the backup waits for the next look
        if not rolling_backup_due(session, self._now(), self._folder):
            return None
        return self.back_up(session)

    def back_up_on_close(self) -> Path | None:
        """The closing backup, made if the store is open and has changed since the newest
        rolling backup (a backup of an unchanged store would only push an older one out)."""
        from rrdesk.services.store.rolling_backups import unchanged_since_rolling_backup

        self.stop()
        session = self._current_session()
        if session is None or not session.is_open:
            return None
        if unchanged_since_rolling_backup(session, self._folder):
            log.info("closing backup not needed: nothing changed since the last one")
            return None
        return self.back_up(session)

    def back_up(self, session: Session) -> Path | None:
        from rrdesk.services.store.backups import make_rolling_backup

        try:
            path = make_rolling_backup(session, self._now(), self._folder)
        except StoreError as error:
            log.warning("rolling backup failed: %s", type(error).__name__)
            self.backup_failed.emit(error.message)
            return None
        self.backup_made.emit(str(path))
        return path
