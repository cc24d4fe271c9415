"""A case sent to the National Panel, for the tests of waiting for and recording its response."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.services.store.session import Session
from tests.builders import (
    add_case,
    add_directory,
    decided,
    meeting_held,
    sent_to_national_panel,
    signed_off,
    voted,
)

NOTIFIED = date(2026, 11, 16)
SENT = date(2026, 12, 1)  # expected about 15 December 2026
CALENDAR = packaged_calendar()


def sent_case(session: Session) -> int:
    """The builders' panel, and a case notified on 16 November 2026, decided at its meeting on
    26 November and sent to the National Panel on 1 December: its id."""
    people = add_directory(session)
    case = add_case(session, today=SENT, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    assert case.case_id is not None
    meeting = meeting_held(session, case, held_on=date(2026, 11, 26), chair=people["Alex Chair"])
    meeting = decided(session, case, voted(session, case, meeting))
    meeting = signed_off(session, case, meeting, sent=SENT, agreed=SENT)
    sent_to_national_panel(session, case, meeting, on=SENT)
    return case.case_id
