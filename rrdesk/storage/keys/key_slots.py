"""Key slots: the store's random data key, wrapped once per way in.

The store is encrypted with a random 256-bit data key passed to SQLCipher as a raw key, so opening
it needs no key derivation. The data key is kept only in wrapped form, in a small JSON file beside
the store (``<store>-keys``): one slot for the coordinator's passphrase, one for the recovery key.
Each slot wraps the data key with AES-256-GCM under a key derived from the secret with scrypt.
A key-check value tells "wrong secret" (no slot opens) from "damaged store" (a slot opens, the store
does not). The file also holds the audit trail's anchor (its head and length), and a MAC under a
key derived from the data key seals the whole file. The file itself is read, written and sealed by
:mod:`rrdesk.storage.keys.key_file`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import NamedTuple

from rrdesk.domain.cases.audit import AuditAnchor
from rrdesk.storage.errors import NOTHING_CHANGED, KeySlotError, WrongSecretError
from rrdesk.storage.keys import slot_crypto, strength

DATA_KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 12
# scrypt cost: 2**17 with r=8 is about 128 MiB and a few hundred milliseconds, as OWASP advises.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read aloud and type
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LENGTH = 5


class SlotKind:
    PASSPHRASE = "passphrase"
    RECOVERY = "recovery"


@dataclass(frozen=True)
class KeySlot:
    kind: str
    owner: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    n: int
    r: int
    p: int
    created: str
    public: bytes = b""  # the slot's own public key; empty in a slot from before key rotation
    sealed: bytes = b""  # the data key sealed to ``public``

    @property
    def rewrappable(self) -> bool:
        """True if the data key can be changed under this slot without its secret."""
        return bool(self.public)


class ClosedSeal(NamedTuple):  # a named tuple, as a dataclass costs start-up more to build
    """A keyed seal of the whole store file as rrdesk last closed it (see
    :mod:`rrdesk.storage.keys.store_seal`): when (an ISO time, in UTC) and the MAC."""

    at: str
    mac: bytes


@dataclass(frozen=True)
class KeySlots:
    store_id: str
    key_check: bytes
    slots: tuple[KeySlot, ...]
    anchor: AuditAnchor | None = None  # None only in a key file from before the chain was keyed
    mac: bytes = b""  # the seal over all of the above (empty until sealed)
    # How many times the store has been opened, and when it was last (an ISO time): a store
    # whose own count is lower is an older copy. None in a key file from before it was kept.
    counter: int | None = None
    opened: str = ""
    # The first 16 bytes of the store file this key file goes with (SQLCipher's salt, which no
    # write changes): a key file beside another store file is named as such, before any secret.
    store_salt: bytes = b""
    # The store file's seal from when it was last closed cleanly: None while it is open (its
    # first write is preceded by writing the key file without it), after a crash, or before.
    closed: ClosedSeal | None = None

    def owners(self, kind: str) -> list[str]:
        return [slot.owner for slot in self.slots if slot.kind == kind]


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def new_recovery_key() -> str:
    """Eight groups of five characters, for example ``K7QM2-...``: about 200 bits."""
    groups = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUP_LENGTH))
        for _ in range(RECOVERY_GROUPS)
    ]
    return "-".join(groups)


def normalise_recovery_key(text: str) -> str:
    """Forgive spaces, dashes and lower case."""
    cleaned = "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())
    groups = [
        cleaned[i : i + RECOVERY_GROUP_LENGTH]
        for i in range(0, len(cleaned), RECOVERY_GROUP_LENGTH)
    ]
    return "-".join(groups)


def normalise_passphrase(text: str) -> bytes:
    """Passphrases are compared as NFC UTF-8, so the same words typed on another keyboard match."""
    return unicodedata.normalize("NFC", text).encode("utf-8")


TOO_EASY = (
    "This passphrase is too easy to guess: an attacker could find it in fewer than 10 billion "
    "tries. Three or four random words work well"
)


def passphrase_problem(
    passphrase: str, confirmation: str | None = None, *, about: Iterable[str] = ()
) -> str | None:
    """Why a new passphrase is refused, in plain words, or ``None`` if it is acceptable.
    ``about``: names an attacker would try first (the person's, the partnership's)."""
    if not passphrase:
        return "Enter a passphrase"
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return (
            f"The passphrase must be {MIN_PASSPHRASE_LENGTH} characters or more. "
            "Three random words work well."
        )
    if passphrase != passphrase.strip():
        return "The passphrase must not start or end with a space"
    if strength.too_easy(passphrase, about):
        return TOO_EASY
    if confirmation is not None and confirmation != passphrase:
        return "The passphrases do not match"
    return None


def key_check_value(data_key: bytes, store_id: str) -> bytes:
    return hmac.new(data_key, b"rrdesk key check:" + store_id.encode(), hashlib.sha256).digest()


def _wrap(data_key: bytes, secret: bytes, kind: str, owner: str, store_id: str) -> KeySlot:
    """A new slot for ``secret``: a key pair of its own, its private key wrapped under the
    secret, and ``data_key`` sealed to its public key."""
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapping_key = slot_crypto.derive(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    private, public = slot_crypto.new_key_pair()
    return KeySlot(
        kind=kind,
        owner=owner,
        salt=salt,
        nonce=nonce,
        wrapped=slot_crypto.wrap(wrapping_key, private, nonce, _private_associated(kind, store_id)),
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        public=public,
        sealed=slot_crypto.seal_to(public, data_key, _associated(kind, store_id)),
    )


def _associated(kind: str, store_id: str) -> bytes:
    return f"rrdesk:{store_id}:{kind}".encode()


def _private_associated(kind: str, store_id: str) -> bytes:
    return f"rrdesk:{store_id}:{kind}:private".encode()


def _unwrap(slot: KeySlot, secret: bytes, store_id: str) -> bytes | None:
    wrapping_key = slot_crypto.derive(secret, slot.salt, slot.n, slot.r, slot.p)
    if not slot.public:  # a slot from before key rotation: it wraps the data key itself
        return slot_crypto.unwrap(
            wrapping_key, slot.wrapped, slot.nonce, _associated(slot.kind, store_id)
        )
    private = slot_crypto.unwrap(
        wrapping_key, slot.wrapped, slot.nonce, _private_associated(slot.kind, store_id)
    )
    if private is None:
        return None
    return slot_crypto.open_sealed(
        private, slot.public, slot.sealed, _associated(slot.kind, store_id)
    )


def create_slots(data_key: bytes, *, owner: str, passphrase: str, recovery_key: str) -> KeySlots:
    problem = passphrase_problem(passphrase, about=[owner])
    if problem:
        raise KeySlotError(problem)
    import uuid

    store_id = str(uuid.uuid4())
    return KeySlots(
        store_id=store_id,
        key_check=key_check_value(data_key, store_id),
        slots=(
            _wrap(data_key, normalise_passphrase(passphrase), SlotKind.PASSPHRASE, owner, store_id),
            _wrap(
                data_key,
                normalise_recovery_key(recovery_key).encode(),
                SlotKind.RECOVERY,
                "Recovery key",
                store_id,
            ),
        ),
    )


def open_with_passphrase(slots: KeySlots, passphrase: str) -> tuple[bytes, KeySlot]:
    """The data key and the slot that opened it, or :class:`WrongSecretError`."""
    return _open(
        slots,
        normalise_passphrase(passphrase),
        SlotKind.PASSPHRASE,
        f"The passphrase is not right. {NOTHING_CHANGED}",
    )


def open_with_recovery_key(slots: KeySlots, recovery_key: str) -> tuple[bytes, KeySlot]:
    return _open(
        slots,
        normalise_recovery_key(recovery_key).encode(),
        SlotKind.RECOVERY,
        f"The recovery key is not right. Check each group of characters.{_misread(recovery_key)} "
        f"{NOTHING_CHANGED}",
    )


def _misread(typed: str) -> str:
    """A hint when the key typed has characters no recovery key has: rrdesk leaves out the ones
    easily mistaken for others, so one of them means a character was misread."""
    cleaned = normalise_recovery_key(typed).replace("-", "")
    strays = sorted({ch for ch in cleaned if ch not in RECOVERY_ALPHABET})
    if not strays:
        return ""
    listed = " and ".join(", ".join(strays).rsplit(", ", 1))
    return f" Recovery keys have no 0, O, 1 or I: check the {listed} you typed."


def _open(slots: KeySlots, secret: bytes, kind: str, wrong: str) -> tuple[bytes, KeySlot]:
    for slot in slots.slots:
        if slot.kind != kind:
            continue
        data_key = _unwrap(slot, secret, slots.store_id)
        if data_key is not None and hmac.compare_digest(
            key_check_value(data_key, slots.store_id), slots.key_check
        ):
            return data_key, slot
    raise WrongSecretError(wrong)


def matches_data_key(slots: KeySlots, data_key: bytes) -> bool:
    """True when ``data_key`` (for example from the keyring) belongs to this store."""
    return len(data_key) == DATA_KEY_BYTES and hmac.compare_digest(
        key_check_value(data_key, slots.store_id), slots.key_check
    )


def stuck_kinds(slots: KeySlots, renewed: Iterable[str]) -> set[str]:
    """The kinds of slot that could not be moved to a new data key without their secret: slots
    from before key rotation, other than those being made anew (``renewed``)."""
    renewing = set(renewed)
    return {slot.kind for slot in slots.slots if not slot.rewrappable and slot.kind not in renewing}


def rekeyed_slots(
    slots: KeySlots, old_key: bytes, new_key: bytes, renewed: Mapping[str, tuple[str, str]]
) -> KeySlots:
    """``slots`` moved from ``old_key`` to ``new_key``: each kind in ``renewed`` (kind to owner
    and secret) gets one new slot for its new secret in place of its old ones, and every other
    slot has ``new_key`` sealed to it instead. The seal and anchor are left for the key file."""
    if not matches_data_key(slots, old_key):
        raise KeySlotError("That key does not belong to this store")
    stuck = stuck_kinds(slots, renewed)
    if stuck:
        raise KeySlotError(
            "This store's keys were made by an earlier rrdesk: make a new "
            f"{' and a new '.join(_KIND_NAMES[kind] for kind in sorted(stuck))} as well."
        )
    if SlotKind.PASSPHRASE in renewed:
        owner, secret = renewed[SlotKind.PASSPHRASE]
        problem = passphrase_problem(secret, about=[owner])
        if problem:
            raise KeySlotError(problem)
    moved: list[KeySlot] = []
    made: set[str] = set()
    for slot in slots.slots:
        if slot.kind in renewed:
            if slot.kind not in made:
                owner, secret = renewed[slot.kind]
                moved.append(
                    _wrap(
                        new_key, _secret_bytes(slot.kind, secret), slot.kind, owner, slots.store_id
                    )
                )
                made.add(slot.kind)
            continue
        sealed = slot_crypto.seal_to(slot.public, new_key, _associated(slot.kind, slots.store_id))
        moved.append(replace(slot, sealed=sealed))
    for kind, (owner, secret) in renewed.items():
        if kind not in made:
            moved.append(_wrap(new_key, _secret_bytes(kind, secret), kind, owner, slots.store_id))
    return replace(
        slots, key_check=key_check_value(new_key, slots.store_id), slots=tuple(moved), mac=b""
    )


def remade_slot(slots: KeySlots, data_key: bytes, slot: KeySlot, secret: str) -> KeySlot:
    """``slot`` made anew for the same ``secret`` and data key, in the current layout."""
    return _wrap(data_key, _secret_bytes(slot.kind, secret), slot.kind, slot.owner, slots.store_id)


_KIND_NAMES = {SlotKind.PASSPHRASE: "passphrase", SlotKind.RECOVERY: "recovery key"}


def _secret_bytes(kind: str, secret: str) -> bytes:
    if kind == SlotKind.RECOVERY:
        return normalise_recovery_key(secret).encode()
    return normalise_passphrase(secret)


def owners_summary(slots: Sequence[KeySlot]) -> str:
    return ", ".join(slot.owner for slot in slots if slot.kind == SlotKind.PASSPHRASE)


__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "KeySlot",
    "KeySlots",
    "create_slots",
    "matches_data_key",
    "new_data_key",
    "new_recovery_key",
    "open_with_passphrase",
    "open_with_recovery_key",
    "passphrase_problem",
    "rekeyed_slots",
    "stuck_kinds",
]
