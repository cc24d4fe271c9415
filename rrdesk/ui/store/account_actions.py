"""File and Help menu actions about the store itself: passphrase, remembering the key, about."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from rrdesk import __version__
from rrdesk.keystore import SecretStore
from rrdesk.services.store import store_access
from rrdesk.services.store.errors import StoreError
from rrdesk.services.store.session import Session
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.shell.messages import Messages

ABOUT = (
    "rrdesk {version}\n\nRun the statutory Rapid Review securely and offline.\n\n"
    "Everything is kept in one encrypted file. rrdesk makes no network connections."
)


def install_account_actions(
    window: MainWindow,
    session: Session,
    secret_store: SecretStore,
    messages: Messages,
    *,
    new_case: Callable[[], None],
    ask_passphrase: Callable[[], str | None] | None = None,
) -> None:
    """Add New case, Change passphrase, Remember on this computer and About."""

    def ask() -> str | None:
        from rrdesk.ui.store.unlock_dialog import NewPassphraseDialog

        dialog = NewPassphraseDialog(window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase.text()

    asker = ask_passphrase or ask

    def change_passphrase() -> None:
        new = asker()
        if new is None:
            return
        try:
            store_access.change_passphrase(session, new, secret_store=secret_store)
        except StoreError as error:
            messages.error(window, "The passphrase was not changed", error.message)
            return
        messages.info(window, "Passphrase changed", "Your new passphrase is set.")

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
        for action in (new_action, passphrase, remember):
            window.file_menu.removeAction(action)
        window.file_menu.insertActions(first, [new_action, passphrase, remember])
        window.file_menu.insertSeparator(first)
    window.add_action(
        window.help_menu,
        "About rrdesk",
        "about",
        None,
        lambda: messages.info(window, "About rrdesk", ABOUT.format(version=__version__)),
    )
