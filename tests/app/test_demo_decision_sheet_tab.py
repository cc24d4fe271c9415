"""The demo's case awaiting sign-off, as a person walking the demo sees its Decision sheet tab:
version 1 signed and listed, and the email for sign-off going to the two partners still to
answer (the local authority has agreed)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel
from tests.ui.case_tabs import open_case_tab


def test_case_awaiting_sign_off_shows_its_signed_sheet(qtbot: QtBot, context: AppContext) -> None:
    case = next(s for s in context.session.cases.summaries() if s.reference == "RR-2026-004")
    _, _, panel = open_case_tab(qtbot, context, case.case_id, "Decision sheet")
    assert isinstance(panel, DecisionSheetPanel)
    rows = [panel.versions.item(i).text() for i in range(panel.versions.count())]
    assert len(rows) == 1
    assert rows[0].startswith("Version 1, signed ")
    assert rows[0].endswith("\nFirst version")
    for button in (panel.email_button, panel.verify_button, panel.save_copy_button):
        assert button.isEnabled(), button.text()
    recipients = panel.email_box.recipients.text()
    assert "Ch Supt Oluwaseun Pryce (police)" in recipients
    assert "Dr Ingrid Halvorsen-Kaur (health)" in recipients
    assert "Not to Marisol Treharne (local authority), who has answered already." in recipients
