from dataclasses import replace

from rrdesk.domain.cases.audit import (
    GENESIS,
    AuditAnchor,
    AuditEntry,
    anchor_break_at,
    changed_fields,
    entry_hash,
    first_broken_entry,
    unkeyed_entry_hash,
)

KEY = bytes(range(32))


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
        sealed = replace(entry, previous_hash=previous, hash=entry_hash(entry, previous, KEY))
        entries.append(sealed)
        previous = sealed.hash
    return entries


def test_whole_chain() -> None:
    entries = _chain(5)
    anchor = AuditAnchor(entries[-1].hash, 5)
    assert first_broken_entry(entries, key=KEY, anchor=anchor) is None


def test_a_chain_ahead_of_its_anchor_is_whole() -> None:
    """rrdesk stopped after saving a change but before writing its anchor."""
    entries = _chain(5)
    assert first_broken_entry(entries, key=KEY, anchor=AuditAnchor(entries[2].hash, 3)) is None


def test_a_chain_with_no_anchor_is_not_whole() -> None:
    broken = first_broken_entry(_chain(3), key=KEY, anchor=None)
    assert broken is not None
    assert "no record of the trail's length outside the store" in broken.reason


def test_a_chain_rebuilt_with_plain_hashes_is_found() -> None:
    """Re-hashing every entry (as SHA-256 alone once allowed) no longer makes a chain that holds."""
    entries = _chain(4)
    rebuilt, previous = [], GENESIS
    for entry in entries[:3]:
        sealed = replace(entry, previous_hash=previous, hash=unkeyed_entry_hash(entry, previous))
        rebuilt.append(sealed)
        previous = sealed.hash
    broken = first_broken_entry(rebuilt, key=KEY, anchor=AuditAnchor(previous, 3))
    assert broken is not None
    assert broken.position == 1


def test_a_chain_under_another_key_is_found() -> None:
    entries = _chain(2)
    broken = first_broken_entry(entries, key=bytes(32), anchor=AuditAnchor(entries[-1].hash, 2))
    assert broken is not None
    assert "changed after it was written" in broken.reason


def test_changed_entry_is_found() -> None:
    entries = _chain(5)
    entries[2] = replace(entries[2], actor="Someone else")
    broken = first_broken_entry(entries, key=KEY, anchor=AuditAnchor(entries[-1].hash, 5))
    assert broken is not None
    assert broken.position == 3
    assert "changed after it was written" in broken.reason


def test_deleted_entry_is_found() -> None:
    entries = _chain(5)
    del entries[1]
    broken = first_broken_entry(entries, key=KEY, anchor=AuditAnchor(entries[-1].hash, 4))
    assert broken is not None
    assert broken.position == 2


def test_deleted_last_entry_is_found_by_count() -> None:
    entries = _chain(5)
    broken = first_broken_entry(entries[:4], key=KEY, anchor=AuditAnchor(entries[-1].hash, 5))
    assert broken is not None
    assert "should hold at least 5 entries but holds 4" in broken.reason


def test_replaced_last_entry_is_found_by_head() -> None:
    entries = _chain(5)
    other = _chain(6)
    broken = first_broken_entry(entries, key=KEY, anchor=AuditAnchor(other[-1].hash, 5))
    assert broken is not None
    assert "the last entries were removed or replaced" in broken.reason


def test_the_anchor_is_checked_reading_only_the_entry_it_names() -> None:
    # Opening a store checks the trail against its key file's anchor: with years of entries, it
    # reads the trail's length and the one entry the anchor names, not every entry.
    entries = _chain(6)
    read: list[int] = []

    def hash_at(position: int) -> str:
        read.append(position)
        return entries[position - 1].hash

    assert anchor_break_at(6, hash_at, AuditAnchor(entries[3].hash, 4)) is None  # ahead of it
    assert read == [4]
    replaced = anchor_break_at(6, hash_at, AuditAnchor(_chain(7)[3].hash + "0", 4))
    assert replaced is not None
    assert "removed or replaced" in replaced.reason
    short = anchor_break_at(3, hash_at, AuditAnchor(entries[3].hash, 4))
    assert short is not None
    assert "should hold at least 4 entries but holds 3" in short.reason
    assert read == [4, 4]  # the short trail is refused on its length alone


def test_changed_fields() -> None:
    assert changed_fields({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == ["b", "c"]


def test_summary() -> None:
    assert _chain(1)[0].summary == "Changed the case: field0"
