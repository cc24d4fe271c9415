"""Signed sheets that were changed, damaged or are not what they seem: verification says so and
never crashes."""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfReader

from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.exports.signatures.signing import (
    SigningIdentity,
    create_signing_identity,
    export_certificate_pem,
    sign_pdf,
)
from rrdesk.exports.signatures.verification import (
    NotAPdfError,
    NotSignedError,
    TrustedCertificateError,
    verify_pdf,
)
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
from tests.exports.conftest import SIGNING_NOW
from tests.exports.samples import decision_sheet_content

# -- tampering --------------------------------------------------------------------------------


def _page_content_offset(pdf: bytes) -> int:
    """The offset of a byte inside the first page's content stream."""
    reader = PdfReader(io.BytesIO(pdf))
    contents = reader.pages[0].get("/Contents")
    reference = contents[0] if isinstance(contents, list) else contents
    header = re.search(rb"(?<![0-9])%d 0 obj" % reference.idnum, pdf)
    assert header is not None
    start = pdf.index(b"stream", header.end()) + len(b"stream\n")
    return start + 10


def test_a_byte_changed_in_a_content_stream_fails(
    signed_pdf: bytes, identity: SigningIdentity
) -> None:
    offset = _page_content_offset(signed_pdf)
    altered = bytearray(signed_pdf)
    altered[offset] ^= 0x01
    for trusted in (export_certificate_pem(identity), None):
        result = verify_pdf(bytes(altered), trusted)
        assert not result.valid
        assert "altered" in result.verdict


def _append_revision_changing_a_page(pdf: bytes) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 72 Td (Approved) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stream))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def test_an_appended_revision_that_changes_a_page_fails(
    signed_pdf: bytes, identity: SigningIdentity
) -> None:
    updated = _append_revision_changing_a_page(signed_pdf)
    assert updated.startswith(signed_pdf), "the signed bytes themselves are intact"
    for trusted in (export_certificate_pem(identity), None):
        result = verify_pdf(updated, trusted)
        assert not result.valid
        assert result.modified
        assert "changed after it was signed" in result.verdict


# -- unusable input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "error"),
    [
        pytest.param(b"", NotAPdfError, id="empty"),
        pytest.param(b"PK\x03\x04 a zip file", NotAPdfError, id="not a PDF"),
        pytest.param(b"%PDF-1.4\n garbage with no objects", NotAPdfError, id="broken PDF"),
    ],
)
def test_unusable_files_raise(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        verify_pdf(data, None)


def test_unsigned_pdf_raises_not_signed(sheet_pdf: bytes) -> None:
    with pytest.raises(NotSignedError):
        verify_pdf(sheet_pdf, None)


def test_unreadable_trusted_certificate_raises(signed_pdf: bytes) -> None:
    with pytest.raises(TrustedCertificateError):
        verify_pdf(
            signed_pdf, b"-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----\n"
        )


@cache
def _small_signed_pdf() -> bytes:
    identity = create_signing_identity("Damage Test Partnership", now=SIGNING_NOW)
    pdf = render_decision_sheet(decision_sheet_content(agencies=2), load_decision_sheet_template())
    return sign_pdf(pdf, identity, reason="r", location="l", signing_time_text="now")


@settings(max_examples=60, deadline=None)
@given(
    cut=st.floats(min_value=0.0, max_value=0.999),
    flips=st.lists(st.tuples(st.floats(0.0, 0.999), st.integers(1, 255)), min_size=1, max_size=4),
)
# Once found at random: a flipped bit near the end left a number that was only ".".
@example(cut=0.0, flips=[(0.9937673689868076, 1)])
def test_damage_never_passes_and_never_crashes(cut: float, flips: list[tuple[float, int]]) -> None:
    signed = _small_signed_pdf()
    flipped = _flip(signed, flips)
    for damaged in (signed[: int(len(signed) * cut)], *([flipped] if flipped != signed else [])):
        try:
            result = verify_pdf(damaged, None)
        except (NotAPdfError, NotSignedError):
            continue
        assert not result.valid


def _flip(pdf: bytes, flips: list[tuple[float, int]]) -> bytes:
    """Change bytes the signature covers (its /ByteRange), leaving the signature value alone.

    A change inside the signature value itself may leave the document, and the signature over
    it, intact (for example a bit of the embedded certificate's own self-signature, which is only
    checked when that certificate is trusted), so it is not damage to the signed document.
    """
    byte_range = re.search(rb"/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]", pdf)
    assert byte_range is not None
    gap_start = int(byte_range[1]) + int(byte_range[2])
    gap_end = int(byte_range[3])
    damaged = bytearray(pdf)
    for where, mask in flips:
        position = int(len(damaged) * where)
        if not gap_start <= position < gap_end:
            damaged[position] ^= mask
    return bytes(damaged)
