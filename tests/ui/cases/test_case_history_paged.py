"""A case's History tab after years of changes shows its newest entries a page at a time, with
how many there are in all, and the older ones when asked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.services.store.session import Session
from rrdesk.ui.cases.audit_widget import AuditWidget
from tests.builders import add_case
from tests.fakes import ImmediateRunner

TODAY = date(2026, 11, 23)


def _what(history: AuditWidget) -> list[str]:
    return [history.table.item(row, 4).text() for row in range(history.table.rowCount())]


def test_a_long_history_is_shown_newest_first_a_page_at_a_time(
    qtbot: QtBot, session: Session
) -> None:
    case = add_case(session, today=TODAY, notified=date(2026, 11, 16))
    other = add_case(session, today=TODAY, notified=date(2026, 11, 17))
    assert case.case_id is not None
    with session.db.transaction():
        for number in range(1, 601):
            session.record("cases", "Noted", case_id=case.case_id, detail={"note": f"{number}"})
            session.record("cases", "Noted elsewhere", case_id=other.case_id)
    history = AuditWidget(
        session.audit, ImmediateRunner(), dict, title="History of this case", case_id=case.case_id
    )
    qtbot.addWidget(history)

    assert _what(history)[:2] == ["Noted: 600", "Noted: 599"]
    assert len(_what(history)) == 500
    assert history.shown.text() == (
        "Showing the newest 500 of 601 entries. 101 older entries are not shown yet."
    )
    qtbot.mouseClick(history.older_button, Qt.MouseButton.LeftButton)
    assert _what(history)[-1].startswith("Created the case")
    assert len(_what(history)) == 601
    assert history.shown.text() == "Showing all 601 entries, newest first."
    assert not history.older_button.isVisibleTo(history)
