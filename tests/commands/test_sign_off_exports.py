"""rrdesk export sign-off-email: the .eml draft of a case's latest signed decision sheet, to
the partners who have not answered yet."""

from __future__ import annotations

import email
from datetime import date
from email import policy
from pathlib import Path

import pytest

from rrdesk.services.store.session import Session
from tests import builders
from tests.builders import HEALTH, LA
from tests.commands.learning_cases import (
    COMPLETE,
    TODAY,
    closed_store_options,
    export_cli,
    record_learning_cases,
)


@pytest.fixture
def store(session: Session, store_path: Path, tmp_path: Path, passphrase: str) -> list[str]:
    record_learning_cases(session)
    return closed_store_options(session, store_path, tmp_path, passphrase)


@pytest.fixture
def awaiting_sign_off(session: Session, store_path: Path, tmp_path: Path, passphrase: str) -> str:
    """A store with one case, decided at its meeting on 12 November 2026, no partner asked yet;
    its reference."""
    builders.add_directory(session)
    chair = next(m for m in session.directory.members() if m.name == "Alex Chair")
    assert chair.member_id is not None
    case = builders.add_case(session, today=TODAY, notified=date(2026, 11, 2))
    meeting = builders.meeting_held(
        session, case, held_on=date(2026, 11, 12), chair=chair.member_id
    )
    builders.decided(session, case, builders.voted(session, case, meeting))
    return case.reference


def test_sign_off_email_carries_the_latest_signed_sheet(
    awaiting_sign_off: str,
    session: Session,
    store_path: Path,
    tmp_path: Path,
    passphrase: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    reference = awaiting_sign_off
    store = closed_store_options(session, store_path, tmp_path, passphrase)
    draft = tmp_path / "sign-off.eml"
    code, _ = export_cli("sign-off-email", "--case", reference, "--out", str(draft), *store)
    assert code == 2
    assert (
        f"{reference} has no signed decision sheet yet: sign one first" in capsys.readouterr().err
    )
    assert not draft.exists()

    sheet = tmp_path / "sheet.pdf"
    code, text = export_cli("decision-sheet", "--case", reference, "--out", str(sheet), *store)
    assert code == 0, text
    code, text = export_cli("sign-off-email", "--case", reference, "--out", str(draft), *store)
    assert code == 0, text
    assert text.startswith(
        f"Wrote the email for sign-off of {reference} (decision sheet version 1)"
    )

    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert message["Subject"] == (
        f"OFFICIAL-SENSITIVE: Rapid Review decision sheet {reference} for sign-off"
    )
    assert message["X-Unsent"] == "1"
    for agency in (LA, builders.POLICE, HEALTH):
        assert builders.email_of(agency) in str(message["To"])
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == f"{reference} decision sheet v1.pdf"
    assert attachment.get_content() == sheet.read_bytes()
    assert draft.stat().st_mode & 0o777 == 0o600

    code, _ = export_cli(
        "sign-off-email", "--case", reference, "--out", str(tmp_path / "x.pdf"), *store
    )
    assert code == 2
    assert "--out must end in .eml" in capsys.readouterr().err


def test_no_sign_off_email_once_every_partner_has_answered(
    store: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "sheet.pdf"
    code, text = export_cli("decision-sheet", "--case", COMPLETE, "--out", str(sheet), *store)
    assert code == 0, text
    draft = tmp_path / "sign-off.eml"
    code, _ = export_cli("sign-off-email", "--case", COMPLETE, "--out", str(draft), *store)
    assert code == 2
    assert (
        f"Every partner has answered for {COMPLETE} already, so there is nobody left to ask for "
        "sign-off."
    ) in capsys.readouterr().err
    assert not draft.exists()
