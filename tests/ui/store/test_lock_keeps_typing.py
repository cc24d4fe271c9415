"""Nothing typed is lost by a lock: the real main window, the case editor and the lock."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from rrdesk.app import AppContext, build_main_window
from rrdesk.services.store import store_access
from rrdesk.ui.store.lock_controller import LockController
from tests.builders import add_case
from tests.fakes import ImmediateRunner
from tests.ui.main_windows import WindowRebuilder


def _controller(qtbot, context: AppContext, window):  # type: ignore[no-untyped-def]
    rebuild = WindowRebuilder(qtbot, context)
    controller = LockController(
        context.session,
        runner=ImmediateRunner(),
        unlock_with_passphrase=store_access.unlock_with_passphrase,
        unlock_with_recovery_key=store_access.unlock_with_recovery_key,
        rebuild=rebuild,
        idle_interval_ms=60_000,
    )
    controller.watch(window)
    return controller, rebuild.windows


def _unlock(qtbot, controller, passphrase: str) -> None:  # type: ignore[no-untyped-def]
    screen = controller.locked_screen
    qtbot.keyClicks(screen.secret, passphrase)
    with qtbot.waitSignal(controller.unlocked, timeout=5000):
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)


def test_a_new_case_being_typed_survives_a_lock(qtbot, blank_context, passphrase) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.show()
    section = window.section("cases")
    section.start_new_case()
    block = section.editor.form.child_blocks[0]
    qtbot.keyClicks(block.pseudonym, "Child W")
    qtbot.keyClicks(block.real_name, "Wren Lockfield-Fictional")
    controller, built = _controller(qtbot, blank_context, window)
    controller.lock("manual")
    assert controller.is_locked
    _unlock(qtbot, controller, passphrase)
    (rebuilt,) = built
    editor = rebuilt.section("cases").editor
    assert editor.draft_note.isVisible()
    assert editor.form.child_blocks[0].pseudonym.text() == "Child W"
    assert editor.form.child_blocks[0].real_name.text() == "Wren Lockfield-Fictional"
    controller.stop()
    controller.session.close()


def test_a_valid_change_is_saved_before_the_lock(
    qtbot, blank_context, session, today, passphrase
) -> None:  # type: ignore[no-untyped-def]
    case = add_case(session, today=today, notified=date(2026, 11, 16), summary="As notified.")
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.show()
    section = window.section("cases")
    section.open_case(case.case_id)
    section.editor.show_page("summary")
    section.editor.form.summary.setPlainText("Changed just before the lock.")
    assert session.cases.get(case.case_id).summary == "As notified.", "not saved yet"
    controller, _built = _controller(qtbot, blank_context, window)
    controller.lock("manual")
    _unlock(qtbot, controller, passphrase)
    saved = controller.session.cases.get(case.case_id)
    assert saved.summary == "Changed just before the lock."
    assert controller.session.settings.get("draft_case") == ""
    controller.stop()
    controller.session.close()
