"""Leaving the Directory with a person typed and not saved asks Save, Discard or Stay first, as a
case's pages do. The real main window, driven as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.cases.email_address import EMAIL_FORMAT_MESSAGE
from rrdesk.ui.partnership.directory_widget import DirectoryWidget
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from rrdesk.ui.shell.main_window import MainWindow
from tests.builders import HOUSING, PANEL, add_directory
from tests.fakes import RecordingMessages


def _click_section(qtbot: QtBot, window: MainWindow, title: str) -> None:
    (item,) = window.nav.findItems(title, Qt.MatchFlag.MatchExactly)
    centre = window.nav.visualItemRect(item).center()
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _directory_open(qtbot: QtBot, context: AppContext) -> tuple[MainWindow, DirectoryWidget]:
    add_directory(context.session)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _click_section(qtbot, window, "Directory")
    directory = window.section("directory")
    assert isinstance(directory, DirectoryWidget)
    assert window.current_section == "directory"
    return window, directory


def _new_person_typed(qtbot: QtBot, directory: DirectoryWidget, email: str) -> None:
    qtbot.mouseClick(directory.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(directory.name, "Jo Bloggs")
    directory.agency.setCurrentText(HOUSING)
    qtbot.keyClicks(directory.email, email)


def _stored(context: AppContext) -> dict[str, tuple[str, str]]:
    return {m.name: (m.role, m.email) for m in context.session.directory.members()}


def _asked(messages: RecordingMessages) -> list[str]:
    return [title for kind, title, _text in messages.shown if kind == "choose"]


def test_another_section_with_stay_keeps_the_person_typed(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, directory = _directory_open(qtbot, blank_context)
    _new_person_typed(qtbot, directory, "jo.bloggs@example.org")
    messages.choice = STAY
    _click_section(qtbot, window, "Audit trail")
    assert _asked(messages) == ["This person has not been saved"]
    assert messages.choices == [((SAVE, DISCARD, STAY), STAY)]
    assert window.current_section == "directory"
    assert directory.isVisible()
    assert (directory.name.text(), directory.email.text()) == ("Jo Bloggs", "jo.bloggs@example.org")
    assert "Jo Bloggs" not in _stored(blank_context)


def test_another_section_with_discard_forgets_the_person(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, directory = _directory_open(qtbot, blank_context)
    _new_person_typed(qtbot, directory, "jo.bloggs@example.org")
    messages.choice = DISCARD
    _click_section(qtbot, window, "Audit trail")
    assert window.current_section == "audit"
    assert sorted(_stored(blank_context)) == sorted(p.name for p in PANEL)
    _click_section(qtbot, window, "Directory")
    assert (directory.name.text(), directory.email.text()) == ("", "")
    assert directory.form_heading.text() == "Add a person"
    assert _asked(messages) == ["This person has not been saved"], "asked once only"


def test_a_change_saved_on_leaving_is_stored(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, directory = _directory_open(qtbot, blank_context)
    row = next(
        r
        for r in range(directory.table.rowCount())
        if directory.table.item(r, 0).text() == "Pat Officer"
    )
    directory.select_row(row)
    assert directory.form_heading.text() == "Change Pat Officer"
    directory.role.selectAll()
    qtbot.keyClicks(directory.role, "Detective Chief Inspector")
    messages.choice = SAVE
    _click_section(qtbot, window, "Audit trail")
    assert _asked(messages) == ["Your changes to Pat Officer have not been saved"]
    assert window.current_section == "audit"
    assert _stored(blank_context)["Pat Officer"] == (
        "Detective Chief Inspector",
        "",
    )
    _click_section(qtbot, window, "Directory")
    assert directory.role.text() == "Detective Chief Inspector"
    assert len(_asked(messages)) == 1, "once saved, nothing is left to ask about"


def test_a_person_who_cannot_be_saved_stays_with_the_problem(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, directory = _directory_open(qtbot, blank_context)
    _new_person_typed(qtbot, directory, "jo.bloggs@")
    messages.choice = SAVE
    _click_section(qtbot, window, "Audit trail")
    assert window.current_section == "directory"
    assert directory.summary.messages == [EMAIL_FORMAT_MESSAGE]
    assert directory.email.text() == "jo.bloggs@"
    assert "Jo Bloggs" not in _stored(blank_context)


def test_nothing_typed_asks_nothing(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, directory = _directory_open(qtbot, blank_context)
    directory.select_row(0)
    _click_section(qtbot, window, "Audit trail")
    assert window.current_section == "audit"
    assert messages.choices == []


def _click_person(qtbot: QtBot, directory: DirectoryWidget, name: str) -> None:
    table = directory.table
    (item,) = [table.item(r, 0) for r in range(table.rowCount()) if table.item(r, 0).text() == name]
    table.scrollToItem(item)
    centre = table.visualItemRect(item).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _selected_names(directory: DirectoryWidget) -> list[str]:
    rows = sorted({index.row() for index in directory.table.selectedIndexes()})
    return [directory.table.item(r, 0).text() for r in rows]


def test_another_person_chosen_with_typing_asks_and_stay_keeps_it(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    _window, directory = _directory_open(qtbot, blank_context)
    _new_person_typed(qtbot, directory, "jo.bloggs@example.org")
    messages.choice = STAY
    _click_person(qtbot, directory, "Pat Officer")
    assert _asked(messages) == ["This person has not been saved"]
    assert directory.form_heading.text() == "Add a person"
    assert directory.name.text() == "Jo Bloggs"
    assert _selected_names(directory) == []
    messages.choice = DISCARD
    _click_person(qtbot, directory, "Pat Officer")
    assert directory.form_heading.text() == "Change Pat Officer"
    assert _selected_names(directory) == ["Pat Officer"]
    assert "Jo Bloggs" not in _stored(blank_context)


def test_another_person_chosen_with_save_stores_the_change_then_shows_them(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    _window, directory = _directory_open(qtbot, blank_context)
    _click_person(qtbot, directory, "Pat Officer")
    directory.role.selectAll()
    qtbot.keyClicks(directory.role, "Detective Chief Inspector")
    messages.choice = SAVE
    other = next(p.name for p in PANEL if p.name != "Pat Officer")
    _click_person(qtbot, directory, other)
    assert _asked(messages) == ["Your changes to Pat Officer have not been saved"]
    assert _stored(blank_context)["Pat Officer"][0] == "Detective Chief Inspector"
    assert directory.form_heading.text() == f"Change {other}"
    assert _selected_names(directory) == [other]
    _click_person(qtbot, directory, "Pat Officer")
    assert len(_asked(messages)) == 1, "nothing typed since, so nothing asked"


def test_add_a_new_person_shows_the_name_box_ready_to_type(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window, directory = _directory_open(qtbot, blank_context)
    window.resize(1280, 720)  # a laptop's screen; at 1366 by 768 the form only just fits
    qtbot.waitUntil(lambda: window.height() == 720)
    _click_person(qtbot, directory, "Pat Officer")
    scroll = directory.editor_scroll
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)  # taller than the window
    bar = scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled down to the buttons, as a person reaching them is
    qtbot.mouseClick(directory.new_button, Qt.MouseButton.LeftButton)
    window.grab().save(str(tmp_path / "directory-new-person-1280.png"))
    assert directory.form_heading.text() == "Add a person"
    top_left = directory.name.mapTo(scroll.viewport(), directory.name.rect().topLeft())
    assert 0 <= top_left.y() < scroll.viewport().height() - directory.name.height()
    assert window.focusWidget() is directory.name
    qtbot.keyClicks(directory.name, "Sam Newcomer")
    assert directory.name.text() == "Sam Newcomer"
    assert messages.choices == []
