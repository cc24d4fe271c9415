"""Check a signed PDF: who signed it, when, and whether it has changed since.

Judged on pyHanko's own verdict: the cryptographic check, the trust check (when a trusted
certificate is given) and its difference analysis of anything added after signing. A later
revision that changes a page fails, even though the signed bytes themselves are untouched.
Nothing here goes to the network: no revocation or certificate fetching.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rrdesk.domain.errors import UserError

# pyHanko logs the full trace of an untrusted certificate as a warning; keep it off a
# command line that has not set up logging (the app's own log still receives it).
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


class VerificationError(UserError):
    """The file cannot be checked at all; the message is fit to show the user."""


class NotAPdfError(VerificationError):
    pass


class NotSignedError(VerificationError):
    pass


class TrustedCertificateError(VerificationError):
    """The certificate given to trust cannot be read."""


@dataclass(frozen=True)
class VerificationResult:
    signer: str
    signing_time: datetime | None
    """As the signer's computer reported it (PAdES B-B has no independent timestamp)."""
    verdict: str
    """In plain words, for people."""
    valid: bool
    """Intact, unmodified, and (when a certificate to trust was given) signed by it."""
    modified: bool
    """Changed after signing in a way that matters."""
    trusted: bool | None = None
    """None when no certificate to trust was given, so the signer's identity was not checked."""


def _load_trusted(pem: bytes) -> Any:
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509

    try:
        der = asn1_pem.unarmor(pem)[2] if asn1_pem.detect(pem) else pem
        certificate = x509.Certificate.load(der)
        certificate.native  # noqa: B018 - parse now so a bad file fails here
    except (ValueError, TypeError):
        raise TrustedCertificateError("The certificate to trust is not a PEM certificate") from None
    return certificate


def _reader(pdf_bytes: bytes) -> Any:
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    if b"%PDF-" not in pdf_bytes[:1024]:
        raise NotAPdfError("This file is not a PDF")
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = list(reader.embedded_signatures)
    # A damaged file can fail anywhere in reading, for example a number that is only ".".
    except (PdfError, ValueError, KeyError, TypeError, IndexError, ArithmeticError) as error:
        raise NotAPdfError(f"This PDF cannot be read: {error}") from None
    if not signatures:
        raise NotSignedError("This PDF has no signature")
    return signatures


def _signer_name(certificate: Any) -> str:
    subject = certificate.subject.native
    for field in ("common_name", "organization_name"):
        if subject.get(field):
            return str(subject[field])
    return str(certificate.subject.human_friendly)


def _modified(status: Any) -> bool:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage not in (
        SignatureCoverageLevel.ENTIRE_FILE,
        SignatureCoverageLevel.ENTIRE_REVISION,
    ):
        return True
    level = status.modification_level
    if level is None:
        return status.coverage is not SignatureCoverageLevel.ENTIRE_FILE
    return level not in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)


def _verdict(status: Any, modified: bool, trusted: bool | None, signer: str) -> tuple[bool, str]:
    if not status.intact:
        return False, "Not valid: the document has been altered or damaged since it was signed."
    if not status.valid:
        return False, "Not valid: the signature does not match the signer's certificate."
    if modified:
        return False, "Not valid: the document was changed after it was signed."
    if trusted is False:
        return False, (
            f"Not valid: the document is unchanged, but it was signed by {signer}, "
            "not by the certificate you trust."
        )
    if trusted is None:
        return True, (
            "The document is unchanged since it was signed. The signer's identity was not "
            "checked: give the partnership's certificate with --trust to check it."
        )
    if not status.bottom_line:
        return False, "Not valid: the signature does not meet the signing rules."
    return True, "Valid: signed with the trusted certificate and unchanged since signing."


def verify_pdf(pdf_bytes: bytes, trusted_cert_pem: bytes | None = None) -> VerificationResult:
    """Check every signature in the PDF; the result describes the first that fails, else the last.

    Raises :class:`NotAPdfError`, :class:`NotSignedError` or :class:`TrustedCertificateError`.
    """
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    trust_roots = [] if trusted_cert_pem is None else [_load_trusted(trusted_cert_pem)]
    signatures = _reader(pdf_bytes)
    result: VerificationResult | None = None
    for embedded in signatures:
        context = ValidationContext(
            trust_roots=trust_roots, allow_fetching=False, revocation_mode="soft-fail"
        )
        try:
            status = validate_pdf_signature(
                embedded,
                signer_validation_context=context,
                key_usage_settings=KeyUsageConstraints(
                    key_usage={"digital_signature", "non_repudiation"}
                ),
            )
        except (
            SignatureValidationError,
            PdfError,
            ValueError,
            KeyError,
            TypeError,
            IndexError,
            ArithmeticError,
        ):
            return VerificationResult(
                signer="Unknown: the signature cannot be read",
                signing_time=None,
                verdict="Not valid: the signature is damaged and cannot be checked.",
                valid=False,
                modified=True,
                trusted=False if trusted_cert_pem is not None else None,
            )
        signer = _signer_name(status.signing_cert)
        modified = _modified(status)
        trusted = bool(status.trusted) if trusted_cert_pem is not None else None
        valid, verdict = _verdict(status, modified, trusted, signer)
        result = VerificationResult(
            signer=signer,
            signing_time=status.signer_reported_dt,
            verdict=verdict,
            valid=valid,
            modified=modified,
            trusted=trusted,
        )
        if not valid:
            return result
    assert result is not None
    return result
