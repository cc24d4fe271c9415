"""The slow half of opening or locking the partnership's signing key with the passphrase.

Checking a passphrase and wrapping or unwrapping the key each derive a key with scrypt, which
takes a noticeable moment at full strength. ``SigningKeyLock`` holds what that needs, read from
the open store on the UI thread (the key slots, the store's key, the stored identity), so that the
derivation can run on the task runner without the database; ``SigningService`` then keeps the
result in one quick transaction on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from rrdesk.exports.signatures.signing import SigningIdentity, SigningIdentityError
from rrdesk.storage.errors import NOTHING_CHANGED, WrongSecretError
from rrdesk.storage.keys import key_slots, signing_slot
from rrdesk.storage.keys.key_slots import KeySlots
from rrdesk.storage.secret_repository import StoredIdentity


@dataclass(frozen=True)
class OpenedKey:
    """The stored identity with its key opened; ``rewrapped`` is the key wrapped under the
    passphrase when an earlier rrdesk kept it plain (to be stored in its place)."""

    identity_id: int
    identity: SigningIdentity
    rewrapped: bytes | None = None


@dataclass(frozen=True)
class SigningKeyLock:
    slots: KeySlots
    data_key: bytes
    stored: StoredIdentity | None
    """The current identity, or None if the store has none yet."""

    def check(self, passphrase: str) -> None:
        """:class:`WrongSecretError` unless ``passphrase`` is the store's current one."""
        data_key, _slot = key_slots.open_with_passphrase(self.slots, passphrase)
        if data_key != self.data_key:
            raise WrongSecretError(f"The passphrase is not right. {NOTHING_CHANGED}")

    def wrap(self, identity: SigningIdentity, passphrase: str) -> bytes:
        """``identity``'s key wrapped under ``passphrase`` and then under the store's key."""
        return signing_slot.protect(
            identity.private_key_der,
            data_key=self.data_key,
            passphrase=passphrase,
            store_id=self.slots.store_id,
            certificate_der=identity.certificate_der,
        )

    def open(self, passphrase: str) -> OpenedKey | None:
        """The stored key opened with ``passphrase``; None, once the passphrase is checked, when
        the store has no identity yet. :class:`WrongSecretError` if the passphrase is wrong."""
        stored = self.stored
        if stored is None:
            self.check(passphrase)
            return None
        assert stored.identity_id is not None
        blob = stored.private_key_der
        if not blob:
            raise SigningIdentityError(
                "The partnership's signing key is missing. Create a new certificate or import "
                "the council's in Partnership settings."
            )
        if not signing_slot.is_protected(blob):
            # A key an earlier rrdesk kept plain: wrapped now, stored in its place by the caller.
            self.check(passphrase)
            identity = SigningIdentity(stored.certificate_der, blob, stored.chain_der)
            return OpenedKey(stored.identity_id, identity, self.wrap(identity, passphrase))
        plain = signing_slot.unprotect(
            blob,
            data_key=self.data_key,
            passphrase=passphrase,
            store_id=self.slots.store_id,
            certificate_der=stored.certificate_der,
        )
        if plain is None:
            self.check(passphrase)  # wrong: WrongSecretError
            raise SigningIdentityError(
                "The partnership's signing key is locked with an earlier passphrase: the store "
                "was restored from a backup made before the passphrase changed. Enter that "
                "passphrase to sign, or create a new certificate or import the council's in "
                "Partnership settings"
            )
        identity = SigningIdentity(stored.certificate_der, plain, stored.chain_der)
        return OpenedKey(stored.identity_id, identity)
