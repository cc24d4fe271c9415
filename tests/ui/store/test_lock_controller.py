"""Locking: idle, Ctrl+L, what a locked screen shows, and what unlocks it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QVBoxLayout, QWidget

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.store import locking, store_access
from rrdesk.services.store.session import Session
from rrdesk.storage.errors import StoreClosedError
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.store.lock_controller import LockController
from tests.fakes import ImmediateRunner

MARKER = "Tamsin Lockmarker"
TYPED = "Typed before the lock"


class PendingEditor(QWidget):
    """Stands in for a screen with unsaved typing: saves it when asked."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.label = QLabel(MARKER, self)

    def save_pending(self) -> None:
        with self.session.db.transaction():
            self.session.settings.set("draft", TYPED)


def _window(session: Session) -> MainWindow:
    window = MainWindow(f"Northmoor ({MARKER})")
    window.add_section("cases", "Cases", PendingEditor(session))
    return window


def _controller(session: Session, rebuild: Any, **seams: Any) -> LockController:
    """A lock controller over ``session`` with the passphrase and recovery key unlocking it."""
    return LockController(
        session,
        runner=ImmediateRunner(),
        unlock_with_passphrase=store_access.unlock_with_passphrase,
        unlock_with_recovery_key=store_access.unlock_with_recovery_key,
        rebuild=rebuild,
        **seams,
    )


def _all_text(widget: QWidget) -> str:
    parts = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if child.isVisible():
            for getter in ("text", "windowTitle", "placeholderText"):
                value = getattr(child, getter, None)
                if callable(value):
                    result = value()
                    if isinstance(result, str):
                        parts.append(result)
    return "\n".join(parts)


@pytest.fixture
def locked_setup(qtbot, session: Session, store_path: Path):  # type: ignore[no-untyped-def]
    with session.db.transaction():
        session.cases.add(Case(reference="RR-2026-001", children=(Child("Child L", MARKER),)))
    window = _window(session)
    qtbot.addWidget(window)
    window.show()
    projector = QMainWindow()
    projector.setObjectName("projector_window")
    projector.setWindowTitle(f"Projector: {MARKER}")
    projector.setCentralWidget(QLabel(MARKER))
    qtbot.addWidget(projector)
    projector.show()
    rebuilt: list[Session] = []

    def rebuild(new_session: Session) -> MainWindow:
        rebuilt.append(new_session)
        new_window = _window(new_session)
        qtbot.addWidget(new_window)
        new_window.show()
        return new_window

    controller = _controller(session, rebuild, idle_interval_ms=60_000)
    controller.watch(window)
    yield controller, window, projector, rebuilt
    controller.stop()
    if controller.session is not None:
        controller.session.close()


def test_locks_when_idle_and_shows_nothing_of_a_case(qtbot, locked_setup, session) -> None:
    controller, window, projector, _rebuilt = locked_setup
    controller.set_idle_interval_ms(50)
    qtbot.waitUntil(lambda: controller.is_locked, timeout=5000)
    assert controller.reason == "idle"
    assert not session.is_open
    assert set(session.data_key) == {0}
    assert window.windowTitle() == "rrdesk: Locked"
    assert MARKER not in _all_text(window)
    assert "rrdesk locked itself" in _all_text(window)
    assert _all_text(projector).replace("\n", " ").split() == ["rrdesk:", "Locked", "Locked"]
    with pytest.raises(StoreClosedError, match="rrdesk is locked"):
        session.cases.count()


def test_ctrl_l_locks_after_saving_pending_typing(
    qtbot, locked_setup, store_path: Path, passphrase: str
) -> None:
    controller, window, _projector, _rebuilt = locked_setup
    window.activateWindow()  # the person is working in the main window
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(controller.locked, timeout=2000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["manual"]
    reopened = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert reopened.settings.get("draft") == TYPED
    finally:
        reopened.close()


def test_dialogs_are_closed_on_lock(qtbot, locked_setup) -> None:
    controller, _window, _projector, _rebuilt = locked_setup
    dialog = QDialog()
    dialog.setWindowTitle(MARKER)
    QVBoxLayout(dialog).addWidget(QLabel(MARKER))
    qtbot.addWidget(dialog)
    dialog.show()
    controller.lock("manual")
    assert not dialog.isVisible()


def test_unlock_with_passphrase_rebuilds(qtbot, locked_setup, passphrase: str) -> None:
    controller, _window, _projector, rebuilt = locked_setup
    controller.lock("manual")
    screen = controller.locked_screen
    assert screen is not None
    qtbot.keyClicks(screen.secret, "not the passphrase")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.is_locked
    assert "passphrase is not right" in screen.error.text()
    screen.secret.clear()
    qtbot.keyClicks(screen.secret, passphrase)
    with qtbot.waitSignal(controller.unlocked, timeout=2000):
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not controller.is_locked
    assert len(rebuilt) == 1
    assert rebuilt[0].cases.count() == 1
    assert controller.session is rebuilt[0]


def test_unlock_with_recovery_key(qtbot, locked_setup, new_store) -> None:
    controller, _window, _projector, rebuilt = locked_setup
    controller.lock("session")
    screen = controller.locked_screen
    assert screen is not None
    assert "when this computer was locked" in screen.reason.text()
    qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.secret, new_store.recovery_key)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not controller.is_locked
    assert len(rebuilt) == 1


def test_remembered_key_does_not_unlock(
    qtbot, locked_setup, session, memory_secrets, store_path: Path
) -> None:
    controller, _window, _projector, rebuilt = locked_setup
    assert store_access.remember_key(session, memory_secrets) == ""
    controller.lock("idle")
    screen = controller.locked_screen
    assert screen is not None
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.is_locked
    assert screen.error.text() == "Error: Enter your passphrase"
    assert rebuilt == []
    assert "remember" not in _all_text(screen).lower()
    assert store_access.is_remembered(store_path, memory_secrets)


@pytest.mark.parametrize("activity", ["key", "click", "mouse"])
def test_activity_in_a_window_starts_the_idle_time_again(qtbot, locked_setup, activity) -> None:
    controller, window, _projector, _rebuilt = locked_setup
    controller.set_idle_minutes(1)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = controller.idle_since
    qtbot.wait(20)
    handle = window.windowHandle()
    centre = window.nav.mapTo(window, window.nav.rect().center())
    if activity == "key":
        qtbot.keyClick(handle, Qt.Key.Key_Down)
    elif activity == "click":
        qtbot.mouseClick(handle, Qt.MouseButton.LeftButton, pos=centre)
    else:
        qtbot.mouseMove(handle, centre + QPoint(7, 3))
    assert controller.idle_since > before
    assert not controller.is_locked
    assert controller.idle_interval_ms == 60_000


def test_a_dialog_is_watched_once_it_has_the_focus(qtbot, locked_setup) -> None:
    controller, window, _projector, _rebuilt = locked_setup
    controller.set_idle_minutes(1)
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    before = controller.idle_since
    qtbot.wait(20)
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_A)
    assert controller.idle_since > before


def test_what_passes_between_widgets_is_not_activity(qtbot, locked_setup) -> None:
    controller, window, _projector, _rebuilt = locked_setup
    before = controller.idle_since
    qtbot.wait(20)
    window.nav.setCurrentRow(1)
    window.resize(900, 700)
    qtbot.wait(20)
    assert controller.idle_since == before


def test_idle_minutes_setting(session) -> None:  # type: ignore[no-untyped-def]
    assert locking.idle_minutes(session) == 5
    locking.set_idle_minutes(session, 15)
    assert locking.idle_minutes(session) == 15
    with pytest.raises(Exception, match="between 1 and 60 minutes"):
        locking.set_idle_minutes(session, 61)


def test_screen_lock_locks_and_listeners_hear_first(qtbot, locked_setup) -> None:
    controller, _window, _projector, _rebuilt = locked_setup
    heard: list[bool] = []
    controller.about_to_lock.connect(lambda: heard.append(controller.is_locked))
    controller.screen_saver_changed(False)
    assert not controller.is_locked
    controller.screen_saver_changed(True)
    assert heard == [False]
    assert controller.is_locked
    assert controller.reason == "session"


def test_listening_for_the_screen_lock_starts_once_the_window_is_on_screen(
    qtbot, session: Session
) -> None:  # type: ignore[no-untyped-def]
    window = _window(session)
    qtbot.addWidget(window)
    controller = _controller(session, lambda new_session: None)
    controller.watch(window)
    qtbot.wait(20)
    assert not controller.listens_for_screen_lock  # the window is not on screen yet
    window.show()
    qtbot.waitUntil(lambda: controller.listens_for_screen_lock)
    controller.stop()


def test_any_other_window_shows_only_locked(qtbot, locked_setup) -> None:
    controller, _window, _projector, _rebuilt = locked_setup
    projector = QWidget()
    projector.setObjectName("projector_window")
    projector.setWindowTitle(f"Projector: {MARKER}")
    QVBoxLayout(projector).addWidget(QLabel(MARKER))
    qtbot.addWidget(projector)
    projector.show()
    controller.lock("manual")
    assert _all_text(projector).split() == ["rrdesk:", "Locked", "Locked"]


def test_a_store_damaged_while_locked_is_handed_on_and_stays_locked_if_not_restored(
    qtbot, session: Session, store_path: Path, passphrase: str
) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.storage.errors import StoreError
    from rrdesk.storage.keys import key_file

    window = _window(session)
    qtbot.addWidget(window)
    window.show()
    handed_on: list[StoreError] = []
    controller = _controller(
        session,
        lambda _session: None,
        store_problem=lambda error: handed_on.append(error),  # the person quit that screen
        idle_interval_ms=60_000,
    )
    controller.watch(window)
    try:
        controller.lock("manual")
        assert controller.unlock("not the passphrase") != ""  # a wrong passphrase is not
        assert handed_on == []
        key_file.slot_file_for(store_path).write_bytes(b"{not json")
        message = controller.unlock(passphrase)
        assert message.startswith("The key file partnership.rrdesk-keys is damaged")
        assert [error.message for error in handed_on] == [message]
        assert controller.is_locked
    finally:
        controller.stop()


def test_the_lock_screen_can_quit_rrdesk(qtbot, locked_setup) -> None:  # type: ignore[no-untyped-def]
    """A store whose passphrase was made up at random cannot be unlocked by anyone, so the lock
    screen needs a way out."""
    controller, window, _projector, rebuilt = locked_setup
    controller.lock()
    screen = controller.locked_screen
    assert screen is not None
    assert screen.quit_button.text() == "Quit rrdesk"
    with qtbot.waitSignal(window.closing):
        qtbot.mouseClick(screen.quit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert controller.is_locked  # nothing was unlocked on the way out
    assert rebuilt == []


def test_the_demo_banner_with_its_passphrase_stays_on_the_locked_screen(
    qtbot, session: Session, passphrase: str
) -> None:  # type: ignore[no-untyped-def]
    banner = (
        f"Demo store: every person here is fictional. If it locks, its passphrase is: {passphrase}"
    )
    window = MainWindow("Northmoor (demo)", banner=banner)
    window.add_section("cases", "Cases", QLabel(MARKER))
    qtbot.addWidget(window)
    window.show()
    controller = _controller(session, lambda new_session: window, idle_interval_ms=60_000)
    controller.watch(window)
    controller.lock("idle")
    screen = controller.locked_screen
    assert screen is not None
    assert screen.banner.isVisible()
    assert screen.banner.text() == banner
    assert MARKER not in _all_text(window)
    controller.stop()


def test_a_store_with_no_banner_shows_none_on_the_locked_screen(qtbot, locked_setup) -> None:
    controller, _window, _projector, _rebuilt = locked_setup
    controller.lock("manual")
    screen = controller.locked_screen
    assert screen is not None
    assert not screen.banner.isVisible()
