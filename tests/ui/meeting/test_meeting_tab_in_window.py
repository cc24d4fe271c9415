"""The Meeting tab in the main window: on a case's page, and no wider than a laptop screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.cases.cases import Stage
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from rrdesk.ui.shell.application import apply_house_style
from tests.builders import add_case, add_directory, decided, meeting_held, voted
from tests.ui.meeting.meeting_cases import HELD, LONG, NOTIFIED, TODAY, decided_case


def test_long_names_do_not_widen_the_meeting_page_past_a_laptop_screen(
    qtbot: QtBot, blank_context: AppContext
) -> None:
    session = blank_context.session
    people = add_directory(session, LONG)
    booked = add_case(session, today=TODAY, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    held = add_case(session, today=TODAY, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    meeting = meeting_held(
        session,
        held,
        held_on=HELD,
        chair=people["Alex Chair"],
        place="Westbury Civic Centre, Committee Room 4 (second floor, east wing)",
    )
    decided(session, held, voted(session, held, meeting))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_house_style(app)  # its padding makes every box wider
    try:
        window = build_main_window(blank_context)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        section = window.section("cases")
        assert isinstance(section, CasesSection)
        for case in (booked, held):
            assert case.case_id is not None
            section.open_case(case.case_id)
            titles = [section.tabs.tabText(i) for i in range(section.tabs.count())]
            section.tabs.setCurrentIndex(titles.index("Meeting"))
            tab = section.tabs.currentWidget()
            assert isinstance(tab, MeetingWidget)
            qtbot.waitUntil(lambda tab=tab: tab.scroll_area.viewport().width() > 600)
            page = tab.scroll_area.widget()
            assert page is not None
            names = [label.text() for label in page.findChildren(QLabel)]
            assert any(LONG[-2].name in name for name in names), case.stage
            assert page.minimumSizeHint().width() <= tab.scroll_area.viewport().width(), case
    finally:
        app.setStyleSheet("")


def test_the_case_page_has_a_meeting_tab(qtbot: QtBot, blank_context: AppContext) -> None:
    case_id = decided_case(blank_context.session)
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.show()
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(case_id)
    titles = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    assert "Meeting" in titles
    section.tabs.setCurrentIndex(titles.index("Meeting"))
    tab = section.tabs.currentWidget()
    assert isinstance(tab, MeetingWidget)
    assert tab.decision.status.text() == (
        "Decision recorded: Recommend a local Child Safeguarding Practice Review."
    )
    assert tab.agenda()[0].title == "Chair's overview of the case"
    assert tab.details.time_edit.text() == "10am"  # as the decision sheet writes it
    assert tab.details.place_edit.text() == "Town Hall, Room 1"
