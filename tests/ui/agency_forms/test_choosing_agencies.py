"""Choosing the agencies for a case on a new store: the agencies are those of the people the
coordinator added on the Directory screen, with nothing else set up."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.cases.directory import Member
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.ui.partnership.directory_widget import DirectoryWidget
from tests.builders import add_case
from tests.ui.agency_forms.forms_setup import click, open_tab, status_words

POLICE = "Northmoor Police"
SOCIAL_CARE = "Northmoor Children's Social Care"
HEALTH = "Northmoor Health Visiting"


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


def test_the_agencies_chosen_are_requested_together(
    qtbot, blank_context, dialogs, today: date
) -> None:  # type: ignore[no-untyped-def]
    session = blank_context.session
    directory = DirectoryService(session)
    for name, agency in (("Dana Okafor", POLICE), ("Sam Reid", SOCIAL_CARE), ("Ife Ali", HEALTH)):
        directory.save_member(Member(name, agency, email=f"{name.split()[0].lower()}@n.example"))
    case = add_case(session, today=today, notified=date(2026, 11, 16), stage=Stage.NOTIFIED)
    widget, service = open_tab(qtbot, blank_context, dialogs, case)
    dialogs.agencies = [POLICE, HEALTH]
    click(qtbot, widget.buttons["choose"])
    dialogs.agencies = [POLICE, HEALTH, SOCIAL_CARE]
    widget.select_agency(POLICE)
    dialogs.date = date(2026, 11, 17)
    click(qtbot, widget.buttons["sent"])

    click(qtbot, widget.buttons["choose"])
    assert widget.selected_agencies() == [SOCIAL_CARE, HEALTH], "the two not yet asked"
    assert not widget.buttons["open"].isEnabled(), "one form is opened at a time"
    dialogs.date = date(2026, 11, 18)
    click(qtbot, widget.buttons["sent"])

    assert dialogs.questions[-1] == (f"When were the requests sent to {SOCIAL_CARE} and {HEALTH}?")
    words = status_words(widget)
    assert words[POLICE].endswith("Sent 17 November 2026, due 27 November 2026.")
    assert words[HEALTH].endswith("Sent 18 November 2026, due 30 November 2026.")
    assert words[SOCIAL_CARE].endswith("Sent 18 November 2026, due 30 November 2026.")
    assert widget.summary.text() == "3 agencies chosen: 3 sent, 0 received, 0 quality assured."
    stored = {r.agency: r.stage.on for r in service.requests(case.case_id) if r.stage}
    assert stored == {
        POLICE: date(2026, 11, 17),
        HEALTH: date(2026, 11, 18),
        SOCIAL_CARE: date(2026, 11, 18),
    }


def test_a_status_too_long_for_its_column_wraps_rather_than_being_cut(
    qtbot, blank_context, dialogs, today: date
) -> None:  # type: ignore[no-untyped-def]
    session = blank_context.session
    DirectoryService(session).save_member(Member("Dana Okafor", POLICE, email="d@n.example"))
    case = add_case(session, today=today, notified=date(2026, 11, 16), stage=Stage.NOTIFIED)
    widget, _service = open_tab(qtbot, blank_context, dialogs, case)
    widget.resize(780, 600)  # the tab on a 1024 by 768 screen
    dialogs.agencies = [POLICE]
    click(qtbot, widget.buttons["choose"])
    dialogs.date = date(2026, 11, 2)
    click(qtbot, widget.buttons["sent"])
    qtbot.waitUntil(lambda: widget.table.rowHeight(0) > widget.fontMetrics().lineSpacing() * 2)

    status = widget.table.item(0, 1).text()
    assert "Overdue: was due 12 November 2026 (sent 2 November 2026)" in status
    width = widget.table.columnWidth(1)
    lines = widget.table.rowHeight(0) // widget.fontMetrics().lineSpacing()
    assert widget.fontMetrics().horizontalAdvance(status) > width, "too long for one line"
    assert lines * width >= widget.fontMetrics().horizontalAdvance(status), "all of it shows"
