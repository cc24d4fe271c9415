"""The audit trail as stored: its length and the seal at a position, read without the rest."""

from __future__ import annotations

from datetime import date

from rrdesk.services.store.session import Session
from tests.builders import add_case


def test_length_and_the_seal_at_each_position_agree_with_the_entries(session) -> None:  # type: ignore[no-untyped-def]
    for number in range(3):
        add_case(session, today=date(2026, 11, 22), notified=date(2026, 11, 16 + number))
    entries = session.audit.entries()
    assert session.audit.length() == len(entries) > 3
    assert [session.audit.hash_at(n) for n in range(1, len(entries) + 1)] == [
        entry.hash for entry in entries
    ]
    assert session.audit.hash_at(len(entries) + 1) == ""  # past the end: no seal


def test_the_seal_at_a_position_is_found_by_counting_once_an_entry_is_removed_by_hand(
    session: Session,
) -> None:
    with session.db.transaction():
        for number in range(1, 8):
            session.record("store", "Noted", detail={"note": str(number)})
    entries = session.audit.entries()
    removed = entries[2]
    with session.db.transaction():
        session.db.execute("DELETE FROM audit WHERE id = ?", (removed.entry_id,))
    left = [entry.hash for entry in entries if entry is not removed]
    assert [session.audit.hash_at(n) for n in range(1, len(left) + 2)] == [*left, ""]


def test_a_page_is_the_newest_first_and_the_next_page_goes_on_from_its_last_entry(
    session: Session,
) -> None:
    with session.db.transaction():
        for number in range(1, 26):
            session.record("store", "Noted", detail={"note": str(number)})
    entries = session.audit.entries()
    newest_first = list(reversed(entries))
    first = session.audit.entries_page(None, 10)
    assert first == newest_first[:10]
    older = session.audit.entries_page(first[-1].entry_id, 10)
    assert older == newest_first[10:20]
    last = session.audit.entries_page(older[-1].entry_id, 10)
    assert last == newest_first[20:]
    assert 0 < len(last) < 10
    assert session.audit.entries_page(last[-1].entry_id, 10) == []
