"""The Calendar screen: importing bank holidays, the convention, and the process profile."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.services.store.session import CALENDAR_SETTING, Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.timetable.calendar_widget import CalendarWidget
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.services.timetable.test_timetable_service import newer_file
from tests.ui.board.board_fixtures import Today, add_case


def make_screen(
    qtbot: QtBot, session: Session, path: Path | None, messages: RecordingMessages
) -> CalendarWidget:
    widget = CalendarWidget(
        TimetableService(session),
        messages,
        today=Today(),
        files=ScriptedFileDialogs(open_=[path] * 3),
    )
    qtbot.addWidget(widget)
    widget.show()
    return widget


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_screen_says_which_calendar_and_how_far(qtbot: QtBot, session: Session) -> None:
    widget = make_screen(qtbot, session, None, RecordingMessages())
    assert widget.reach_label.text() == (
        "The official list covers 1 January 2012 to 31 December 2028."
    )
    assert "official GOV.UK list" in widget.source_label.text()
    assert widget.convention_label.text() == (
        "The date the notification was sent is day 0; day N is the Nth working day after it."
    )
    assert not widget.remove_button.isVisible()


def test_a_deadline_beyond_the_list_warns(qtbot: QtBot, session: Session) -> None:
    add_case(session, "RR-2028-001", date(2028, 12, 20))
    widget = make_screen(qtbot, session, None, RecordingMessages())
    assert widget.warning_label.isVisible()
    assert widget.warning_label.text().startswith("RR-2028-001: ")


def test_importing_a_newer_file(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    path = tmp_path / "bank-holidays.json"
    path.write_text(newer_file(date(2029, 6, 5)), encoding="utf-8")
    messages = RecordingMessages()
    widget = make_screen(qtbot, session, path, messages)
    with qtbot.waitSignal(widget.calendar_changed):
        click(qtbot, widget.import_button)
    assert widget.reach_label.text().endswith("to 31 December 2029.")
    assert messages.shown[-1][1] == "Bank holidays imported"
    assert json.loads(session.settings.get(CALENDAR_SETTING))["england-and-wales"]
    assert widget.remove_button.isVisible()
    click(qtbot, widget.remove_button)
    assert session.settings.get(CALENDAR_SETTING) == ""
    assert widget.reach_label.text().endswith("to 31 December 2028.")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(b"{not json", "not readable JSON", id="not JSON"),
        pytest.param(b'{"scotland": {"events": []}}', "no list for England", id="wrong list"),
        pytest.param(b"\xff\xfe\x00", "it is not text", id="not text"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_stored(
    qtbot: QtBot, session: Session, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bank-holidays.json"
    path.write_bytes(content)
    messages = RecordingMessages()
    widget = make_screen(qtbot, session, path, messages)
    click(qtbot, widget.import_button)
    assert messages.shown[0][:2] == ("error", "The bank holidays file was not imported")
    assert reason in messages.texts[0]
    assert "Nothing was changed" in messages.texts[0]
    assert session.settings.get(CALENDAR_SETTING) == ""
    assert widget.reach_label.text().endswith("to 31 December 2028.")


def test_cancelling_the_file_dialog_changes_nothing(qtbot: QtBot, session: Session) -> None:
    messages = RecordingMessages()
    widget = make_screen(qtbot, session, None, messages)
    click(qtbot, widget.import_button)
    assert messages.shown == []


def test_choosing_another_profile(qtbot: QtBot, session: Session) -> None:
    widget = make_screen(qtbot, session, None, RecordingMessages())
    assert widget.profile_choice.currentText() == "Statutory Rapid Review (in use)"
    assert not widget.profile_button.isEnabled()
    widget.profile_choice.setCurrentIndex(widget.profile_choice.findData("wolverhampton"))
    assert "Source: Wolverhampton Safeguarding Together" in widget.profile_summary.text()
    assert widget.profile_button.isEnabled()
    with qtbot.waitSignal(widget.profile_changed):
        click(qtbot, widget.profile_button)
    assert session.profile_name == "wolverhampton"
    assert widget.profile_choice.currentText().endswith("(in use)")
