"""The case repository's narrower reads: what the board and the local reviews need, read from the
store without the closed cases that after some years are nearly all of them."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.cases import Child, Stage
from rrdesk.services.store.session import Session
from tests import builders

TODAY = date(2026, 11, 23)


def add(session: Session, reference: str, stage: Stage, notified: date | None) -> None:
    builders.add_case(
        session,
        today=TODAY,
        notified=notified,
        stage=stage,
        reference=reference,
        children=(Child(f"Child {reference[-1]}", "Fictional Name"),),
    )


def test_open_summaries_are_the_open_notified_cases_newest_first(session: Session) -> None:
    add(session, "RR-2026-001", Stage.NOTIFIED, date(2026, 11, 2))
    add(session, "RR-2026-002", Stage.MEETING_BOOKED, date(2026, 11, 16))
    add(session, "RR-2026-003", Stage.REFERRED, None)
    add(session, "RR-2025-004", Stage.CLOSED, date(2025, 6, 2))
    add(session, "RR-2025-005", Stage.LOCAL_REVIEW, date(2025, 3, 3))
    add(session, "RR-2026-006", Stage.AWAITING_SIGN_OFF, date(2026, 10, 5))

    open_cases = session.cases.open_summaries()

    assert [(s.reference, s.stage, s.pseudonyms) for s in open_cases] == [
        ("RR-2026-002", Stage.MEETING_BOOKED, "Child 2"),
        ("RR-2026-001", Stage.NOTIFIED, "Child 1"),
        ("RR-2026-006", Stage.AWAITING_SIGN_OFF, "Child 6"),
    ]


def test_cases_at_chosen_stages_are_read_whole_and_alone(session: Session) -> None:
    add(session, "RR-2024-001", Stage.LOCAL_REVIEW, date(2024, 1, 8))
    add(session, "RR-2025-002", Stage.CLOSED, date(2025, 6, 2))
    add(session, "RR-2025-003", Stage.LOCAL_REVIEW, date(2025, 3, 3))

    reviews = session.cases.cases_at({Stage.LOCAL_REVIEW})

    assert [(c.reference, c.pseudonyms, c.notification_sent) for c in reviews] == [
        ("RR-2024-001", "Child 1", date(2024, 1, 8)),
        ("RR-2025-003", "Child 3", date(2025, 3, 3)),
    ]
    assert session.cases.cases_at({Stage.THRESHOLD_NOT_MET}) == []
    both = session.cases.cases_at({Stage.LOCAL_REVIEW, Stage.CLOSED})
    assert [c.reference for c in both] == ["RR-2024-001", "RR-2025-002", "RR-2025-003"]


def test_every_case_read_at_once_is_each_case_as_read_alone(session: Session) -> None:
    builders.add_case(
        session,
        today=TODAY,
        notified=date(2026, 11, 2),
        children=(
            Child("Child A", "First Fictional", date(2015, 3, 1)),
            Child("Child B", "Second Fictional"),
            Child("Child C", "Third Fictional"),
        ),
    )
    add(session, "RR-2026-002", Stage.CLOSED, date(2025, 6, 2))
    add(session, "RR-2026-003", Stage.REFERRED, None)

    every = session.cases.all_cases()

    assert every == [session.cases.get(case.case_id or 0) for case in every]
    assert [len(case.children) for case in every] == [3, 1, 1]
    assert [child.pseudonym for child in every[0].children] == ["Child A", "Child B", "Child C"]
