"""The main window: each feature installs its own sections and case tabs, then they are put in
the order the coordinator sees them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rrdesk.app.context import AppContext
from rrdesk.services.session_services import SessionServices

if TYPE_CHECKING:
    from rrdesk.ui.shell.main_window import MainWindow

DEMO_BANNER = (
    "Demo store: every person, child and case here is fictional. Nothing is kept. "
    "If it locks, its passphrase is: {passphrase}"
)

# The sections down the left of the window (Ctrl+1 to Ctrl+9 in this order), and a case's tabs
# after "Case details".
SECTION_ORDER = (
    "cases",
    "board",
    "directory",
    "audit",
    "settings",
    "backups",
    "calendar",
    "forms",
    "action_plan",
    "themes",
    "reports",
)
CASE_TAB_ORDER = (
    "Timetable",
    "Agency forms",
    "Meeting",
    "Decision sheet",
    "History",
    "Submission",
    "Local review",
    "Letter to referrer",
)


def _demo_banner(store: Path) -> str:
    from rrdesk.app.demo import demo_passphrase

    return DEMO_BANNER.format(passphrase=demo_passphrase(store))


def build_main_window(context: AppContext) -> MainWindow:
    """Every section of the main window, wired to the session's services."""
    # Screens that are not on show at start-up are imported when first built.
    from rrdesk.ui.after_meeting import wiring as after_meeting
    from rrdesk.ui.agency_forms import wiring as agency_forms
    from rrdesk.ui.board import wiring as board
    from rrdesk.ui.cases import wiring as cases
    from rrdesk.ui.decision_sheet import wiring as decision_sheet
    from rrdesk.ui.meeting import wiring as meeting
    from rrdesk.ui.partnership import wiring as partnership
    from rrdesk.ui.shell.guide_window import install_guides
    from rrdesk.ui.shell.main_window import MainWindow
    from rrdesk.ui.shell.workbench import WindowEvents, Workbench
    from rrdesk.ui.store import wiring as store
    from rrdesk.ui.timetable import wiring as timetable

    session = context.session
    services = SessionServices(session)
    seams = context.seams
    window = MainWindow(
        session.partnership,
        status=f"Signed in as {session.actor}. Store: {session.path}",
        banner=_demo_banner(session.path) if context.demo else "",
        settings=context.settings,
    )
    bench = Workbench(window, WindowEvents(window))
    cases_section = cases.install(bench, services, seams)
    board.install(bench, services, seams)
    timetable.install(bench, services, seams)
    agency_forms.install(bench, services, seams)
    meeting.install(bench, services, seams)
    decision_sheet.install(bench, services, seams)
    after_meeting.install(bench, services, seams)
    partnership.install(bench, services, seams)
    install_guides(window)
    store.install(
        bench,
        services,
        seams,
        secret_store=context.secret_store,
        backups_folder=context.backups_folder,
    )
    bench.place(SECTION_ORDER, CASE_TAB_ORDER)
    window.ask_before_leaving(seams.messages)
    cases_section.resume_draft()
    return window
