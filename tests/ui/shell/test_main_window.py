"""The main window's own behaviour: sections built when first shown, work left until on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from rrdesk.ui.shell.main_window import FIRST_SIZE, FRAME_ALLOWANCE, MainWindow, first_size


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


def test_the_first_size_fits_the_screen() -> None:
    assert first_size(1920, 1040) == FIRST_SIZE == (1280, 800)
    assert first_size(1366, 728) == (1280, 680)  # a 1366 by 768 laptop, less the taskbar
    assert first_size(1280, 680) == (1264, 632)  # 1920 by 1080 at 150%
    assert first_size(10, 10) == (1, 1)


def test_the_first_window_is_wholly_on_the_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow("Northmoor", settings=None)
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert (window.width(), window.height()) == first_size(area.width(), area.height())
    assert window.width() + FRAME_ALLOWANCE[0] <= area.width()
    assert window.height() + FRAME_ALLOWANCE[1] <= area.height()


def test_size_and_position_are_remembered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow("Northmoor", settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.setGeometry(40, 60, 700, 500)
    qtbot.waitUntil(lambda: window.size().width() == 700)
    window.close()
    settings.sync()

    again = MainWindow(
        "Northmoor", settings=QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)
    assert (again.geometry().x(), again.geometry().y()) == (40, 60)
