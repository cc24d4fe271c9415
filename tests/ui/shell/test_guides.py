"""Help › the guides: each person's short guide opens from the Help menu (the coordinator's on
F1), from the files shipped in resources/guides, with no network."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.ui.shell.guide_window import GuideWindow


def test_each_guide_opens_from_the_help_menu(
    qtbot: QtBot, blank_context: AppContext, tmp_path: Path
) -> None:
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    titles = [action.text() for action in window.help_menu.actions() if action.text()]
    assert titles[:3] == ["Guide for coordinators", "Guide for chairs", "Guide for executives"]
    assert titles[-1] == "About rrdesk"

    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    coordinator = window.findChild(GuideWindow, "guide_coordinator")
    assert coordinator is not None
    qtbot.waitUntil(coordinator.isVisible)
    words = coordinator.words()
    assert words.startswith("Guide for coordinators")
    assert "Countdown board" in words
    assert "Return it for more information" in words or "return it for more information" in words
    window.grab().save(str(tmp_path / "guide-coordinator-window.png"))
    coordinator.grab().save(str(tmp_path / "guide-coordinator.png"))

    by_title = {action.text(): action for action in window.help_menu.actions()}
    for title, key, says in (
        ("Guide for chairs", "chair", "hold the vote"),
        ("Guide for executives", "executive", "Countersign it"),
    ):
        by_title[title].trigger()
        guide = window.findChild(GuideWindow, f"guide_{key}")
        assert guide is not None
        qtbot.waitUntil(guide.isVisible)
        assert guide.words().startswith(title)
        assert says in guide.words()
        assert guide.text.accessibleName() == title

    # Asked for again, the guide already open comes to the front rather than opening twice.
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    assert len(window.findChildren(GuideWindow, "guide_coordinator")) == 1
    coordinator.close()
    assert not coordinator.isVisible()
