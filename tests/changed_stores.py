"""Stores changed the way a test needs them: as an earlier rrdesk left them (no seal of the
closed store in the key file, an older schema), or changed outside rrdesk (a page put back from an
older copy)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

from rrdesk.domain.cases.cases import Child
from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session
from rrdesk.storage.database import PAGE_BYTES, Database
from rrdesk.storage.errors import StoreError
from rrdesk.storage.keys import key_file
from tests.builders import add_case

DAY = date(2026, 11, 20)


def case_names(session: Session) -> list[tuple[str, tuple[str, ...]]]:
    """Each case's reference and its children's real names, in order of reference."""
    return sorted(
        (c.reference, tuple(child.real_name for child in c.children))
        for c in session.cases.all_cases()
    )


def unsealed(store: Path, key: bytes) -> None:
    """The key file of the closed store at ``store`` without its seal of the store file, as an
    earlier rrdesk wrote it: for a test that changes the store file as an earlier rrdesk left it."""
    slots = replace(key_file.read_slots(store), closed=None)
    key_file.write_slots(store, key_file.seal(slots, key))


@contextmanager
def changed_as_an_earlier_rrdesk_left_it(session: Session, store: Path) -> Iterator[Database]:
    """The store closed and its database opened for the test to change in one transaction (an
    earlier schema, say); then closed, its key file without the seal, as an earlier rrdesk left
    it."""
    key = session.key_bytes()
    session.close()
    db = Database.open(store, key)
    with db.transaction():
        yield db
    db.close()
    unsealed(store, key)


def _pages_differing(one: bytes, other: bytes) -> set[int]:
    return {
        n
        for n in range(min(len(one), len(other)) // PAGE_BYTES)
        if one[n * PAGE_BYTES : (n + 1) * PAGE_BYTES]
        != other[n * PAGE_BYTES : (n + 1) * PAGE_BYTES]
    }


def _opens_without_the_seal(
    store: Path,
    key: bytes,
    passphrase: str,
    folder: Path,
    latest: list[tuple[str, tuple[str, ...]]],
) -> bool:
    """Whether a copy of the store, its key file without the seal of the closed store (as
    rrdesk kept it before), opens and reads whole, with its cases other than the latest's."""
    folder.mkdir()
    copy = folder / store.name
    shutil.copyfile(store, copy)
    slots = key_file.read_slots(store)
    key_file.write_slots(copy, key_file.seal(replace(slots, closed=None), key))
    try:
        opened = store_access.unlock_with_passphrase(copy, passphrase)
    except StoreError:
        return False
    try:
        opened.cases.summaries()
        return case_names(opened) != latest
    except StoreError:  # reads as damaged
        return False
    finally:
        opened.close()


def page_put_back(session: Session, store: Path, passphrase: str, scratch: Path) -> None:
    """One case added and the store closed and opened once; a copy kept; a second case added
    in the next session; then a page that differs from the copy put back into the closed store:
    one that, without the seal, would open with what it put back (the first such)."""
    key = session.key_bytes()
    add_case(session, today=DAY, notified=DAY, children=(Child("Child A", "Kept Early"),))
    session.close()
    store_access.unlock_with_passphrase(store, passphrase).close()  # counted once
    old = store.read_bytes()
    again = store_access.unlock_with_passphrase(store, passphrase)
    add_case(again, today=DAY, notified=DAY, children=(Child("Child B", "Added Later"),))
    cases = case_names(again)
    again.close()
    latest = store.read_bytes()
    for number in sorted(_pages_differing(old, latest)):
        span = slice(number * PAGE_BYTES, (number + 1) * PAGE_BYTES)
        body = bytearray(latest)
        body[span] = old[span]
        store.write_bytes(bytes(body))
        if _opens_without_the_seal(store, key, passphrase, scratch / f"page-{number}", cases):
            return
    raise AssertionError("no page put back would open without the seal")
