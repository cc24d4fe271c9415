"""The decision on the Meeting tab: a decision against the vote's outcome asks why, and the sheet
cannot be signed until the reason is given."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from rrdesk.domain.meeting.decision import LearningRoute
from rrdesk.domain.meeting.vote import VoteChoice
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.session_services import SessionServices
from rrdesk.services.store.session import Session
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from tests.builders import add_case, add_directory, decided, meeting_held, voted

TODAY = date(2026, 11, 27)
NOT_SIGNED = (
    "Give the reason the decision differs from the vote's outcome ('Recommend a local review'):"
    " the decision sheet cannot be signed without it"
)


def test_a_decision_against_the_vote_needs_its_reason_before_signing(
    qtbot: QtBot, session: Session
) -> None:
    people = add_directory(session)
    case = add_case(session, today=TODAY, notified=date(2026, 11, 16), reference="RR-2026-041")
    assert case.case_id is not None
    meeting = meeting_held(session, case, held_on=TODAY, chair=people["Alex Chair"])
    meeting = voted(session, case, meeting, {people["Pat Officer"]: VoteChoice.NO})  # 3 to 1
    decided(session, case, meeting)
    widget = MeetingWidget(MeetingService(session), case.case_id, lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    panel = widget.decision
    assert not panel.differs_field.isVisible()

    button = widget.findChild(QRadioButton, "decision_do_not_recommend")
    assert isinstance(button, QRadioButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert panel.differs_field.isVisible()
    panel.route_combo.setCurrentIndex(panel.route_combo.findData(LearningRoute.AUDIT))
    panel.route_combo.activated.emit(panel.route_combo.currentIndex())
    assert panel.warnings.text().splitlines() == [
        "Warning: The vote's outcome was 'Recommend a local review', but the decision is 'Do"
        " not recommend a local Child Safeguarding Practice Review'",
        f"{NOT_SIGNED}.",
    ]
    sheets = SessionServices(session).decision_sheets
    assert sheets.problems(case.case_id) == (NOT_SIGNED,)
    assert NOT_SIGNED in widget.problems.text()

    reason = "The police shared new information after the vote."
    qtbot.keyClicks(panel.differs, reason)
    panel.differs.finish()
    stored = MeetingService(session).load(case.case_id).decision
    assert stored is not None
    assert stored.differs_reason == reason
    assert sheets.problems(case.case_id) == ()
    vote_on_sheet = sheets.prepare(case.case_id, TODAY).content.vote
    assert vote_on_sheet is not None
    assert vote_on_sheet.decision_differs_because == reason
    assert "cannot be signed" not in panel.warnings.text()
    assert "The record is complete" in widget.problems.text()
