"""Executives answer and sign the certified sheet themselves, each in their own field.

The executives' revisions are made with pyHanko directly, as a PDF reader would make them (a new
value and appearance for the drop-down list, then a signature in the empty field): rrdesk's own
code plays no part in them. pyHanko's own validation and ``rrdesk verify`` must both accept them;
anything else added later (a changed title) is a change.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from rrdesk.commands.verify import add_verify_parser
from rrdesk.exports.signatures.signing import (
    SigningIdentity,
    certificate_details,
    export_certificate_pem,
    sign_pdf,
)
from rrdesk.exports.signatures.verification import verify_pdf
from tests.exports.countersigning import PARTNERS, countersigned_by_all, executive


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


@pytest.fixture(scope="module")
def signed_by_all(certified: bytes) -> bytes:
    return countersigned_by_all(certified)


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
        assert f"ExecutiveComments_{partner}" in names
        assert f"ExecutiveDate_{partner}" in names


def test_comments_and_date_are_boxes_to_type_in(certified: bytes) -> None:
    reader = PdfFileReader(io.BytesIO(certified))
    fields = {
        str(ref.get_object()["/T"]): ref.get_object() for ref in reader.root["/AcroForm"]["/Fields"]
    }
    for partner in PARTNERS:
        comments = fields[f"ExecutiveComments_{partner}"]
        date = fields[f"ExecutiveDate_{partner}"]
        assert (comments["/FT"], date["/FT"]) == ("/Tx", "/Tx")
        assert int(comments["/Ff"]) & (1 << 12)  # several lines
        assert not int(date["/Ff"]) & (1 << 12)
        assert str(comments["/V"]) == str(date["/V"]) == ""


def test_the_executives_comments_and_date_come_back_out(signed_by_all: bytes) -> None:
    reader = PdfFileReader(io.BytesIO(signed_by_all))
    values = {
        str(ref.get_object()["/T"]): str(ref.get_object().get("/V", ""))
        for ref in reader.root["/AcroForm"]["/Fields"]
    }
    assert values["ExecutiveComments_Police"] == "Comments from the Police executive."
    assert values["ExecutiveDate_Health"] == "23/11/2026"
    # The sheet, its form fields and the partnership's signature; then each executive's comments
    # in a revision of their own, and their answer, date and signature in another.
    assert reader.xrefs.total_revisions == 3 + 2 * len(PARTNERS)


def test_pyhanko_finds_every_executive_signature_valid(
    signed_by_all: bytes, identity: SigningIdentity
) -> None:
    roots = [asn1_x509.Certificate.load(identity.certificate_der)] + [
        asn1_x509.Certificate.load(executive(p).certificate_der) for p in PARTNERS
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
        assert certificate_details(executive(partner)).sha256_fingerprint in out
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
