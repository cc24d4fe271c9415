from dataclasses import replace

from rrdesk.domain.cases.audit import (
    GENESIS,
    AuditEntry,
    changed_fields,
    entry_hash,
    first_broken_entry,
)


def _chain(count: int) -> list[AuditEntry]:
    entries = []
    previous = GENESIS
    for number in range(count):
        entry = AuditEntry(
            "2026-11-22T10:00:00+00:00",
            "Rory",
            "rory",
            1,
            "case",
            "Changed the case",
            {"changed": [f"field{number}"]},
            entry_id=number + 1,
        )
        sealed = replace(entry, previous_hash=previous, hash=entry_hash(entry, previous))
        entries.append(sealed)
        previous = sealed.hash
    return entries


def test_whole_chain() -> None:
    entries = _chain(5)
    assert first_broken_entry(entries, expected_count=5, expected_head=entries[-1].hash) is None


def test_changed_entry_is_found() -> None:
    entries = _chain(5)
    entries[2] = replace(entries[2], actor="Someone else")
    broken = first_broken_entry(entries)
    assert broken is not None
    assert broken.position == 3
    assert "changed after it was written" in broken.reason


def test_deleted_entry_is_found() -> None:
    entries = _chain(5)
    del entries[1]
    broken = first_broken_entry(entries)
    assert broken is not None
    assert broken.position == 2


def test_deleted_last_entry_is_found_by_count() -> None:
    entries = _chain(5)
    broken = first_broken_entry(entries[:4], expected_count=5, expected_head=entries[-1].hash)
    assert broken is not None
    assert "should hold 5 entries" in broken.reason


def test_changed_fields() -> None:
    assert changed_fields({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == ["b", "c"]


def test_summary() -> None:
    assert _chain(1)[0].summary == "Changed the case: field0"
