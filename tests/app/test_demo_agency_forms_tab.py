"""The demo's case sent to the National Panel, as a person walking the demo sees its Agency forms
tab: every agency asked before the meeting, each form back and in the panel pack."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
from rrdesk.ui.cases.cases_section import CasesSection


def test_case_sent_to_the_national_panel_shows_its_agencies_forms(
    qtbot: QtBot, context: AppContext
) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    window.show_section("cases")
    cases = window.section("cases")
    assert isinstance(cases, CasesSection)
    case = next(s for s in context.session.cases.summaries() if s.reference == "RR-2026-003")
    cases.open_case(case.case_id)
    QApplication.processEvents()
    bar = cases.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Agency forms")
    qtbot.mouseClick(  # type: ignore[no-untyped-call]
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center()
    )
    QApplication.processEvents()
    tab = next(w for w in window.findChildren(AgencyFormsWidget) if w.isVisible())
    assert tab.summary.text() == "5 agencies chosen: 5 sent, 5 received, 5 quality assured."
    table = tab.table
    shown = []
    for row in range(table.rowCount()):
        items = [table.item(row, column) for column in range(table.columnCount())]
        shown.append(tuple(item.text() if item is not None else "" for item in items))
    assert [row[0] for row in shown] == [
        "Northmoor Community Mental Health Trust",
        "Northmoor Council Children's Social Care",
        "Northmoor Education Safeguarding Service",
        "Northmoor Housing",
        "Northmoor Police Public Protection Unit",
    ]
    held = MeetingService(context.session).load(case.case_id).held_on
    assert held is not None
    for agency, status, _due, form in shown:
        assert status.startswith("\u2713 Quality assured "), agency
        assured = datetime.strptime(status.removeprefix("\u2713 Quality assured "), "%d %B %Y")
        assert assured.date() < held, agency  # in before the meeting
        assert form == "In the panel pack", agency
