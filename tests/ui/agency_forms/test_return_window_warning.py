"""Tower Hamlets step 10 on the Agency forms tab: a request recorded as sent, whose form is due
after the latest day for the meeting (step 8), says so in the requests table."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.cases import Case
from rrdesk.services.store.session import Session
from tests.builders import HOUSING, add_case
from tests.ui.agency_forms.forms_setup import agencies, click, open_tab, status_words

DUE_BACK_COLUMN = 2


def _tower_hamlets_case(session: Session, today: date) -> Case:
    session.settings.set("profile", "tower-hamlets")
    agencies(session)
    return add_case(session, today=today, notified=date(2026, 11, 16))  # day 10: 30 November


def test_a_request_due_after_the_meeting_is_warned_in_the_table(
    qtbot, blank_context, dialogs, session, today
) -> None:  # type: ignore[no-untyped-def]
    case = _tower_hamlets_case(session, today)
    widget, _service = open_tab(qtbot, blank_context, dialogs, case)
    dialogs.agencies = [HOUSING]
    click(qtbot, widget.buttons["choose"])
    widget.select_agency(HOUSING)
    dialogs.date = date(2026, 11, 20)  # day 4: due 8 working days later, 2 December
    click(qtbot, widget.buttons["sent"])
    assert status_words(widget)[HOUSING].endswith(
        "Sent 20 November 2026, due 2 December 2026. This form is due on 2 December 2026, after"
        " 30 November 2026, the latest day for the meeting. Ask for it by 27 November 2026 so"
        " the panel has it."
    )
    due_back = widget.table.item(0, DUE_BACK_COLUMN).text()
    assert due_back == "2 December 2026\n\u26a0 After the meeting"


def test_a_request_due_before_the_meeting_has_no_warning(
    qtbot, blank_context, dialogs, session, today
) -> None:  # type: ignore[no-untyped-def]
    case = _tower_hamlets_case(session, today)
    widget, _service = open_tab(qtbot, blank_context, dialogs, case)
    dialogs.agencies = [HOUSING]
    click(qtbot, widget.buttons["choose"])
    widget.select_agency(HOUSING)
    dialogs.date = date(2026, 11, 18)  # due 30 November, the latest day for the meeting
    click(qtbot, widget.buttons["sent"])
    assert status_words(widget)[HOUSING].endswith("Sent 18 November 2026, due 30 November 2026.")
    assert widget.table.item(0, DUE_BACK_COLUMN).text() == "30 November 2026"
