"""``rrdesk verify``: exit 0 valid, 1 not valid, 2 not a signed PDF, one plain line on error."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from rrdesk.commands.verify import add_verify_parser
from rrdesk.exports.signatures.signing import SigningIdentity, export_certificate_pem

pytest_plugins = ["tests.exports.conftest"]


def _run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="rrdesk")
    add_verify_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["verify", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = args.handler(args, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(
    tmp_path: Path,
    signed_pdf: bytes,
    sheet_pdf: bytes,
    identity: SigningIdentity,
    other_identity: SigningIdentity,
) -> Path:
    (tmp_path / "signed.pdf").write_bytes(signed_pdf)
    (tmp_path / "unsigned.pdf").write_bytes(sheet_pdf)
    (tmp_path / "partnership.pem").write_bytes(export_certificate_pem(identity))
    (tmp_path / "other.pem").write_bytes(export_certificate_pem(other_identity))
    (tmp_path / "notes.txt").write_text("Case note 12/03/2026", encoding="utf-8")
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_pdf))
    stream = generic.StreamObject(stream_data=b"0 0 1 rg 100 100 200 200 re f")
    writer.add_stream_to_page(0, writer.add_object(stream))
    changed = io.BytesIO()
    writer.write(changed)
    (tmp_path / "changed.pdf").write_bytes(changed.getvalue())
    return tmp_path


def test_valid_and_trusted_exits_0(files: Path) -> None:
    code, out, err = _run(str(files / "signed.pdf"), "--trust", str(files / "partnership.pem"))
    assert code == 0
    assert "  Signed by:    Caerwysg & Dyffryn Safeguarding Children Partnership" in out
    assert "Signed at:" in out
    assert "UTC" in out
    assert "Verdict:      Valid" in out
    assert err == ""


def test_without_trust_exits_1_and_gives_the_fingerprint(files: Path) -> None:
    code, out, _ = _run(str(files / "signed.pdf"))
    assert code == 1
    assert "The signature is intact, but who signed it is not proven: give --trust" in out
    assert "Fingerprint:" in out
    assert "who signed is not proven" in out


@pytest.mark.parametrize(
    ("name", "trust", "phrase"),
    [
        pytest.param(
            "changed.pdf",
            "partnership.pem",
            "changed after it was signed",
            id="page changed in a later revision",
        ),
        pytest.param(
            "signed.pdf",
            "other.pem",
            "not the one you trust",
            id="signed by someone else",
        ),
    ],
)
def test_not_valid_exits_1(files: Path, name: str, trust: str, phrase: str) -> None:
    code, out, _ = _run(str(files / name), "--trust", str(files / trust))
    assert code == 1
    assert phrase in out


@pytest.mark.parametrize(
    ("argv", "phrase"),
    [
        pytest.param(["unsigned.pdf"], "This PDF has no signature", id="no signature"),
        pytest.param(["notes.txt"], "This file is not a PDF", id="not a PDF"),
        pytest.param(["missing.pdf"], "There is no file at", id="missing file"),
        pytest.param(["."], "is a folder", id="a folder"),
        pytest.param(
            ["signed.pdf", "--trust", "notes.txt"],
            "not a PEM certificate",
            id="trust file not a certificate",
        ),
        pytest.param(
            ["signed.pdf", "--trust", "missing.pem"],
            "There is no certificate file",
            id="trust file missing",
        ),
    ],
)
def test_unusable_input_exits_2_with_one_plain_line(
    files: Path, argv: list[str], phrase: str
) -> None:
    resolved = [str(files / item) if not item.startswith("--") else item for item in argv]
    code, out, err = _run(*resolved)
    assert code == 2
    assert out == ""
    assert phrase in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_control_characters_in_a_name_are_printed_escaped(tmp_path: Path, sheet_pdf: bytes) -> None:
    """A certificate named with an escape sequence cannot move the cursor up and draw a fake
    verdict over the real one: it is printed as ``\\x1b``, on its own line."""
    from datetime import UTC, datetime

    from rrdesk.exports.signatures.signing import create_signing_identity, sign_pdf

    forged = "Northmoor\x1b[1A\x1b[2KVerdict: Valid\u202e"
    identity = create_signing_identity(forged, now=datetime(2026, 11, 22, 14, tzinfo=UTC))
    signed = sign_pdf(
        sheet_pdf, identity, reason="A test", location="Here", signing_time_text="22 November 2026"
    )
    (tmp_path / "forged.pdf").write_bytes(signed)

    code, out, _ = _run(str(tmp_path / "forged.pdf"))

    assert code == 1
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "  Signed by:    Northmoor\\x1b[1A\\x1b[2KVerdict: Valid\\u202e\n" in out
    verdicts = [line for line in out.splitlines() if line.startswith("Verdict:")]
    assert len(verdicts) == 1
    assert "who signed it is not proven" in verdicts[0]
