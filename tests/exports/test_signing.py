"""Signing identities, PAdES signatures with a visible stamp, and verification."""

from __future__ import annotations

import builtins
import io
import re
import socket
import tempfile
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pypdf import PdfReader

from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.exports.pdf.page_layout import SIGNATURE_BOX
from rrdesk.exports.signatures.signing import (
    NAME_LIMIT,
    NoPrivateKeyError,
    NotPkcs12Error,
    SigningIdentity,
    WrongPasswordError,
    certificate_details,
    certificate_name,
    create_signing_identity,
    export_certificate_pem,
    import_pkcs12,
    sign_pdf,
    signer_name,
)
from rrdesk.exports.signatures.verification import (
    verify_pdf,
)
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
from tests.exports.conftest import SIGNING_NOW
from tests.exports.pdf_reading import all_text, fonts_embedded, pdffonts_rows
from tests.exports.samples import PARTNERSHIP, decision_sheet_content

# -- identities -------------------------------------------------------------------------------


def test_created_identity_names_the_partnership(identity: SigningIdentity) -> None:
    details = certificate_details(identity)
    assert signer_name(identity) == PARTNERSHIP
    assert details.self_signed
    assert details.valid_from < SIGNING_NOW < details.valid_until
    assert re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", details.sha256_fingerprint)


def test_created_certificate_may_sign_documents(identity: SigningIdentity) -> None:
    certificate = x509.load_der_x509_certificate(identity.certificate_der)
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert usage.content_commitment


def test_private_key_is_returned_as_bytes_for_the_store(identity: SigningIdentity) -> None:
    key = serialization.load_der_private_key(identity.private_key_der, password=None)
    assert key.public_key().public_numbers() == (  # type: ignore[union-attr]
        x509.load_der_x509_certificate(identity.certificate_der).public_key().public_numbers()  # type: ignore[union-attr]
    )


def test_exported_certificate_is_pem_without_the_key(identity: SigningIdentity) -> None:
    pem = export_certificate_pem(identity)
    assert pem.startswith(b"-----BEGIN CERTIFICATE-----")
    assert b"PRIVATE KEY" not in pem
    assert (
        x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
        == identity.certificate_der
    )


def _council_pkcs12(password: bytes | None, *, with_key: bool = True) -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Wąsik Council Signing")])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(SIGNING_NOW - timedelta(days=1))
        .not_valid_after(SIGNING_NOW + timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    data = pkcs12.serialize_key_and_certificates(
        b"council", key if with_key else None, certificate, None, encryption
    )
    return data, certificate.public_bytes(serialization.Encoding.PEM)


def test_pkcs12_round_trip_signs_and_verifies(sheet_pdf: bytes) -> None:
    data, certificate_pem = _council_pkcs12(b"correct horse")
    identity = import_pkcs12(data, "correct horse")
    assert signer_name(identity) == "Wąsik Council Signing"
    signed = sign_pdf(
        sheet_pdf, identity, reason="Decision", location="Łódź", signing_time_text="today"
    )
    result = verify_pdf(signed, certificate_pem)
    assert result.valid
    assert result.trusted is True
    assert result.signer == "Wąsik Council Signing"


@pytest.mark.parametrize(
    ("data", "password", "error"),
    [
        pytest.param(
            lambda: _council_pkcs12(b"right")[0], "wrong", WrongPasswordError, id="wrong password"
        ),
        pytest.param(
            lambda: _council_pkcs12(b"right")[0], "", WrongPasswordError, id="no password given"
        ),
        pytest.param(lambda: b"not a certificate file", "x", NotPkcs12Error, id="not PKCS#12"),
        pytest.param(lambda: b"%PDF-1.4 hello", "x", NotPkcs12Error, id="a PDF instead"),
        pytest.param(
            lambda: _council_pkcs12(b"right", with_key=False)[0],
            "right",
            NoPrivateKeyError,
            id="certificate without its key",
        ),
    ],
)
def test_pkcs12_problems_are_explained(data: Any, password: str, error: type[Exception]) -> None:
    with pytest.raises(error) as raised:
        import_pkcs12(data(), password)
    message = str(raised.value)
    assert message
    assert "Traceback" not in message


# -- signing ----------------------------------------------------------------------------------


def test_signed_sheet_verifies_against_the_partnership_certificate(
    signed_pdf: bytes, identity: SigningIdentity
) -> None:
    result = verify_pdf(signed_pdf, export_certificate_pem(identity))
    assert result.valid
    assert not result.modified
    assert result.trusted is True
    assert result.signer == PARTNERSHIP
    assert result.signing_time is not None
    assert result.verdict.startswith("Valid")


def test_without_a_certificate_to_trust_who_signed_is_not_proven(
    signed_pdf: bytes, identity: SigningIdentity
) -> None:
    result = verify_pdf(signed_pdf, None)
    assert not result.valid
    assert not result.modified
    assert result.trusted is None
    assert "the signature is intact, but who signed it is not proven: give --trust" in (
        result.verdict.replace("The signature", "the signature")
    )
    assert certificate_details(identity).sha256_fingerprint in result.verdict


def test_another_certificate_is_not_trusted(
    signed_pdf: bytes, other_identity: SigningIdentity
) -> None:
    result = verify_pdf(signed_pdf, export_certificate_pem(other_identity))
    assert not result.valid
    assert result.trusted is False
    assert not result.modified


def test_signature_is_pades_with_a_visible_stamp(signed_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(signed_pdf))
    fields = reader.get_fields() or {}
    signature = fields["PartnershipSignature"]
    value = signature["/V"].get_object()
    assert value["/SubFilter"] == "/ETSI.CAdES.detached"
    widget = next(
        annotation.get_object()
        for annotation in reader.pages[0]["/Annots"]
        if annotation.get_object().get("/FT") == "/Sig"
        or annotation.get_object().get("/T") == "PartnershipSignature"
    )
    left, bottom, right, top = (float(value) for value in widget["/Rect"])
    assert (round(left), round(bottom), round(right), round(top)) == SIGNATURE_BOX
    assert "/N" in widget["/AP"]


def test_stamp_names_the_partnership_and_time(signed_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(signed_pdf))
    widget = next(
        annotation.get_object()
        for annotation in reader.pages[0]["/Annots"]
        if "/AP" in annotation.get_object()
    )
    appearance = widget["/AP"]["/N"].get_object()
    stamp = next(iter(appearance["/Resources"]["/XObject"].values())).get_object()
    assert stamp["/Resources"]["/Font"], "stamp draws text with its own embedded font"
    fonts = fonts_embedded(signed_pdf)
    assert fonts
    assert all(fonts.values()), fonts


def test_pdffonts_sees_only_embedded_fonts_after_signing(signed_pdf: bytes) -> None:
    rows = pdffonts_rows(signed_pdf)
    if rows is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    assert all(row[-5] == "yes" for row in rows), rows


def test_signing_keeps_the_text(signed_pdf: bytes, sheet_pdf: bytes) -> None:
    assert all_text(signed_pdf) == all_text(sheet_pdf)


def test_signing_and_verifying_make_no_network_connection(
    monkeypatch: pytest.MonkeyPatch, identity: SigningIdentity, sheet_pdf: bytes
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    signed = sign_pdf(sheet_pdf, identity, reason="r", location="l", signing_time_text="now")
    assert verify_pdf(signed, export_certificate_pem(identity)).valid
    assert not verify_pdf(signed, None).modified


def test_rendering_and_signing_write_no_files(
    monkeypatch: pytest.MonkeyPatch, identity: SigningIdentity
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a temporary file was requested")

    for name in (
        "mkstemp",
        "mkdtemp",
        "NamedTemporaryFile",
        "TemporaryFile",
        "SpooledTemporaryFile",
        "TemporaryDirectory",
    ):
        monkeypatch.setattr(tempfile, name, refuse)
    real_open = builtins.open

    def read_only_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            raise AssertionError(f"a file was opened for writing: {file!r}")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only_open)
    monkeypatch.setattr(io, "open", read_only_open)
    pdf = render_decision_sheet(decision_sheet_content(), load_decision_sheet_template())
    signed = sign_pdf(pdf, identity, reason="r", location="l", signing_time_text="now")
    assert verify_pdf(signed, export_certificate_pem(identity)).valid


def test_identity_can_be_made_for_a_long_partnership_name() -> None:
    name = "The Very Long Name of a Tri-borough Safeguarding Children Partnership for Everyone"
    identity = create_signing_identity(name, now=datetime(2026, 1, 1, tzinfo=UTC))
    assert signer_name(identity) == ("The Very Long Name of a Tri-borough Safeguarding Children…")
    assert len(signer_name(identity)) <= NAME_LIMIT


def test_a_long_name_is_shortened_at_a_word() -> None:
    demo = "Northmoor Safeguarding Children Partnership (demo: all fictional)"
    assert len(demo) == 65
    assert certificate_name(demo) == "Northmoor Safeguarding Children Partnership (demo: all…"
    assert certificate_name("  Short   name ") == "Short name"
    assert certificate_name("x" * 80) == "x" * 61 + "…"  # "…" is 3 bytes: 64 in all
    welsh = "Partneriaeth Diogelu Plant Rhanbarthol Gorllewin Morgannwg â Ŵyr"
    assert (len(welsh), len(welsh.encode("utf-8"))) == (64, 66)
    assert (
        certificate_name(welsh) == "Partneriaeth Diogelu Plant Rhanbarthol Gorllewin Morgannwg â…"
    )
    assert certificate_name("ŵ" * 40) == "ŵ" * 30 + "…"
    assert certificate_name("a" * 64) == "a" * 64


def test_stamp_keeps_a_long_name_and_the_time_inside_the_box() -> None:
    from rrdesk.exports.signatures.signature_stamp import stamp_appearance

    name = "The Very Long Name of a Tri-borough Safeguarding Children Partnership " * 2
    left, bottom, right, top = SIGNATURE_BOX
    stamp = stamp_appearance(right - left, top - bottom, ("Signed for", name, "at 2:05pm"))
    text = " ".join(all_text(stamp).split())
    assert "at 2:05pm" in text
    assert "Tri-borough" in text


def test_pkcs12_without_a_password_needs_none() -> None:
    data, _ = _council_pkcs12(None)
    assert signer_name(import_pkcs12(data, "")) == "Wąsik Council Signing"
