"""The cryptography inside a key slot, so the data key can change without anyone's secret.

Each slot has a key pair of its own (X25519). Its private key is wrapped with AES-256-GCM under a
key derived from the slot's secret (the passphrase or the recovery key) with scrypt; the data key
is sealed to its public key (an ephemeral X25519 exchange, HKDF-SHA256, AES-256-GCM). Changing the
store's data key seals the new one to every slot's public key, so no one has to type the other
slots' secrets; the old data key, and every key file that holds it, then opens nothing current.
A slot's secret is needed only to open it, or to make it anew.

The cryptography library is loaded when a slot is made or opened: a remembered key needs none of
this, so start-up does not wait for it.
"""

from __future__ import annotations

import secrets

PRIVATE_BYTES = 32
WRAPPED_BYTES = 48  # a 32-byte key and GCM's 16-byte tag
SEALED_BYTES = 32 + 12 + 48  # the ephemeral public key, the nonce, the data key and its tag


def derive(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)


def wrap(key: bytes, plain: bytes, nonce: bytes, associated: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key).encrypt(nonce, plain, associated)


def unwrap(key: bytes, wrapped: bytes, nonce: bytes, associated: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(nonce, wrapped, associated)
    except InvalidTag:
        return None


def new_key_pair() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair as raw bytes: (private, public)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def _sealing_key(shared: bytes, ephemeral: bytes, public: bytes, associated: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    info = b"rrdesk slot seal:" + associated + ephemeral + public
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal_to(public: bytes, data_key: bytes, associated: bytes) -> bytes:
    """``data_key`` sealed so that only the holder of ``public``'s private key can open it."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = secrets.token_bytes(12)
    key = _sealing_key(shared, ephemeral_public, public, associated)
    return ephemeral_public + nonce + wrap(key, data_key, nonce, associated)


def open_sealed(private: bytes, public: bytes, sealed: bytes, associated: bytes) -> bytes | None:
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    if len(sealed) != SEALED_BYTES or len(private) != PRIVATE_BYTES:
        return None
    ephemeral_public, nonce, body = sealed[:32], sealed[32:44], sealed[44:]
    try:
        shared = X25519PrivateKey.from_private_bytes(private).exchange(
            X25519PublicKey.from_public_bytes(ephemeral_public)
        )
    except ValueError:
        return None
    key = _sealing_key(shared, ephemeral_public, public, associated)
    return unwrap(key, body, nonce, associated)
