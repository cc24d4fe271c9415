"""The Local review tab's milestones in a 1024 by 768 window: each shown whole, with no sideways
scrolling, and each counted in the days its deadline is set in: the final report to the
National Panel (7 working days before publication) in working days, the others (months) in
calendar days. A date saved moves its milestone on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.domain.cases.cases import Stage
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.ui.after_meeting.local_review_tab import LocalReviewTab
from tests import builders
from tests.ui.case_tabs import open_case_tab
from tests.ui.table_geometry import cut_cells

SMALL_SCREEN = (1024, 700)  # a 1024 by 768 screen less the title and task bars
REPORT = (
    "Final report to the National Panel and the Secretary of State (at least 7 working days"
    " before publication)"
)


@pytest.mark.usefixtures("styled")
def test_every_milestone_is_shown_whole_at_1024_each_in_its_own_days(
    qtbot: QtBot, blank_context: AppContext, today: date
) -> None:
    assert today == date(2026, 11, 22)  # a Sunday
    session = blank_context.session
    case = builders.add_case(
        session, today=today, notified=date(2026, 4, 6), stage=Stage.SENT_TO_NATIONAL_PANEL
    )
    assert case.case_id is not None
    reviews = LocalReviewService(session)
    review = builders.local_review(session, case, commissioned_on=date(2026, 5, 1))
    # Published on Friday 27 November: the report was due 7 working days before, on the 18th.
    reviews.save(case.case_id, replace(review, publication_planned=date(2026, 11, 27)))
    window, _section, tab = open_case_tab(qtbot, blank_context, case.case_id, "Local review")
    assert isinstance(tab, LocalReviewTab)
    window.resize(*SMALL_SCREEN)
    QApplication.processEvents()
    assert (window.width(), window.height()) == SMALL_SCREEN

    table = tab.milestones
    rows = {label: (due, status) for label, due, status in tab.milestone_rows()}
    # Thursday 19th and Friday 20th: two working days late (four calendar days).
    assert rows[REPORT] == ("18 November 2026", "Overdue by 2 working days")
    assert rows["Review completed (within 6 months of the decision to initiate)"] == (
        "1 November 2026",
        "Overdue by 21 calendar days",
    )
    assert rows["Review published"] == ("27 November 2026", "5 calendar days left")
    assert table.horizontalScrollBar().maximum() == 0
    assert table.verticalScrollBar().maximum() == 0  # every milestone in view
    assert cut_cells(table) == []
    area = tab.findChild(QScrollArea)
    assert area is not None
    assert area.horizontalScrollBar().maximum() == 0  # the tab scrolls down only

    # The report sent, saved with the tab's button: its milestone is done.
    sent = tab.dates["report_to_panel_on"]
    for box, text in ((sent.day, "20"), (sent.month, "11"), (sent.year, "2026")):
        qtbot.keyClicks(box, text)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    stored = reviews.get(case.case_id)
    assert stored is not None
    assert stored.report_to_panel_on == date(2026, 11, 20)
    rows = {label: (due, status) for label, due, status in tab.milestone_rows()}
    assert rows[REPORT] == ("18 November 2026", "Done on 20 November 2026")
    assert cut_cells(table) == []
