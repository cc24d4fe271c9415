"""Tower Hamlets, line 125: the date a child death review or joint agency response discussed a
case is asked with the referral, stored, and dates the referral milestone on the timetable."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QPoint, Qt

from rrdesk.app import build_main_window
from rrdesk.domain.cases.cases import Stage
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.timetable.case_timetable_widget import CaseTimetableWidget
from tests.fakes import RecordingMessages, ScriptedFileDialogs


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _type_date(qtbot, field, day: date) -> None:  # type: ignore[no-untyped-def]
    for box, value in ((field.day, day.day), (field.month, day.month), (field.year, day.year)):
        qtbot.keyClicks(box, str(value))


def test_tower_hamlets_line_125_the_discussion_date_is_asked_with_the_referral(  # type: ignore[no-untyped-def]
    qtbot, blank_context, session, today
) -> None:
    session.settings.set("profile", "tower-hamlets")
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.show()
    editor = window.section("cases").editor
    _click(qtbot, window.section("cases").case_list.new_button)
    form = editor.form
    _choose(qtbot, form.stage.buttons[Stage.NOTIFIED.value])
    _click(qtbot, editor.continue_button)
    qtbot.keyClicks(form.child_blocks[0].pseudonym, "Child C")
    _choose(qtbot, form.child_blocks[0].sex.buttons["female"])
    _choose(qtbot, form.child_blocks[0].outcome.buttons["died"])
    _choose(qtbot, form.child_blocks[0].status.buttons["child_in_need"])
    _click(qtbot, editor.continue_button)
    _type_date(qtbot, form.notified.field, date(2026, 11, 16))
    while editor.current_page_key != "referral":
        _click(qtbot, editor.continue_button)
    _choose(qtbot, form.route.buttons["child_death_review"])
    assert form.discussed_date.isVisible()
    assert "within a week" in form.discussed_date.hint.text()
    _type_date(qtbot, form.discussed_date.field, date(2026, 11, 2))
    while editor.current_page_key != "check":
        _click(qtbot, editor.continue_button)
        assert editor.summary.isHidden(), editor.current_page_key
    _click(qtbot, editor.continue_button)
    stored = session.cases.get_by_reference("RR-2026-001")
    assert stored is not None
    assert stored.referral.discussed_on == date(2026, 11, 2)
    tab = CaseTimetableWidget(
        stored.case_id,
        TimetableService(session),
        RecordingMessages(),
        today=lambda: today,
        files=ScriptedFileDialogs(),
        now=lambda: datetime(2026, 11, 22, 9, 0, tzinfo=UTC),
    )
    qtbot.addWidget(tab)
    grid = tab.milestone_grid
    cells = [
        [grid.itemAtPosition(line, column).widget().text() for column in range(4)]
        for line in range(1, grid.rowCount())
        if grid.itemAtPosition(line, 0) is not None
    ]
    assert [
        "Referral to the Rapid Review (within a week of the child death review or joint agency"
        " response discussion)",
        "Monday 9 November 2026",
        "Before day 0",
        "5 working days after the child death review or joint agency response discussion",
    ] in cells
