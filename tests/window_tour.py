"""A tour of the main window as a person would take it: every section in turn, then every tab
of every case."""

from __future__ import annotations

from collections.abc import Iterator

from rrdesk.app.window import SECTION_ORDER
from rrdesk.services.store.session import Session
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.shell.main_window import MainWindow


def every_place(window: MainWindow, session: Session) -> Iterator[str]:
    """Show each section, then each tab of each case in ``session``; yield where the window is
    ("board", "RR-2026-004, Meeting") while it shows it."""
    for key in SECTION_ORDER:
        window.show_section(key)
        yield key
    window.show_section("cases")
    cases = window.section("cases")
    assert isinstance(cases, CasesSection)
    for summary in session.cases.summaries():
        cases.open_case(summary.case_id)
        for index in range(cases.tabs.count()):
            cases.tabs.setCurrentIndex(index)
            yield f"{summary.reference}, {cases.tabs.tabText(index)}"
