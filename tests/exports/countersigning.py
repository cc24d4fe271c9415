"""What an executive's PDF reader does to a certified decision sheet, made with pyHanko alone.

Type comments in the executive's comments box and save (one incremental update); then choose
an answer in the drop-down list, type the date and sign the empty signature field (another):
rrdesk's own code plays no part in them.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from functools import cache

from asn1crypto import keys
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from rrdesk.exports.signatures.signing import SigningIdentity, create_signing_identity

NOW = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)
PARTNERS = ("LocalAuthority", "Police", "Health")


@cache
def executive(partner: str) -> SigningIdentity:
    """A self-signed certificate named ``<partner> executive``, the same on every call."""
    return create_signing_identity(f"{partner} executive", now=NOW)


def _fill(writer: IncrementalPdfFileWriter, name: str, value: str) -> None:
    """A new value for the field, with an appearance, as a reader writes it."""
    for ref in writer.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") != name:
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
        field["/V"] = generic.TextStringObject(value)
        field["/AP"] = generic.DictionaryObject(
            {generic.NameObject("/N"): writer.add_object(appearance)}
        )
        writer.update_container(field)


def fill_in(pdf: bytes, partner: str, comments: str) -> bytes:
    """An executive types comments and saves, without signing yet: a revision of its own."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    _fill(writer, f"ExecutiveComments_{partner}", comments)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def answer_and_sign(pdf: bytes, partner: str, answer: str, signed_on: str = "") -> bytes:
    """What Acrobat Reader does: choose in the drop-down list (and type the date), then sign
    the empty field."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    _fill(writer, f"ExecutiveDecision_{partner}", answer)
    if signed_on:
        _fill(writer, f"ExecutiveDate_{partner}", signed_on)
    identity = executive(partner)
    certificate = asn1_x509.Certificate.load(identity.certificate_der)
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


def countersigned_by_all(certified: bytes) -> bytes:
    """``certified`` answered and signed by each statutory partner's executive in turn."""
    pdf = certified
    for partner, answer in zip(PARTNERS, ("Agree", "Agree", "Do not agree"), strict=True):
        pdf = fill_in(pdf, partner, f"Comments from the {partner} executive.")
        pdf = answer_and_sign(pdf, partner, answer, signed_on="23/11/2026")
    return pdf
