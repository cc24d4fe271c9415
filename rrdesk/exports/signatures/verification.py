"""Check a signed PDF: who signed it, when, and whether it has changed since.

Judged on pyHanko's own verdict: the cryptographic check, the trust check (when a trusted
certificate is given) and its difference analysis of anything added after signing. A later
revision that changes a page fails, even though the signed bytes themselves are untouched.
Nothing here goes to the network: no revocation or certificate fetching.
"""

from __future__ import annotations

import hashlib
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
class SignatureCheck:
    """One signature in the file, in the order they were made."""

    field: str
    signer: str
    fingerprint: str
    """SHA-256 of the signer's certificate, as ``AB:CD:...``."""
    signing_time: datetime | None
    intact: bool
    """The signed bytes are unchanged and the signature matches the certificate."""
    trusted: bool | None
    """Signed with the certificate given to trust; None when none was given."""
    certifies: bool
    """The partnership's certification signature, which allows only form filling after it."""
    covers: str = ""
    """What the signed bytes cover, in plain words: the whole file, or the file as it was."""
    covers_whole_file: bool = False
    """Nothing was added to the file after this signature."""
    revision: int = 0
    """The revision of the file this signature signs, counting from 1."""


@dataclass(frozen=True)
class VerificationResult:
    signer: str
    """Who made the first signature (the partnership's, on an rrdesk sheet)."""
    signing_time: datetime | None
    """As the signer's computer reported it (PAdES B-B has no independent timestamp)."""
    verdict: str
    """In plain words, for people."""
    valid: bool
    """Intact, unchanged but for the executives' fields, and signed with the trusted
    certificate. False when no certificate to trust was given: who signed is not proven."""
    modified: bool
    """Changed after signing in a way that matters."""
    trusted: bool | None = None
    """None when no certificate to trust was given, so the signer's identity was not checked."""
    fingerprint: str = ""
    """SHA-256 of the first signer's certificate."""
    signatures: tuple[SignatureCheck, ...] = ()
    revisions: int = 0
    """How many revisions the file has: 1, then one more for each later signature or change."""


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


def fingerprint_of(certificate_der: bytes) -> str:
    digest = hashlib.sha256(certificate_der).hexdigest().upper()
    return ":".join(digest[index : index + 2] for index in range(0, len(digest), 2))


def signing_fingerprint(pdf_bytes: bytes) -> str:
    """The SHA-256 fingerprint of the certificate that made the file's first signature, without
    checking it; empty when the file has no readable signature."""
    try:
        signatures = _reader(pdf_bytes)
        return fingerprint_of(signatures[0].signer_cert.dump())
    except (VerificationError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return ""


EXECUTIVE_FIELD_PREFIXES = (
    "ExecutiveSignature_",
    "ExecutiveDecision_",
    "ExecutiveComments_",
    "ExecutiveDate_",
)
"""The fields a certified sheet leaves the executives to fill and sign."""

_WATCHED_INFO = ("/Title", "/Author", "/Subject", "/Keywords", "/Creator")


def _modified(status: Any) -> bool:
    from pyhanko.sign.diff_analysis import DiffResult, ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage not in (
        SignatureCoverageLevel.ENTIRE_FILE,
        SignatureCoverageLevel.ENTIRE_REVISION,
    ):
        return True
    level = status.modification_level
    if level is None:
        return status.coverage is not SignatureCoverageLevel.ENTIRE_FILE
    if level in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES):
        return False
    if level is not ModificationLevel.FORM_FILLING or not status.docmdp_ok:
        return True
    diff = status.diff_result
    changed = diff.changed_form_fields if isinstance(diff, DiffResult) else {""}
    return not all(name.startswith(EXECUTIVE_FIELD_PREFIXES) for name in changed)


def _covers(status: Any, revision: int, revisions: int) -> tuple[str, bool]:
    """What the signature covers, in plain words, and whether that is the whole file."""
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage is SignatureCoverageLevel.ENTIRE_FILE:
        return "the whole file", True
    if status.coverage is SignatureCoverageLevel.ENTIRE_REVISION:
        later = revisions - revision
        additions = f"{later} later addition{'s' if later != 1 else ''}"
        return f"the file as it was when signed, before {additions}", False
    return "only part of the file", False


def _described(resolver: Any) -> tuple[object, ...]:
    """What a reader shows of the document: its information and XMP metadata."""
    info_ref = resolver.trailer_view.raw_get("/Info") if "/Info" in resolver.trailer_view else None
    info = (
        resolver(info_ref.reference)
        if info_ref is not None and hasattr(info_ref, "reference")
        else {}
    )
    root = resolver.root
    metadata = root.get("/Metadata")
    xmp = metadata.get_object().data if metadata is not None else b""
    return (*(str(info.get(key, "")) for key in _WATCHED_INFO), xmp)


def _metadata_changed(reader: Any, signed_revision: int) -> bool:
    latest = reader.xrefs.total_revisions - 1
    if signed_revision >= latest:
        return False
    return _described(reader.get_historical_resolver(signed_revision)) != _described(
        reader.get_historical_resolver(latest)
    )


def _verdict(checks: list[SignatureCheck], modified: bool, trusted_fingerprint: str) -> str:
    first = checks[0]
    if not all(check.intact for check in checks):
        return "Not valid: the document has been altered or damaged since it was signed."
    if modified:
        return "Not valid: the document was changed after it was signed."
    if first.trusted is None:
        return (
            "The signature is intact, but who signed it is not proven: give --trust with the "
            "partnership's certificate. The signing certificate's fingerprint is "
            f"{first.fingerprint}."
        )
    if not first.trusted:
        return (
            f"Not valid: the document is unchanged, but it was signed with the certificate "
            f"{first.fingerprint}, not the one you trust ({trusted_fingerprint})."
        )
    later = len(checks) - 1
    added = (
        f" Executives have signed it since: {later} signature{'s' if later != 1 else ''}."
        if later
        else ""
    )
    return "Valid: signed with the trusted certificate and unchanged since signing." + added


def _damaged(trusted_cert_pem: bytes | None, checks: list[SignatureCheck]) -> VerificationResult:
    return VerificationResult(
        signer="Unknown: the signature cannot be read",
        signing_time=None,
        verdict="Not valid: the signature is damaged and cannot be checked.",
        valid=False,
        modified=True,
        trusted=False if trusted_cert_pem is not None else None,
        signatures=tuple(checks),
    )


def verify_pdf(pdf_bytes: bytes, trusted_cert_pem: bytes | None = None) -> VerificationResult:
    """Check every signature in the PDF, in the order they were made.

    The first is the partnership's; later revisions may only fill in and sign the executives'
    fields it left (:data:`EXECUTIVE_FIELD_PREFIXES`). Anything else, including a changed title
    or metadata, is a change. Raises :class:`NotAPdfError`, :class:`NotSignedError` or
    :class:`TrustedCertificateError`.
    """
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    trust_roots = [] if trusted_cert_pem is None else [_load_trusted(trusted_cert_pem)]
    trusted_fingerprint = fingerprint_of(trust_roots[0].dump()) if trust_roots else ""
    signatures = _reader(pdf_bytes)
    checks: list[SignatureCheck] = []
    modified = False
    revisions = int(signatures[0].reader.xrefs.total_revisions)
    for index, embedded in enumerate(signatures):
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
            changed = _modified(status) or _metadata_changed(
                embedded.reader, embedded.signed_revision
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
            return _damaged(trusted_cert_pem, checks)
        modified = modified or changed
        revision = int(embedded.signed_revision) + 1
        covers, whole = _covers(status, revision, revisions)
        checks.append(
            SignatureCheck(
                field=str(embedded.field_name),
                signer=_signer_name(status.signing_cert),
                fingerprint=fingerprint_of(status.signing_cert.dump()),
                signing_time=status.signer_reported_dt,
                intact=bool(status.intact and status.valid),
                trusted=bool(status.trusted and status.bottom_line) if trust_roots else None,
                certifies=index == 0 and embedded.docmdp_level is not None,
                covers=covers,
                covers_whole_file=whole,
                revision=revision,
            )
        )
    first = checks[0]
    verdict = _verdict(checks, modified, trusted_fingerprint)
    return VerificationResult(
        signer=first.signer,
        signing_time=first.signing_time,
        verdict=verdict,
        valid=verdict.startswith("Valid"),
        modified=modified,
        trusted=first.trusted,
        fingerprint=first.fingerprint,
        signatures=tuple(checks),
        revisions=revisions,
    )
