"""Reliability scenarios for the audit trail, older copies and revocation: random tamperings made
with the passphrase (so with the data key, as the red team had it), random rollbacks of the whole
store or of single pages, each tried on a copy of a store that was opened on a computer with a
keyring; and earlier key files, secrets and backups tried after random changes of key.

A tampering or rollback is *caught* when the store refuses to open (tampered, older or damaged)
or opens with its audit check showing the break; it is *missed* when the store opens, its trail
whole, with what was changed or put back in it. In process, with cheap key derivation: these take
a second or two for dozens of trials.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from rrdesk.domain.cases.audit import GENESIS, AuditEntry, entry_hash, unkeyed_entry_hash
from rrdesk.domain.cases.cases import Child
from rrdesk.keystore import MemorySecretStore
from rrdesk.services.store.backups import back_up_to, restore_backup
from rrdesk.services.store.store_access import (
    change_passphrase,
    create_store,
    new_recovery_key,
    unlock_with_passphrase,
    unlock_with_recovery_key,
)
from rrdesk.storage.audit_repository import chain_key, current_anchor
from rrdesk.storage.database import PAGE_BYTES, Database
from rrdesk.storage.errors import StoreError
from rrdesk.storage.keys import key_file, key_slots
from tests.builders import add_case

PASSPHRASE = "correct horse battery staple"
DAY = date(2026, 11, 20)
_ROWS = "SELECT id, at, actor, os_user, case_id, entity, action, detail FROM audit ORDER BY id"
PLANTS = [
    "CREATE TRIGGER quiet BEFORE INSERT ON audit WHEN NEW.case_id = 1 "
    "BEGIN SELECT RAISE(IGNORE); END",
    "CREATE TRIGGER quiet_all BEFORE INSERT ON audit BEGIN SELECT RAISE(IGNORE); END",
    "CREATE VIEW recent AS SELECT * FROM audit",
    "CREATE INDEX audit_actor ON audit(actor)",
    "CREATE TABLE notes (body TEXT)",
]
ATTACKS = [
    "last entries deleted, anchors in the store removed",
    "an entry's words rewritten",
    "an entry deleted from the middle",
    "the whole trail re-hashed with plain SHA-256",
    "an entry rewritten, the chain re-sealed with its key and the key file resealed",
    "last entries deleted, the key file resealed to match",
    "the key file's count lowered without its seal",
    "a trigger, view, index or table planted",
]


@dataclass
class Tampered:
    trials: int = 0
    caught: int = 0
    missed: list[str] = field(default_factory=list)
    by_attack: dict[str, int] = field(default_factory=dict)


@dataclass
class RolledBack:
    whole_copies: int = 0  # an older store put back, with or without its own older key file
    whole_caught: int = 0
    pages: int = 0  # one or two 4 KiB pages copied back from an older copy
    pages_caught: int = 0
    pages_without_effect: int = 0  # opened, and nothing stored differs from the latest
    missed: list[str] = field(default_factory=list)


def _keyed_store(folder: Path, cases: int) -> tuple[Path, bytes, MemorySecretStore]:
    folder.mkdir(parents=True, exist_ok=True)
    key_slots.SCRYPT_N = 2**12
    store = folder / "partnership.rrdesk"
    created = create_store(store, partnership="Northmoor", owner="Priya", passphrase=PASSPHRASE)
    for number in range(cases):
        add_case(created.session, today=DAY, notified=DAY, children=(Child(f"Child {number}"),))
    key = created.session.key_bytes()
    created.session.close()
    keyring = MemorySecretStore()
    unlock_with_passphrase(store, PASSPHRASE, secret_store=keyring).close()
    return store, key, keyring


def _copy(store: Path, keys: bytes, folder: Path) -> Path:
    folder.mkdir(parents=True)
    copy = folder / store.name
    shutil.copyfile(store, copy)
    key_file.slot_file_for(copy).write_bytes(keys)
    return copy


def _keyring_copy(keyring: MemorySecretStore) -> MemorySecretStore:
    copy = MemorySecretStore()
    copy.entries = dict(keyring.entries)
    return copy


def _reseal_key_file(store: Path, key: bytes, db: Database) -> None:
    slots = key_file.read_slots(store)
    key_file.write_slots(store, key_file.seal(slots, key, current_anchor(db)))


def _rehash(db: Database, seal_key: bytes | None) -> None:
    previous = GENESIS
    for row in db.query(_ROWS):
        entry = AuditEntry(*row[1:7], json.loads(row[7]))
        sealed = (
            unkeyed_entry_hash(entry, previous)
            if seal_key is None
            else entry_hash(entry, previous, seal_key)
        )
        db.execute(
            "UPDATE audit SET previous_hash = ?, hash = ? WHERE id = ?", (previous, sealed, row[0])
        )
        previous = sealed


def _tamper(store: Path, key: bytes, attack: str, chance: random.Random) -> None:
    db = Database.open(store, key)
    top = int(db.query_one("SELECT max(id) FROM audit")[0])  # type: ignore[index]
    some = chance.randint(2, top)
    with db.transaction():
        if attack == ATTACKS[0]:
            db.execute("DELETE FROM audit WHERE id > ?", (top - chance.randint(1, 5),))
            db.execute("DELETE FROM meta WHERE key IN ('audit_head', 'audit_count')")
        elif attack == ATTACKS[1]:
            db.execute("UPDATE audit SET action = 'Looked at nothing' WHERE id = ?", (some,))
        elif attack == ATTACKS[2]:
            db.execute("DELETE FROM audit WHERE id = ?", (some,))
        elif attack == ATTACKS[3]:
            _rehash(db, None)
        elif attack == ATTACKS[4]:
            db.execute("UPDATE audit SET action = 'Looked at nothing' WHERE id = ?", (some,))
            _rehash(db, chain_key(db, key, key_file.read_slots(store).store_id))
        elif attack == ATTACKS[5]:
            db.execute("DELETE FROM audit WHERE id > ?", (top - chance.randint(1, 5),))
        elif attack == ATTACKS[7]:
            db.execute(chance.choice(PLANTS))
    if attack in (ATTACKS[4], ATTACKS[5]):
        _reseal_key_file(store, key, db)
    db.close()
    if attack == ATTACKS[6]:
        keys = key_file.slot_file_for(store)
        body = json.loads(keys.read_bytes())
        body["audit"]["count"] = max(0, int(body["audit"]["count"]) - chance.randint(1, 5))
        keys.write_text(json.dumps(body), encoding="utf-8")


def _caught(store: Path, keyring: MemorySecretStore) -> bool:
    try:
        session = unlock_with_passphrase(store, PASSPHRASE, secret_store=keyring)
    except StoreError:
        return True
    try:
        return session.audit.verify()[1] is not None
    finally:
        session.close()


def audit_tamper_trials(folder: Path, trials: int, *, seed: int | None = None) -> Tampered:
    """``trials`` random tamperings of the trail, each on a fresh copy of one store."""
    chance = random.Random(seed)
    store, key, keyring = _keyed_store(folder / "base", cases=8)
    keys = key_file.slot_file_for(store).read_bytes()
    figures = Tampered()
    for trial in range(trials):
        attack = ATTACKS[trial % len(ATTACKS)] if trial < len(ATTACKS) else chance.choice(ATTACKS)
        copy = _copy(store, keys, folder / f"trial-{trial}")
        _tamper(copy, key, attack, chance)
        figures.trials += 1
        figures.by_attack[attack] = figures.by_attack.get(attack, 0) + 1
        if _caught(copy, _keyring_copy(keyring)):
            figures.caught += 1
        else:
            figures.missed.append(attack)
        shutil.rmtree(copy.parent)
    return figures


def _content(store: Path, key: bytes) -> str:
    """A digest of what the store holds for its cases (not its counters)."""
    db = Database.open(store, key)
    try:
        digest = hashlib.sha256()
        for table in ("cases", "case_documents"):
            digest.update(repr(db.query(f"SELECT * FROM {table} ORDER BY rowid")).encode())
        return digest.hexdigest()
    finally:
        db.close()


def rollback_trials(
    folder: Path, copies: int, pages: int, *, seed: int | None = None
) -> RolledBack:
    """A store kept in four generations (each opened and edited on this computer); then
    ``copies`` older generations put back whole (half with their own key file) and ``pages``
    rollbacks of one or two pages that differ between an older generation and the latest."""
    chance = random.Random(seed)
    store, key, keyring = _keyed_store(folder / "base", cases=3)
    generations: list[tuple[bytes, bytes]] = []
    for number in range(3):
        generations.append((store.read_bytes(), key_file.slot_file_for(store).read_bytes()))
        session = unlock_with_passphrase(store, PASSPHRASE, secret_store=keyring)
        add_case(session, today=DAY, notified=DAY, children=(Child(f"Added {number}"),))
        session.close()
    latest, latest_keys = store.read_bytes(), key_file.slot_file_for(store).read_bytes()
    latest_content = _content(store, key)
    figures = RolledBack()
    for trial in range(copies + pages):
        old, old_keys = chance.choice(generations)
        whole = trial < copies
        copy = _copy(store, latest_keys, folder / f"trial-{trial}")
        if whole:
            copy.write_bytes(old)
            own_keys = chance.random() < 0.5
            if own_keys:
                key_file.slot_file_for(copy).write_bytes(old_keys)
            label = "older copy" + (" with its key file" if own_keys else "")
        else:
            changed = [
                number
                for number in range(min(len(old), len(latest)) // PAGE_BYTES)
                if old[number * PAGE_BYTES : (number + 1) * PAGE_BYTES]
                != latest[number * PAGE_BYTES : (number + 1) * PAGE_BYTES]
            ]
            chosen = sorted(chance.sample(changed, min(len(changed), chance.choice((1, 2)))))
            body = bytearray(latest)
            for number in chosen:
                span = slice(number * PAGE_BYTES, (number + 1) * PAGE_BYTES)
                body[span] = old[span]
            copy.write_bytes(bytes(body))
            label = f"page{'s' if len(chosen) > 1 else ''} {', '.join(map(str, chosen))} put back"
        caught = _caught(copy, _keyring_copy(keyring))
        if whole:
            figures.whole_copies += 1
            figures.whole_caught += caught
        else:
            figures.pages += 1
            figures.pages_caught += caught
            if not caught and _content(copy, key) == latest_content:
                figures.pages_without_effect += 1
                caught = True
        if not caught:
            figures.missed.append(label)
        shutil.rmtree(copy.parent)
    return figures


@dataclass
class Revoked:
    changes: int = 0  # changes of passphrase or new recovery keys, chosen at random
    earlier_key_files: int = 0
    earlier_secrets: int = 0
    tries: int = 0  # earlier key files (and the current one) with every earlier secret
    opened: int = 0  # tries that opened the current store
    restores: int = 0  # backups from before a change, restored with the current passphrase
    restored_opened_by_earlier: int = 0  # an earlier secret opening a store so restored
    current_failed: int = 0  # times the current secrets did not open the store


def _opens(store: Path, secret: str, recovery: bool) -> bool:
    try:
        if recovery:
            session = unlock_with_recovery_key(store, secret, accept_older=True)
        else:
            session = unlock_with_passphrase(store, secret, accept_older=True)
    except StoreError:
        return False
    session.close()
    return True


def revocation_trials(folder: Path, changes: int, *, seed: int | None = None) -> Revoked:
    """A store whose passphrase or recovery key is changed ``changes`` times, each earlier key
    file kept (and, at random, a backup): no earlier key file with any secret it has had, and no
    earlier secret with the current key file, opens it; a backup from before a change, restored
    with the current passphrase, opens only with the current secrets."""
    chance = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    key_slots.SCRYPT_N = 2**12
    store = folder / "partnership.rrdesk"
    created = create_store(store, partnership="Northmoor", owner="Priya", passphrase=PASSPHRASE)
    session, passphrase, recovery = created.session, PASSPHRASE, created.recovery_key
    earlier: list[tuple[str, bool]] = []
    key_files: list[bytes] = []
    backups: list[tuple[Path, str]] = []
    figures = Revoked()
    for number in range(changes):
        key_files.append(key_file.slot_file_for(store).read_bytes())
        if chance.random() < 0.5:
            backups.append((back_up_to(session, folder / f"before-{number}.rrbackup"), passphrase))
        if chance.random() < 0.5:
            earlier.append((passphrase, False))
            passphrase = f"{PASSPHRASE} {number}"
            change_passphrase(session, passphrase)
        else:
            earlier.append((recovery, True))
            recovery = new_recovery_key(session)
        with session.db.transaction():
            session.settings.set("written after", str(number))
        figures.changes += 1
    session.close()
    everything = [*earlier, (passphrase, False), (recovery, True)]
    figures.earlier_key_files, figures.earlier_secrets = len(key_files), len(earlier)
    for number, keys in enumerate(key_files):
        copy = _copy(store, keys, folder / f"earlier-{number}")
        for secret, is_recovery in everything:
            figures.tries += 1
            figures.opened += _opens(copy, secret, is_recovery)
        shutil.rmtree(copy.parent)
    for secret, is_recovery in earlier:
        figures.tries += 1
        figures.opened += _opens(store, secret, is_recovery)
    for backup, made_with in backups:
        restore_backup(
            backup,
            store,
            made_with,
            recovery=False,
            now=datetime(2026, 12, 4, 15),
            current_passphrase=passphrase,
        )
        figures.restores += 1
        figures.restored_opened_by_earlier += sum(_opens(store, s, r) for s, r in earlier)
        figures.current_failed += not _opens(store, passphrase, False)
        figures.current_failed += not _opens(store, recovery, True)
    return figures
