"""The directory: recording each statutory partner's executive lead and deputy."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.store.session import Session
from rrdesk.ui.partnership.directory_widget import COLUMNS, DirectoryWidget
from tests.builders import LA, add_directory
from tests.fakes import RecordingMessages


def _widget(qtbot, session: Session, messages: RecordingMessages) -> DirectoryWidget:  # type: ignore[no-untyped-def]
    widget = DirectoryWidget(DirectoryService(session), messages)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _add_person(qtbot, widget: DirectoryWidget, name: str, email: str, post: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget.name, name)
    widget.agency.setCurrentText(LA)
    qtbot.keyClicks(widget.email, email)
    widget.executive.setCurrentIndex(widget.executive.findText(post))
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)


def _row_of(widget: DirectoryWidget, name: str) -> dict[str, str]:
    for row in range(widget.table.rowCount()):
        item = widget.table.item(row, 0)
        if item is not None and item.text() == name:
            return {
                title: widget.table.item(row, column).text()  # type: ignore[union-attr]
                for column, title in enumerate(COLUMNS)
            }
    raise AssertionError(f"{name} is not listed")


def test_an_executive_lead_and_deputy_are_recorded_and_shown(
    qtbot, session: Session, messages: RecordingMessages
) -> None:
    add_directory(session)  # a panel already recorded, none of them an executive
    widget = _widget(qtbot, session, messages)
    _add_person(
        qtbot,
        widget,
        "Morwenna Tregear",
        "morwenna@northmoor.example",
        "Executive lead, local authority",
    )
    _add_person(
        qtbot, widget, "Ola Nordmann", "ola@northmoor.example", "Deputy executive, local authority"
    )
    assert _row_of(widget, "Morwenna Tregear")["Executive"] == "Executive lead, local authority"
    assert _row_of(widget, "Ola Nordmann")["Executive"] == "Deputy executive, local authority"
    stored = {m.name: m for m in session.directory.members()}
    assert stored["Morwenna Tregear"].agency == LA
    assert stored["Morwenna Tregear"].email == "morwenna@northmoor.example"
    assert stored["Morwenna Tregear"].executive_for is StatutoryPartner.LOCAL_AUTHORITY
    assert not stored["Morwenna Tregear"].executive_deputy
    assert stored["Ola Nordmann"].executive_deputy
    # choosing a person shows their post again
    names = [widget.table.item(row, 0).text() for row in range(widget.table.rowCount())]  # type: ignore[union-attr]
    widget.select_row(names.index("Ola Nordmann"))
    assert widget.executive.currentText() == "Deputy executive, local authority"
    assert messages.shown == []


def test_a_second_lead_for_the_same_partner_is_refused(
    qtbot, session: Session, messages: RecordingMessages
) -> None:
    add_directory(session)  # a panel already recorded, none of them an executive
    widget = _widget(qtbot, session, messages)
    _add_person(qtbot, widget, "Morwenna Tregear", "m@northmoor.example", "Executive lead, police")
    _add_person(qtbot, widget, "Another Person", "a@northmoor.example", "Executive lead, police")
    assert messages.texts == [
        "Morwenna Tregear is already the executive lead for the police. "
        "Change Morwenna Tregear first."
    ]
    assert "Another Person" not in {m.name for m in session.directory.members()}


def test_an_executive_needs_an_email_address(
    qtbot, session: Session, messages: RecordingMessages
) -> None:
    add_directory(session)  # a panel already recorded, none of them an executive
    widget = _widget(qtbot, session, messages)
    _add_person(qtbot, widget, "Morwenna Tregear", "", "Executive lead, health")
    assert "executives are sent the decision sheet by email" in widget.email_field.error.text()
    assert "Morwenna Tregear" not in {m.name for m in session.directory.members()}


def test_the_voting_hint_says_whose_process_names_the_non_voting_roles(
    qtbot, session: Session, messages: RecordingMessages
) -> None:
    session.settings.set("profile", "tower-hamlets")
    widget = _widget(qtbot, session, messages)
    assert widget.voting_hint.text() == (
        "A person added to the panel votes unless their role is one the Tower Hamlets process"
        " names as non-voting (THSCP Manager, THSCP Co-ordinator)."
    )


def test_a_person_added_to_the_panel_votes_unless_the_profile_names_their_role(
    qtbot, session: Session, messages: RecordingMessages
) -> None:
    widget = _widget(qtbot, session, messages)
    assert widget.voting_hint.text() == (
        "A person added to the panel votes unless their role is one the Statutory Rapid Review"
        " process names as non-voting (Partnership manager, Rapid Review coordinator)."
    )
    for name, role in (
        ("Rhian Coordinator-Test", "Rapid Review coordinator"),
        ("Sam Education-Test", "Education Safeguarding Coordinator"),
    ):
        qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(widget.name, name)
        widget.agency.setCurrentText("Northmoor Council Children's Social Care")
        qtbot.keyClicks(widget.role, role)
        widget.on_panel.click()
        qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    assert _row_of(widget, "Rhian Coordinator-Test")["Voting"] == "Non-voting"
    assert _row_of(widget, "Sam Education-Test")["Voting"] == "Voting"
    stored = {m.name: m for m in session.directory.members()}
    assert stored["Sam Education-Test"].voting
    assert not stored["Rhian Coordinator-Test"].voting
