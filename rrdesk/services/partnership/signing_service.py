"""The partnership's signing identity: created, imported, shown, exported and used to check PDFs.

The private key lives only inside the encrypted store, wrapped in a slot of its own under the
store's key and the passphrase (:mod:`rrdesk.storage.keys.signing_slot`): opening the store is
not enough to sign. The passphrase is asked for the first time the key is wanted in a session and
the key is then remembered until the store is closed or locked. It is created on first need
(self-signed, naming the partnership) or imported from a PKCS#12 file the council's IT provides;
either way it is kept wrapped. A key kept plain by an earlier rrdesk is wrapped, and its plain
copy removed, in one transaction the first time it is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date, format_time
from rrdesk.exports.signatures.signing import (
    TRUST_NOTE,
    CertificateDetails,
    SigningIdentity,
    SigningIdentityError,
    certificate_details,
    create_signing_identity,
    export_certificate_pem,
    import_pkcs12,
    signer_name,
)
from rrdesk.exports.signatures.verification import (
    SignatureCheck,
    VerificationError,
    VerificationResult,
    verify_pdf,
)
from rrdesk.services.partnership.signing_key_lock import OpenedKey, SigningKeyLock
from rrdesk.services.store.session import Session
from rrdesk.storage.secret_repository import SecretRepository, StoredIdentity

__all__ = [
    "TRUST_NOTE",
    "CertificateSummary",
    "NoSigningIdentityError",
    "PartnershipNameError",
    "SigningIdentityError",
    "SigningPassphraseNeededError",
    "SigningService",
    "VerificationError",
    "signing_time_words",
    "verify_against",
]

CREATED = "created"
IMPORTED = "imported"


class NoSigningIdentityError(UserError):
    """The store has no signing certificate yet; the message is fit to show the user."""

    def __init__(self) -> None:
        super().__init__(
            "The partnership has no signing certificate yet. Create one or import the council's "
            "in Partnership settings."
        )


PASSPHRASE_QUESTION = (
    "Enter your passphrase to sign for the partnership.\nrrdesk asks once each time the store "
    "is opened: opening the store is not enough to sign."
)
"""What the passphrase box says (on two lines)."""


class SigningPassphraseNeededError(UserError):
    """The signing key is wrapped under the passphrase, and it has not been given yet."""

    def __init__(self) -> None:
        super().__init__(PASSPHRASE_QUESTION.replace("\n", " "))


class PartnershipNameError(UserError):
    """The partnership's name cannot be used (it is blank)."""


@dataclass(frozen=True)
class CertificateSummary:
    """What the settings screen shows about the current certificate."""

    details: CertificateDetails
    source: str
    """``created`` or ``imported``."""
    name: str = ""
    """Who it names, as people read it (the common name)."""

    @property
    def source_text(self) -> str:
        if self.source == IMPORTED:
            return "Imported from a certificate file"
        return "Created by rrdesk for the partnership (self-signed)"


def _identity(stored: StoredIdentity) -> SigningIdentity:
    return SigningIdentity(stored.certificate_der, stored.private_key_der, stored.chain_der)


class SigningService:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._secrets = SecretRepository(session.db)

    # --- the partnership ------------------------------------------------------------------

    @property
    def partnership(self) -> str:
        return self._session.partnership

    def rename_partnership(self, name: str) -> str:
        """Change the partnership's name as documents print it. The certificate is unchanged."""
        clean = " ".join(name.split())
        if not clean:
            raise PartnershipNameError("Enter the partnership's name")
        if clean == self.partnership:
            return clean
        with self._session.db.transaction():
            self._session.settings.set("partnership", clean)
            self._session.record("store", "Renamed the partnership", detail={"note": clean})
        return clean

    # --- the identity ---------------------------------------------------------------------

    def needs_passphrase(self) -> bool:
        """True if signing now asks for the passphrase: the key has not been opened in this
        session yet, or there is none (a new one is wrapped under the passphrase)."""
        stored = self._secrets.current()
        return stored is None or stored.identity_id not in self._session.signing_keys

    def identity(self, passphrase: str | None = None) -> SigningIdentity | None:
        """The current identity with its key, or ``None`` if the store has none. The key is
        opened with ``passphrase`` the first time in a session (then remembered);
        :class:`SigningPassphraseNeededError` without it, :class:`WrongSecretError` if wrong."""
        stored = self._secrets.current()
        if stored is None:
            return None
        assert stored.identity_id is not None
        remembered = self._session.signing_keys.get(stored.identity_id)
        if remembered is not None:
            return SigningIdentity(stored.certificate_der, bytes(remembered), stored.chain_der)
        if passphrase is None:
            raise SigningPassphraseNeededError()
        opened = self.key_lock().open(passphrase)
        assert opened is not None
        return self.remember(opened)

    def key_lock(self) -> SigningKeyLock:
        """What opening or locking the key with the passphrase needs, for the task runner:
        the slow part (scrypt) runs there, without the database."""
        session = self._session
        return SigningKeyLock(session.slots, session.key_bytes(), self._secrets.current())

    def remember(self, opened: OpenedKey) -> SigningIdentity:
        """Keep the key opened by :meth:`SigningKeyLock.open` for the session. A key an earlier
        rrdesk kept plain is stored wrapped, its plain copy removed, in one transaction."""
        session = self._session
        if opened.rewrapped is not None:
            fingerprint = certificate_details(opened.identity).sha256_fingerprint
            with session.db.transaction():
                self._secrets.set_private_key(opened.identity_id, opened.rewrapped)
                session.record(
                    "signing",
                    "Protected the signing key with the passphrase",
                    detail={"note": f"SHA-256 {fingerprint}"},
                )
        session.signing_keys[opened.identity_id] = bytearray(opened.identity.private_key_der)
        return opened.identity

    def fingerprint(self) -> str:
        """The current certificate's SHA-256 fingerprint, or "" if there is none."""
        summary = self.summary()
        return "" if summary is None else summary.details.sha256_fingerprint

    def summary(self) -> CertificateSummary | None:
        stored = self._secrets.current()
        if stored is None:
            return None
        identity = _identity(stored)
        return CertificateSummary(
            certificate_details(identity), stored.source, signer_name(identity)
        )

    @staticmethod
    def new_identity(partnership: str, now: datetime) -> SigningIdentity:
        """A new self-signed identity. Slow (a new RSA key): the app runs it off the UI thread."""
        return create_signing_identity(partnership, now=now)

    def keep(self, identity: SigningIdentity, source: str, passphrase: str) -> CertificateSummary:
        """Make ``identity`` the partnership's, its key wrapped under the store's current
        ``passphrase`` (and remembered for the session); an older one is retired and its key
        wiped."""
        lock = self.key_lock()
        lock.check(passphrase)
        return self.keep_wrapped(identity, source, lock.wrap(identity, passphrase))

    def keep_wrapped(
        self, identity: SigningIdentity, source: str, wrapped: bytes
    ) -> CertificateSummary:
        """As :meth:`keep`, with the key already wrapped by :meth:`SigningKeyLock.wrap` (on the
        task runner, after :meth:`SigningKeyLock.check`)."""
        summary = CertificateSummary(certificate_details(identity), source, signer_name(identity))
        action = (
            "Imported a signing certificate"
            if source == IMPORTED
            else "Created a signing certificate"
        )
        with self._session.db.transaction():
            stored = self._secrets.replace(
                identity.certificate_der, wrapped, identity.chain_der, source
            )
            self._session.record(
                "signing",
                action,
                detail={"note": f"SHA-256 {summary.details.sha256_fingerprint}"},
            )
        assert stored.identity_id is not None
        self._session.forget_signing_keys()
        self._session.signing_keys[stored.identity_id] = bytearray(identity.private_key_der)
        return summary

    def create_identity(self, now: datetime, passphrase: str) -> CertificateSummary:
        return self.keep(self.new_identity(self.partnership, now), CREATED, passphrase)

    def ensure_identity(self, now: datetime, passphrase: str | None = None) -> SigningIdentity:
        """The current identity with its key, created now if the store has none (both need the
        passphrase, unless the key was opened earlier in this session)."""
        identity = self.identity(passphrase)
        if identity is None:
            if passphrase is None:
                raise SigningPassphraseNeededError()
            identity = self.new_identity(self.partnership, now)
            self.keep(identity, CREATED, passphrase)
        return identity

    def import_identity(
        self, data: bytes, password: str, now: datetime, passphrase: str
    ) -> CertificateSummary:
        """Import a PKCS#12 file; :class:`SigningIdentityError` in plain words if it cannot be."""
        return self.keep(self.read_pkcs12(data, password, now), IMPORTED, passphrase)

    @staticmethod
    def read_pkcs12(data: bytes, password: str, now: datetime) -> SigningIdentity:
        """The identity in a PKCS#12 file if it can sign at ``now``; :class:`SigningIdentityError`
        in plain words if not. Touches no store, so it can run off the UI thread."""
        identity = import_pkcs12(data, password)
        details = certificate_details(identity)
        if details.valid_until <= now:
            raise SigningIdentityError(
                "This certificate has expired, so it cannot sign. Ask the council's IT for a "
                "current one"
            )
        if details.valid_from > now:
            raise SigningIdentityError("This certificate is not valid yet, so it cannot sign")
        return identity

    # --- sharing and checking -------------------------------------------------------------

    def certificate_pem(self) -> bytes:
        """The current certificate (never the key), for executives to trust."""
        stored = self._secrets.current()
        if stored is None:
            raise NoSigningIdentityError()
        return export_certificate_pem(SigningIdentity(stored.certificate_der, b""))

    def trusted_certificates_pem(self) -> list[bytes]:
        """Every certificate the partnership has signed with, current first."""
        return [
            export_certificate_pem(SigningIdentity(stored.certificate_der, b""))
            for stored in self._secrets.all_certificates()
        ]

    def verify(self, pdf_bytes: bytes) -> VerificationResult:
        """Check a signed PDF against the partnership's certificates, current or retired.

        The same check as ``rrdesk verify --trust``. With no certificate in the store, the
        signature and the document are checked but not who signed. Raises
        :class:`rrdesk.exports.signatures.verification.VerificationError` if the file cannot be
        checked.
        """
        return verify_against(pdf_bytes, self.trusted_certificates_pem())


def verify_against(pdf_bytes: bytes, certificates: list[bytes]) -> VerificationResult:
    """Check a signed PDF, trusting any of ``certificates`` (PEM). Touches no store.

    With no certificates, the signature and the document are checked but not who signed.
    """
    if not certificates:
        return verify_pdf(pdf_bytes)
    result = verify_pdf(pdf_bytes, certificates[0])
    for older in certificates[1:]:
        if result.trusted is not False or result.modified:
            break
        result = verify_pdf(pdf_bytes, older)
    return result


def signing_time_words(result: VerificationResult | SignatureCheck) -> str:
    """``22 November 2026 at 2:05pm UTC``, as the signer's computer reported it."""
    moment = result.signing_time
    if moment is None:
        return "Not recorded"
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{format_date(moment.date())} at {format_time(moment)} UTC"
