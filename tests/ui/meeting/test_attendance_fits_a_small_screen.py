"""The Meeting tab's attendance list fits a 1024 by 768 screen without sideways scrolling: each
member takes two lines (their name, then their answers), not six columns side by side."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QScrollArea
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.cases.cases import Stage
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.meeting.attendance_panel import AttendancePanel
from tests.builders import add_case, add_directory
from tests.ui.meeting.meeting_cases import LONG, NOTIFIED, TODAY

SMALL_SCREEN = (1024, 700)  # a 1024 by 768 screen less the title and task bars


@pytest.mark.usefixtures("styled")
def test_the_attendance_list_fits_1024_wide_with_no_sideways_scrolling(
    qtbot: QtBot, blank_context: AppContext
) -> None:
    session = blank_context.session
    add_directory(session, LONG)  # names, roles and agencies as long as real ones get
    booked = add_case(session, today=TODAY, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    assert booked.case_id is not None
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.resize(*SMALL_SCREEN)
    window.show()
    cases = window.section("cases")
    assert isinstance(cases, CasesSection)
    cases.open_case(booked.case_id)
    meeting_tab = next(i for i in range(cases.tabs.count()) if cases.tabs.tabText(i) == "Meeting")
    cases.tabs.setCurrentIndex(meeting_tab)
    QApplication.processEvents()

    panel = window.findChild(AttendancePanel)
    assert panel is not None
    on_panel = [person.name for person in LONG if person.on_panel]
    assert len(panel.rows) == len(on_panel) == 6  # the whole panel is listed
    area = next(a for a in window.findChildren(QScrollArea) if a.isAncestorOf(panel))
    assert area.widget().minimumSizeHint().width() <= area.viewport().width()
    assert area.horizontalScrollBar().maximum() == 0
    assert (window.width(), window.height()) == SMALL_SCREEN

    # Every member's answers are within the list's width, each under its own name.
    right = panel.mapToGlobal(panel.rect().topRight()).x()
    for member_id, row in panel.rows.items():
        name = window.findChild(QLabel, f"attendee_name_{member_id}")
        status = window.findChild(QComboBox, f"attendance_status_{member_id}")
        conflict = window.findChild(QLineEdit, f"conflict_note_{member_id}")
        assert name is not None
        assert status is not None
        assert conflict is not None
        assert status.currentText() == "Not recorded"
        assert (
            status.mapToGlobal(status.rect().topLeft()).y()
            > name.mapToGlobal(name.rect().topLeft()).y()
        )
        assert conflict.mapToGlobal(conflict.rect().topRight()).x() <= right
        assert row.note.text() == "Not recorded"
