"""The audit trail's hash chain: every entry seals the one before it.

Changing, deleting or reordering an entry breaks the chain at that point, so
:func:`first_broken_entry` finds tampering done outside rrdesk.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    at: str
    actor: str
    os_user: str
    case_id: int | None
    entity: str
    action: str
    detail: Mapping[str, Any]
    previous_hash: str = GENESIS
    hash: str = ""
    entry_id: int | None = None

    @property
    def summary(self) -> str:
        """One line a person can read: ``Changed stage, summary``."""
        changed = self.detail.get("changed")
        if isinstance(changed, list) and changed:
            return f"{self.action}: {', '.join(str(item) for item in changed)}"
        note = self.detail.get("note")
        return f"{self.action}: {note}" if note else self.action


def entry_hash(entry: AuditEntry, previous_hash: str) -> str:
    body = json.dumps(
        {
            "at": entry.at,
            "actor": entry.actor,
            "os_user": entry.os_user,
            "case_id": entry.case_id,
            "entity": entry.entity,
            "action": entry.action,
            "detail": entry.detail,
            "previous": previous_hash,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    position: int
    entry_id: int | None
    reason: str


def first_broken_entry(
    entries: Sequence[AuditEntry], *, expected_count: int | None = None, expected_head: str = ""
) -> ChainBreak | None:
    """The first entry whose seal does not hold, or ``None`` when the chain is whole."""
    previous = GENESIS
    for position, entry in enumerate(entries, start=1):
        if entry.previous_hash != previous:
            return ChainBreak(position, entry.entry_id, "an entry before it was changed or removed")
        if entry_hash(entry, previous) != entry.hash:
            return ChainBreak(
                position, entry.entry_id, "this entry was changed after it was written"
            )
        previous = entry.hash
    if expected_count is not None and expected_count != len(entries):
        return ChainBreak(
            len(entries) + 1,
            None,
            f"the trail should hold {expected_count} entries but holds {len(entries)}",
        )
    if expected_head and expected_head != previous:
        return ChainBreak(len(entries), None, "the last entries were removed or replaced")
    return None


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The names of fields whose values differ, in a stable order."""
    keys = sorted(set(before) | set(after))
    return [key for key in keys if before.get(key) != after.get(key)]
