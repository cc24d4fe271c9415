"""Settings: backups and locking. "Back up now" to a place the user picks; "Restore from a
backup"; how many rolling backups to keep; how long rrdesk waits before locking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.timetable.dates import format_date, format_time
from rrdesk.services.store import locking
from rrdesk.services.store.backups import (
    BACKUP_SUFFIX,
    MAX_KEEP,
    MIN_KEEP,
    backups_folder,
    finish_backup,
    keep_count,
    rolling_backups,
    set_keep_count,
    start_backup,
)
from rrdesk.services.store.errors import StoreError
from rrdesk.services.store.rolling_backups import made_at
from rrdesk.services.store.session import Session
from rrdesk.ui.kit.form_widgets import FormField, heading_label, hint_label, name_widget
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskStarter
from rrdesk.ui.store.restore_dialog import (
    BACKUP_FILES,
    AskBackupSecret,
    ask_backup_secret,
    choose_backup_to_restore,
)

NO_BACKUPS_YET = "No rolling backups yet."


class BackupWidget(QWidget):
    idle_minutes_changed = Signal(int)
    restore_requested = Signal(object, str, bool, object)
    """A checked backup the user chose to put in place: (path, secret, is the recovery key, and
    the store's current secret and whether it is the recovery key, or ``None``)."""

    def __init__(
        self,
        session: Session,
        messages: Messages,
        *,
        files: FileDialogs,
        ask_secret: AskBackupSecret = ask_backup_secret,
        runner: TaskStarter,
        folder: Path | None = None,
        now: Callable[[], datetime],  # the time here, without its offset
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backup_widget")
        self._session = session
        self._messages = messages
        self._files = files
        self._ask_secret = ask_secret
        self._runner = runner
        self._folder = backups_folder() if folder is None else folder
        self._now = now
        self._backing_up = False

        self.title = heading_label("Backups and locking")
        self.explain = hint_label(
            "rrdesk backs up the store once a day while it is open, and when it closes if anything "
            "has changed since the last backup. A backup "
            "is encrypted and opens with the same passphrase or recovery key. Keep a copy "
            "somewhere safe that is not synced by OneDrive and is not a network folder. "
            "Restoring checks the backup first and keeps the store open now beside it."
        )
        self.folder_label = hint_label(f"Rolling backups are kept in {self._folder}")
        self.folder_label.setObjectName("backups_folder")
        self.back_up_button = QPushButton("Back up now…")
        name_widget(self.back_up_button, "back_up_now", "Back up now")
        self.back_up_button.setProperty("role", "primary")
        self.restore_button = QPushButton("Restore from a backup…")
        name_widget(self.restore_button, "restore_backup", "Restore from a backup")
        self.keep = QSpinBox()
        self.keep.setRange(MIN_KEEP, MAX_KEEP)
        self.keep.setValue(keep_count(session))
        self.keep_field = FormField("Rolling backups to keep", self.keep, object_name="backup_keep")
        self.idle = QSpinBox()
        self.idle.setRange(locking.MIN_IDLE_MINUTES, locking.MAX_IDLE_MINUTES)
        self.idle.setSuffix(" minutes")
        self.idle.setValue(locking.idle_minutes(session))
        self.idle_field = FormField(
            "Lock rrdesk when it has not been used for",
            self.idle,
            hint=(
                "While the countdown is projected with the agenda timer running, rrdesk waits"
                " this long plus an hour before it locks. Ctrl+L always locks at once."
            ),
            object_name="lock_minutes",
        )
        self.recent = QListWidget()
        name_widget(self.recent, "recent_backups", "Recent rolling backups")
        self.status = QLabel("")
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.explain, self.folder_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.keep_field)
        layout.addWidget(self.idle_field)
        layout.addWidget(QLabel("Recent rolling backups"))
        layout.addWidget(self.recent, 1)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.back_up_button.clicked.connect(self._on_back_up_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.keep.editingFinished.connect(self._on_keep_edited)
        self.idle.editingFinished.connect(self._on_idle_edited)

    def refresh(self) -> None:
        self.recent.clear()
        kept = list(reversed(rolling_backups(self._folder, self._session.path)))
        for path in kept:
            made = made_at(path, self._session.path)
            when = (
                f"{format_date(made.date())} at {format_time(made)}: " if made is not None else ""
            )
            self.recent.addItem(f"{when}{path.name}")
        if not kept:
            self.recent.addItem(NO_BACKUPS_YET)

    def holds_off_idle_lock(self) -> bool:
        """While a backup is being written the idle lock waits for it (Ctrl+L does not)."""
        return self._backing_up

    def _on_back_up_clicked(self) -> None:
        if self._backing_up:
            return
        suggested = f"{self._session.path.stem}-{self._now():%Y-%m-%d}{BACKUP_SUFFIX}"
        chosen = self._files.save_file(self, "Back up now", suggested, BACKUP_FILES)
        if chosen is None:
            return
        try:
            backup = start_backup(self._session, chosen)
        except StoreError as error:
            self.status.setText("")
            self._messages.error(self, "The backup was not made", error.message)
            return
        self._show_backing_up(True)
        self.status.setText("")
        # The copy is written off the window's thread; the store is let go of, and the result
        # said, back on it. A lock meanwhile closes this screen: the result is then said over
        # whatever is shown.
        session, messages = self._session, self._messages

        def written(path: Path) -> None:
            finish_backup(session, backup, made=True)
            if not shiboken6.isValid(self):
                messages.info(None, "Backup made", f"Backed up to {path}")
                return
            self._show_backing_up(False)
            self.status.setText(f"Backed up to {path}")

        def failed(error: BaseException) -> None:
            finish_backup(session, backup, made=False)
            shown = shiboken6.isValid(self)
            if shown:
                self._show_backing_up(False)
            if not isinstance(error, StoreError):
                raise error
            messages.error(self if shown else None, "The backup was not made", error.message)

        self._runner.start(
            lambda _progress, _cancelled: backup.write(), on_done=written, on_error=failed
        )

    def _show_backing_up(self, backing_up: bool) -> None:
        self._backing_up = backing_up
        self.back_up_button.setEnabled(not backing_up)
        self.back_up_button.setText("Backing up…" if backing_up else "Back up now…")
        self.back_up_button.setAccessibleName("Backing up" if backing_up else "Back up now")

    def _on_restore_clicked(self) -> None:
        chosen = choose_backup_to_restore(
            self,
            self._session.path,
            folder=self._folder,
            files=self._files,
            messages=self._messages,
            ask_secret=self._ask_secret,
            runner=self._runner,
            not_the_store="the store that is open now",
            store_id=self._session.slots.store_id,
            what_happens="The store open now is kept beside it under a new name, so nothing is "
            "deleted. rrdesk will lock, put the backup in place and open it with what you just "
            "entered.",
        )
        if chosen is not None:
            self.restore_requested.emit(*chosen)

    def _on_keep_edited(self) -> None:
        value = self.keep.value()
        if value == keep_count(self._session):
            return
        try:
            set_keep_count(self._session, value)
        except StoreError as error:
            self._messages.error(self, "Not saved", error.message)

    def _on_idle_edited(self) -> None:
        value = self.idle.value()
        if value == locking.idle_minutes(self._session):
            return
        try:
            locking.set_idle_minutes(self._session, value)
        except StoreError as error:
            self._messages.error(self, "Not saved", error.message)
            return
        self.idle_minutes_changed.emit(value)
