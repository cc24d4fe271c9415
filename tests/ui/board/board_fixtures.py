"""Helpers shared by the board's tests: cases in a real store, a movable today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rrdesk.domain.cases.cases import Case, Child, Stage
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session
from tests import builders

MONDAY = date(2026, 11, 23)


@dataclass
class Today:
    """A ``today()`` the test can move."""

    day: date = MONDAY

    def __call__(self) -> date:
        return self.day


def add_case(
    session: Session,
    reference: str,
    notified: date,
    *,
    pseudonym: str = "Child Q",
    real_name: str = "Quentin Fictional-Name",
    stage: Stage = Stage.NOTIFIED,
    profile: str = "tower-hamlets",
) -> int:
    case = Case(
        reference=reference,
        children=(Child(pseudonym, real_name),),
        notification_sent=notified,
        stage=stage,
        profile=profile,
    )
    saved = CaseService(session).add_case(case, today=MONDAY)
    assert saved.case_id is not None
    return saved.case_id


# Two cases whose meetings are booked, so the chair picks one to project.
PROJECTED = "RR-2026-062"
NOTIFIED = date(2026, 11, 16)


def add_booked_cases(session: Session, today: date) -> None:
    """The builders' panel, and two cases whose meetings are booked on following days."""
    builders.add_directory(session)
    for reference, day in (("RR-2026-061", date(2026, 11, 24)), (PROJECTED, date(2026, 11, 25))):
        case = builders.add_case(
            session, today=today, notified=NOTIFIED, stage=Stage.MEETING_BOOKED, reference=reference
        )
        builders.book_meeting(session, case, day)
