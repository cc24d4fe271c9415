"""A whole panel meeting, run as the chair would, on a real encrypted store."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.meeting.attendance import AttendanceStatus
from rrdesk.domain.meeting.decision import DecisionKind
from rrdesk.domain.meeting.vote import VoteOutcome
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.meeting.meeting_panel import NoteEdit
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from tests.builders import HOUSING
from tests.ui.meeting.meeting_cases import GP, SUBSTITUTE, TODAY, booked_case, decided_case

W = TypeVar("W", bound=QWidget)


def _open(qtbot: QtBot, session: Session, case_id: int) -> MeetingWidget:
    widget = MeetingWidget(MeetingService(session), case_id, lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def _find(widget: MeetingWidget, kind: type[W], name: str) -> W:
    found = widget.findChild(kind, name)
    assert found is not None, name
    assert found.accessibleName(), f"{name} has no accessible name"
    return found


def _choose(combo: QComboBox, data: object) -> None:
    """Pick an entry as a person does from the drop-down list."""
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _type_and_enter(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def _click(qtbot: QtBot, button: QPushButton | QRadioButton) -> None:
    qtbot.waitUntil(button.isVisible)  # new rows are shown once the event loop runs
    # Click on the words, near the start, as a radio button only answers there.
    at = QPoint(8, button.height() // 2)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=at)


def test_the_chair_runs_a_whole_meeting(qtbot: QtBot, session: Session) -> None:
    people, case_id = booked_case(session)
    widget = _open(qtbot, session, case_id)
    chair = people["Alex Chair"]
    police = people["Pat Officer"]
    substitute = people[SUBSTITUTE.name]
    gp = people[GP.name]

    # When and where, and the chair.
    date_input = widget.details.date_input
    qtbot.keyClicks(date_input.day, "24")
    qtbot.keyClicks(date_input.month, "11")
    qtbot.keyClicks(date_input.year, "2026")
    qtbot.keyClick(date_input.year, Qt.Key.Key_Return)
    _type_and_enter(qtbot, _find(widget, QLineEdit, "meeting_time"), "10am")
    _type_and_enter(qtbot, _find(widget, QLineEdit, "meeting_place"), "Civic Centre, Room 4")

    # Attendance is taken, not assumed: until it is, there is no quorum and no vote.
    quorum = _find(widget, QLabel, "quorum_status")
    assert quorum.text() == "Attendance not taken yet: 6 people not recorded"
    police_status = _find(widget, QComboBox, f"attendance_status_{police}")
    assert police_status.currentText() == "Not recorded"
    assert _find(widget, QLabel, "vote_state").text() == (
        "The vote has not been opened."
        " It cannot open until attendance is taken: 6 people not recorded."
    )
    _click(qtbot, _find(widget, QPushButton, "open_vote_button"))
    assert widget.vote.errors.messages == [
        "The vote cannot open until attendance is taken: 6 people not recorded as present,"
        " sent apologies or absent"
    ]
    assert widget.meeting().vote is None

    # Police send apologies and everyone else is there, so quorum is lost until the
    # substitute comes.
    _choose(police_status, AttendanceStatus.APOLOGIES)
    assert quorum.text() == "Attendance not taken yet: 5 people not recorded"
    _click(qtbot, _find(widget, QPushButton, "everyone_present_button"))
    assert quorum.text() == "Quorum not met: Police are not represented by a voting member"
    assert police_status.currentText() == "Sent apologies"
    assert not _find(widget, QPushButton, "everyone_present_button").isEnabled()
    _choose(_find(widget, QComboBox, "substitute_person"), substitute)
    _choose(_find(widget, QComboBox, "substitute_for"), police)
    _click(qtbot, _find(widget, QPushButton, "add_substitute_button"))
    assert quorum.text() == "Quorum met"
    assert (
        "Substitute for Pat Officer" in _find(widget, QLabel, f"attendee_name_{substitute}").text()
    )
    _choose(_find(widget, QComboBox, "meeting_chair"), chair)

    # A conflict of interest: recused from this case's vote.
    _type_and_enter(qtbot, _find(widget, QLineEdit, f"conflict_note_{gp}"), "GP to the family")
    assert _find(widget, QLabel, f"attendance_note_{gp}").text() == (
        "Recused from this case's vote: conflict of interest"
    )

    # A criterion, answered with a note.
    _click(qtbot, _find(widget, QRadioButton, "criterion_improvements_needed_yes"))
    _type_and_enter(
        qtbot, _find(widget, QLineEdit, "criterion_improvements_needed_note"), "Neglect missed"
    )

    # The vote: the recused GP cannot vote; the substitute votes for the police.
    _click(qtbot, _find(widget, QPushButton, "open_vote_button"))
    vote = widget.meeting().vote
    assert vote is not None
    voters = {v.member_id for v in vote.voters}
    assert gp not in voters
    assert substitute in voters
    assert police not in voters
    assert voters == {chair, people["Dr Hana Nurse"], people["Sam Teacher"], substitute}
    assert (
        "Dr Ayşe Kılıç (recused: conflict of interest)"
        in _find(widget, QLabel, "not_voting_list").text()
    )
    for member_id in voters:
        choice = "no" if member_id == chair else "yes"
        _click(qtbot, _find(widget, QRadioButton, f"vote_{member_id}_{choice}"))
    tally = _find(widget, QLabel, "vote_tally")
    assert tally.text() == "Tally: 3 yes, 1 no, 0 abstentions"
    _click(qtbot, _find(widget, QPushButton, "close_vote_button"))
    assert _find(widget, QLabel, "vote_outcome").text() == "Outcome: Recommend a local review"

    # The decision, with its rationale: saved when the chair moves on.
    _click(qtbot, _find(widget, QRadioButton, "decision_recommend"))
    rationale = _find(widget, NoteEdit, "decision_rationale")
    qtbot.keyClicks(rationale, "Three criteria are met.")
    rationale.finish()
    assert _find(widget, QLabel, "decision_status").text() == (
        "Decision recorded: Recommend a local Child Safeguarding Practice Review."
    )

    # What was stored is what the chair saw.
    stored = MeetingService(session).load(case_id)
    assert stored == widget.meeting()
    assert stored.held_on == date(2026, 11, 24)
    assert stored.place == "Civic Centre, Room 4"
    assert stored.chair_id == chair
    assert stored.recused == frozenset({gp})
    assert stored.vote is not None
    assert stored.vote.closed
    assert stored.vote.outcome is VoteOutcome.RECOMMEND
    assert stored.decision is not None
    assert stored.decision.kind is DecisionKind.RECOMMEND_LOCAL_REVIEW
    assert CaseService(session).get(case_id).stage is Stage.AWAITING_SIGN_OFF  # type: ignore[union-attr]
    assert {a.status for a in stored.attendees} == {
        AttendanceStatus.PRESENT,
        AttendanceStatus.APOLOGIES,
    }
    notes = [e.summary for e in session.audit.entries(case_id)]
    assert "Changed the meeting record: Dr Ayşe Kılıç declared a conflict of interest" in notes
    assert "Changed the meeting record: Everyone not yet recorded marked present" in notes


def test_reopening_the_vote_needs_a_reason(qtbot: QtBot, session: Session) -> None:
    case_id = decided_case(session)
    widget = _open(qtbot, session, case_id)
    _click(qtbot, _find(widget, QPushButton, "reopen_vote_button"))
    assert widget.vote.errors.isVisible()
    assert widget.vote.errors.messages == ["Enter the reason for reopening the vote"]
    _type_and_enter(qtbot, _find(widget, QLineEdit, "reopen_reason"), "A vote was misheard")
    _click(qtbot, _find(widget, QPushButton, "reopen_vote_button"))
    assert not widget.vote.errors.isVisible()
    assert "Reopened: A vote was misheard" in _find(widget, QLabel, "reopenings_list").text()
    stored = MeetingService(session).load(case_id)
    assert stored.vote is not None
    assert not stored.vote.closed
    assert stored.vote.reopenings[0].reason == "A vote was misheard"


def test_a_wrong_time_is_shown_gov_uk_style(qtbot: QtBot, session: Session) -> None:
    _people, case_id = booked_case(session)
    widget = _open(qtbot, session, case_id)
    _type_and_enter(qtbot, _find(widget, QLineEdit, "meeting_time"), "teatime")
    assert widget.details.errors.messages == [
        "Enter the time the meeting starts, like 10am or 14:30"
    ]
    assert widget.details.time_field.error.text() == (
        "Error: Enter the time the meeting starts, like 10am or 14:30"
    )
    assert not MeetingService(session).is_saved(case_id)


def test_an_action_needs_its_owner(qtbot: QtBot, session: Session) -> None:
    _people, case_id = booked_case(session)
    widget = _open(qtbot, session, case_id)
    qtbot.keyClicks(_find(widget, NoteEdit, "action_text"), "Share attendance concerns")
    owner = _find(widget, QComboBox, "action_owner")
    assert owner.findText(HOUSING) >= 0, "the directory's agencies are offered"
    owner.setCurrentText("")
    _click(qtbot, _find(widget, QPushButton, "add_action_button"))
    assert widget.actions_panel.errors.messages == ["Enter the agency that owns the action"]
    qtbot.keyClicks(owner, HOUSING)
    _click(qtbot, _find(widget, QPushButton, "add_action_button"))
    assert _find(widget, QLabel, "action_0").text() == (f"1. Share attendance concerns ({HOUSING})")
    assert MeetingService(session).load(case_id).actions[0].owner_agency == HOUSING


def test_sign_off_then_the_national_panel(qtbot: QtBot, session: Session) -> None:
    case_id = decided_case(session)
    widget = _open(qtbot, session, case_id)
    panel = widget.sign_off
    step = _find(widget, QComboBox, "sign_off_step")
    partner = _find(widget, QComboBox, "sign_off_partner")
    record = _find(widget, QPushButton, "record_sign_off_button")
    for index in range(partner.count()):
        partner.setCurrentIndex(index)
        step.setCurrentIndex(0)  # sent for sign-off
        _click(qtbot, record)
        step.setCurrentIndex(1)  # agreed
        qtbot.keyClicks(_find(widget, QLineEdit, "sign_off_name"), f"Executive {index}")
        _click(qtbot, record)
        assert not panel.errors.isVisible(), panel.errors.messages
    assert (
        "Agreed on 23 November 2026 by Executive 1"
        in _find(widget, QLabel, "sign_off_status_police").text()
    )
    _click(qtbot, _find(widget, QPushButton, "record_national_panel_button"))
    status = _find(widget, QLabel, "national_panel_status").text()
    assert status.startswith("Sent to the National Panel on 23 November 2026: working day")
    assert any(
        "Sent to the National Panel on 23 November 2026, working day" in entry.summary
        for entry in session.audit.entries(case_id)
    )
    assert CaseService(session).get(case_id).stage is Stage.SENT_TO_NATIONAL_PANEL  # type: ignore[union-attr]


def test_a_partner_who_does_not_agree_opens_a_meeting_with_the_chair(
    qtbot: QtBot, session: Session
) -> None:
    session.settings.set("profile", "tower-hamlets")  # step 19: the Rapid Review chair first
    case_id = decided_case(session)
    widget = _open(qtbot, session, case_id)
    step = _find(widget, QComboBox, "sign_off_step")
    record = _find(widget, QPushButton, "record_sign_off_button")
    _click(qtbot, record)  # local authority: sent
    step.setCurrentIndex(2)  # did not agree
    _click(qtbot, record)
    assert widget.sign_off.errors.messages == ["Enter why the local authority do not agree"]
    qtbot.keyClicks(_find(widget, QLineEdit, "sign_off_comments"), "Rationale too thin")
    _click(qtbot, record)
    assert (
        "Meeting with the chair for local authority: to be held"
        in _find(widget, QLabel, "chair_meetings").text()
    )
    assert "Hold a meeting with the Rapid Review chair" in (
        _find(widget, QLabel, "sign_off_next_steps").text()
    )


def test_a_change_after_export_says_the_next_sheet_is_version_2(
    qtbot: QtBot, session: Session
) -> None:
    case_id = decided_case(session, place="Civic Centre, Room 4")
    from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for

    sheets = decision_sheet_service_for(session)
    sheets.keep(sheets.prepare(case_id, TODAY), b"%PDF-1 signed")
    widget = _open(qtbot, session, case_id)
    sheet = _find(widget, QLabel, "meeting_sheet_status")
    assert sheet.text() == "Decision sheet version 1 exported on 23 November 2026."
    place = _find(widget, QLineEdit, "meeting_place")
    place.clear()
    _type_and_enter(qtbot, place, "Town Hall")
    assert "the next export is version 2" in sheet.text()
    assert "Town Hall" in sheet.text()


def test_the_tab_reads_the_record_again_when_shown(qtbot: QtBot, session: Session) -> None:
    case_id = decided_case(session)
    widget = _open(qtbot, session, case_id)
    MeetingService(session).record_sent_for_sign_off(case_id, TODAY)
    widget.hide()
    widget.show()
    stored = MeetingService(session).load(case_id)
    assert widget.meeting() == stored
    assert _find(widget, QLabel, "sign_off_status_police").text() == (
        "Police: Awaiting an answer (sent 23 November 2026)"
    )
