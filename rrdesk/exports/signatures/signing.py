"""The partnership's signing identity and PAdES signatures on its PDFs.

A signing identity is a certificate and its private key, as DER bytes, so the store can keep the
key inside the encrypted database and nowhere else. It is either created at set-up (self-signed,
naming the partnership) or imported from a PKCS#12 file the council's IT provides.

Signatures are PAdES baseline B-B, made offline: no timestamp authority, no revocation fetching,
no network at all. The signing time is the computer's clock, as the signer asserts it.
"""

from __future__ import annotations

import hashlib
import io
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from rrdesk.domain.errors import UserError
from rrdesk.exports.pdf.page_layout import SIGNATURE_BOX
from rrdesk.exports.signatures.audit_record import SignedAuditRecord, add_audit_record
from rrdesk.exports.signatures.signature_stamp import stamp_appearance, stamp_style

SIGNATURE_FIELD = "PartnershipSignature"
KEY_SIZE = 3072

TRUST_NOTE = (
    "rrdesk signs decision sheets with the partnership's own certificate. To see the signature "
    "as valid in Adobe Acrobat Reader, trust the certificate once: open Preferences, choose "
    "Signatures, then Identities and Trusted Certificates, select More, then Trusted "
    "Certificates, choose Import, pick the certificate file rrdesk exported, and tick "
    "'Use this certificate as a trusted root'. Until then, Reader says the signer's identity "
    "is unknown; it still shows if the document was changed after signing."
)
"""What to tell executives who receive a signed sheet, in plain English."""


class SigningIdentityError(UserError):
    """A certificate or key that cannot be used, with a message fit to show the user."""


class WrongPasswordError(SigningIdentityError):
    pass


class NotPkcs12Error(SigningIdentityError):
    pass


class NoPrivateKeyError(SigningIdentityError):
    pass


@dataclass(frozen=True)
class SigningIdentity:
    certificate_der: bytes
    private_key_der: bytes
    """PKCS#8, unencrypted: keep it only inside the encrypted store."""
    chain_der: tuple[bytes, ...] = ()
    """Intermediate and root certificates that came with an imported identity."""


@dataclass(frozen=True)
class CertificateDetails:
    subject: str
    issuer: str
    valid_from: datetime
    valid_until: datetime
    sha256_fingerprint: str
    self_signed: bool


NAME_LIMIT = 64
"""The most characters a certificate's name may have (X.509's limit for a common name)."""


def certificate_name(partnership: str) -> str:
    """The partnership's name as a certificate carries it: whole if it fits, else shortened at a
    word with "…" (cut in mid-word, "(demo: all fictional)" lost its closing bracket).

    It is shortened by whole characters, never part of one, to fit both X.509's limit of
    :data:`NAME_LIMIT` characters and the cryptography library's count of the same limit in
    UTF-8 bytes (a Welsh name of 63 characters is 66 bytes).
    """
    clean = " ".join(partnership.split())
    if _fits(clean):
        return clean
    cut = clean[: NAME_LIMIT - 1]
    while not _fits(cut + "…"):
        cut = cut[:-1]
    if clean[len(cut)] != " " and " " in cut:  # cut in mid-word: leave the word out
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-(") + "…"


def _fits(name: str) -> bool:
    return len(name) <= NAME_LIMIT and len(name.encode("utf-8")) <= NAME_LIMIT


def _name(partnership: str) -> Any:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    clean = certificate_name(partnership)
    if not clean:
        raise SigningIdentityError("Enter the partnership's name")
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, clean),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, clean),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "GB"),
        ]
    )


def create_signing_identity(partnership: str, *, now: datetime, years: int = 10) -> SigningIdentity:
    """A new self-signed certificate and RSA key naming the partnership."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    name = _name(partnership)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(secrets.randbits(127) | 1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return SigningIdentity(
        certificate_der=certificate.public_bytes(serialization.Encoding.DER),
        private_key_der=key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )


def _looks_like_pkcs12(data: bytes) -> bool:
    from asn1crypto import pkcs12

    try:
        pfx = pkcs12.Pfx.load(data)
        return bool(pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native)
    except (ValueError, TypeError, KeyError):
        return False


def import_pkcs12(data: bytes, password: str) -> SigningIdentity:
    """The identity in a PKCS#12 (.p12 or .pfx) file, or a :class:`SigningIdentityError`."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    if not _looks_like_pkcs12(data):
        raise NotPkcs12Error("This file is not a PKCS#12 certificate file (.p12 or .pfx)")
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(
            data, password.encode("utf-8") if password else None
        )
    except ValueError:
        raise WrongPasswordError("The password for the certificate file is not correct") from None
    if key is None:
        raise NoPrivateKeyError(
            "The certificate file holds no private key, so it cannot sign. Ask for a file that "
            "includes the private key"
        )
    if certificate is None:
        raise SigningIdentityError("The certificate file holds a key but no certificate")
    return SigningIdentity(
        certificate_der=certificate.public_bytes(serialization.Encoding.DER),
        private_key_der=key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        chain_der=tuple(item.public_bytes(serialization.Encoding.DER) for item in extra),
    )


def export_certificate_pem(identity: SigningIdentity) -> bytes:
    """The certificate (never the key) as PEM, for executives to trust in their PDF reader."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    certificate = x509.load_der_x509_certificate(identity.certificate_der)
    return certificate.public_bytes(serialization.Encoding.PEM)


def certificate_details(identity: SigningIdentity) -> CertificateDetails:
    from cryptography import x509

    certificate = x509.load_der_x509_certificate(identity.certificate_der)
    fingerprint = hashlib.sha256(identity.certificate_der).hexdigest().upper()
    return CertificateDetails(
        subject=certificate.subject.rfc4514_string(),
        issuer=certificate.issuer.rfc4514_string(),
        valid_from=certificate.not_valid_before_utc,
        valid_until=certificate.not_valid_after_utc,
        sha256_fingerprint=":".join(
            fingerprint[index : index + 2] for index in range(0, len(fingerprint), 2)
        ),
        self_signed=certificate.subject == certificate.issuer,
    )


def signer_name(identity: SigningIdentity) -> str:
    """The certificate's common name (or organisation) as people read it."""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    certificate = x509.load_der_x509_certificate(identity.certificate_der)
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        values = certificate.subject.get_attributes_for_oid(oid)
        if values:
            return str(values[0].value)
    return certificate.subject.rfc4514_string()


def _signer(identity: SigningIdentity) -> Any:
    from asn1crypto import keys, x509
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    try:
        certificate = x509.Certificate.load(identity.certificate_der)
        key = keys.PrivateKeyInfo.load(identity.private_key_der)
        key.native  # noqa: B018 - parse now, so a damaged key fails here in plain words
        chain = [x509.Certificate.load(der) for der in identity.chain_der]
    except ValueError:
        raise SigningIdentityError(
            "The partnership's signing key or certificate is damaged"
        ) from None
    return SimpleSigner(
        signing_cert=certificate,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [certificate, *chain]
        ),
    )


def sign_pdf(
    pdf_bytes: bytes,
    identity: SigningIdentity,
    *,
    reason: str,
    location: str,
    signing_time_text: str,
    box: tuple[int, int, int, int] = SIGNATURE_BOX,
    page: int = 0,
    certify: bool = False,
    audit: SignedAuditRecord | None = None,
) -> bytes:
    """The PDF with a PAdES B-B signature and a visible stamp naming the partnership and time.

    ``signing_time_text`` is what the stamp says (for example "22 November 2026 at 2:05pm");
    the signature itself carries the computer's clock time. With ``certify`` it is a
    certification signature that allows form filling and signing afterwards (DocMDP P=2), so
    executives can answer and sign the fields the sheet leaves them. ``audit``, the audit
    trail's head and length, goes inside the revision the signature covers.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    name = signer_name(identity)
    left, bottom, right, top = box
    appearance = stamp_appearance(
        right - left,
        top - bottom,
        ("Signed electronically for", name, signing_time_text),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=name,
        embed_validation_info=False,
        use_pades_lta=False,
        certify=certify,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
    )
    pdf_signer = signers.PdfSigner(
        metadata,
        signer=_signer(identity),
        timestamper=None,
        stamp_style=stamp_style(appearance),
        new_field_spec=fields.SigFieldSpec(SIGNATURE_FIELD, on_page=page, box=box),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    if audit is not None:
        add_audit_record(writer, audit)
    output = io.BytesIO()
    # Reserving the space up front saves pyHanko a trial signature to measure it (half the time).
    reserved = 8192 + 2 * (len(identity.certificate_der) + sum(map(len, identity.chain_der)))
    pdf_signer.sign_pdf(writer, output=output, bytes_reserved=reserved)
    return output.getvalue()
