"""A case's History tab shows what was changed on its other tabs since the case was opened."""

from __future__ import annotations

from datetime import date

from rrdesk.app import build_main_window
from tests.builders import add_case, add_directory, book_meeting


def _tab(section, title: str):  # type: ignore[no-untyped-def]
    tabs = section.tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    tabs.setCurrentIndex(index)
    return tabs.widget(index)


def _what(history) -> list[str]:  # type: ignore[no-untyped-def]
    return [history.table.item(row, 4).text() for row in range(history.table.rowCount())]


def test_the_history_shown_again_lists_a_change_made_since_the_case_was_opened(
    qtbot,
    blank_context,
    session,
    today,  # type: ignore[no-untyped-def]
) -> None:
    add_directory(session)
    case = add_case(session, today=today, notified=date(2026, 11, 16), reference="RR-2026-001")
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.show()
    window.show_section("cases")
    section = window.section("cases")
    section.open_case(case.case_id)
    history = _tab(section, "History")
    assert _what(history) == ["Created the case: RR-2026-001, Notified"]
    _tab(section, "Timetable")
    book_meeting(session, case, date(2026, 11, 27))  # as the Timetable tab books it
    history = _tab(section, "History")
    assert _what(history)[0].startswith("Booked the Rapid Review meeting: Friday 27 November 2026")
    assert len(_what(history)) == len(session.audit.entries(case.case_id))
