"""A partner not agreeing the decision sheet on the sign-off panel, by the profile's route
(Leeds line 35: the Executive decides; Tower Hamlets steps 19 and 24: the Rapid Review chair,
then the Executive chair), with the dissent shown and sent with the decision."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.decision_sheet.sign_off_panel import SignOffStep
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from tests.ui.meeting.meeting_cases import TODAY, decided_case

DAY_15 = date(2026, 12, 7)  # notified 16 November 2026


class SignOffScreen:
    """The Meeting tab's sign-off panel, driven as the coordinator does."""

    def __init__(self, qtbot: QtBot, session: Session, case_id: int, today: date) -> None:
        self.qtbot = qtbot
        self.widget = MeetingWidget(MeetingService(session), case_id, lambda: today)
        qtbot.addWidget(self.widget)
        self.widget.resize(1200, 800)
        self.widget.show()

    def find(self, kind: type, name: str):  # type: ignore[no-untyped-def]
        found = self.widget.findChild(kind, name)
        assert found is not None, name
        return found

    def text(self, name: str) -> str:
        label = self.find(QLabel, name)
        return label.text() if label.isVisible() else ""

    def record(self, partner: StatutoryPartner, step: SignOffStep, comments: str = "") -> None:
        for combo, data in (("sign_off_partner", partner), ("sign_off_step", step)):
            box = self.find(QComboBox, combo)
            box.setCurrentIndex(box.findData(data))
        comment_box = self.find(QLineEdit, "sign_off_comments")
        comment_box.clear()
        self.qtbot.keyClicks(comment_box, comments)
        self.click("record_sign_off_button")

    def click(self, name: str) -> None:
        button = self.find(QPushButton, name)
        self.qtbot.waitUntil(button.isVisible)
        self.qtbot.mouseClick(
            button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2)
        )

    @property
    def errors(self) -> list[str]:
        return list(self.widget.sign_off.errors.messages)


def _signed_but_police(screen: SignOffScreen) -> None:
    for partner in StatutoryPartner:
        screen.record(partner, SignOffStep.SENT)
        if partner is not StatutoryPartner.POLICE:
            screen.record(partner, SignOffStep.AGREED)
    screen.record(StatutoryPartner.POLICE, SignOffStep.NOT_AGREED, "No learning for the police")


def test_leeds_line_35_the_executive_decides_on_a_dissent(qtbot: QtBot, session: Session) -> None:
    session.settings.set("profile", "leeds")
    screen = SignOffScreen(qtbot, session, decided_case(session), TODAY)
    assert "has their dissent recorded, and the LSCP Executive decide" in screen.text(
        "dissent_route"
    )
    _signed_but_police(screen)
    assert screen.text("chair_meetings") == ""
    assert screen.text("sign_off_dissents") == (
        "Dissent recorded: The police did not agree on 23 November 2026: No learning for the"
        " police. It goes on the decision sheet and the submission."
    )
    assert "Record what the LSCP Executive decided on the police's dissent" in screen.text(
        "sign_off_next_steps"
    )
    screen.click("record_national_panel_button")
    assert screen.errors == [
        "The police did not agree: record what the LSCP Executive decided, or send the sheet to"
        " them again. From working day 15 you can send the decision with their dissent recorded"
    ]
    screen.record(StatutoryPartner.POLICE, SignOffStep.DECIDED, "The recommendation stands")
    assert screen.errors == []
    assert "Decided by the LSCP Executive on 23 November 2026: The recommendation stands." in (
        screen.text("sign_off_dissents")
    )
    screen.click("record_national_panel_button")
    assert screen.text("national_panel_status").startswith(
        "Sent to the National Panel on 23 November 2026"
    )


def test_tower_hamlets_step_19_the_chair_meets_and_day_15_sends_with_the_dissent(
    qtbot: QtBot, session: Session
) -> None:
    session.settings.set("profile", "tower-hamlets")
    screen = SignOffScreen(qtbot, session, decided_case(session), DAY_15)
    assert "meets the Rapid Review chair" in screen.text("dissent_route")
    assert "it goes to the Executive chair, who decides" in screen.text("dissent_route")
    _signed_but_police(screen)
    assert "to be held" in screen.text("chair_meetings")
    assert (
        "From working day 15 the decision can go to the National Panel with the police's"
        " dissent recorded" in screen.text("sign_off_next_steps")
    )
    screen.click("record_national_panel_button")  # day 15: the dissent does not hold it back
    assert screen.errors == []
    assert screen.text("national_panel_status").startswith(
        "Sent to the National Panel on 7 December 2026: working day 15, within"
    )
