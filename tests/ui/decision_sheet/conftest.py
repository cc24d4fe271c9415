"""The cases the Decision sheet tab's tests open: one decided and awaiting sign-off, one whose
meeting is booked but not held. Built through the services."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.services.store.session import Session
from tests.builders import LA, POLICE, add_case, add_directory, decided, meeting_held, voted

TODAY = date(2026, 11, 23)
NOTIFIED = date(2026, 11, 16)
HELD = date(2026, 11, 20)
REFERENCE = "RR-2026-051"

# Enough on the record for a sheet of more than one page.
LEARNING = Learning(
    good_practice=("The school raised its concern on the day it arose.",) * 3,
    could_have_been_better=("Information was not shared between health and police.",) * 3,
    multi_agency=("Partners need a shared view of risk for babies.",) * 3,
    theme_keys=("domestic_abuse", "neglect"),
)


@pytest.fixture
def decided_case(session: Session) -> int:
    """A case whose meeting was held, voted (all yes) and decided: awaiting sign-off."""
    people = add_directory(session)
    case = add_case(
        session, today=TODAY, notified=NOTIFIED, stage=Stage.MEETING_BOOKED, reference=REFERENCE
    )
    assert case.case_id is not None
    meeting = meeting_held(
        session,
        case,
        held_on=HELD,
        chair=people["Alex Chair"],
        place="Civic Centre, Room 4",
        learning=LEARNING,
        actions=(
            ImmediateAction("Share the family's history with the GP", LA),
            ImmediateAction("Review the missing-episode plan", POLICE),
        ),
    )
    decided(session, case, voted(session, case, meeting))
    return case.case_id


@pytest.fixture
def booked_case(session: Session) -> int:
    """A case whose meeting is booked but has no record yet."""
    add_directory(session)
    case = add_case(session, today=TODAY, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    assert case.case_id is not None
    return case.case_id
