"""The partnership's signing key in a slot of its own: under the data key and the passphrase.

Opening the store is not enough to sign. The signing key (PKCS#8) is wrapped twice with
AES-256-GCM: inside, under a key derived from the passphrase with scrypt (as the passphrase's
key slot is); outside, under a key derived from the store's data key. So it takes the store's key
and the passphrase to sign: the remembered key, the recovery key or a copy of the database alone
do not. A change of data key re-wraps only the outer layer (no passphrase needed); a change of
passphrase re-wraps the inner one, which needs the key unwrapped (the old passphrase, or the key
remembered for the session).

A blob starts with :data:`MAGIC`; anything else in the column is a key from an earlier rrdesk,
kept as plain PKCS#8, which is wrapped the first time it is used.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import struct

from rrdesk.storage.keys import key_slots, slot_crypto
from rrdesk.storage.keys.key_file import scrypt_settings_allowed

MAGIC = b"rrdesk signing key 1\n"
_PARAMS = struct.Struct(">IHH")  # scrypt's n, r and p


def is_protected(blob: bytes) -> bool:
    return blob.startswith(MAGIC)


def _associated(store_id: str, certificate_der: bytes) -> bytes:
    return b"rrdesk:" + store_id.encode() + b":signing:" + hashlib.sha256(certificate_der).digest()


def _outer_key(data_key: bytes, store_id: str) -> bytes:
    return hmac.new(data_key, b"rrdesk signing key:" + store_id.encode(), hashlib.sha256).digest()


def protect(
    private_key_der: bytes,
    *,
    data_key: bytes,
    passphrase: str,
    store_id: str,
    certificate_der: bytes,
) -> bytes:
    """The key wrapped under ``passphrase`` and then under ``data_key``."""
    associated = _associated(store_id, certificate_der)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    n, r, p = key_slots.SCRYPT_N, key_slots.SCRYPT_R, key_slots.SCRYPT_P
    inner_key = slot_crypto.derive(key_slots.normalise_passphrase(passphrase), salt, n, r, p)
    inner = (
        salt
        + _PARAMS.pack(n, r, p)
        + nonce
        + slot_crypto.wrap(inner_key, private_key_der, nonce, associated)
    )
    return _seal_outer(inner, data_key, store_id, associated)


def _seal_outer(inner: bytes, data_key: bytes, store_id: str, associated: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    return (
        MAGIC + nonce + slot_crypto.wrap(_outer_key(data_key, store_id), inner, nonce, associated)
    )


def _open_outer(blob: bytes, data_key: bytes, store_id: str, associated: bytes) -> bytes | None:
    if not is_protected(blob):
        return None
    body = blob[len(MAGIC) :]
    return slot_crypto.unwrap(_outer_key(data_key, store_id), body[12:], body[:12], associated)


def unprotect(
    blob: bytes, *, data_key: bytes, passphrase: str, store_id: str, certificate_der: bytes
) -> bytes | None:
    """The plain key, or ``None`` if ``passphrase`` (or ``data_key``) does not open it."""
    associated = _associated(store_id, certificate_der)
    inner = _open_outer(blob, data_key, store_id, associated)
    if inner is None or len(inner) < 16 + _PARAMS.size + 12:
        return None
    salt, rest = inner[:16], inner[16:]
    n, r, p = _PARAMS.unpack(rest[: _PARAMS.size])
    nonce, wrapped = rest[_PARAMS.size : _PARAMS.size + 12], rest[_PARAMS.size + 12 :]
    if not scrypt_settings_allowed(n, r, p):
        return None
    inner_key = slot_crypto.derive(key_slots.normalise_passphrase(passphrase), salt, n, r, p)
    return slot_crypto.unwrap(inner_key, wrapped, nonce, associated)


def rewrap_outer(
    blob: bytes, *, old_key: bytes, new_key: bytes, store_id: str, certificate_der: bytes
) -> bytes | None:
    """``blob`` moved from ``old_key`` to ``new_key`` (its passphrase layer as it was), or
    ``None`` if ``old_key`` does not open it."""
    associated = _associated(store_id, certificate_der)
    inner = _open_outer(blob, old_key, store_id, associated)
    return None if inner is None else _seal_outer(inner, new_key, store_id, associated)
