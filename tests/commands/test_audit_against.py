"""rrdesk audit verify --against FILE: a backup, or a decision sheet rrdesk signed, kept elsewhere
proves entries removed or rewritten since it was made, even when the key file was resealed to
match."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from rrdesk.cli import main
from rrdesk.exports.signatures.audit_record import signed_audit_record
from rrdesk.exports.signatures.signing import SIGNATURE_FIELD, sign_pdf
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
from rrdesk.services.decision_sheet.decision_sheet_service import sign_sheet
from rrdesk.services.partnership.signing_service import SigningService
from rrdesk.services.store import store_access
from rrdesk.services.store.backups import back_up_to
from rrdesk.storage.audit_repository import current_anchor
from rrdesk.storage.database import Database
from rrdesk.storage.keys import key_file
from tests.exports.samples import decision_sheet_content


def _verify(store: Path, phrase: Path, *extra: str) -> tuple[int, str]:
    out = io.StringIO()
    arguments = ["audit", "verify", "--store", str(store), "--passphrase-file", str(phrase)]
    return main([*arguments, *extra], out=out), out.getvalue()


@pytest.fixture
def phrase(tmp_path: Path, passphrase: str) -> Path:
    path = tmp_path / "p.txt"
    path.write_text(passphrase, encoding="utf-8")
    return path


@pytest.fixture
def backup(session, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    for number in range(3):
        with session.db.transaction():
            session.record("store", f"Change {number}")
    made = back_up_to(session, tmp_path / "kept-elsewhere.rrbackup")
    with session.db.transaction():
        session.record("store", "A change after the backup")
    return made


def test_a_trail_holding_what_the_backup_recorded_passes(
    session, store_path: Path, phrase: Path, backup: Path
) -> None:
    session.close()
    code, text = _verify(store_path, phrase, "--against", str(backup))
    assert code == 0, text
    assert text.splitlines()[1].startswith(
        f"It holds every entry the backup {backup.name} recorded (made on "
    )


def test_entries_removed_and_the_key_file_resealed_are_found_by_the_backup(
    session, store_path: Path, phrase: Path, backup: Path
) -> None:
    key = session.key_bytes()
    session.close()
    db = Database.open(store_path, key)  # someone with the key
    with db.transaction():
        db.execute("DELETE FROM audit WHERE id > (SELECT max(id) - 3 FROM audit)")
    slots = replace(key_file.read_slots(store_path), closed=None)  # the store's seal, dropped
    key_file.write_slots(store_path, key_file.seal(slots, key, current_anchor(db)))
    db.close()
    assert _verify(store_path, phrase)[0] == 0  # the store and its key file agree
    code, text = _verify(store_path, phrase, "--against", str(backup))
    assert code == 1
    assert text.startswith(f"The audit trail does not hold what the backup {backup.name} (made ")
    assert "Entries have been removed or rewritten since the backup was made." in text


def test_a_change_of_passphrase_keeps_old_backups_good_for_the_check(
    session, store_path: Path, tmp_path: Path, backup: Path
) -> None:
    store_access.change_passphrase(session, "a brand new long passphrase")
    session.close()
    new = tmp_path / "new.txt"
    new.write_text("a brand new long passphrase", encoding="utf-8")
    code, text = _verify(store_path, new, "--against", str(backup))
    assert code == 0, text


def _cut_and_reseal(store_path: Path, key: bytes, keep_back: int) -> None:
    """Someone with the key removes the last entries and reseals the key file to match (without
    the seal of the store as it was last closed, which no longer matches)."""
    db = Database.open(store_path, key)
    with db.transaction():
        db.execute(f"DELETE FROM audit WHERE id > (SELECT max(id) - {keep_back} FROM audit)")
    slots = replace(key_file.read_slots(store_path), closed=None)
    key_file.write_slots(store_path, key_file.seal(slots, key, current_anchor(db)))
    db.close()


@pytest.fixture
def signed_sheet(session, tmp_path: Path, passphrase: str) -> Path:  # type: ignore[no-untyped-def]
    """A sheet signed by the store, carrying its trail's head, then more changes after it."""
    from datetime import UTC, datetime

    from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
    from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for

    for number in range(3):
        with session.db.transaction():
            session.record("store", f"Change {number}")
    signing = SigningService(session)
    now = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)
    identity = signing.ensure_identity(now, passphrase)
    unsigned = render_decision_sheet(decision_sheet_content(), load_decision_sheet_template())
    record = decision_sheet_service_for(session).audit_record()
    path = tmp_path / "RR-2026-051 decision sheet v1.pdf"
    path.write_bytes(sign_sheet(unsigned, identity, session.partnership, now, record))
    with session.db.transaction():
        session.record("store", "A change after the signing")
    return path


def test_a_signed_sheet_carries_the_trail_inside_its_signed_revision(
    session, signed_sheet: Path
) -> None:
    record = signed_audit_record(signed_sheet.read_bytes(), SIGNATURE_FIELD)
    assert record is not None
    assert record.count == session.audit.length() - 1  # the trail as it was at signing
    assert record.head == session.audit.hash_at(record.count)


def test_a_trail_holding_what_a_signed_sheet_recorded_passes(
    session, store_path: Path, phrase: Path, signed_sheet: Path
) -> None:
    session.close()
    code, text = _verify(store_path, phrase, "--against", str(signed_sheet))
    assert code == 0, text
    assert text.splitlines()[1].startswith(
        f"It holds every entry the signed sheet {signed_sheet.name} recorded (signed on "
    )


def test_entries_removed_and_resealed_are_found_by_a_signed_sheet(
    session, store_path: Path, phrase: Path, signed_sheet: Path
) -> None:
    key = session.key_bytes()
    session.close()
    _cut_and_reseal(store_path, key, keep_back=3)
    assert _verify(store_path, phrase)[0] == 0  # the store and its key file agree
    code, text = _verify(store_path, phrase, "--against", str(signed_sheet))
    assert code == 1
    assert text.startswith(
        f"The audit trail does not hold what the signed sheet {signed_sheet.name} (signed on "
    )
    assert "Entries have been removed or rewritten since the signed sheet was signed." in text


def test_entries_replaced_at_the_same_length_are_found_by_a_signed_sheet(
    session, store_path: Path, phrase: Path, passphrase: str, signed_sheet: Path
) -> None:
    key = session.key_bytes()
    length = session.audit.length()
    session.close()
    _cut_and_reseal(store_path, key, keep_back=3)
    rewritten = store_access.unlock_with_passphrase(store_path, passphrase)
    for number in range(length - rewritten.audit.length()):  # the trail made as long again
        with rewritten.db.transaction():
            rewritten.record("store", f"Something else {number}")
    assert rewritten.audit.length() == length
    rewritten.close()
    assert _verify(store_path, phrase)[0] == 0
    code, text = _verify(store_path, phrase, "--against", str(signed_sheet))
    assert code == 1
    assert "the last entries were removed or replaced" in text


def test_a_sheet_not_signed_by_the_partnership_proves_nothing(
    session, store_path: Path, phrase: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
    from rrdesk.exports.signatures.audit_record import SignedAuditRecord
    from rrdesk.exports.signatures.signing import create_signing_identity

    now = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)
    other = create_signing_identity("Someone else", now=now)
    unsigned = render_decision_sheet(decision_sheet_content(), load_decision_sheet_template())
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(
        sign_pdf(
            unsigned,
            other,
            reason="x",
            location="y",
            signing_time_text="z",
            audit=SignedAuditRecord("0" * 64, 99),
        )
    )
    session.close()
    assert _verify(store_path, phrase, "--against", str(forged))[0] == 2
    err = capsys.readouterr().err
    assert "is not a sheet signed with this partnership's certificate" in err
    assert len(err.splitlines()) == 1


def test_a_pdf_that_is_not_signed_or_another_stores_backup_is_refused_in_one_line(
    session,
    store_path: Path,
    phrase: Path,
    tmp_path: Path,
    others_backup: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    session.close()
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    assert _verify(store_path, phrase, "--against", str(pdf))[0] == 2
    err = capsys.readouterr().err
    assert err.startswith("rrdesk: sheet.pdf: This PDF cannot be read")
    assert len(err.splitlines()) == 1
    assert _verify(store_path, phrase, "--against", str(others_backup))[0] == 2
    err = capsys.readouterr().err
    assert "is a backup of another store" in err
    assert len(err.splitlines()) == 1
