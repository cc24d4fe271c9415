"""The partnership's signing identity: created, imported, shown, exported and used to check PDFs.

The private key lives only inside the encrypted store. It is created on first need (self-signed,
naming the partnership) or imported from a PKCS#12 file the council's IT provides.
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
from rrdesk.services.store.session import Session
from rrdesk.storage.secret_repository import SecretRepository, StoredIdentity

__all__ = [
    "TRUST_NOTE",
    "CertificateSummary",
    "NoSigningIdentityError",
    "PartnershipNameError",
    "SigningIdentityError",
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

    def identity(self) -> SigningIdentity | None:
        stored = self._secrets.current()
        return None if stored is None else _identity(stored)

    def require_identity(self) -> SigningIdentity:
        identity = self.identity()
        if identity is None:
            raise NoSigningIdentityError()
        return identity

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

    def keep(self, identity: SigningIdentity, source: str) -> CertificateSummary:
        """Make ``identity`` the partnership's; an older one is retired and its key wiped."""
        summary = CertificateSummary(certificate_details(identity), source, signer_name(identity))
        action = (
            "Imported a signing certificate"
            if source == IMPORTED
            else "Created a signing certificate"
        )
        with self._session.db.transaction():
            self._secrets.replace(
                identity.certificate_der, identity.private_key_der, identity.chain_der, source
            )
            self._session.record(
                "signing",
                action,
                detail={"note": f"SHA-256 {summary.details.sha256_fingerprint}"},
            )
        return summary

    def create_identity(self, now: datetime) -> CertificateSummary:
        return self.keep(self.new_identity(self.partnership, now), CREATED)

    def ensure_identity(self, now: datetime) -> SigningIdentity:
        """The current identity, created now if the store has none."""
        identity = self.identity()
        if identity is None:
            identity = self.new_identity(self.partnership, now)
            self.keep(identity, CREATED)
        return identity

    def import_identity(self, data: bytes, password: str, now: datetime) -> CertificateSummary:
        """Import a PKCS#12 file; :class:`SigningIdentityError` in plain words if it cannot be."""
        identity = import_pkcs12(data, password)
        details = certificate_details(identity)
        if details.valid_until <= now:
            raise SigningIdentityError(
                "This certificate has expired, so it cannot sign. Ask the council's IT for a "
                "current one"
            )
        if details.valid_from > now:
            raise SigningIdentityError("This certificate is not valid yet, so it cannot sign")
        return self.keep(identity, IMPORTED)

    # --- sharing and checking -------------------------------------------------------------

    def certificate_pem(self) -> bytes:
        """The current certificate (never the key), for executives to trust."""
        return export_certificate_pem(self.require_identity())

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
