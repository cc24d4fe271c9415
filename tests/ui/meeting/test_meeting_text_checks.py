"""The meeting's notes that are printed on the decision sheet (the rationale, a decision that
differs from the vote, dissent, the learning and the immediate actions) are checked as the
agency forms are."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.kit.findings_panel import CheckedText
from rrdesk.ui.meeting.meeting_panel import NoteEdit
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from tests.builders import add_case, add_directory, meeting_held

TODAY = date(2026, 11, 27)


def test_the_rationale_is_checked_with_one_click_fixes(qtbot: QtBot, session: Session) -> None:
    people = add_directory(session)
    case = add_case(session, today=TODAY, notified=date(2026, 11, 16), reference="RR-2026-042")
    assert case.case_id is not None
    meeting_held(session, case, held_on=TODAY, chair=people["Alex Chair"])
    widget = MeetingWidget(MeetingService(session), case.case_id, lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    rationale = widget.decision.rationale
    qtbot.keyClicks(rationale, "Known to CSC. Mum disclosed DV.")
    assert [f.text for f in rationale.findings] == ["CSC", "Mum", "DV"]
    box = rationale.parentWidget()
    assert isinstance(box, CheckedText)
    assert box.panel.isVisible()
    qtbot.waitUntil(lambda: len(box.panel.shown) == 3)
    fix = next(b for b in box.panel.buttons if "domestic abuse" in b.text())
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert rationale.toPlainText() == "Known to CSC. Mum disclosed domestic abuse."
    assert all(isinstance(n.parentWidget(), CheckedText) for n in widget.findChildren(NoteEdit))
    action = widget.actions_panel.action_edit
    qtbot.keyClicks(action, "CSC to share the plan.")
    assert [f.text for f in action.findings] == ["CSC"], "an immediate action is checked too"
