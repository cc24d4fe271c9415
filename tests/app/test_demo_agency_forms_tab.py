"""The demo's case sent to the National Panel, as a person walking the demo sees its Agency forms
tab: every agency asked before the meeting, each form back and in the panel pack."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
from tests.ui.case_tabs import open_case_tab


def test_case_sent_to_the_national_panel_shows_its_agencies_forms(
    qtbot: QtBot, context: AppContext
) -> None:
    case = next(s for s in context.session.cases.summaries() if s.reference == "RR-2026-003")
    _, _, tab = open_case_tab(qtbot, context, case.case_id, "Agency forms")
    assert isinstance(tab, AgencyFormsWidget)
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
