"""Executives answer and sign the certified sheet themselves, each in their own field.

The executives' revisions are made with pyHanko directly, as a PDF reader would make them (a new
value and appearance for the drop-down list, then a signature in the empty field): rrdesk's own
code plays no part in them. pyHanko's own validation and ``rrdesk verify`` must both accept them;
anything else added later (a changed title) is a change.
"""

from __future__ import annotations

import argparse
import io
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from rrdesk.commands.verify import add_verify_parser
from rrdesk.exports.signatures.signing import (
    SigningIdentity,
    certificate_details,
    create_signing_identity,
    export_certificate_pem,
    sign_pdf,
)
from rrdesk.exports.signatures.verification import verify_pdf

NOW = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)
PARTNERS = ("LocalAuthority", "Police", "Health")


@cache
def _executive(partner: str) -> SigningIdentity:
    return create_signing_identity(f"{partner} executive", now=NOW)


@pytest.fixture(scope="module")
def certified(sheet_pdf: bytes, identity: SigningIdentity) -> bytes:
    return sign_pdf(
        sheet_pdf,
        identity,
        reason="Rapid Review decision",
        location="Caerwysg",
        signing_time_text="22 November 2026 at 2:05pm",
        certify=True,
    )


def _answer_and_sign(pdf: bytes, partner: str, answer: str) -> bytes:
    """What Acrobat Reader does: choose in the drop-down list, then sign the empty field."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    for ref in writer.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") != f"ExecutiveDecision_{partner}":
            continue
        left, bottom, right, top = (float(v) for v in field["/Rect"])
        appearance = generic.StreamObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/XObject"),
                generic.NameObject("/Subtype"): generic.NameObject("/Form"),
                generic.NameObject("/BBox"): generic.ArrayObject(
                    [generic.FloatObject(v) for v in (0, 0, right - left, top - bottom)]
                ),
            },
            stream_data=b"",
        )
        field["/V"] = generic.TextStringObject(answer)
        field["/AP"] = generic.DictionaryObject(
            {generic.NameObject("/N"): writer.add_object(appearance)}
        )
        writer.update_container(field)
    identity = _executive(partner)
    certificate = asn1_x509.Certificate.load(identity.certificate_der)
    from asn1crypto import keys

    signer = signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=keys.PrivateKeyInfo.load(identity.private_key_der),
        cert_registry=SimpleCertificateStore.from_certs([certificate]),  # type: ignore[no-untyped-call]
    )
    output = io.BytesIO()
    signers.sign_pdf(
        writer,
        signers.PdfSignatureMetadata(field_name=f"ExecutiveSignature_{partner}"),
        signer=signer,
        output=output,
    )
    return output.getvalue()


@pytest.fixture(scope="module")
def signed_by_all(certified: bytes) -> bytes:
    pdf = certified
    for partner, answer in zip(PARTNERS, ("Agree", "Agree", "Do not agree"), strict=True):
        pdf = _answer_and_sign(pdf, partner, answer)
    return pdf


def _run_verify(path: Path, trust: Path | None) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="rrdesk")
    add_verify_parser(parser.add_subparsers(dest="command"))
    argv = ["verify", str(path)] + (["--trust", str(trust)] if trust else [])
    args = parser.parse_args(argv)
    out = io.StringIO()
    return args.handler(args, out, io.StringIO()), out.getvalue()


def test_the_sheet_is_certified_allowing_only_form_filling(certified: bytes) -> None:
    reader = PdfFileReader(io.BytesIO(certified))
    (partnership,) = reader.embedded_signatures
    reference = partnership.sig_object["/Reference"][0]
    assert reference["/TransformMethod"] == "/DocMDP"
    assert reference["/TransformParams"]["/P"] == 2
    names = {str(ref.get_object()["/T"]) for ref in reader.root["/AcroForm"]["/Fields"]}
    for partner in PARTNERS:
        assert f"ExecutiveSignature_{partner}" in names
        assert f"ExecutiveDecision_{partner}" in names


def test_pyhanko_finds_every_executive_signature_valid(
    signed_by_all: bytes, identity: SigningIdentity
) -> None:
    roots = [asn1_x509.Certificate.load(identity.certificate_der)] + [
        asn1_x509.Certificate.load(_executive(p).certificate_der) for p in PARTNERS
    ]
    reader = PdfFileReader(io.BytesIO(signed_by_all))
    signatures = reader.embedded_signatures
    assert [s.field_name for s in signatures] == [
        "PartnershipSignature",
        *(f"ExecutiveSignature_{p}" for p in PARTNERS),
    ]
    for embedded in signatures:
        status = validate_pdf_signature(
            embedded, ValidationContext(trust_roots=roots, allow_fetching=False)
        )
        assert status.bottom_line, embedded.field_name
        assert status.modification_level in (ModificationLevel.NONE, ModificationLevel.FORM_FILLING)


def test_rrdesk_verify_lists_every_signature_and_accepts_them(
    signed_by_all: bytes, identity: SigningIdentity, tmp_path: Path
) -> None:
    result = verify_pdf(signed_by_all, export_certificate_pem(identity))
    assert result.valid
    assert not result.modified
    assert [check.signer for check in result.signatures] == [
        "Caerwysg & Dyffryn Safeguarding Children Partnership",
        *(f"{p} executive" for p in PARTNERS),
    ]
    assert all(check.intact for check in result.signatures)
    assert result.signatures[0].certifies
    sheet = tmp_path / "sheet.pdf"
    sheet.write_bytes(signed_by_all)
    trust = tmp_path / "partnership.pem"
    trust.write_bytes(export_certificate_pem(identity))
    code, out = _run_verify(sheet, trust)
    assert code == 0, out
    assert out.count("Signed by:") == 4
    for partner in PARTNERS:
        assert certificate_details(_executive(partner)).sha256_fingerprint in out
    assert "Verdict:      Valid" in out
    code, out = _run_verify(sheet, None)
    assert code == 1
    assert "who signed it is not proven: give --trust" in out


def test_a_changed_title_after_signing_is_a_change(
    signed_by_all: bytes, identity: SigningIdentity
) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_by_all))
    info_ref = writer.trailer.raw_get("/Info")
    info = info_ref.get_object()
    info["/Title"] = generic.TextStringObject("Rapid Review decision sheet: a different case")
    writer.mark_update(info_ref)
    output = io.BytesIO()
    writer.write(output)
    result = verify_pdf(output.getvalue(), export_certificate_pem(identity))
    assert result.modified
    assert not result.valid
    assert "changed after it was signed" in result.verdict
