"""Themes are ticked from the shared list, and the panel says where else they came up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from tests.builders import add_case, add_directory

TODAY = date(2026, 11, 23)


def test_ticking_a_theme_stores_it_and_shows_other_cases(qtbot: QtBot, session: Session) -> None:
    add_directory(session)
    earlier = add_case(session, today=TODAY, notified=date(2026, 6, 1), reference="RR-2026-007")
    assert earlier.case_id is not None
    ThemeService(session).record_theme(earlier.case_id, "domestic_abuse", TODAY)
    case = add_case(session, today=TODAY, notified=date(2026, 11, 16), reference="RR-2026-012")
    assert case.case_id is not None
    widget = MeetingWidget(MeetingService(session), case.case_id, lambda: TODAY)
    qtbot.addWidget(widget)
    widget.show()
    themes = widget.learning.theme_list
    labels = [themes.item(row).text() for row in range(themes.count())]
    assert "Domestic abuse" in labels
    assert "Injuries to non-mobile babies" in labels or len(labels) > 15
    row = labels.index("Domestic abuse")
    themes.item(row).setCheckState(Qt.CheckState.Checked)
    stored = MeetingService(session).load(case.case_id).learning.theme_keys
    assert stored == ("domestic_abuse",)
    sentence = widget.learning.recurrence_label.text()
    assert "'Domestic abuse' has come up in 1 other case" in sentence
    assert "RR-2026-007" in sentence
    assert "RR-2026-012" not in sentence
    themes.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert MeetingService(session).load(case.case_id).learning.theme_keys == ()
