"""Opening the store before the main window: set it up on first run, unlock it, or say why it
cannot be opened and offer the way past it (a backup)."""

from __future__ import annotations

import contextlib
import gc
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rrdesk.keystore import SecretStore
from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session
from rrdesk.storage.errors import StoreError

if TYPE_CHECKING:
    from rrdesk.ui.shell.main_window import MainWindow
    from rrdesk.ui.shell.seams import Seams
    from rrdesk.ui.store.unlock_dialog import UnlockDialog


def ready_to_ask() -> None:
    """Before a window asks the person something, while starting: the garbage collector runs
    again (start-up holds it back, ``cli.main``) and the house style is on (``run_app`` makes
    the application unstyled, to style the main window as it is shown)."""
    from PySide6.QtWidgets import QApplication

    from rrdesk.ui.shell.application import apply_house_style

    gc.enable()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_house_style(app)


def open_store(path: Path, seams: Seams, secret_store: SecretStore) -> Session | None:
    """Open the store at ``path``, setting it up first if there is none: the store, open, or
    ``None`` if the person left without opening it."""
    messages = seams.messages
    while not store_access.store_exists(path):
        folder_was_there = path.parent.is_dir()
        try:
            store_access.make_store_folder(path)
        except StoreError as error:  # a drive not connected, say
            session, retry = store_problem(path, error, seams)
            if not retry:
                return session
            continue
        made = set_up_store(path, seams, secret_store)
        if made is None and not folder_was_there:
            with contextlib.suppress(OSError):  # set-up left: the folder it made goes, if empty
                path.parent.rmdir()
        return made
    from rrdesk.services.store.sync_folders import location_problem

    problem = location_problem(path)
    if problem:
        ready_to_ask()
        messages.error(None, "The store is in an unsafe place", problem)
    while True:
        try:
            # A key remembered on this computer that cannot be used is a notice (the person
            # types the passphrase instead); anything raised is about the store itself.
            session, notice = store_access.unlock_with_remembered_key(
                path, secret_store, put_off=True
            )
            if session is None:  # about to ask for the passphrase: first, could it help?
                store_access.check_before_unlock(path)
            break
        except StoreError as error:  # no passphrase would get past it
            restored, retry = store_problem(path, error, seams)
            if not retry:
                return restored
    if session is not None:
        return session
    ready_to_ask()
    unlock = unlock_dialog(path, seams, secret_store, notice)
    unlock.exec()
    if unlock.problem is not None:
        return store_problem(path, unlock.problem, seams)[0]
    return unlock.session


def unlock_dialog(
    path: Path, seams: Seams, secret_store: SecretStore, notice: str = ""
) -> UnlockDialog:
    """The passphrase's question for ``path``. Unlocking compares the store with the keyring's
    record of the last opening too, so an older copy with its own older key file is noticed."""
    from rrdesk.ui.store.unlock_dialog import UnlockDialog

    return UnlockDialog(
        path,
        unlock_with_passphrase=partial(
            store_access.unlock_with_passphrase, secret_store=secret_store
        ),
        unlock_with_recovery_key=partial(
            store_access.unlock_with_recovery_key, secret_store=secret_store
        ),
        change_passphrase=lambda s, p: store_access.change_passphrase(s, p),
        messages=seams.messages,
        notice=notice,
        runner=seams.runner,
    )


def set_up_store(path: Path, seams: Seams, secret_store: SecretStore) -> Session | None:
    """The first run on ``path``: the set-up screen; the new store, open, or ``None``."""
    messages = seams.messages
    ready_to_ask()
    from rrdesk.services.timetable.profile_catalogue import load_profiles
    from rrdesk.ui.store.setup_dialog import SetupDialog

    loaded = load_profiles()
    order = sorted(loaded, key=lambda name: (name != "statutory", loaded[name].title))
    profiles = {name: loaded[name].title for name in order}
    setup = SetupDialog(
        path,
        create_store=store_access.create_store,
        profiles=profiles,
        messages=messages,
        secret_store=secret_store,
        runner=seams.runner,
    )
    setup.exec()
    # The signing certificate is made at the first signing (or in Partnership settings), when
    # the passphrase it is kept locked with is asked for.
    if setup.keyring_message:
        messages.info(None, "Not remembered on this computer", setup.keyring_message)
    return setup.session


def store_problem(path: Path, problem: StoreError, seams: Seams) -> tuple[Session | None, bool]:
    """Say why the store cannot be opened and, where a backup is the way past it, offer one."""
    ready_to_ask()
    from rrdesk.ui.store.store_problem_dialog import ask_past_store_problem

    return ask_past_store_problem(
        path,
        problem,
        messages=seams.messages,
        runner=seams.runner,
        files=seams.dialogs,
        now=seams.wall_clock,
    )


def finish_opening(session: Session, window: MainWindow, seams: Seams) -> None:
    """What opening with the remembered key put off until the window is on screen: the check of
    the store file against its seal from when it was last closed (on the task runner), then the
    count of openings and its writes. A store changed since it was closed is asked about, as at
    the unlock; if the person does not want it, rrdesk closes it, unwritten, and ends. A change
    saved before then does both first (``PutOffOpening``)."""
    put_off = session.put_off
    if put_off is None:
        return
    waiting = {"checked", "on screen"}

    def done(step: str) -> None:
        waiting.discard(step)
        if waiting or put_off.finished or not session.is_open:
            return
        from rrdesk.services.store.rollback import ChangedStoreError
        from rrdesk.storage.errors import NOTHING_CHANGED

        try:
            try:
                put_off.finish()
            except ChangedStoreError as error:
                text = error.message.removesuffix(NOTHING_CHANGED).strip()
                if not seams.messages.confirm(
                    window, error.question, text, yes="Open it anyway", no="Close rrdesk"
                ):
                    session.close()
                    window.close()
                    return
                put_off.finish(accept=True)
        except StoreError as error:  # its key file could not be written, say
            seams.messages.error(window, "The store could not be opened fully", error.message)

    def on_screen() -> None:
        seams.runner.start(
            lambda _progress, _cancelled: put_off.check(),
            on_done=lambda _checked: done("checked"),
            on_error=lambda _error: done("checked"),
        )
        done("on screen")

    window.when_on_screen(on_screen)
