"""Creating and unlocking stores: the passphrase, the recovery key and the remembered key."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rrdesk.keystore import SecretStore, SecretStoreUnavailable
from rrdesk.services.store import rollback
from rrdesk.services.store.names import clean_name
from rrdesk.services.store.session import Session
from rrdesk.services.store.store_checks import check_before_unlock as check_before_unlock
from rrdesk.services.store.store_checks import check_exists, check_store_name
from rrdesk.services.store.store_checks import make_store_folder as make_store_folder
from rrdesk.services.store.store_checks import restoring_helps as restoring_helps
from rrdesk.services.store.store_checks import retrying_helps as retrying_helps
from rrdesk.services.store.store_checks import store_exists as store_exists
from rrdesk.services.store.sync_folders import check_location
from rrdesk.storage.audit_repository import audit_key, chain_key
from rrdesk.storage.database import Database
from rrdesk.storage.errors import (
    NOTHING_CHANGED,
    StoreDamagedError,
    StoreError,
    StoreExistsError,
    StoreLocationError,
    TamperedError,
)
from rrdesk.storage.keys import key_file, key_slots
from rrdesk.storage.keys.key_slots import KeySlot, KeySlots
from rrdesk.storage.lock_file import StoreLock
from rrdesk.storage.migrations import KEYED_AUDIT_VERSION, SCHEMA_VERSION, check_schema, migrate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewStore:
    session: Session
    recovery_key: str
    keyring_message: str = ""


def keyring_account(slots: KeySlots) -> str:
    return f"store-{slots.store_id}"


def create_store(
    path: Path,
    *,
    partnership: str,
    owner: str,
    passphrase: str,
    profile: str = "statutory",
    remember: bool = False,
    secret_store: SecretStore | None = None,
    recovery_key: str | None = None,
) -> NewStore:
    """Make a new encrypted store. Refuses to touch an existing file, or a synced or network
    folder, or a name that cannot be kept."""
    partnership = clean_name(partnership, what="The partnership's name")
    owner = clean_name(owner, what="Your name")
    check_store_name(path)
    check_location(path)
    slot_path = key_file.slot_file_for(path)
    if path.exists() or slot_path.exists():
        there = "a store" if slot_path.exists() else "a folder" if path.is_dir() else "a file"
        raise StoreExistsError(
            f"There is already {there} at {path}. rrdesk never makes a new store over an old one; "
            f"choose another name or folder. {NOTHING_CHANGED}"
        )
    if not path.parent.is_dir():
        raise StoreLocationError(f"The folder {path.parent} does not exist. {NOTHING_CHANGED}")
    data_key = key_slots.new_data_key()
    recovery_key = recovery_key or key_slots.new_recovery_key()
    slots = key_file.seal(
        key_slots.create_slots(
            data_key, owner=owner, passphrase=passphrase, recovery_key=recovery_key
        ),
        data_key,
    )
    lock = StoreLock(path)
    lock.acquire()
    try:
        key_file.write_slots(path, slots)
        db = Database.open(path, data_key, create=True)
    except BaseException:
        lock.release()
        with contextlib.suppress(OSError):
            key_file.slot_file_for(path).unlink()
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    try:
        migrate(db, audit_key=audit_key(data_key, slots.store_id))
        slots = key_file.for_store_file(slots, path, data_key)
        session = Session(path, db, slots, bytearray(data_key), owner, lock, seal_on_close=True)
        with db.transaction():
            session.settings.set("store_id", slots.store_id)
            session.settings.set("partnership", partnership)
            session.settings.set("profile", profile)
            session.record("store", "Created the store", detail={"note": partnership})
    except BaseException:
        db.close()
        lock.release()
        raise
    log.info("store created")
    message = ""
    if remember and secret_store is not None:
        message = remember_key(session, secret_store)
    return NewStore(session, recovery_key, message)


def open_with_key(
    path: Path,
    slots: KeySlots,
    data_key: bytes,
    slot: KeySlot | None,
    *,
    accept_older: bool = False,
) -> Session:
    """Open the store at ``path`` with a data key already unwrapped from ``slot`` of ``slots``."""
    return _open(path, slots, data_key, slot, opening=Opening(accept_older))


@dataclass(frozen=True)
class Opening:
    """How a store is opened: whether an older copy than the one last opened is accepted, and
    the keyring that keeps the count of openings on this computer, where there is one."""

    accept_older: bool = False
    secret_store: SecretStore | None = None
    counted: bool = True  # False: only looked at (nothing is written, not even the count)
    put_off: bool = False  # True: the seal's check and the count wait (rollback.PutOffOpening)


def _open(
    path: Path,
    slots: KeySlots,
    data_key: bytes,
    slot: KeySlot | None,
    *,
    checking_audit: bool = False,
    opening: Opening | None = None,
) -> Session:
    lock = StoreLock(path)
    lock.acquire()
    try:
        put_off = bool(opening and opening.put_off) and not checking_audit  # until on screen
        sealed = rollback.check_closed_seal(path, slots, data_key, put_off=put_off)
        db = Database.open(path, data_key)
    except StoreDamagedError:
        lock.release()
        # The key opened the key file but not the store: if the key file names another store
        # file, say so rather than calling the store damaged.
        key_file.check_fits(path, slots)
        raise
    except BaseException:
        lock.release()
        raise
    try:
        keyed_before = db.user_version >= KEYED_AUDIT_VERSION
        if db.user_version < SCHEMA_VERSION:  # the store is written by its migrations
            accept = bool(opening and opening.accept_older)
            slots, sealed = rollback.before_migrating(path, slots, data_key, accept=accept)
        migrate(
            db,
            audit_key=chain_key(db, data_key, slots.store_id),
            backup_before=lambda target: db.copy_to(target, data_key),
        )
        check_schema(db)
        owner = slot.owner if slot is not None else "Remembered key"
        session = Session(path, db, slots, bytearray(data_key), owner, lock)
        stored_id = session.settings.get("store_id")
        if stored_id and stored_id != slots.store_id:
            raise StoreError(
                f"The key file beside {path.name} belongs to a different store. "
                f"Put the right key file back. {NOTHING_CHANGED}"
            )
        _check_anchor(
            session,
            keyed_before=keyed_before,
            refuse=not checking_audit,
            opening=opening,
            sealed=sealed,
        )
    except BaseException:
        db.close()
        lock.release()
        raise
    log.info("store opened (%s)", "remembered key" if slot is None else slot.kind)
    return session


def _check_anchor(
    session: Session,
    *,
    keyed_before: bool,
    refuse: bool,
    opening: Opening | None,
    sealed: rollback.SealCheck,
) -> None:
    """Refuse an older copy, a store whose audit trail is shorter than, or differs from, what
    its sealed key file records, or one changed since it was last closed (:mod:`.rollback`);
    then count the opening. A key file from before the keyed trail is anchored now, once its
    store has just been brought up to it; after that, one without an anchor is refused. Opened
    only to check the trail (``refuse`` false), a missing or unmatched anchor, or a changed
    file, is left for the check to report, and nothing is written."""
    where = key_file.slot_file_for(session.path).name
    if session.slots.anchor is None:
        if keyed_before and not refuse:
            return
        if keyed_before:
            raise TamperedError(
                f"The key file {where} has no record of the audit trail, which every key file "
                f"written by this version of rrdesk has. Restore the store and its key file from "
                f"a backup. {NOTHING_CHANGED}"
            )
        session.anchor_audit()
        return
    key_file.check_seal(session.slots, session.key_bytes(), where=where)
    from rrdesk.domain.cases.audit import anchor_break_at

    opening = opening or Opening()
    ring = rollback.read_keyring(session, opening.secret_store)
    found = rollback.check_older(session, ring, sealed, accept_older=opening.accept_older)
    audit = session.audit
    broken = anchor_break_at(audit.length(), audit.hash_at, session.slots.anchor)
    if broken is not None and not refuse:
        return
    if broken is not None and not found.older:  # an older copy opened anyway is anchored anew
        raise TamperedError(
            f"The audit trail in {session.path.name} does not match its key file: "
            f"{broken.reason}. The store may have been changed outside rrdesk, or replaced by an "
            f"older copy. Restore it from a backup. {NOTHING_CHANGED}"
        )
    session.changed_outside = sealed.changed
    if refuse and opening.counted and opening.put_off:
        session.put_off = rollback.PutOffOpening(session, opening.secret_store, found)
        return
    if refuse and opening.counted:
        rollback.refuse_if_changed(sealed, accept=opening.accept_older)
        rollback.count_opening(session, opening.secret_store, found)
    if session.audit.current_anchor() != session.slots.anchor:
        session.anchor_audit()  # rrdesk stopped before the anchor of its last change was kept


def unlock_with_passphrase(
    path: Path,
    passphrase: str,
    *,
    checking_audit: bool = False,
    accept_older: bool = False,
    secret_store: SecretStore | None = None,
    counted: bool = True,
) -> Session:
    """Open the store with its passphrase. With ``checking_audit`` the store is opened even if
    its audit trail does not match its key file, so the check can say where it breaks."""
    check_exists(path)
    slots = key_file.read_slots(path)
    data_key, slot = key_slots.open_with_passphrase(slots, passphrase)
    return _upgraded(
        _open(
            path,
            slots,
            data_key,
            slot,
            checking_audit=checking_audit,
            opening=Opening(accept_older, secret_store, counted),
        ),
        slot,
        passphrase,
    )


def unlock_with_recovery_key(
    path: Path,
    recovery_key: str,
    *,
    accept_older: bool = False,
    secret_store: SecretStore | None = None,
    counted: bool = True,
) -> Session:
    check_exists(path)
    slots = key_file.read_slots(path)
    data_key, slot = key_slots.open_with_recovery_key(slots, recovery_key)
    opening = Opening(accept_older, secret_store, counted)
    return _upgraded(_open(path, slots, data_key, slot, opening=opening), slot, recovery_key)


def _upgraded(session: Session, slot: KeySlot, secret: str) -> Session:
    """``session``, its slot ``slot`` remade in the current layout if it was from an earlier
    rrdesk (so the data key can change later without this secret being typed again)."""
    if not slot.rewrappable:
        from rrdesk.services.store.key_rotation import upgrade_slot

        upgrade_slot(session, slot, secret)
    return session


def unlock_with_remembered_key(
    path: Path, secret_store: SecretStore, *, accept_older: bool = False, put_off: bool = False
) -> tuple[Session | None, str]:
    """A session, or ``None`` and the reason the remembered key could not be used. With
    ``put_off``, the seal's check and the count of openings wait (``session.put_off``)."""
    check_exists(path)
    slots = key_file.read_slots(path)
    try:
        data_key = secret_store.load(keyring_account(slots))
    except SecretStoreUnavailable as error:
        return None, f"{error.message} Enter your passphrase instead."
    if data_key is None:
        return None, ""
    if not key_slots.matches_data_key(slots, data_key):
        return None, (
            "The key remembered on this computer does not fit this store. "
            "Enter your passphrase instead."
        )
    owners = slots.owners(key_slots.SlotKind.PASSPHRASE)
    from rrdesk.services.store.rollback import OlderStoreError

    try:
        opening = Opening(accept_older, secret_store, put_off=put_off)
        session = _open(path, slots, data_key, None, opening=opening)
    except OlderStoreError as error:
        return (
            None,
            f"{error.message.removesuffix(NOTHING_CHANGED).strip()} Enter your "
            "passphrase to open it anyway.",
        )
    session.actor = owners[0] if owners else session.actor
    return session, ""


def remember_key(session: Session, secret_store: SecretStore) -> str:
    """Keep the data key in the keyring. Returns a message if that was not possible."""
    try:
        secret_store.save(keyring_account(session.slots), session.key_bytes())
    except SecretStoreUnavailable as error:
        return f"{error.message} You will need your passphrase each time."
    return ""


def forget_key(session: Session, secret_store: SecretStore) -> str:
    try:
        secret_store.delete(keyring_account(session.slots))
    except SecretStoreUnavailable as error:
        return error.message
    return ""


def is_remembered(path: Path, secret_store: SecretStore) -> bool:
    try:
        slots = key_file.read_slots(path)
        return secret_store.load(keyring_account(slots)) is not None
    except (StoreError, SecretStoreUnavailable):
        return False


def change_passphrase(
    session: Session,
    new_passphrase: str,
    *,
    owner: str | None = None,
    secret_store: SecretStore | None = None,
    current_passphrase: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Set a new passphrase, changing the store's data key (see :mod:`.key_rotation`);
    ``current_passphrase`` keeps the signing key, if it was not opened in this session.
    ``progress`` is told the pages re-encrypted so far and the pages in all, as it goes."""
    from rrdesk.services.store import key_rotation

    key_rotation.change_passphrase(
        session,
        new_passphrase,
        owner=owner,
        secret_store=secret_store,
        current_passphrase=current_passphrase,
        progress=progress,
    )


def new_recovery_key(
    session: Session,
    *,
    passphrase: str | None = None,
    secret_store: SecretStore | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Make a new recovery key, changing the store's data key (see :mod:`.key_rotation`);
    ``progress`` as for :func:`change_passphrase`."""
    from rrdesk.services.store import key_rotation

    return key_rotation.new_recovery_key(
        session, passphrase=passphrase, secret_store=secret_store, progress=progress
    )
