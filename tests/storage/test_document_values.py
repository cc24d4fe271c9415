"""One part of every case's document read at once, without the rest (the themes of every meeting,
say)."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.services.store.session import Session
from tests.builders import add_case

TODAY = date(2026, 11, 20)


def test_the_part_at_a_path_is_read_from_each_case_that_has_it(session: Session) -> None:
    first, second, third = (
        add_case(session, today=TODAY, notified=date(2026, 11, day)).case_id for day in (2, 3, 4)
    )
    assert first is not None
    assert second is not None
    assert third is not None
    with session.db.transaction():
        session.documents.put(
            first, DocumentKind.MEETING, {"learning": {"theme_keys": ["neglect"]}}
        )
        session.documents.put(second, DocumentKind.MEETING, {"learning": {}})
        session.documents.put(
            third, DocumentKind.CASE_THEMES, {"learning": {"theme_keys": ["other"]}}
        )
        session.documents.put(
            third,
            DocumentKind.MEETING,
            {"learning": {"theme_keys": ["a named copy"]}},
            name="draft",
        )

    found = session.documents.values_at(DocumentKind.MEETING, "$.learning.theme_keys")

    assert found == {first: ["neglect"]}
