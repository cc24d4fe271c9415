"""A partnership's signing identity as a .p12 file holds it, for the tests that import one."""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from rrdesk.exports.signatures.signing import SigningIdentity


def pkcs12_bytes(
    identity: SigningIdentity, password: bytes | None, *, with_key: bool = True
) -> bytes:
    """``identity``'s certificate, and its private key unless not ``with_key``, as a .p12 file
    named "council", locked with ``password`` (not locked when there is none)."""
    key = serialization.load_der_private_key(identity.private_key_der, None)
    certificate = x509.load_der_x509_certificate(identity.certificate_der)
    encryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return pkcs12.serialize_key_and_certificates(
        b"council",
        key if with_key else None,  # type: ignore[arg-type]
        certificate,
        None,
        encryption,
    )
