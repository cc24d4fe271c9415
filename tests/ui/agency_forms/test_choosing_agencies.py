"""Choosing the agencies for a case on a new store: the agencies are those of the people the
coordinator added on the Directory screen, with nothing else set up."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.cases import Stage
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.ui.partnership.directory_widget import DirectoryWidget
from tests.builders import add_case
from tests.ui.agency_forms.forms_setup import click, open_tab, status_words

POLICE = "Northmoor Police"
SOCIAL_CARE = "Northmoor Children's Social Care"


def _add_person(qtbot, directory: DirectoryWidget, name: str, agency: str, email: str) -> None:  # type: ignore[no-untyped-def]
    """Type a person into the Directory screen and save them, as a coordinator does."""
    click(qtbot, directory.new_button)
    qtbot.keyClicks(directory.name, name)
    directory.agency.lineEdit().clear()
    qtbot.keyClicks(directory.agency.lineEdit(), agency)
    qtbot.keyClicks(directory.email, email)
    click(qtbot, directory.save_button)


def test_the_people_added_in_the_directory_bring_their_agencies(
    qtbot, blank_context, dialogs, today: date
) -> None:  # type: ignore[no-untyped-def]
    session = blank_context.session
    directory = DirectoryWidget(DirectoryService(session), blank_context.messages)
    qtbot.addWidget(directory)
    directory.show()
    _add_person(qtbot, directory, "Dana Okafor", POLICE, "dana.okafor@northmoor.example")
    _add_person(qtbot, directory, "Sam Reid", SOCIAL_CARE, "sam.reid@northmoor.example")
    _add_person(qtbot, directory, "Jo Brand", POLICE, "jo.brand@northmoor.example")
    assert directory.table.rowCount() == 3
    case = add_case(session, today=today, notified=date(2026, 11, 16), stage=Stage.NOTIFIED)

    widget, _service = open_tab(qtbot, blank_context, dialogs, case)
    dialogs.agencies = [POLICE, SOCIAL_CARE]
    click(qtbot, widget.buttons["choose"])

    assert dialogs.offered == [SOCIAL_CARE, POLICE], "each agency once, in the order of its name"
    assert blank_context.messages.shown == [], "no 'The directory has no agencies yet'"
    assert sorted(status_words(widget)) == [SOCIAL_CARE, POLICE]
    assert widget.summary.text() == "2 agencies chosen: 0 sent, 0 received, 0 quality assured."
