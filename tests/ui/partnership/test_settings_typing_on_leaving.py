"""Leaving Partnership settings with a new name typed and not saved asks Save, Discard or Stay
first, as a case's pages do. The real main window, driven as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.ui.partnership.settings_widget import PartnershipSettingsWidget
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from rrdesk.ui.shell.main_window import MainWindow
from tests.fakes import RecordingMessages

NAME = "Northmoor Safeguarding Children Partnership"  # as the store was set up
NEW_NAME = "Northmoor and Eastbrook Safeguarding Children Partnership"


def _click_section(qtbot: QtBot, window: MainWindow, title: str) -> None:
    (item,) = window.nav.findItems(title, Qt.MatchFlag.MatchExactly)
    centre = window.nav.visualItemRect(item).center()
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _name_typed(
    qtbot: QtBot, context: AppContext, name: str
) -> tuple[MainWindow, PartnershipSettingsWidget]:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _click_section(qtbot, window, "Partnership settings")
    settings = window.section("settings")
    assert isinstance(settings, PartnershipSettingsWidget)
    assert settings.partnership_name.text() == NAME
    settings.partnership_name.selectAll()
    qtbot.keyClicks(settings.partnership_name, name)
    return window, settings


def _asked(messages: RecordingMessages) -> list[str]:
    return [title for kind, title, _text in messages.shown if kind == "choose"]


def test_another_section_with_stay_keeps_the_name_typed(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, settings = _name_typed(qtbot, blank_context, NEW_NAME)
    messages.choice = STAY
    _click_section(qtbot, window, "Directory")
    assert _asked(messages) == ["The partnership's name has not been saved"]
    assert messages.choices == [((SAVE, DISCARD, STAY), STAY)]
    assert window.current_section == "settings"
    assert settings.partnership_name.text() == NEW_NAME
    assert blank_context.session.partnership == NAME


def test_another_section_with_discard_puts_the_name_back(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, settings = _name_typed(qtbot, blank_context, NEW_NAME)
    messages.choice = DISCARD
    _click_section(qtbot, window, "Directory")
    assert window.current_section == "directory"
    assert blank_context.session.partnership == NAME
    _click_section(qtbot, window, "Partnership settings")
    assert settings.partnership_name.text() == NAME
    assert _asked(messages) == ["The partnership's name has not been saved"], "asked once only"


def test_save_on_leaving_stores_the_name(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, _settings = _name_typed(qtbot, blank_context, NEW_NAME)
    messages.choice = SAVE
    _click_section(qtbot, window, "Directory")
    assert window.current_section == "directory"
    assert blank_context.session.partnership == NEW_NAME
    assert window.windowTitle() == f"rrdesk: {NEW_NAME}"


def test_a_name_that_cannot_be_saved_stays_with_its_problem(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, settings = _name_typed(qtbot, blank_context, "   ")
    messages.choice = SAVE
    _click_section(qtbot, window, "Directory")
    assert window.current_section == "settings"
    assert ("error", "Partnership name", "Enter the partnership's name") in messages.shown
    assert settings.partnership_name.text() == "   "
    assert blank_context.session.partnership == NAME


def test_nothing_typed_asks_nothing(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, _settings = _name_typed(qtbot, blank_context, NAME)
    _click_section(qtbot, window, "Directory")
    assert window.current_section == "directory"
    assert messages.choices == []
