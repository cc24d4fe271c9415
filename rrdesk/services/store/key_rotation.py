"""Changing the passphrase or the recovery key changes the store's data key.

The store is re-encrypted with a new random data key, and every slot in its key file is moved to
it (:func:`rrdesk.storage.keys.key_slots.rekeyed_slots`). Afterwards no earlier key file (every
old backup holds one) and no earlier passphrase or recovery key opens the store, nor anything
written to it since. Old backups still open with the secrets they were made with: they hold what
the store held then, and are retired by deleting them.

The change is put in place in an order that a kill cannot break (see
:mod:`rrdesk.storage.keys.rotation`), and it is recorded in the audit trail of the re-keyed store
before that store takes the old one's place, so the record and the change land together.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from rrdesk.domain.cases.audit import AuditEntry
from rrdesk.keystore import SecretStore, SecretStoreUnavailable
from rrdesk.services.store.session import Session
from rrdesk.storage.audit_repository import (
    AuditRepository,
    chain_key,
    current_anchor,
    keep_chain_key,
)
from rrdesk.storage.database import Database
from rrdesk.storage.errors import NOTHING_CHANGED, KeySlotError, StoreError, WrongSecretError
from rrdesk.storage.keys import key_file, key_slots, rotation, signing_slot
from rrdesk.storage.keys.key_slots import KeySlot, SlotKind
from rrdesk.storage.secret_repository import SecretRepository

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
CHANGED_PASSPHRASE = "Changed the passphrase"
NEW_RECOVERY_KEY = "Made a new recovery key"
NOTE = (
    "the store's key was changed: earlier key files, passphrases and recovery keys no longer "
    "open it"
)


def change_passphrase(
    session: Session,
    new_passphrase: str,
    *,
    owner: str | None = None,
    progress: Progress | None = None,
    secret_store: SecretStore | None = None,
    current_passphrase: str | None = None,
) -> None:
    """Set a new passphrase and change the store's data key (see the module's note).

    The partnership's signing key, kept under the passphrase, is wrapped again under the new
    one: it must be open, remembered from a signing earlier in the session or opened with
    ``current_passphrase``. If it is neither (the passphrase was forgotten and the store opened
    with the recovery key), it is retired, so the recovery key never gives a way to sign."""
    if key_slots.stuck_kinds(session.slots, [SlotKind.PASSPHRASE]):
        raise KeySlotError(
            "This store's recovery key was made by an earlier version of rrdesk, so the "
            "passphrase cannot be changed without replacing it. Make a new recovery key first, "
            "then change the passphrase. Nothing has been changed."
        )
    who = owner or session.actor
    renewed = {SlotKind.PASSPHRASE: (who, new_passphrase)}
    signing_key = open_signing_key(session, current_passphrase)
    change_data_key(
        session,
        renewed,
        CHANGED_PASSPHRASE,
        progress=progress,
        secret_store=secret_store,
        signing_key=signing_key,
    )


def new_recovery_key(
    session: Session,
    *,
    passphrase: str | None = None,
    progress: Progress | None = None,
    secret_store: SecretStore | None = None,
) -> str:
    """Make a new recovery key (returned, to be shown once) and change the store's data key.
    ``passphrase`` is the current one: needed only if its slot is from an earlier rrdesk."""
    recovery_key = key_slots.new_recovery_key()
    renewed: dict[str, tuple[str, str]] = {SlotKind.RECOVERY: ("Recovery key", recovery_key)}
    if key_slots.stuck_kinds(session.slots, renewed):
        if passphrase is None:
            raise KeySlotError(
                "Give the current passphrase to make a new recovery key. Nothing has been changed."
            )
        key_slots.open_with_passphrase(session.slots, passphrase)  # wrong: WrongSecretError
        owners = session.slots.owners(SlotKind.PASSPHRASE)
        renewed[SlotKind.PASSPHRASE] = (owners[0] if owners else session.actor, passphrase)
    change_data_key(
        session, renewed, NEW_RECOVERY_KEY, progress=progress, secret_store=secret_store
    )
    return recovery_key


def upgrade_slot(session: Session, slot: KeySlot, secret: str) -> None:
    """Remake a slot from before key rotation (``slot``, just opened with ``secret``) so the data
    key can later change without its secret. The data key stays as it is."""
    if slot.rewrappable:
        return
    slots = session.slots
    remade = key_slots.remade_slot(slots, session.key_bytes(), slot, secret)
    renewed = replace(slots, slots=tuple(remade if s == slot else s for s in slots.slots))
    sealed = key_file.seal(renewed, session.key_bytes(), slots.anchor)
    try:
        key_file.write_slots(session.path, sealed)
    except StoreError:
        log.warning("a key slot from an earlier rrdesk could not be remade")
        return
    session.slots = sealed


def change_data_key(
    session: Session,
    renewed: Mapping[str, tuple[str, str]],
    action: str,
    *,
    progress: Progress | None = None,
    secret_store: SecretStore | None = None,
    signing_key: bytes | None = None,
) -> None:
    """Re-key ``session``'s store with a new data key, remaking the slots in ``renewed`` (kind to
    owner and secret) and moving the others; record ``action`` in its audit trail. The signing
    key moves with it (see :func:`_move_signing_key`; ``signing_key`` is it, open)."""
    from rrdesk.services.store.backups import wait_for_backups

    wait_for_backups(session)  # the file is closed and replaced: never under a copy
    old_key = session.key_bytes()
    new_key = key_slots.new_data_key()
    slots = key_slots.rekeyed_slots(session.slots, old_key, new_key, renewed)
    path, db = session.path, session.db
    rotation.remove_work_files(path)
    chain = chain_key(db, old_key, session.slots.store_id)
    with db.transaction():
        keep_chain_key(db, chain)
    work = rotation.store_work_file(path)
    try:
        db.copy_to(work, new_key, progress=progress)
        copy = Database.open(work, new_key)
        try:
            with copy.transaction():
                trail = AuditRepository(copy, chain, lambda: None, lambda: None)
                trail.append(_entry(session, action))
                retired = _move_signing_key(
                    copy, session.slots.store_id, old_key, new_key, renewed, signing_key
                )
                if retired:
                    trail.append(_entry(session, RETIRED_SIGNING_KEY, retired))
            anchor = current_anchor(copy)
        finally:
            copy.close()
        slots = key_file.for_store_file(key_file.seal(slots, new_key, anchor), work, new_key)
        rotation.write_key_work_file(path, slots)
    except BaseException:
        rotation.remove_work_files(path)
        raise
    db.close()
    try:
        rotation.put_in_place(path)
    except StoreError:
        rotation.finish_interrupted(path)
        now = key_file.read_slots(path)
        db.reopen(new_key if key_slots.matches_data_key(now, new_key) else old_key)
        if key_slots.matches_data_key(now, new_key):
            _adopt(session, now, new_key, secret_store)
        raise
    db.reopen(new_key)
    _adopt(session, slots, new_key, secret_store)
    if retired:
        session.forget_signing_keys()
    log.info("the store's data key was changed")


RETIRED_SIGNING_KEY = "Retired the signing certificate"


def open_signing_key(session: Session, passphrase: str | None) -> bytes | None:
    """The current signing key, open: remembered for the session, or opened with
    ``passphrase`` (:class:`WrongSecretError` if it does not open it); ``None`` if neither."""
    stored = SecretRepository(session.db).current()
    if stored is None or stored.identity_id is None or not stored.private_key_der:
        return None
    remembered = session.signing_keys.get(stored.identity_id)
    if remembered is not None:
        return bytes(remembered)
    if not signing_slot.is_protected(stored.private_key_der):
        return stored.private_key_der  # kept plain by an earlier rrdesk
    if passphrase is None:
        return None
    plain = signing_slot.unprotect(
        stored.private_key_der,
        data_key=session.key_bytes(),
        passphrase=passphrase,
        store_id=session.slots.store_id,
        certificate_der=stored.certificate_der,
    )
    if plain is None:
        raise WrongSecretError(f"The current passphrase is not right. {NOTHING_CHANGED}")
    return plain


def _open_kept_key(db: Database, data_key: bytes, store_id: str, passphrase: str) -> bytes | None:
    stored = SecretRepository(db).current()
    if stored is None or not stored.private_key_der:
        return None
    if not signing_slot.is_protected(stored.private_key_der):
        return stored.private_key_der
    return signing_slot.unprotect(
        stored.private_key_der,
        data_key=data_key,
        passphrase=passphrase,
        store_id=store_id,
        certificate_der=stored.certificate_der,
    )


def signing_key_needs_passphrase(session: Session) -> bool:
    """True if a change of passphrase needs the current one to keep the signing key."""
    stored = SecretRepository(session.db).current()
    return (
        stored is not None
        and signing_slot.is_protected(stored.private_key_der)
        and stored.identity_id not in session.signing_keys
    )


def _move_signing_key(
    copy: Database,
    store_id: str,
    old_key: bytes,
    new_key: bytes,
    renewed: Mapping[str, tuple[str, str]],
    signing_key: bytes | None,
) -> str:
    """In the re-keyed ``copy``: the current signing key moved to ``new_key``, and under a new
    passphrase wrapped again with it. Returns why it was retired instead ("" if it was not)."""
    repository = SecretRepository(copy)
    stored = repository.current()
    if stored is None or stored.identity_id is None or not stored.private_key_der:
        return ""
    blob = stored.private_key_der
    if SlotKind.PASSPHRASE in renewed:
        if signing_key is None:
            repository.retire(stored.identity_id)
            return (
                "its key was locked with the old passphrase, which was not given: make a new "
                "certificate, or import the council's again, in Partnership settings"
            )
        moved: bytes | None = signing_slot.protect(
            signing_key,
            data_key=new_key,
            passphrase=renewed[SlotKind.PASSPHRASE][1],
            store_id=store_id,
            certificate_der=stored.certificate_der,
        )
    elif signing_slot.is_protected(blob):
        moved = signing_slot.rewrap_outer(
            blob,
            old_key=old_key,
            new_key=new_key,
            store_id=store_id,
            certificate_der=stored.certificate_der,
        )
    else:
        return ""  # kept plain by an earlier rrdesk: wrapped at its first use
    if moved is None:
        repository.retire(stored.identity_id)
        return "its key could not be opened with the store's key"
    repository.set_private_key(stored.identity_id, moved)
    return ""


def _adopt(
    session: Session, slots: key_slots.KeySlots, new_key: bytes, secret_store: SecretStore | None
) -> None:
    old_key = session.key_bytes()
    session.slots = slots
    session.data_key[:] = new_key
    session.__dict__.pop("audit", None)  # its seal key is read again, from the re-keyed store
    if secret_store is None:
        return
    from rrdesk.services.store.store_access import keyring_account

    account = keyring_account(slots)
    try:
        if secret_store.load(account) == old_key:
            secret_store.save(account, new_key)
    except SecretStoreUnavailable:
        log.warning("the remembered key could not be replaced in the keyring")


def rekey_restored(
    work: Path,
    old_key: bytes,
    new_key: bytes,
    slots: key_slots.KeySlots,
    passphrases: tuple[str, str] | None = None,
) -> key_slots.KeySlots:
    """Re-key the restored copy of a store at ``work`` (a backup made with other secrets) from
    ``old_key`` to ``new_key``, the current store's; returns the current ``slots`` sealed with
    the copy's audit anchor, to go beside it. Its audit chain keeps its own key. With
    ``passphrases`` (the backup's and the current one), the signing key is locked again with the
    current passphrase; without, it moves to ``new_key`` still locked with the backup's."""
    target = work.with_name(work.name + rotation.WORK_SUFFIX)
    target.unlink(missing_ok=True)
    db = Database.open(work, old_key)
    try:
        with db.transaction():
            keep_chain_key(db, chain_key(db, old_key, slots.store_id))
            renewed: dict[str, tuple[str, str]] = {}
            plain = None
            if passphrases is not None:
                plain = _open_kept_key(db, old_key, slots.store_id, passphrases[0])
                if plain is not None:
                    renewed = {SlotKind.PASSPHRASE: ("", passphrases[1])}
            _move_signing_key(db, slots.store_id, old_key, new_key, renewed, plain)
        db.copy_to(target, new_key)
    finally:
        db.close()
    copy = Database.open(target, new_key)
    try:
        anchor = current_anchor(copy)
    finally:
        copy.close()
    os.replace(target, work)
    return key_file.seal(slots, new_key, anchor)


def _entry(session: Session, action: str, note: str = NOTE) -> AuditEntry:
    return AuditEntry(
        at=datetime.now(UTC).isoformat(timespec="seconds"),
        actor=session.actor,
        os_user=session.os_user,
        case_id=None,
        entity="store",
        action=action,
        detail={"note": note},
    )
