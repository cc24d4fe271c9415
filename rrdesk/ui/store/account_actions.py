"""File and Help menu actions about the store itself: passphrase, a new recovery key,
remembering the key, about."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk import __version__
from rrdesk.keystore import SecretStore
from rrdesk.services.store import store_access
from rrdesk.services.store.errors import StoreError
from rrdesk.services.store.session import Session
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.shell.messages import Messages

ABOUT = (
    "rrdesk {version}\n\nRun the statutory Rapid Review securely and offline.\n\n"
    "Everything is kept in one encrypted file. rrdesk makes no network connections."
)


NEW_RECOVERY_KEY = (
    "rrdesk will make a new recovery key and change the store's key. The recovery key you have "
    "now will stop working, and so will every earlier copy of the key file. Backups made before "
    "today still open with the old recovery key. Give the new one to your information "
    "governance lead."
)


CURRENT_FOR_SIGNING = (
    "Your current passphrase:\nthe partnership's signing key is locked with it, and is locked "
    "again with the new one."
)


PASSPHRASE_CHANGED = (
    "Your new passphrase is set, and the store's key has changed with it: the old passphrase "
    "and every earlier copy of the key file no longer open the store. Backups made before "
    "today still open with the old passphrase."
)


KEY_CHANGE_TEXT = (
    "Changing the store's key: every page of the store is encrypted again with the new key. "
    "This cannot be stopped part-way: if the computer stops meanwhile, the store opens "
    "afterwards, as it was before the change or as it is after it."
)


class KeyChangeProgress(QProgressDialog):
    """How far the store's re-encryption has gone, shown while it runs on the window's thread
    (so nothing else can change the store meanwhile). The screen is drawn again between steps,
    but no typing or clicking reaches rrdesk: the dialog has no Cancel, every window is behind
    it, and every lock and the rolling backup wait for it to end."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setObjectName("key_change_progress")
        self.setWindowTitle(title)
        words = QLabel()
        words.setWordWrap(True)
        words.setObjectName("key_change_progress_words")
        self.setLabel(words)
        self.setLabelText(KEY_CHANGE_TEXT)
        self.setMinimumWidth(480)
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setRange(0, 0)  # busy until the first step says how many pages there are
        self.setAccessibleName(title)
        self.steps: list[tuple[int, int]] = []
        self._running = False

    def holds_off_idle_lock(self) -> bool:
        return self._running

    def holds_store_on_this_thread(self) -> bool:
        return self._running

    def reject(self) -> None:
        """Escape does not close it: the change cannot be stopped part-way."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            event.ignore()
        else:
            super().closeEvent(event)

    def advance(self, done: int, total: int) -> None:
        """Told after each step of the copy: the pages re-encrypted so far and in all."""
        self.steps.append((done, total))
        self.setMaximum(max(total, 1))
        self.setValue(min(done, max(total, 1)))
        self.setLabelText(f"{KEY_CHANGE_TEXT}\n\n{done:,} of {total:,} pages done.")
        _draw_between_steps()

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QCursor

        self._running = True
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        self.show()
        _draw_between_steps()
        try:
            yield
        finally:
            self._running = False
            QApplication.restoreOverrideCursor()
            self.hide()
            self.deleteLater()


def _draw_between_steps() -> None:
    from PySide6.QtCore import QEventLoop

    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


class RecoveryKeyDialog(QDialog):
    """The new recovery key, shown once, to copy or write down."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        # Both name Qt's namespace, so are imported only when shown: start-up does not build it.
        from PySide6.QtCore import Qt

        from rrdesk.ui.kit.shown_secret import ShownSecretWidget

        super().__init__(parent)
        self.setObjectName("recovery_key_dialog")
        self.setWindowTitle("Your new recovery key")
        self.setModal(True)
        explain = hint_label(
            "This is shown once. Store it safely, away from this computer: it opens the store "
            "if the passphrase is forgotten."
        )
        self.recovery_key = ShownSecretWidget(
            recovery_key,
            name="New recovery key",
            object_name="new_recovery_key",
            copy_text="Copy the recovery key",
            copy_object_name="copy_new_recovery_key",
        )
        self.stored_check = QCheckBox("I have stored the new recovery key safely")
        self.stored_check.setObjectName("new_recovery_key_stored")
        self.close_button = QPushButton("Close")
        self.close_button.setObjectName("close_new_recovery_key")
        self.close_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Your new recovery key"))
        layout.addWidget(explain)
        layout.addWidget(self.recovery_key)
        layout.addWidget(self.stored_check)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.stored_check.toggled.connect(self.close_button.setEnabled)
        self.close_button.clicked.connect(self.accept)


def install_account_actions(
    window: MainWindow,
    session: Session,
    secret_store: SecretStore,
    messages: Messages,
    *,
    new_case: Callable[[], None],
    ask_passphrase: Callable[[], str | None] | None = None,
    ask_current_passphrase: Callable[[], str | None] | None = None,
) -> None:
    """Add New case, Change passphrase, Remember on this computer and About.
    ``ask_passphrase`` asks for the new passphrase, ``ask_current_passphrase`` for the current one
    (asked only when the partnership's signing key is locked with it and not yet opened)."""

    def ask() -> str | None:
        from rrdesk.ui.store.unlock_dialog import NewPassphraseDialog

        dialog = NewPassphraseDialog(window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase.text()

    asker = ask_passphrase or ask

    def ask_current() -> str | None:
        from rrdesk.ui.shell.file_dialogs import FileDialogs

        return FileDialogs().password(window, "Change passphrase", CURRENT_FOR_SIGNING)

    def change_passphrase() -> None:
        from rrdesk.services.store.key_rotation import signing_key_needs_passphrase

        current = None
        if signing_key_needs_passphrase(session):
            current = (ask_current_passphrase or ask_current)()
            if current is None:
                return
        new = asker()
        if new is None:
            return
        try:
            shown = KeyChangeProgress("Changing the passphrase", window)
            with shown.running():
                store_access.change_passphrase(
                    session,
                    new,
                    secret_store=secret_store,
                    current_passphrase=current,
                    progress=shown.advance,
                )
        except StoreError as error:
            messages.error(window, "The passphrase was not changed", error.message)
            return
        messages.info(window, "Passphrase changed", PASSPHRASE_CHANGED)

    def make_recovery_key() -> None:
        if not messages.confirm(
            window,
            "Make a new recovery key?",
            NEW_RECOVERY_KEY,
            yes="Make a new recovery key",
            no="Cancel",
        ):
            return
        try:
            shown = KeyChangeProgress("Making a new recovery key", window)
            with shown.running():
                fresh = store_access.new_recovery_key(
                    session, secret_store=secret_store, progress=shown.advance
                )
        except StoreError as error:
            messages.error(window, "No new recovery key was made", error.message)
            return
        RecoveryKeyDialog(fresh, window).show()

    def toggle_remember(checked: bool) -> None:
        if checked:
            problem = store_access.remember_key(session, secret_store)
        else:
            problem = store_access.forget_key(session, secret_store)
        if problem:
            remember.setChecked(not checked)
            messages.error(window, "Remember on this computer", problem)

    first = window.file_menu.actions()[0] if window.file_menu.actions() else None
    new_action = window.add_action(
        window.file_menu,
        "New case",
        "new_case",
        QKeySequence(QKeySequence.StandardKey.New),
        new_case,
    )
    passphrase = window.add_action(
        window.file_menu, "Change passphrase…", "change_passphrase", None, change_passphrase
    )
    recovery = window.add_action(
        window.file_menu,
        "Make a new recovery key…",
        "new_recovery_key",
        None,
        make_recovery_key,
    )
    remember = window.add_action(
        window.file_menu, "Remember on this computer", "remember", None, toggle_remember
    )
    remember.setCheckable(True)

    def show_whether_remembered() -> None:
        remember.setChecked(store_access.is_remembered(session.path, secret_store))

    # The keyring is read once the window is on screen, and again whenever the menu opens (the
    # key may have been remembered or forgotten by another rrdesk window meanwhile).
    window.when_on_screen(show_whether_remembered)
    window.file_menu.aboutToShow.connect(show_whether_remembered)
    if first is not None:
        for action in (new_action, passphrase, recovery, remember):
            window.file_menu.removeAction(action)
        window.file_menu.insertActions(first, [new_action, passphrase, recovery, remember])
        window.file_menu.insertSeparator(first)
    window.add_action(
        window.help_menu,
        "About rrdesk",
        "about",
        None,
        lambda: messages.info(window, "About rrdesk", ABOUT.format(version=__version__)),
    )
