"""Partnership settings' Contact details (typed, checked and kept for every letter) and the
marking of shared briefings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rrdesk.domain.cases.partnership_contact import PartnershipContact
from rrdesk.services.after_meeting.report_service import ReportService
from rrdesk.services.partnership.contact_details import ContactDetails
from rrdesk.services.store.session import Session
from rrdesk.ui.partnership.briefing_marking_box import BriefingMarkingBox
from rrdesk.ui.partnership.contact_details_box import ContactDetailsBox
from tests.fakes import RecordingMessages


def _box(qtbot, session: Session, messages: RecordingMessages) -> ContactDetailsBox:  # type: ignore[no-untyped-def]
    box = ContactDetailsBox(ContactDetails(session), messages)
    qtbot.addWidget(box)
    box.show()
    return box


def test_the_contact_details_are_typed_and_kept(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    messages = RecordingMessages()
    box = _box(qtbot, session, messages)
    qtbot.keyClicks(box.address, "Northmoor Town Hall")
    qtbot.keyClick(box.address, Qt.Key.Key_Return)
    qtbot.keyClicks(box.address, "  Northmoor   NM1 1AA ")
    qtbot.keyClicks(box.telephone, "01632 960000")
    qtbot.keyClicks(box.email, "lscp@northmoor.example")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)

    assert ContactDetails(session).contact() == PartnershipContact(
        ("Northmoor Town Hall", "Northmoor NM1 1AA"), "01632 960000", "lscp@northmoor.example"
    )
    assert box.address.toPlainText() == "Northmoor Town Hall\nNorthmoor NM1 1AA"
    assert "Letters made from now on carry these details" in messages.texts[-1]
    entries = session.audit.entries()
    assert entries[-1].action == "Saved the partnership's contact details"


def test_an_email_address_that_cannot_be_used_is_refused_and_nothing_kept(  # type: ignore[no-untyped-def]
    qtbot, session: Session
) -> None:
    messages = RecordingMessages()
    box = _box(qtbot, session, messages)
    qtbot.keyClicks(box.telephone, "01632 960000")
    qtbot.keyClicks(box.email, "lscp at northmoor")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)

    assert messages.texts[-1] == (
        "Enter the email address in the right form, like lscp@example.org"
    )
    assert not ContactDetails(session).contact().recorded


def test_the_marking_of_shared_briefings_is_kept(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    messages = RecordingMessages()
    reports = ReportService(session)
    box = BriefingMarkingBox(reports, messages)
    qtbot.addWidget(box)
    assert box.marking.text() == "OFFICIAL"
    box.marking.clear()
    qtbot.keyClicks(box.marking, "official-sensitive")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert reports.briefing_marking() == "OFFICIAL-SENSITIVE"
    assert messages.texts[-1] == "Briefings made from now on are marked OFFICIAL-SENSITIVE."
