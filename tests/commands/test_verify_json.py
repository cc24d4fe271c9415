"""``rrdesk verify --json``: the same findings as the text, as one JSON object for IT's scripts."""

from __future__ import annotations

import argparse
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rrdesk.commands.verify import add_verify_parser
from rrdesk.exports.signatures.signing import (
    SigningIdentity,
    certificate_details,
    create_signing_identity,
    export_certificate_pem,
    sign_pdf,
)
from tests.exports.countersigning import PARTNERS, countersigned_by_all, executive

pytest_plugins = ["tests.exports.conftest"]

PARTNERSHIP = "Caerwysg & Dyffryn Safeguarding Children Partnership"


def _run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="rrdesk")
    add_verify_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["verify", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = args.handler(args, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def countersigned(sheet_pdf: bytes, identity: SigningIdentity) -> bytes:
    certified = sign_pdf(
        sheet_pdf,
        identity,
        reason="Rapid Review decision",
        location="Caerwysg",
        signing_time_text="22 November 2026 at 2:05pm",
        certify=True,
    )
    return countersigned_by_all(certified)


@pytest.fixture
def files(
    tmp_path: Path,
    signed_pdf: bytes,
    countersigned: bytes,
    identity: SigningIdentity,
    other_identity: SigningIdentity,
) -> Path:
    (tmp_path / "signed.pdf").write_bytes(signed_pdf)
    (tmp_path / "countersigned.pdf").write_bytes(countersigned)
    (tmp_path / "partnership.pem").write_bytes(export_certificate_pem(identity))
    (tmp_path / "other.pem").write_bytes(export_certificate_pem(other_identity))
    return tmp_path


def test_a_countersigned_sheet_lists_every_signature(
    files: Path, identity: SigningIdentity
) -> None:
    code, out, err = _run(
        str(files / "countersigned.pdf"), "--trust", str(files / "partnership.pem"), "--json"
    )

    assert code == 0
    assert err == ""
    findings = json.loads(out)
    assert findings["bottom_line"] is True
    assert findings["exit_code"] == 0
    assert findings["verdict"].startswith("Valid: signed with the trusted certificate")
    assert findings["modified"] is False
    assert findings["revisions"] == 9  # each executive types comments, then signs
    signatures = findings["signatures"]
    assert [s["signer"] for s in signatures] == [
        PARTNERSHIP,
        *(f"{partner} executive" for partner in PARTNERS),
    ]
    assert [s["field"] for s in signatures] == [
        "PartnershipSignature",
        *(f"ExecutiveSignature_{partner}" for partner in PARTNERS),
    ]
    assert [s["kind"] for s in signatures] == ["certification"] + ["approval"] * 3
    assert [s["fingerprint"] for s in signatures] == [
        certificate_details(identity).sha256_fingerprint,
        *(certificate_details(executive(p)).sha256_fingerprint for p in PARTNERS),
    ]
    assert all(s["intact"] is True for s in signatures)
    assert [s["trusted"] for s in signatures] == [True, False, False, False]
    assert all(datetime.fromisoformat(s["signed_at"]).tzinfo is not None for s in signatures)
    assert signatures[0]["covers"] == ("the file as it was when signed, before 6 later additions")
    assert signatures[0]["covers_whole_file"] is False
    assert signatures[2]["covers"] == "the file as it was when signed, before 2 later additions"
    assert [s["revision"] for s in signatures] == [3, 5, 7, 9]
    assert signatures[-1]["covers"] == "the whole file"
    assert signatures[-1]["covers_whole_file"] is True


def test_the_json_says_what_the_text_says(files: Path) -> None:
    args = [str(files / "countersigned.pdf"), "--trust", str(files / "partnership.pem")]
    _, text, _ = _run(*args)
    _, out, _ = _run(*args, "--json")
    findings = json.loads(out)

    assert f"Verdict:      {findings['verdict']}\n" in text
    for signature in findings["signatures"]:
        assert f"  Signed by:    {signature['signer']}\n" in text
        assert f"  Fingerprint:  {signature['fingerprint']} (SHA-256)\n" in text
        assert f"  Covers:       {signature['covers']}\n" in text
        assert f"intact; {signature['trust']}\n" in text


@pytest.mark.parametrize(
    ("argv", "code", "trusted", "phrase"),
    [
        pytest.param(
            ["signed.pdf"],
            1,
            None,
            "who signed it is not proven: give --trust",
            id="no certificate to trust",
        ),
        pytest.param(
            ["signed.pdf", "--trust", "other.pem"],
            1,
            False,
            "not the one you trust",
            id="signed with another certificate",
        ),
        pytest.param(
            ["signed.pdf", "--trust", "partnership.pem"],
            0,
            True,
            "Valid: signed with the trusted certificate and unchanged since signing.",
            id="signed by the partnership alone",
        ),
    ],
)
def test_the_exit_code_is_the_same_as_without_json(
    files: Path, argv: list[str], code: int, trusted: bool | None, phrase: str
) -> None:
    resolved = [item if item.startswith("--") else str(files / item) for item in argv]
    plain_code, _, _ = _run(*resolved)
    json_code, out, _ = _run(*resolved, "--json")

    assert json_code == plain_code == code
    findings = json.loads(out)
    assert findings["exit_code"] == code
    assert findings["bottom_line"] is (code == 0)
    assert findings["trust_given"] is (trusted is not None)
    assert phrase in findings["verdict"]
    (signature,) = findings["signatures"]
    assert signature["trusted"] is trusted
    assert signature["covers"] == "the whole file"


def test_a_file_that_cannot_be_checked_exits_2_with_the_reason(files: Path) -> None:
    (files / "notes.pdf").write_text("Case note", encoding="utf-8")

    code, out, err = _run(str(files / "notes.pdf"), "--json")

    assert code == 2
    assert json.loads(out) == {
        "bottom_line": False,
        "exit_code": 2,
        "error": "This file is not a PDF",
        "signatures": [],
    }
    assert err == "rrdesk verify: This file is not a PDF\n"


def test_control_characters_in_a_name_stay_escaped(tmp_path: Path, sheet_pdf: bytes) -> None:
    forged = "Northmoor\x1b[2KVerdict: Valid\u202e"
    identity = create_signing_identity(forged, now=datetime(2026, 11, 22, 14, tzinfo=UTC))
    signed = sign_pdf(
        sheet_pdf, identity, reason="A test", location="Here", signing_time_text="22 November 2026"
    )
    (tmp_path / "forged.pdf").write_bytes(signed)

    code, out, _ = _run(str(tmp_path / "forged.pdf"), "--json")

    assert code == 1
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert json.loads(out)["signatures"][0]["signer"] == forged
