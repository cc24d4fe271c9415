"""The case list's table: its columns open at set widths, however long the cases' text."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session
from rrdesk.ui.cases.case_list_widget import CaseListWidget
from rrdesk.ui.cases.case_table_model import CaseTableModel


def test_columns_open_at_set_widths_however_long_the_text(
    qtbot: QtBot, session: Session, today: date
) -> None:
    # Sizing columns to their contents would read every cell many times as the list opens
    # (docs/startup.md, "The case list's fixed starting column widths").
    cases = CaseService(session)
    long_names = tuple(Child(f"Child {letter} with a very long pseudonym") for letter in "ABCD")
    cases.add_case(Case("", long_names, notification_sent=today), today=today)
    widget = CaseListWidget(cases, CaseTableModel(lambda _sent: 1))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.model.index(0, 1).data().startswith("Child A with a very long pseudonym and")
    header = widget.table.horizontalHeader()
    assert [header.sectionSize(column) for column in range(4)] == [110, 190, 200, 160]
