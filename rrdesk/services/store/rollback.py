"""Noticing an older copy of a store: a count of openings kept in three places.

Each time a store is opened its count of openings goes up (by one, or to the time in
milliseconds if that is more), in the store itself, in its sealed key file (with the time) and,
where there is one, in the operating system's keyring on this computer. Opening compares them: a
store whose own count is lower than its key file's or the keyring's is an older copy (put back
from a backup, a sync folder or a copied file), and is not opened unless the person says to. The
keyring catches an older store put back with its own older key file; the key file catches it on
a computer without a keyring. The count is raised in the store first, so a crash part-way leaves
the store ahead, never behind. A restore opens the store it puts back on purpose, so it counts
as the latest from then on.

The count catches a whole older copy, not a part of one: a page of the store copied back from an
older copy passes SQLCipher's check of each page. So when rrdesk closes a store cleanly it seals
the whole file in the key file (:mod:`rrdesk.storage.keys.store_seal`), and opening compares the
file with that seal before anything is written; the key file loses the seal before the store's
first write, so a store not closed cleanly (a crash, power lost) has none, and is not checked.
Started with a remembered key, the check and the count wait until the window is on screen
(:class:`PutOffOpening`).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from rrdesk.domain.cases.audit import AuditAnchor
from rrdesk.domain.timetable.dates import format_date, format_time
from rrdesk.keystore import SecretStore, SecretStoreUnavailable
from rrdesk.services.store.session import Session
from rrdesk.storage.errors import NOTHING_CHANGED, StoreError, TamperedError
from rrdesk.storage.keys import key_file, store_seal
from rrdesk.storage.keys.key_slots import ClosedSeal, KeySlots

log = logging.getLogger(__name__)

COUNT_SETTING = "times_opened"
OPENED_OLDER = "Opened a copy of the store older than the one last opened"
OPENED_CHANGED = "Opened the store after it was changed outside rrdesk"


class OlderStoreError(StoreError):
    """The store is older than the one last opened here; opening it needs the person's say-so.
    The command line exits 1 for it."""

    exit_code = 1
    question = "Open an older copy of the store?"
    refused = "The older copy was not opened."


class ChangedStoreError(OlderStoreError):
    """The store file is not as rrdesk last closed it (the seal in its key file does not match):
    part of it put back from an older copy, say. Refused and asked about as an older copy."""

    question = "Open a store changed outside rrdesk?"
    refused = "The changed store was not opened."


@dataclass(frozen=True)
class Opened:
    count: int
    at: str  # an ISO time, in UTC
    audit: AuditAnchor | None = None  # the audit trail's head and length then (keyring only)

    def described(self) -> str:
        try:
            when = datetime.fromisoformat(self.at).astimezone()
        except ValueError:
            return "an unknown time"
        return f"{format_date(when.date())} at {format_time(when.time())}"


def keyring_account(store_id: str) -> str:
    return f"opened-{store_id}"


def _from_keyring(secret_store: SecretStore | None, store_id: str) -> Opened | None:
    if secret_store is None:
        return None
    try:
        raw = secret_store.load(keyring_account(store_id))
    except SecretStoreUnavailable:
        return None
    try:
        body = json.loads(raw or b"null")
        audit = body.get("audit")
        anchor = None if audit is None else AuditAnchor(str(audit[0]), int(audit[1]))
        return Opened(int(body["count"]), str(body["at"]), anchor)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def _to_keyring(secret_store: SecretStore | None, store_id: str, opened: Opened) -> None:
    if secret_store is None:
        return
    audit = None if opened.audit is None else [opened.audit.head, opened.audit.count]
    body = json.dumps({"count": opened.count, "at": opened.at, "audit": audit}).encode()
    try:
        secret_store.save(keyring_account(store_id), body)
    except SecretStoreUnavailable:
        log.info("the count of openings could not be kept in the keyring")


def _latest(session: Session, ring: Opened | None) -> Opened | None:
    """The latest opening recorded outside the store: the keyring's record ``ring`` or the key
    file's, if any."""
    slots = session.slots
    recorded = [ring]
    if slots.counter is not None:
        recorded.append(Opened(slots.counter, slots.opened))
    known = [item for item in recorded if item is not None]
    return max(known, key=lambda item: item.count) if known else None


def store_count(session: Session) -> int:
    try:
        return int(session.settings.get(COUNT_SETTING, "0"))
    except ValueError:
        return 0


class SealCheck(NamedTuple):  # a named tuple, as a dataclass costs start-up more to build
    """What the key file says of the store file as it was last closed, and whether the file is
    still so: ``closed`` is the key file's seal (``None``: none to check, after a crash or an
    earlier rrdesk); ``holds`` is whether the file matches it."""

    closed: ClosedSeal | None = None
    holds: bool = True

    @property
    def changed(self) -> bool:
        return self.closed is not None and not self.holds


def check_closed_seal(
    path: Path, slots: KeySlots, data_key: bytes, *, put_off: bool = False
) -> SealCheck:
    """Compare the store file at ``path`` with the seal in ``slots`` (before it is opened);
    ``put_off``: not yet (:class:`PutOffOpening` does, before the first write)."""
    if slots.closed is None or put_off:
        return SealCheck(slots.closed)
    return SealCheck(slots.closed, store_seal.holds(path, slots, data_key))


def refuse_if_changed(sealed: SealCheck, *, accept: bool) -> None:
    """Refuse a store file changed since it was last closed, unless the person said to open it."""
    if sealed.changed and not accept:
        assert sealed.closed is not None
        raise ChangedStoreError(
            f"{changed_since(sealed.closed)} Open it anyway only if you know why it changed; "
            f"otherwise restore it from a backup. {NOTHING_CHANGED}"
        )


def changed_since(closed: ClosedSeal) -> str:
    """What to say of a store file that does not match ``closed``, its seal."""
    return (
        "This store has been changed outside rrdesk since it was last closed on "
        f"{Opened(0, closed.at).described()}. Part of it may have been put back from an older "
        "copy, or damaged, so changes made since may be missing."
    )


def clear_closed_seal(session: Session, sealed: SealCheck) -> None:
    """Before the store is first written: its key file without the seal of the closed store,
    so a crash while it is open leaves no seal that no longer matches."""
    if sealed.closed is None:
        return
    session.slots = key_file.seal(replace(session.slots, closed=None), session.key_bytes())
    key_file.write_slots(session.path, session.slots)


def before_migrating(
    path: Path, slots: KeySlots, data_key: bytes, *, accept: bool
) -> tuple[KeySlots, SealCheck]:
    """Before a store's schema is brought up to date (which writes it): refuse it if it has
    changed since it was closed, and write its key file without the seal. The slots and the
    check to go on with."""
    sealed = check_closed_seal(path, slots, data_key)
    if sealed.closed is None:
        return slots, sealed
    key_file.check_seal(slots, data_key, where=key_file.slot_file_for(path).name)
    refuse_if_changed(sealed, accept=accept)
    unsealed = key_file.seal(replace(slots, closed=None), data_key)
    key_file.write_slots(path, unsealed)
    return unsealed, SealCheck()


class Before(NamedTuple):
    """What opening found before it wrote anything: the latest opening recorded outside the
    store, the store's own count, whether it is older, and the seal's check."""

    latest: Opened | None
    own: int
    older: bool
    sealed: SealCheck


def check_older(
    session: Session, ring: Opened | None, sealed: SealCheck, *, accept_older: bool
) -> Before:
    """Refuse an older copy (unless ``accept_older``), or a store whose audit trail is not what
    the keyring recorded at the last opening. Reads only."""
    before = _latest(session, ring)
    own = store_count(session)
    older = before is not None and own < before.count
    if older and not accept_older:
        assert before is not None
        raise OlderStoreError(
            f"This store is older than the one last opened on this computer: "
            f"{before.described()}. It may have been put back from a backup or another copy, "
            "so changes made since may be missing. Open it anyway only if that is what you "
            f"meant. {NOTHING_CHANGED}"
        )
    _check_keyring_anchor(session, ring, own)
    return Before(before, own, older, sealed)


def count_opening(session: Session, secret_store: SecretStore | None, found: Before) -> None:
    """Count this opening in the store, then its key file, then the keyring (so a crash part-way
    leaves the store ahead, never behind); first of all the key file loses the seal of the
    closed store, which is sealed afresh when this session closes it. An older or changed store
    opened all the same says so in its audit trail."""
    clear_closed_seal(session, found.sealed)
    before, own = found.latest, found.own
    # Never down, and at least the time in milliseconds: a store put back on purpose (a restore) and
    # opened then is ahead of every count kept before, in a keyring it was not opened with too.
    at = datetime.now(UTC)
    floor = max(own, before.count if before else 0) + 1
    now = Opened(max(floor, int(at.timestamp() * 1000)), _iso(at))
    with session.db.transaction():
        session.settings.set(COUNT_SETTING, str(now.count))
        if found.older:
            assert before is not None
            note = f"last opened {before.described()} (opening {before.count}; this copy {own})"
            session.record("store", OPENED_OLDER, detail={"note": note})
        elif found.sealed.changed:
            assert found.sealed.closed is not None
            note = f"last closed {Opened(0, found.sealed.closed.at).described()}"
            session.record("store", OPENED_CHANGED, detail={"note": note})
    session.seal_on_close = True
    salt = key_file.store_salt(session.path) or session.slots.store_salt
    counted = replace(session.slots, counter=now.count, opened=now.at, store_salt=salt)
    session.slots = key_file.seal(counted, session.key_bytes())
    try:
        key_file.write_slots(session.path, session.slots)
    except StoreError:
        log.warning("the count of openings could not be written to the key file")
    _to_keyring(
        secret_store, session.slots.store_id, replace(now, audit=session.audit.current_anchor())
    )


def read_keyring(session: Session, secret_store: SecretStore | None) -> Opened | None:
    """The keyring's record of the last opening (read once: each read is a round trip)."""
    return _from_keyring(secret_store, session.slots.store_id)


def _check_keyring_anchor(session: Session, ring: Opened | None, own: int) -> None:
    """Where the store is as it was last opened on this computer (the same count), its audit
    trail must still hold the entries it held then: the keyring's record of them catches a
    trail cut short with its key file rewritten to match (by someone with the key)."""
    if ring is None or ring.audit is None or own != ring.count:
        return
    from rrdesk.domain.cases.audit import anchor_break_at

    audit = session.audit
    broken = anchor_break_at(audit.length(), audit.hash_at, ring.audit)
    if broken is not None:
        raise TamperedError(
            f"The audit trail in {session.path.name} does not match what this computer recorded "
            f"when the store was last opened here ({ring.described()}): {broken.reason}. The "
            f"store and its key file may have been changed outside rrdesk. Restore them from a "
            f"backup. {NOTHING_CHANGED}"
        )


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


class PutOffOpening:
    """An opening whose seal check and counting wait until the window is on screen (start-up
    with a remembered key): :meth:`check` compares the file with its seal (on the task runner;
    it reads only), and :meth:`finish` refuses a changed store or counts the opening, with its
    writes. Until then the first change to the store finishes it first (``before_first_write``),
    so nothing is written before the check, and the seal is gone from the key file before the
    store's first write."""

    def __init__(self, session: Session, secret_store: SecretStore | None, found: Before) -> None:
        self._session, self._secret_store, self._found = session, secret_store, found
        self._slots, self._key = session.slots, session.key_bytes()
        self._checking, self._finishing = threading.Lock(), threading.RLock()
        self._sealed: SealCheck | None = None
        self.finished = False
        session.db.before_first_write = self.finish

    def check(self) -> SealCheck:
        """The seal's check (made once; another caller waits for it)."""
        with self._checking:
            if self._sealed is None:
                self._sealed = check_closed_seal(self._session.path, self._slots, self._key)
            return self._sealed

    def finish(self, *, accept: bool = False) -> None:
        """Refuse a changed store (:class:`ChangedStoreError`, unless ``accept``), or count the
        opening; the first time only (from any thread: a change on the task runner may be the
        store's first)."""
        with self._finishing:
            if self.finished:
                return
            sealed = self.check()
            refuse_if_changed(sealed, accept=accept)
            self.finished = True
            session = self._session
            session.db.before_first_write = None
            count_opening(session, self._secret_store, self._found._replace(sealed=sealed))
            if session.audit.current_anchor() != session.slots.anchor:
                session.anchor_audit()  # rrdesk stopped before its last change's anchor was kept
