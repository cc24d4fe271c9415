"""The store's own workload on SQLCipher against the same workload on plain sqlite3.

Inserts 10,000 cases with children and audit rows, then lists and searches them, through the
same repositories. Target: SQLCipher at most 1.3 times plain sqlite3.

Each side runs several times, interleaved, each time on a new file: a round is a plain run and an
encrypted run seconds apart, and the result is the median of the rounds' ratios, so a busy
moment on a shared machine (which can slow one run by half) does not decide it.
"""

from __future__ import annotations

import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rrdesk.domain.cases.audit import AuditEntry
from rrdesk.domain.cases.cases import Case, Child, Stage
from rrdesk.storage.audit_repository import AuditRepository
from rrdesk.storage.case_repository import CaseRepository
from rrdesk.storage.database import Database
from rrdesk.storage.migrations import migrate

CASES = 10_000
BATCH = 100
ROUNDS = 5
STAGES = list(Stage)


def workload(db: Database) -> float:
    migrate(db, audit_key=bytes(32))
    cases = CaseRepository(db)
    audit = AuditRepository(db, bytes(32), lambda: None, lambda: None)
    started = time.perf_counter()
    for batch in range(CASES // BATCH):
        with db.transaction():
            for number in range(BATCH):
                index = batch * BATCH + number
                case = cases.add(
                    Case(
                        reference=f"RR-{2000 + index // 1000}-{index % 1000 + 1:03d}",
                        children=(
                            Child(f"Child {index}", real_name=f"Name {index}"),
                            Child(f"Child {index}b"),
                        ),
                        notification_sent=date(2020, 1, 1) + timedelta(days=index % 2000),
                        summary="A summary of what happened, as the coordinator wrote it. " * 3,
                        stage=STAGES[index % len(STAGES)],
                    )
                )
                audit.append(
                    AuditEntry(
                        datetime.now(UTC).isoformat(),
                        "Bench",
                        "bench",
                        case.case_id,
                        "case",
                        "Created the case",
                        {"note": case.reference},
                    )
                )
    for stage in STAGES:
        cases.summaries(stage=stage)
    for term in ("child 42", "rr-2005", "no such thing", "child 9999"):
        cases.summaries(search=term)
    listed = cases.summaries()
    assert len(listed) == CASES
    one = cases.get(listed[len(listed) // 2].case_id)
    assert one is not None
    with db.transaction():
        cases.update(replace(one, summary="Changed"))
    return time.perf_counter() - started


def one_round(folder: Path, number: int) -> tuple[float, float]:
    """The workload on a new plain file, then on a new encrypted one: their times."""
    plain_path = folder / f"bench-{number}.sqlite"
    plain = Database(sqlite3.connect(plain_path, isolation_level=None), plain_path)
    plain._pin_settings()
    try:
        plain_time = workload(plain)
    finally:
        plain.close()
    encrypted = Database.open(
        folder / f"bench-{number}.rrdesk", secrets.token_bytes(32), create=True
    )
    try:
        encrypted_time = workload(encrypted)
    finally:
        encrypted.close()
    return plain_time, encrypted_time


def main() -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        rounds = [one_round(Path(folder), number) for number in range(ROUNDS)]
    plain_time = statistics.median(plain for plain, _ in rounds)
    encrypted_time = statistics.median(encrypted for _, encrypted in rounds)
    ratio = statistics.median(encrypted / plain for plain, encrypted in rounds)
    print(
        f"store workload ({CASES:,} cases with children and audit rows, list, search; "
        f"median of {ROUNDS} rounds)"
    )
    print(f"  plain sqlite3: {plain_time:.2f} s")
    print(f"  SQLCipher:     {encrypted_time:.2f} s")
    print(
        f"  ratio, median of the rounds' ratios, {ratio:.2f} (target <= 1.30): "
        f"{'met' if ratio <= 1.3 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
