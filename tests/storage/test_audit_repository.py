"""The audit trail as stored: its length and the seal at a position, read without the rest."""

from __future__ import annotations

from datetime import date

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
