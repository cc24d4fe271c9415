"""``rrdesk export sign-off-email``: the email for sign-off, as the Decision sheet tab saves it,
with the latest signed sheet attached."""

from __future__ import annotations

import email
import io
from datetime import date
from email import policy
from pathlib import Path

import pytest

from rrdesk import cli
from rrdesk.services.store.session import Session
from tests import builders

TODAY = date(2026, 11, 22)
DECIDED = "RR-2026-001"


@pytest.fixture
def store(session: Session, store_path: Path, tmp_path: Path, passphrase: str) -> list[str]:
    people = builders.add_directory(session)
    case = builders.ready_to_submit(session, people, today=TODAY, notified=date(2026, 11, 2))
    assert case.reference == DECIDED
    session.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    return ["--store", str(store_path), "--passphrase-file", str(secret)]


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(["export", *argv], out=out), out.getvalue()


def test_the_email_carries_the_latest_signed_sheet(
    store: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "sign-off.eml"
    code, _ = _run("sign-off-email", "--case", DECIDED, "--out", str(draft), *store)
    assert code == 2
    assert f"{DECIDED} has no signed decision sheet yet: sign one first" in capsys.readouterr().err
    assert not draft.exists()

    sheet = tmp_path / "sheet.pdf"
    code, text = _run("decision-sheet", "--case", DECIDED, "--out", str(sheet), *store)
    assert code == 0, text
    code, text = _run("sign-off-email", "--case", DECIDED, "--out", str(draft), *store)
    assert code == 0, text
    assert text.startswith(f"Wrote the email for sign-off of {DECIDED} (decision sheet version 1)")

    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert message["Subject"] == (
        f"OFFICIAL-SENSITIVE: Rapid Review decision sheet {DECIDED} for sign-off"
    )
    assert message["X-Unsent"] == "1"
    for agency in (builders.LA, builders.POLICE, builders.HEALTH):
        assert builders.email_of(agency) in str(message["To"])
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == f"{DECIDED} decision sheet v1.pdf"
    assert attachment.get_content() == sheet.read_bytes()
    assert draft.stat().st_mode & 0o777 == 0o600


def test_a_file_that_is_not_an_email_is_refused(
    store: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _run("sign-off-email", "--case", DECIDED, "--out", str(tmp_path / "x.pdf"), *store)
    assert code == 2
    assert "--out must end in .eml" in capsys.readouterr().err
