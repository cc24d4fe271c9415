"""Locking seals the store file on the task runner, as the app does, not on the window's thread:
the locked screen says "Locking…" and takes no input meanwhile. Whenever it is finished (the
seal made, rrdesk unlocked at once, or rrdesk ending while it is made) the key file's seal holds
the store file as it was closed, and a store opened again never keeps a seal."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThreadPool
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.domain.cases.cases import Child
from rrdesk.services.store.session import Session
from rrdesk.storage.keys import key_file, store_seal
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.shell.tasks import TaskRunner
from rrdesk.ui.store.locked_screen import LockedScreen
from rrdesk.ui.store.protection import Protection
from tests.builders import add_case
from tests.ui.main_windows import WindowRebuilder, protect_as_the_app_does


@dataclass
class Locking:
    protection: Protection
    window: MainWindow
    rebuild: WindowRebuilder
    pool: QThreadPool
    session: Session
    key: bytes  # the store's key, kept here to check the seal with
    ended: bool = False

    def end(self) -> None:
        """As the app ends once its window has gone: wait for the runner, then stop."""
        if not self.ended:
            self.ended = True
            self.pool.waitForDone()
            self.protection.stop()


@pytest.fixture
def locking(qtbot: QtBot, blank_context: AppContext, today: date) -> Iterator[Locking]:
    """The main window over a store with a case, locked and backed up as the app does, its
    seal made on a thread of its own."""
    add_case(
        blank_context.session,
        today=today,
        notified=today,
        children=(Child("Child S", "Sasha Sealwell-Fictional"),),
    )
    session = blank_context.session
    assert session.seal_on_close
    rebuild = WindowRebuilder(qtbot, blank_context)
    window = rebuild(session)
    pool = QThreadPool()
    protection = protect_as_the_app_does(
        window, blank_context, rebuild, None, runner=TaskRunner(pool)
    )
    locking = Locking(protection, window, rebuild, pool, session, session.key_bytes())
    yield locking
    locking.end()


def _press_ctrl_l(qtbot: QtBot, window: MainWindow) -> LockedScreen:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    screen = window.centralWidget()
    assert isinstance(screen, LockedScreen)
    return screen


def _seal_holds(store: Path, key: bytes) -> bool:
    slots = key_file.read_slots(store)
    assert slots.closed is not None, "the key file holds a seal"
    return store_seal.holds(store, slots, key)


def test_the_lock_says_locking_then_the_seal_holds_and_the_passphrase_opens(
    qtbot: QtBot, locking: Locking, passphrase: str
) -> None:
    session = locking.session
    screen = _press_ctrl_l(qtbot, locking.window)
    assert locking.protection.session is None
    assert screen.reason.text() == "Locking\u2026"
    assert not screen.unlock_button.isEnabled()
    assert not screen.secret.isEnabled()
    assert not screen.quit_button.isEnabled()
    assert session.is_open, "the store stays claimed until it is sealed"
    assert key_file.read_slots(session.path).closed is None

    qtbot.waitUntil(screen.unlock_button.isEnabled)
    assert screen.reason.text() == "rrdesk is locked. Nothing has been lost."
    assert screen.secret.isEnabled()
    assert not session.is_open
    assert set(session.data_key) == {0}
    assert _seal_holds(session.path, locking.key)

    qtbot.keyClicks(screen.secret, passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    reopened = locking.protection.session
    assert reopened is not None
    assert not reopened.changed_outside
    assert len(locking.rebuild.windows) == 2
    assert key_file.read_slots(reopened.path).closed is None  # cleared as it opened


def test_unlocking_before_the_seal_is_made_seals_first_and_keeps_no_seal_once_open(
    qtbot: QtBot, locking: Locking, passphrase: str
) -> None:
    """An unlock asked for at once (as a restore does) waits for the seal; the seal made on
    the runner, reported after, writes nothing over the store opened again."""
    session = locking.session
    _press_ctrl_l(qtbot, locking.window)
    assert session.is_open
    assert locking.protection.controller.unlock(passphrase) == ""
    reopened = locking.protection.session
    assert reopened is not None
    assert not reopened.changed_outside, "the seal written first held the file"
    locking.pool.waitForDone()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)  # the runner's report
    assert reopened.is_open
    assert key_file.read_slots(reopened.path).closed is None
    assert reopened.cases.count() == 1


def test_rrdesk_ending_while_the_seal_is_made_leaves_it_sealed(
    qtbot: QtBot, locking: Locking
) -> None:
    session = locking.session
    _press_ctrl_l(qtbot, locking.window)
    locking.end()  # the runner's report never reaches the window's thread
    assert not session.is_open
    assert set(session.data_key) == {0}
    assert _seal_holds(session.path, locking.key)


def test_quitting_unlocked_leaves_the_store_sealed(qtbot: QtBot, locking: Locking) -> None:
    session = locking.session
    locking.window.close()
    locking.end()
    assert not session.is_open
    assert _seal_holds(session.path, locking.key)
