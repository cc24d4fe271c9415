"""A case's History tab after years of changes shows its newest entries a page at a time, with
how many there are in all, and the older ones when asked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from rrdesk.services.store.session import Session
from rrdesk.ui.cases.audit_widget import CASE_COLUMN, AuditWidget
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


def test_a_long_change_is_read_whole_and_the_case_is_not_repeated(
    qtbot: QtBot, session: Session
) -> None:
    """In a narrow window each entry is as tall as its words, wrapped: none is cut short with
    an ellipsis. A case's own history leaves out the Case column, which would say the same
    reference on every row; the whole trail keeps it."""
    case = add_case(session, today=TODAY, notified=date(2026, 11, 16))
    assert case.case_id is not None
    agencies = ", ".join(f"agency {number}" for number in range(1, 31))
    with session.db.transaction():
        session.record("cases", "Sent check forms", case_id=case.case_id, detail={"note": agencies})
    history = AuditWidget(
        session.audit, ImmediateRunner(), dict, title="History of this case", case_id=case.case_id
    )
    qtbot.addWidget(history)
    history.resize(780, 500)
    history.show()
    qtbot.waitExposed(history)

    table = history.table
    assert table.isColumnHidden(CASE_COLUMN)
    row = _what(history).index(f"Sent check forms: {agencies}")
    cell = table.visualRect(table.model().index(row, 4))
    words = table.fontMetrics().boundingRect(
        QRect(0, 0, cell.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, _what(history)[row]
    )
    assert words.height() > 2 * table.fontMetrics().lineSpacing()  # it does need wrapping
    assert cell.height() >= words.height()

    trail = AuditWidget(session.audit, ImmediateRunner(), dict)
    qtbot.addWidget(trail)
    assert not trail.table.isColumnHidden(CASE_COLUMN)
