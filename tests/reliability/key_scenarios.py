"""Reliability scenarios for the store's keys and restores: a child process changing the
passphrase, or restoring a backup, killed with SIGKILL (see scenarios.py for the others)."""

from __future__ import annotations

import random
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rrdesk.services.partnership.signing_service import SigningService
from rrdesk.services.store.store_access import unlock_with_passphrase
from tests.reliability.scenarios import PASSPHRASE, _Child, new_store


@dataclass
class RekeyKillFigures:
    kills: int = 0
    changes: int = 0  # changes of key acknowledged before the kills
    opened: int = 0  # times the store opened afterwards with the passphrase just set or the next
    unopenable: int = 0
    integrity_problems: int = 0
    audit_breaks: int = 0
    cases_lost: int = 0
    earlier_key_file_opened: int = 0  # a key file from before an acknowledged change opened it
    stray_work_files: int = 0
    signing_key_lost: int = 0  # the signing key not opened by the passphrase that opened the store


def rekey_kill_trials(folder: Path, kills: int, *, seed: int | None = None) -> RekeyKillFigures:
    """SIGKILL a child that keeps changing the passphrase (and so the data key): the store always
    opens, whole, with the passphrase last set or the one being set; never with an earlier key
    file once a change is acknowledged."""
    from rrdesk.storage.errors import StoreError
    from rrdesk.storage.keys import key_file, rotation

    chance = random.Random(seed)
    store, first = new_store(folder)
    second = folder / "second.txt"
    second.write_text(PASSPHRASE + " two", encoding="utf-8")
    choices = [PASSPHRASE, PASSPHRASE + " two"]
    session = unlock_with_passphrase(store, PASSPHRASE)
    with session.db.transaction():
        session.settings.set("marker", "kept")
    identity = SigningService(session).ensure_identity(datetime.now(UTC), PASSPHRASE)
    session.close()
    figures = RekeyKillFigures()
    for trial in range(kills):
        earlier_keys = key_file.slot_file_for(store).read_bytes()
        child = _Child("rekeyer", str(store), str(first), str(second))
        child.wait_ready()
        time.sleep(chance.uniform(0.0, 0.6))
        child.kill()
        figures.kills += 1
        changed = [line for line in child.lines if line.startswith("changed")]
        figures.changes += len(changed)
        opened = None
        for passphrase in choices:
            try:
                opened = unlock_with_passphrase(store, passphrase)
                break
            except StoreError:
                continue
        if opened is None:
            figures.unopenable += 1
            continue
        figures.opened += 1
        figures.integrity_problems += len(opened.db.integrity_problems())
        figures.audit_breaks += opened.audit.verify()[1] is not None
        figures.cases_lost += opened.settings.get("marker") != "kept"
        try:
            figures.signing_key_lost += SigningService(opened).identity(passphrase) != identity
        except StoreError:
            figures.signing_key_lost += 1
        opened.close()
        work = (rotation.store_work_file(store), rotation.key_work_file(store))
        figures.stray_work_files += sum(path.exists() for path in work)
        if changed:
            figures.earlier_key_file_opened += _opens_with(
                store, earlier_keys, choices, folder / f"earlier-{trial}"
            )
    return figures


@dataclass
class RestoreKillFigures:
    kills: int = 0
    restores: int = 0  # restores acknowledged before the kills
    nothing_there: int = 0  # times no store was where the store had been, just after a kill
    unopenable: int = 0
    integrity_problems: int = 0
    stray_work_files: int = 0


def restore_kill_trials(folder: Path, kills: int, *, seed: int | None = None) -> RestoreKillFigures:
    """SIGKILL a child that keeps restoring a backup over the store: something is always where
    the store was, and it opens whole."""
    from rrdesk.services.store.backups import back_up_to
    from rrdesk.storage.errors import StoreError
    from rrdesk.storage.keys import key_file, rotation

    chance = random.Random(seed)
    store, passphrase_file = new_store(folder)
    session = unlock_with_passphrase(store, PASSPHRASE)
    backup = back_up_to(session, folder / "monday.rrbackup")
    session.close()
    figures = RestoreKillFigures()
    for _ in range(kills):
        child = _Child("restorer", str(store), str(passphrase_file), str(backup))
        child.wait_ready()
        time.sleep(chance.uniform(0.0, 0.5))
        child.kill()
        figures.kills += 1
        figures.restores += len([line for line in child.lines if line.startswith("restored")])
        if not (store.is_file() and key_file.slot_file_for(store).is_file()):
            figures.nothing_there += 1
        try:
            opened = unlock_with_passphrase(store, PASSPHRASE)
        except StoreError:
            figures.unopenable += 1
            continue
        figures.integrity_problems += len(opened.db.integrity_problems())
        opened.close()
        work = (rotation.store_work_file(store), rotation.key_work_file(store))
        figures.stray_work_files += sum(path.exists() for path in work)
    return figures


def _opens_with(store: Path, keys: bytes, choices: list[str], folder: Path) -> int:
    """1 if a copy of ``store`` beside the key file ``keys`` opens with either passphrase."""
    from rrdesk.storage.errors import StoreError
    from rrdesk.storage.keys import key_file

    folder.mkdir()
    copy = folder / store.name
    shutil.copyfile(store, copy)
    key_file.slot_file_for(copy).write_bytes(keys)
    for passphrase in choices:
        try:
            unlock_with_passphrase(copy, passphrase).close()
        except StoreError:
            continue
        return 1
    return 0
