"""The audit trail screen: every change listed, newest first, and the chain checked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from rrdesk.app import build_main_window
from tests.builders import add_case, add_directory


def test_audit_trail_checks_chain(qtbot, blank_context, session, today) -> None:  # type: ignore[no-untyped-def]
    add_directory(session)
    for reference in ("RR-2026-001", "RR-2026-002", "RR-2026-003"):
        add_case(session, today=today, notified=date(2026, 11, 16), reference=reference)
    stored = session.audit.entries()
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.show()
    window.show_section("audit")
    audit = window.section("audit")
    assert audit.table.rowCount() == len(stored) > 10
    cases = [audit.table.item(row, 3).text() for row in range(audit.table.rowCount())]
    assert cases[:3] == ["RR-2026-003", "RR-2026-002", "RR-2026-001"], "the newest first"
    assert audit.table.item(0, 4).text() == "Created the case: RR-2026-003, Notified"
    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    assert audit.result.text() == f"The audit trail is whole: {len(stored)} entries checked."
