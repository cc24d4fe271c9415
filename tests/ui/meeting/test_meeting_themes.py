"""Themes are ticked from the shared list, and the panel says where else they came up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from rrdesk.domain.cases.cases import Stage
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.ui.meeting.meeting_widget import MeetingWidget


def test_ticking_a_theme_stores_it_and_shows_other_cases(qtbot, demo_session, today: date) -> None:  # type: ignore[no-untyped-def]
    case = next(c for c in CaseService(demo_session).all_cases() if c.stage is Stage.MEETING_BOOKED)
    widget = MeetingWidget(MeetingService(demo_session), case.case_id, lambda: today)
    qtbot.addWidget(widget)
    widget.show()
    themes = widget.learning.theme_list
    labels = [themes.item(row).text() for row in range(themes.count())]
    assert "Domestic abuse" in labels
    assert "Injuries to non-mobile babies" in labels or len(labels) > 15
    row = labels.index("Domestic abuse")
    themes.item(row).setCheckState(Qt.CheckState.Checked)
    stored = MeetingService(demo_session).load(case.case_id).learning.theme_keys
    assert stored == ("domestic_abuse",)
    sentence = widget.learning.recurrence_label.text()
    assert "'Domestic abuse' has come up in 1 other case" in sentence
    assert "RR-2026-004" in sentence
    themes.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert MeetingService(demo_session).load(case.case_id).learning.theme_keys == ()
