"""A meeting's case, built for the Meeting tab's tests: a panel with a GP and a police officer
who can stand in, a case whose meeting is booked, and one decided and awaiting sign-off."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.cases import Stage
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session
from tests.builders import (
    HEALTH,
    PANEL,
    POLICE,
    Directory,
    Person,
    add_case,
    add_directory,
    decided,
    meeting_held,
    voted,
)

TODAY = date(2026, 11, 23)
NOTIFIED = date(2026, 11, 16)
HELD = date(2026, 11, 20)
# Beside the builders' panel: a GP on the panel, and a police officer who can stand in.
GP = Person("Dr Ayşe Kılıç", HEALTH, "GP")
SUBSTITUTE = Person("Siôn Ó Briain", POLICE, "Detective Sergeant", on_panel=False)
# Names as long as real ones get: a double-barrelled name with a long role, a long agency.
LONG = (
    *PANEL,
    Person(
        "Dr Bartholomew Featherstonehaugh-Cholmondeley",
        "Westbury and District Integrated Care Board Safeguarding Children Team",
        "Designated Doctor for Safeguarding Children and Child Death Reviews",
    ),
    Person(
        "Anastasia Konstantinopoulou-Worthington",
        "Westbury Youth Justice and Targeted Early Help Partnership Service",
        "Deputy Head of Service for Exploitation and Missing Children",
        on_panel=False,
    ),
)


def booked_case(session: Session) -> tuple[Directory, int]:
    """The panel in the directory and a case whose meeting is booked but not yet held."""
    people = add_directory(session, (*PANEL, GP, SUBSTITUTE))
    case = add_case(session, today=TODAY, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    assert case.case_id is not None
    return people, case.case_id


def decided_case(session: Session, *, place: str = "Town Hall, Room 1") -> int:
    """A case whose meeting was held, voted (all yes) and decided: awaiting sign-off."""
    people = add_directory(session)
    case = add_case(session, today=TODAY, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    assert case.case_id is not None
    meeting = meeting_held(session, case, held_on=HELD, chair=people["Alex Chair"], place=place)
    decided(session, case, voted(session, case, meeting))
    assert CaseService(session).get(case.case_id).stage is Stage.AWAITING_SIGN_OFF  # type: ignore[union-attr]
    return case.case_id
