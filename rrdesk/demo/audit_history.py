"""Years of audit entries for the ten-year demo store, written in bulk and sealed on the chain.

A coordinator's day leaves many entries (every answer saved as it is typed, every chase, every
change of stage). Writing hundreds of thousands of them one by one through the audit repository
would count the trail at every entry, so here each year's are sealed in order, as the repository
seals them, and written in one statement inside the year's transaction. The key file's anchor is
brought up to date when the transaction commits, so ``rrdesk audit verify`` passes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from rrdesk.domain.cases.audit import AuditEntry, entry_hash
from rrdesk.domain.cases.cases import Case
from rrdesk.services.store.session import Session
from rrdesk.storage.audit_repository import audit_key, current_anchor

_INSERT = (
    "INSERT INTO audit (at, actor, os_user, case_id, entity, action, detail, previous_hash, hash)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SECTIONS = (
    "About the agency",
    "Involvement",
    "Chronology",
    "What went well",
    "What could have been better",
    "Lived experience",
    "Immediate actions",
)
_CASE_ACTIONS = (
    ("case", "Changed the case", "summary"),
    ("timetable", "Recorded a date", "meeting"),
    ("agency_forms", "Sent a reminder", "agency"),
    ("meeting", "Saved the meeting record", "attendance"),
    ("action_plan", "Updated an action", "status"),
)


def _entries_for_case(
    case: Case, agencies: tuple[str, ...], start: date, count: int, rng: random.Random
) -> Iterator[AuditEntry]:
    """``count`` entries over the case's working weeks: answers saved as typed, mostly."""
    actor = "Rory Penhallow (demo coordinator)"
    moment = datetime.combine(start, time(9, 0), tzinfo=UTC)
    for number in range(count):
        moment += timedelta(seconds=rng.randint(20, 90))
        if moment.hour >= 17:
            moment = datetime.combine(moment.date() + timedelta(days=1), time(9, 0), tzinfo=UTC)
        while moment.weekday() >= 5:
            moment += timedelta(days=1)
        if number == 0:
            yield AuditEntry(
                moment.isoformat(timespec="seconds"),
                actor,
                "rpenhallow",
                case.case_id,
                "case",
                "Created the case",
                {"note": f"{case.reference}, {case.stage.label}"},
            )
        elif number % 10:
            agency = agencies[number % len(agencies)]
            section = _SECTIONS[number % len(_SECTIONS)]
            yield AuditEntry(
                moment.isoformat(timespec="seconds"),
                actor,
                "rpenhallow",
                case.case_id,
                "agency_forms",
                "Saved an answer on the check form",
                {"note": f"{agency}: {section}"},
            )
        else:
            entity, action, field = _CASE_ACTIONS[(number // 10) % len(_CASE_ACTIONS)]
            yield AuditEntry(
                moment.isoformat(timespec="seconds"),
                actor,
                "rpenhallow",
                case.case_id,
                entity,
                action,
                {"changed": [field]},
            )


def _stored_detail(entry: AuditEntry, stored: dict[str, str]) -> str:
    """The entry's detail as the audit repository stores it (made once for each detail)."""
    key = str(sorted(entry.detail.items()))
    if key not in stored:
        stored[key] = json.dumps(dict(entry.detail), ensure_ascii=False)
    return stored[key]


def write_audit_history(
    session: Session,
    cases: list[tuple[Case, tuple[str, ...], date]],
    total: int,
    rng: random.Random,
) -> int:
    """Seal and write about ``total`` entries spread over ``cases`` (each with its agencies and
    first day); call inside the year's transaction. Returns how many were written."""
    key = audit_key(session.key_bytes(), session.slots.store_id)
    previous = current_anchor(session.db).head
    rows: list[tuple[object, ...]] = []
    stored: dict[str, str] = {}  # each detail as stored: a few hundred different ones
    each, extra = divmod(total, max(1, len(cases)))
    for position, (case, agencies, start) in enumerate(cases):
        for entry in _entries_for_case(
            case, agencies, start, each + (1 if position < extra else 0), rng
        ):
            sealed = entry_hash(entry, previous, key)
            rows.append(
                (
                    entry.at,
                    entry.actor,
                    entry.os_user,
                    entry.case_id,
                    entry.entity,
                    entry.action,
                    _stored_detail(entry, stored),
                    previous,
                    sealed,
                )
            )
            previous = sealed
    session.db.executemany(_INSERT, rows)
    session.db.after_commit(session.anchor_audit)
    return len(rows)
