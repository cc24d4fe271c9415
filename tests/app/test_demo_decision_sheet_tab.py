"""The demo's case awaiting sign-off, as a person walking the demo sees its Decision sheet tab:
version 1 signed and listed, and the email for sign-off going to the two partners still to
answer (the local authority has agreed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel


def test_case_awaiting_sign_off_shows_its_signed_sheet(qtbot: QtBot, context: AppContext) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    window.show_section("cases")
    cases = window.section("cases")
    assert isinstance(cases, CasesSection)
    case = next(s for s in context.session.cases.summaries() if s.reference == "RR-2026-004")
    cases.open_case(case.case_id)
    QApplication.processEvents()
    bar = cases.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Decision sheet")
    qtbot.mouseClick(  # type: ignore[no-untyped-call]
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center()
    )
    QApplication.processEvents()
    panel = next(p for p in window.findChildren(DecisionSheetPanel) if p.isVisible())
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
