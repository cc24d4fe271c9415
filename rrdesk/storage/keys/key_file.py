"""The key-slot file beside the store (``<store>-keys``): its JSON layout, reading and writing.

Anything odd in the file is a plain :class:`NotAStoreError` (:class:`KeyFileDamagedError` when it
is damaged rather than written by a newer rrdesk), so the person is told what to restore.

Version 3 adds each slot's public key and sealed data key (so the data key can change: see
:mod:`rrdesk.storage.keys.slot_crypto`) and how many times the store has been opened, and when
(so an older copy of the store is noticed). Version 4 adds the seal of the whole store file
from when it was last closed (:mod:`rrdesk.storage.keys.store_seal`); a file without one is
still written as version 3. Since version 2 the file also holds the audit
trail's anchor and is sealed with an HMAC under a key derived from the data key (:func:`seal`);
the seal is checked once the data key is known (:func:`check_seal`). A version 1 file has
neither, and is accepted only while its store is brought up to the keyed audit trail.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from rrdesk.domain.cases.audit import AuditAnchor
from rrdesk.storage.atomic_file import write_atomically
from rrdesk.storage.errors import (
    NOTHING_CHANGED,
    KeyFileDamagedError,
    KeyFileMismatchError,
    NotAStoreError,
    TamperedError,
)
from rrdesk.storage.input_files import InputFileError, parse_bounded_json, read_input_file
from rrdesk.storage.keys.key_slots import ClosedSeal, KeySlot, KeySlots
from rrdesk.storage.keys.slot_crypto import SEALED_BYTES, WRAPPED_BYTES

FORMAT = "rrdesk-key-slots"
FORMAT_VERSION = 4
WRITTEN_WITHOUT_CLOSED_SEAL = 3  # read by the rrdesk before the seal of the closed store
MAX_SLOT_FILE_BYTES = 1 << 20
# scrypt needs 128 * n * r bytes of memory for each try: rrdesk writes 128 MiB (n = 2**17, r = 8)
# and reads nothing that would need more than twice that, nor more than four times its work.
MAX_SCRYPT_MEMORY = 256 * 2**20
MAX_SCRYPT_WORK = 4 * MAX_SCRYPT_MEMORY


def slot_file_for(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + "-keys")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def slots_to_json(slots: KeySlots) -> bytes:
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": WRITTEN_WITHOUT_CLOSED_SEAL,
        "store_id": slots.store_id,
        "key_check": _b64(slots.key_check),
        "slots": [
            {
                "kind": slot.kind,
                "owner": slot.owner,
                "kdf": "scrypt",
                "n": slot.n,
                "r": slot.r,
                "p": slot.p,
                "salt": _b64(slot.salt),
                "nonce": _b64(slot.nonce),
                "wrapped": _b64(slot.wrapped),
                "created": slot.created,
                **(
                    {"public": _b64(slot.public), "sealed": _b64(slot.sealed)}
                    if slot.public
                    else {}
                ),
            }
            for slot in slots.slots
        ],
    }
    if slots.counter is not None:
        body["opened"] = {"counter": slots.counter, "at": slots.opened}
    if slots.store_salt:
        body["store"] = _b64(slots.store_salt)
    if slots.closed is not None and slots.anchor is not None:
        body["closed"] = {"at": slots.closed.at, "mac": _b64(slots.closed.mac)}
        body["version"] = FORMAT_VERSION
    if slots.anchor is not None:
        body["audit"] = {"head": slots.anchor.head, "count": slots.anchor.count}
        body["mac"] = _b64(slots.mac)
    else:
        body["version"] = 1
    return json.dumps(body, indent=2).encode("utf-8")


def _sealed_body(slots: KeySlots) -> bytes:
    """Everything the seal covers, laid out one way only."""
    anchor = slots.anchor or AuditAnchor("", -1)
    sealed: list[object] = [
        FORMAT,
        slots.store_id,
        _b64(slots.key_check),
        [_slot_fields(slot) for slot in slots.slots],
        [anchor.head, anchor.count],
    ]
    if slots.counter is not None:
        sealed.append([slots.counter, slots.opened])
    if slots.store_salt:
        sealed.append(["store", _b64(slots.store_salt)])
    if slots.closed is not None:
        sealed.append(["closed", slots.closed.at, _b64(slots.closed.mac)])
    return json.dumps(
        sealed,
        ensure_ascii=True,
        separators=(",", ":"),
    ).encode("ascii")


def _slot_fields(slot: KeySlot) -> list[object]:
    wrapped = (_b64(slot.salt), _b64(slot.nonce), _b64(slot.wrapped))
    fields: list[object] = [slot.kind, slot.owner, slot.n, slot.r, slot.p, slot.created, *wrapped]
    if slot.public:
        fields += [_b64(slot.public), _b64(slot.sealed)]
    return fields


def _seal_key(data_key: bytes, store_id: str) -> bytes:
    return hmac.new(data_key, b"rrdesk key file seal:" + store_id.encode(), hashlib.sha256).digest()


def seal(slots: KeySlots, data_key: bytes, anchor: AuditAnchor | None = None) -> KeySlots:
    """``slots`` with the audit anchor (``anchor``, or the one it has) and a fresh seal."""
    anchored = replace(slots, anchor=anchor or slots.anchor or AuditAnchor())
    mac = hmac.new(_seal_key(data_key, slots.store_id), _sealed_body(anchored), hashlib.sha256)
    return replace(anchored, mac=mac.digest())


def check_seal(slots: KeySlots, data_key: bytes, *, where: str) -> None:
    """Raise :class:`TamperedError` unless the key file's seal holds under ``data_key``."""
    expected = hmac.new(_seal_key(data_key, slots.store_id), _sealed_body(slots), hashlib.sha256)
    if slots.anchor is None or not hmac.compare_digest(expected.digest(), slots.mac):
        raise TamperedError(
            f"The key file {where} has been changed outside rrdesk: its seal does not match. "
            f"Restore the store and its key file from a backup. {NOTHING_CHANGED}"
        )


def slots_from_json(raw: bytes, *, where: str) -> KeySlots:
    """Parse a key-slot file; anything odd is :class:`NotAStoreError` with a plain message
    (:class:`KeyFileDamagedError` if it is damaged rather than from a newer rrdesk)."""
    damaged = (
        f"The key file {where} is damaged or is not an rrdesk key file. "
        f"Restore it from a backup. {NOTHING_CHANGED}"
    )
    if len(raw) > MAX_SLOT_FILE_BYTES:
        raise KeyFileDamagedError(damaged)
    try:
        body = parse_bounded_json(raw)
        if body.get("format") != FORMAT:
            raise KeyFileDamagedError(damaged)
        version = int(body["version"])
        if version > FORMAT_VERSION:
            raise NotAStoreError(
                f"The key file {where} was written by a newer version of rrdesk. "
                f"Install the newer version to open it. {NOTHING_CHANGED}"
            )
        anchor, mac = None, b""
        if version >= 2:
            audit = body["audit"]
            anchor = AuditAnchor(head=str(audit["head"]), count=int(audit["count"]))
            mac = base64.b64decode(body["mac"], validate=True)
        slots = tuple(
            KeySlot(
                kind=str(item["kind"]),
                owner=str(item["owner"]),
                salt=base64.b64decode(item["salt"], validate=True),
                nonce=base64.b64decode(item["nonce"], validate=True),
                wrapped=base64.b64decode(item["wrapped"], validate=True),
                n=int(item["n"]),
                r=int(item["r"]),
                p=int(item["p"]),
                created=str(item.get("created", "")),
                public=base64.b64decode(item.get("public", ""), validate=True),
                sealed=base64.b64decode(item.get("sealed", ""), validate=True),
            )
            for item in body["slots"]
            if item.get("kdf") == "scrypt"
        )
        counter, opened = None, ""
        if "opened" in body:
            counter = int(body["opened"]["counter"])
            opened = str(body["opened"]["at"])
        closed = None
        if version >= 4:  # only a sealed key file holds the seal of the closed store
            mark = body["closed"]
            closed = ClosedSeal(str(mark["at"]), base64.b64decode(mark["mac"], validate=True))
        result = KeySlots(
            store_id=str(body["store_id"]),
            key_check=base64.b64decode(body["key_check"], validate=True),
            slots=slots,
            anchor=anchor,
            mac=mac,
            counter=counter,
            opened=opened,
            store_salt=base64.b64decode(body.get("store", ""), validate=True),
            closed=closed,
        )
    except NotAStoreError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise KeyFileDamagedError(damaged) from None
    _check_sane(result, damaged)
    return result


def _check_sane(slots: KeySlots, damaged: str) -> None:
    if not slots.slots or len(slots.key_check) != 32:
        raise KeyFileDamagedError(damaged)
    if slots.anchor is not None and (
        slots.anchor.count < 0 or len(slots.anchor.head) != 64 or len(slots.mac) != 32
    ):
        raise KeyFileDamagedError(damaged)
    if slots.counter is not None and not 0 <= slots.counter < 2**62:
        raise KeyFileDamagedError(damaged)
    if slots.store_salt and len(slots.store_salt) != STORE_SALT_BYTES:
        raise KeyFileDamagedError(damaged)
    if slots.closed is not None and len(slots.closed.mac) != 32:
        raise KeyFileDamagedError(damaged)
    for slot in slots.slots:
        if not scrypt_settings_allowed(slot.n, slot.r, slot.p):
            raise KeyFileDamagedError(damaged)
        if len(slot.salt) < 16 or len(slot.nonce) != 12 or len(slot.wrapped) != WRAPPED_BYTES:
            raise KeyFileDamagedError(damaged)
        if slot.public and (len(slot.public) != 32 or len(slot.sealed) != SEALED_BYTES):
            raise KeyFileDamagedError(damaged)


def scrypt_settings_allowed(n: int, r: int, p: int) -> bool:
    """True for scrypt settings rrdesk will run: a power of two ``n`` of at least 2**10, and no
    more than :data:`MAX_SCRYPT_MEMORY` of memory or :data:`MAX_SCRYPT_WORK` of work a try."""
    if not (n >= 2**10 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        return False
    return 128 * n * r <= MAX_SCRYPT_MEMORY and 128 * n * r * p <= MAX_SCRYPT_WORK


STORE_SALT_BYTES = 16


def store_salt(store_path: Path) -> bytes:
    """The first bytes of the store file at ``store_path`` (SQLCipher's salt): b"" if unreadable."""
    try:
        with open(store_path, "rb") as handle:
            salt = handle.read(STORE_SALT_BYTES)
    except OSError:
        return b""
    return salt if len(salt) == STORE_SALT_BYTES else b""


def for_store_file(slots: KeySlots, store_path: Path, data_key: bytes) -> KeySlots:
    """``slots`` naming the store file at ``store_path`` as theirs, sealed again (without any
    seal of a store file: that is written when the new file is next closed)."""
    return seal(replace(slots, store_salt=store_salt(store_path), closed=None), data_key)


def check_fits(store_path: Path, slots: KeySlots) -> None:
    """Refuse, with a message that says so, a key file that names another store file than the
    one beside it (another store's key file, or this store's from before its key changed), once
    its key has failed to open the store: a copy of the store made with the same key (the one
    kept before a migration, say) opens with it all the same."""
    if not slots.store_salt:
        return
    salt = store_salt(store_path)
    if salt and salt != slots.store_salt:
        keys = slot_file_for(store_path).name
        raise KeyFileMismatchError(
            f"The store {store_path.name} and the key file beside it, {keys}, do not belong "
            "together: the key file is another store's, or this store's from before its "
            "passphrase or recovery key was changed (from an old backup, say), or else the store "
            "file has been replaced or is damaged. Put back the key file that was beside the "
            f"store, or restore the store and its key file from a backup. {NOTHING_CHANGED}"
        )


def read_slots(store_path: Path) -> KeySlots:
    path = slot_file_for(store_path)
    try:
        raw = read_input_file(path, what="key file", max_bytes=MAX_SLOT_FILE_BYTES)
    except InputFileError as error:
        raise KeyFileDamagedError(
            f"{error.message} rrdesk keeps the key file beside the store; restore it from a "
            f"backup. {NOTHING_CHANGED}"
        ) from None
    except FileNotFoundError:
        raise KeyFileDamagedError(
            f"The key file {path.name} is missing from {path.absolute().parent}. rrdesk keeps it "
            f"beside the store; restore it from a backup. {NOTHING_CHANGED}"
        ) from None
    except OSError as error:
        raise NotAStoreError(
            f"rrdesk cannot read {path}: {error.strerror}. {NOTHING_CHANGED}"
        ) from None
    return slots_from_json(raw, where=path.name)


def write_slots(store_path: Path, slots: KeySlots) -> None:
    write_atomically(slot_file_for(store_path), slots_to_json(slots), mode=0o600)
