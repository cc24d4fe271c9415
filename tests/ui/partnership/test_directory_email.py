"""The directory checks a person's email address as the rest of rrdesk does (a case's referrer,
say): an address cut short is refused with the same words, and nothing is stored until it is
whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rrdesk.domain.cases.email_address import EMAIL_FORMAT_MESSAGE
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.store.session import Session
from rrdesk.ui.partnership.directory_widget import DirectoryWidget
from tests.builders import LA
from tests.fakes import RecordingMessages


def _person_typed(qtbot, session: Session, messages: RecordingMessages, email: str):  # type: ignore[no-untyped-def]
    widget = DirectoryWidget(DirectoryService(session), messages)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget.name, "Jo Bloggs")
    widget.agency.setCurrentText(LA)
    qtbot.keyClicks(widget.email, email)
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    return widget


@pytest.mark.parametrize(
    "email",
    ["jo.bloggs@", "jo.bloggs@example", "@example.org", "jo bloggs@example.org", "jo@@example.org"],
)
def test_an_email_address_that_is_not_whole_is_refused(  # type: ignore[no-untyped-def]
    qtbot, session: Session, messages: RecordingMessages, email: str
) -> None:
    widget = _person_typed(qtbot, session, messages, email)
    assert widget.summary.messages == [EMAIL_FORMAT_MESSAGE]
    assert widget.email_field.error.text().endswith(EMAIL_FORMAT_MESSAGE)
    assert [m.name for m in session.directory.members()] == []
    widget.email.clear()
    qtbot.keyClicks(widget.email, "jo.bloggs@example.org")
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    assert [(m.name, m.email) for m in session.directory.members()] == [
        ("Jo Bloggs", "jo.bloggs@example.org")
    ]


def test_no_email_address_is_fine_for_someone_who_is_not_an_executive(  # type: ignore[no-untyped-def]
    qtbot, session: Session, messages: RecordingMessages
) -> None:
    _person_typed(qtbot, session, messages, "")
    assert [m.name for m in session.directory.members()] == ["Jo Bloggs"]
