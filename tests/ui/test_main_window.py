"""The main window's own behaviour: sections built when first shown, work left until on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from rrdesk.ui.main_window import MainWindow


def test_work_waits_until_the_window_is_on_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow("Northmoor")
    qtbot.addWidget(window)
    done: list[str] = []
    window.when_on_screen(lambda: done.append("first"))
    window.when_on_screen(lambda: done.append("second"))
    qtbot.wait(20)
    assert done == []  # not shown yet
    window.show()
    qtbot.waitUntil(lambda: done == ["first", "second"])
    window.update()
    qtbot.wait(20)
    assert done == ["first", "second"]  # once only, however often it is painted
    window.when_on_screen(lambda: done.append("later"))
    qtbot.waitUntil(lambda: done == ["first", "second", "later"])


def test_a_window_shown_but_never_painted_still_gets_its_work_done(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow("Northmoor")
    qtbot.addWidget(window)
    window.on_screen_at_the_latest_ms = 50
    window.setUpdatesEnabled(False)  # shown but never painted, as when opened minimised
    done: list[str] = []
    window.when_on_screen(lambda: done.append("backup check"))
    window.show()
    qtbot.waitUntil(lambda: done == ["backup check"], timeout=2000)


def test_work_for_a_window_deleted_before_it_runs_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction
    from shiboken6 import Shiboken

    window = MainWindow("Northmoor")
    action = QAction("Remember on this computer", window)
    window.show()
    qtbot.waitUntil(lambda: window._painted)
    done: list[bool] = []
    window.when_on_screen(lambda: done.append(action.isChecked()))  # queued, not yet run
    Shiboken.delete(window)  # gone before the work runs, as a locked window is after an unlock
    qtbot.wait(50)
    assert done == []  # not run for the deleted window, and nothing raised


def test_a_section_is_built_when_first_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow("Northmoor")
    qtbot.addWidget(window)
    built: list[str] = []

    def make(text: str) -> QLabel:
        built.append(text)
        return QLabel(text)

    window.add_section("cases", "Cases", QLabel("Cases"))
    window.add_section("calendar", "Calendar", lambda: make("Calendar"))
    seen: list[str] = []
    window.when_section_built("calendar", lambda widget: seen.append(widget.text()))
    window.show()
    assert built == []
    window.show_section("calendar")
    assert built == ["Calendar"]
    assert seen == ["Calendar"]
    assert window.current_section == "calendar"
