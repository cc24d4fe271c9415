"""The case page's Timetable tab: booking the meeting, extensions, lateness, the invitation."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.cases import Stage
from rrdesk.services.agency_forms.agency_returns import returns_count
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.kit.form_widgets import DateInput
from rrdesk.ui.timetable.case_timetable_widget import CaseTimetableWidget
from tests import builders
from tests.builders import add_directory
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.ui.board.board_fixtures import Today, add_case


def make_tab(
    qtbot: QtBot,
    session: Session,
    case_id: int,
    messages: RecordingMessages,
    files: ScriptedFileDialogs | None = None,
    *,
    timetables: TimetableService | None = None,
) -> CaseTimetableWidget:
    tab = CaseTimetableWidget(
        case_id,
        timetables or TimetableService(session),
        messages,
        today=Today(),
        files=files or ScriptedFileDialogs(),
        now=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    )
    qtbot.addWidget(tab)
    tab.show()
    return tab


def type_date(qtbot: QtBot, field: DateInput, day: date) -> None:
    for box, text in ((field.day, day.day), (field.month, day.month), (field.year, day.year)):
        box.clear()
        qtbot.keyClicks(box, str(text))


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def stored(session: Session, case_id: int) -> dict[str, object]:
    return session.documents.get(case_id, "timetable") or {}


def test_tab_shows_the_timetable_with_dates(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    tab = make_tab(qtbot, session, case_id, RecordingMessages())
    assert tab.summary_label.text() == "Day 5 of 15. 10 working days left. Status: On track."
    assert "Monday 7 December 2026" in tab.deadline_label.text()
    tips = tab.strip.cell_tooltips()
    assert tips[0] == "Day 0: Monday 16 November 2026; the notification was sent (day 0)"
    assert "Saturday 21 November 2026: weekend, not a working day" in tips
    assert "Day 5: Monday 23 November 2026; today" in tips


def test_booking_the_meeting_is_stored(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    tab = make_tab(qtbot, session, case_id, RecordingMessages())
    type_date(qtbot, tab.meeting_date.field, date(2026, 11, 26))  # type: ignore[arg-type]
    with qtbot.waitSignal(tab.timetable_changed):
        click(qtbot, tab.book_button)
    assert tab.meeting_label.text() == "Meeting booked for Thursday 26 November 2026."
    assert stored(session, case_id)["meeting_date"] == "2026-11-26"


def test_a_meeting_booked_too_late_is_pointed_out_each_time_the_tab_is_shown(
    qtbot: QtBot, session: Session
) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    TimetableService(session).book_meeting(case_id, date(2026, 12, 8))  # working day 16
    tab = make_tab(qtbot, session, case_id, RecordingMessages())
    assert tab.book_button.text() == "Move the meeting"
    boxes = tab.meeting_date.field
    assert (boxes.day.text(), boxes.month.text(), boxes.year.text()) == ("8", "12", "2026")  # type: ignore[attr-defined]
    assert tab.warning_label.isVisible()
    assert (
        "The meeting is on working day 16, after the decision is due to the National Panel on "
        "day 15." in tab.warning_label.text()
    )
    type_date(qtbot, tab.meeting_date.field, date(2026, 11, 26))  # type: ignore[arg-type]
    with qtbot.waitSignal(tab.timetable_changed):
        click(qtbot, tab.book_button)
    assert "The meeting is on working day" not in tab.warning_label.text()


def test_a_same_day_meeting_is_refused_with_the_reason(qtbot: QtBot, session: Session) -> None:
    first = add_case(session, "RR-2026-001", date(2026, 11, 16))
    second = add_case(session, "RR-2026-002", date(2026, 11, 17))
    TimetableService(session).book_meeting(first, date(2026, 11, 26))
    messages = RecordingMessages()
    tab = make_tab(qtbot, session, second, messages)
    type_date(qtbot, tab.meeting_date.field, date(2026, 11, 26))  # type: ignore[arg-type]
    click(qtbot, tab.book_button)
    assert messages.shown[0][:2] == ("error", "The meeting was not booked")
    assert "already a Rapid Review meeting" in messages.texts[0]
    assert "RR-2026-001" in messages.texts[0]
    assert tab.errors.isVisible()
    assert "never held on the same day" in tab.meeting_date.error.text()
    assert stored(session, second) == {}


def test_a_back_to_back_meeting_warns_and_can_be_declined(qtbot: QtBot, session: Session) -> None:
    # The statutory profile warns; Tower Hamlets refuses (step 23).
    first = add_case(session, "RR-2026-001", date(2026, 11, 16), profile="statutory")
    second = add_case(session, "RR-2026-002", date(2026, 11, 17), profile="statutory")
    TimetableService(session).book_meeting(first, date(2026, 11, 26))
    messages = RecordingMessages(confirm_answer=False)
    tab = make_tab(qtbot, session, second, messages)
    type_date(qtbot, tab.meeting_date.field, date(2026, 11, 27))  # type: ignore[arg-type]
    click(qtbot, tab.book_button)
    assert messages.shown[0][0] == "confirm"
    assert "back to back" in messages.texts[0]
    assert stored(session, second) == {}
    messages.confirm_answer = True
    click(qtbot, tab.book_button)
    assert stored(session, second)["meeting_date"] == "2026-11-27"


def test_a_missing_date_is_an_error_on_the_page(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    tab = make_tab(qtbot, session, case_id, RecordingMessages())
    click(qtbot, tab.book_button)
    assert tab.errors.messages == ["Enter the meeting date"]


def add_panel_with_addresses(session: Session) -> None:
    add_directory(session)
    directory = DirectoryService(session)
    for member in directory.members():
        address = member.name.lower().replace(" ", ".") + "@westbury.example"
        directory.save_member(replace(member, email=address))


def type_meeting(qtbot: QtBot, tab: CaseTimetableWidget, day: date, start: str, end: str) -> None:
    type_date(qtbot, tab.meeting_date.field, day)  # type: ignore[arg-type]
    for box, text in ((tab.booking.meeting_start, start), (tab.booking.meeting_end, end)):
        box.field.clear()  # type: ignore[attr-defined]
        qtbot.keyClicks(box.field, text)


def test_saving_the_invitation_writes_where_the_user_chose(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    add_panel_with_addresses(session)
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    files = ScriptedFileDialogs(save=[tmp_path / "meeting"] * 3)
    messages = RecordingMessages()
    tab = make_tab(qtbot, session, case_id, messages, files)
    assert not tab.export_button.isEnabled()
    type_meeting(qtbot, tab, date(2026, 11, 26), "10am", "12:30pm")
    qtbot.keyClicks(tab.booking.meeting_place.field, "Town Hall, Room 4")
    click(qtbot, tab.book_button)
    assert tab.meeting_label.text() == (
        "Meeting booked for Thursday 26 November 2026, 10am to 12:30pm, at Town Hall, Room 4."
    )
    click(qtbot, tab.export_button)
    first = icalendar.Calendar.from_ical((tmp_path / "meeting.ics").read_bytes())
    type_meeting(qtbot, tab, date(2026, 11, 27), "2pm", "4pm")
    click(qtbot, tab.book_button)
    click(qtbot, tab.export_button)
    second_text = (tmp_path / "meeting.ics").read_text(encoding="utf-8")
    second = icalendar.Calendar.from_ical(second_text)
    (before,), (after,) = first.walk("VEVENT"), second.walk("VEVENT")
    assert str(after["UID"]) == str(before["UID"])
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert after.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 11, 27, 14, 0)
    assert str(after["LOCATION"]) == "Town Hall, Room 4"
    assert str(second["METHOD"]) == "REQUEST"
    for private in ("Quentin", "Fictional-Name", "Child Q"):
        assert private not in second_text
    assert messages.shown[-1][1] == "Invitation saved"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    messages.confirm_answer = True
    click(qtbot, tab.booking.cancel_button)
    assert "was cancelled" in tab.meeting_label.text()
    assert tab.export_button.text() == "Save the cancellation (.ics)"
    click(qtbot, tab.export_button)
    cancelled = icalendar.Calendar.from_ical((tmp_path / "meeting.ics").read_bytes())
    assert str(cancelled["METHOD"]) == "CANCEL"
    assert str(cancelled.walk("VEVENT")[0]["UID"]) == str(before["UID"])


def test_an_end_time_before_the_start_is_an_error_on_the_page(
    qtbot: QtBot, session: Session
) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    tab = make_tab(qtbot, session, case_id, RecordingMessages())
    type_meeting(qtbot, tab, date(2026, 11, 26), "2pm", "11am")
    click(qtbot, tab.book_button)
    assert tab.errors.messages == ["The end time must be after the start time"]
    assert stored(session, case_id) == {}


def test_an_extension_is_recorded_with_its_reason(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 2))
    tab = make_tab(qtbot, session, case_id, RecordingMessages())
    type_date(qtbot, tab.records.extension_date.field, date(2026, 12, 4))  # type: ignore[arg-type]
    click(qtbot, tab.records.extension_button)
    assert tab.errors.messages == ["Enter the reason the National Panel agreed the extension"]
    qtbot.keyClicks(tab.records.extension_reason.field, "Police disclosure awaited")
    click(qtbot, tab.records.extension_button)
    assert "new deadline 4 December 2026" in tab.records.extensions_label.text()
    assert tab.summary_label.text().startswith("Day 15 of 24.")
    extensions = stored(session, case_id)["extensions"]
    assert isinstance(extensions, list)
    assert extensions[0]["reason"] == "Police disclosure awaited"


def test_lateness_is_recorded_and_never_blocks(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 10, 26))
    tab = make_tab(qtbot, session, case_id, RecordingMessages())
    assert "You can carry on" in tab.warning_label.text()
    type_date(qtbot, tab.records.sent_on.field, date(2026, 11, 18))  # type: ignore[arg-type]
    qtbot.keyClicks(tab.records.lateness_reason.field, "Chair unwell")
    click(qtbot, tab.records.lateness_button)
    assert (
        tab.records.lateness_label.text()
        == "Sent 18 November 2026, 2 working days late: Chair unwell"
    )
    assert not tab.warning_label.isVisible()


def test_ticking_a_milestone_done_is_stored(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    tab = make_tab(qtbot, session, case_id, RecordingMessages())
    tab.done_boxes["agency_checks_returned"].click()
    assert stored(session, case_id)["done"] == ["agency_checks_returned"]
    assert tab.done_boxes["agency_checks_returned"].isChecked()


def test_the_tab_follows_an_edited_notification_date(qtbot: QtBot, session: Session) -> None:
    from dataclasses import replace

    from rrdesk.services.cases.case_service import CaseService

    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    tab = make_tab(qtbot, session, case_id, RecordingMessages())
    tab.hide()
    cases = CaseService(session)
    case = cases.get(case_id)
    assert case is not None
    cases.save_case(replace(case, notification_sent=date(2026, 11, 18)))
    tab.show()
    assert tab.summary_label.text().startswith("Day 3 of 15.")


def test_a_case_not_notified_says_why_it_has_no_timetable(qtbot: QtBot, session: Session) -> None:
    case = builders.add_case(
        session, today=date(2026, 11, 23), notified=None, stage=Stage.THRESHOLD_NOT_MET
    )
    assert case.case_id is not None
    tab = make_tab(qtbot, session, case.case_id, RecordingMessages())
    assert tab.no_timetable.isVisible()
    assert tab.no_timetable.text() == (
        "No timetable: the 15 working days count from the notification to the National Panel, "
        "and this case has not been notified. If it is, enter the date the notification was "
        "sent on the Case details tab."
    )
    assert not tab.strip.isVisible()
    assert not tab.book_button.isVisible()


def test_milestones_the_record_shows_done_are_ticked_without_asking(
    qtbot: QtBot, session: Session
) -> None:
    notified = date(2026, 11, 16)
    case_id = add_case(session, "RR-2026-001", notified, stage=Stage.AWAITING_SIGN_OFF)
    case = CaseService(session).get(case_id)  # Tower Hamlets' four milestones
    assert case is not None
    builders.requests_sent(session, case, ["Northmoor General Hospital"], sent_on=notified)
    builders.form_returned(session, case, "Northmoor General Hospital", {}, on=notified)
    assert case.case_id is not None
    counted = TimetableService(session, agency_returns=lambda case: returns_count(session, case))
    tab = make_tab(qtbot, session, case_id, RecordingMessages(), timetables=counted)

    shown = {
        key: (box.isChecked(), box.isEnabled(), box.toolTip())
        for key, box in tab.done_boxes.items()
    }
    assert shown == {
        "agency_checks_returned": (True, False, "Done: every chosen agency's form is back."),
        "rapid_review_meeting": (
            True,
            False,
            "Done: the case is at 'Decided, awaiting sign-off', so the panel has met.",
        ),
        "decision_to_national_panel": (False, True, ""),
    }
    assert "done" not in stored(session, case.case_id), "nothing ticked is stored"
