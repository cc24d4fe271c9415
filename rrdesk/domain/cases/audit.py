"""The audit trail's chain: every entry seals the one before it.

Each seal is an HMAC-SHA256 under a key derived from the store's data key, so the chain cannot be
rebuilt by hashing alone. Changing, deleting or reordering an entry breaks the chain at that
point, and the chain's head and length are also kept outside the store (an :class:`AuditAnchor`
in the authenticated key file), so removing the last entries breaks it too:
:func:`first_broken_entry` finds tampering done outside rrdesk.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Mapping
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


@dataclass(frozen=True)
class AuditAnchor:
    """The chain's newest seal and its length, kept outside the store."""

    head: str = GENESIS
    count: int = 0


_BODY_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
"""The sealed form of an entry: keys sorted, no spaces (made once: a check makes half a million)."""


def _body(entry: AuditEntry, previous_hash: str) -> bytes:
    return _BODY_ENCODER.encode(
        {
            "at": entry.at,
            "actor": entry.actor,
            "os_user": entry.os_user,
            "case_id": entry.case_id,
            "entity": entry.entity,
            "action": entry.action,
            "detail": entry.detail,
            "previous": previous_hash,
        }
    ).encode("utf-8")


def entry_hash(entry: AuditEntry, previous_hash: str, key: bytes) -> str:
    """The entry's seal: an HMAC under ``key`` (derived from the store's data key)."""
    if len(key) < 32:
        raise ValueError("the audit key must be 32 bytes or more")
    return hmac.digest(key, _body(entry, previous_hash), "sha256").hex()


def unkeyed_entry_hash(entry: AuditEntry, previous_hash: str) -> str:
    """The seal stores made before the chain was keyed used; read only to re-seal them."""
    return hashlib.sha256(_body(entry, previous_hash)).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    position: int
    entry_id: int | None
    reason: str


def first_broken_entry(
    entries: Iterable[AuditEntry], *, key: bytes, anchor: AuditAnchor | None
) -> ChainBreak | None:
    """The first entry whose seal does not hold, or ``None`` when the chain is whole.

    ``entries`` are looked at once each, in order, so they can be read as they come (a page at
    a time from the store) and half a million of them are never held at once.
    ``anchor`` is the head and length recorded outside the store; without one the chain cannot
    be shown whole. The store may be ahead of its anchor (rrdesk stopped between saving and
    writing the anchor), never behind it."""
    previous = GENESIS
    position = 0  # after the loop: how many entries there are
    named = GENESIS  # the seal of the entry the anchor names
    for position, entry in enumerate(entries, start=1):
        if entry.previous_hash != previous:
            return ChainBreak(position, entry.entry_id, "an entry before it was changed or removed")
        if not hmac.compare_digest(entry_hash(entry, previous, key), entry.hash):
            return ChainBreak(
                position, entry.entry_id, "this entry was changed after it was written"
            )
        previous = entry.hash
        if anchor is not None and position == anchor.count:
            named = entry.hash
    return anchor_break_at(position, lambda _position: named, anchor)


def anchor_break_at(
    length: int, hash_at: Callable[[int], str], anchor: AuditAnchor | None
) -> ChainBreak | None:
    """Where the trail disagrees with its anchor (entries removed from its end or replaced), from
    the trail's ``length`` and ``hash_at(position)``, the seal of the entry at that position
    (from 1): only the entry the anchor names is read, so a store with years of entries opens as
    quickly as a new one."""
    if anchor is None:
        return ChainBreak(
            length,
            None,
            "there is no record of the trail's length outside the store, so it cannot be "
            "shown to be whole",
        )
    if length < anchor.count:
        return ChainBreak(
            length + 1,
            None,
            f"the trail should hold at least {anchor.count} entries but holds {length}",
        )
    head = hash_at(anchor.count) if anchor.count else GENESIS
    if not hmac.compare_digest(head, anchor.head):
        return ChainBreak(anchor.count, None, "the last entries were removed or replaced")
    return None


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The names of fields whose values differ, in a stable order."""
    keys = sorted(set(before) | set(after))
    return [key for key in keys if before.get(key) != after.get(key)]
