"""The slow half of making a certificate the partnership's from Partnership settings: a new
key made, or a PKCS#12 file read, then the passphrase checked and the key locked under it.

Making an RSA key, reading the file and each key derived from the passphrase (scrypt) take a
noticeable moment, so all of it runs on the task runner, from a :class:`SigningKeyLock` read on
the UI thread and without the database; ``SigningService.keep_wrapped`` then stores the result
in one quick transaction on the UI thread. A wrong password or passphrase, or a file that is not
a certificate, fails here, before anything is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rrdesk.exports.signatures.signing import SigningIdentity
from rrdesk.services.partnership.signing_key_lock import SigningKeyLock
from rrdesk.services.partnership.signing_service import CREATED, IMPORTED, SigningService


@dataclass(frozen=True)
class LockedCertificate:
    """A certificate ready to keep: its key wrapped under the passphrase in ``wrapped``."""

    identity: SigningIdentity
    source: str
    """``created`` or ``imported``."""
    wrapped: bytes


def create_locked(
    partnership: str, now: datetime, lock: SigningKeyLock, passphrase: str
) -> LockedCertificate:
    """A new self-signed certificate naming ``partnership``, its key locked under
    ``passphrase``: checked first, so a wrong one makes no key. :class:`WrongSecretError` if
    it is wrong."""
    lock.check(passphrase)
    identity = SigningService.new_identity(partnership, now)
    return LockedCertificate(identity, CREATED, lock.wrap(identity, passphrase))


def import_locked(
    data: bytes, password: str, now: datetime, lock: SigningKeyLock, passphrase: str
) -> LockedCertificate:
    """The certificate in a PKCS#12 file, its key locked under ``passphrase``.
    :class:`SigningIdentityError` for a file that cannot be used (not a certificate file, a
    wrong password, expired), :class:`WrongSecretError` for a wrong passphrase."""
    identity = SigningService.read_pkcs12(data, password, now)
    lock.check(passphrase)
    return LockedCertificate(identity, IMPORTED, lock.wrap(identity, passphrase))
