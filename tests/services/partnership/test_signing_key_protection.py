"""The partnership's signing key is kept under the store's key and the passphrase: opening the
store (with the data key, the remembered key or the recovery key) is not enough to sign."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from rrdesk.exports.signatures.signing import SigningIdentity, create_signing_identity
from rrdesk.services.partnership.signing_service import (
    SigningPassphraseNeededError,
    SigningService,
)
from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session
from rrdesk.storage.database import Database
from rrdesk.storage.errors import WrongSecretError
from rrdesk.storage.keys import signing_slot
from rrdesk.storage.secret_repository import SecretRepository

NOW = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)
NEW_PASSPHRASE = "a brand new long passphrase"


@pytest.fixture
def sheet_pdf() -> bytes:
    from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
    from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
    from tests.exports.samples import decision_sheet_content

    return render_decision_sheet(decision_sheet_content(), load_decision_sheet_template())


@pytest.fixture
def decided_case_id(session: Session) -> int:
    from datetime import date

    from rrdesk.domain.cases.cases import Stage
    from tests.builders import add_case, add_directory, decided, meeting_held, voted

    people = add_directory(session)
    case = add_case(
        session, today=date(2026, 11, 23), notified=date(2026, 11, 16), stage=Stage.MEETING_BOOKED
    )
    assert case.case_id is not None
    meeting = meeting_held(session, case, held_on=date(2026, 11, 20), chair=people["Alex Chair"])
    decided(session, case, voted(session, case, meeting))
    return case.case_id


def _kept_key(path: Path, data_key: bytes) -> bytes:
    """The key column as anyone holding the store's data key reads it."""
    db = Database.open(path, data_key)
    try:
        row = db.query_one(
            "SELECT private_key FROM signing_identities WHERE retired_at IS NULL"
            " ORDER BY id DESC LIMIT 1"
        )
    finally:
        db.close()
    assert row is not None
    return bytes(row[0])


def _loads_as_a_key(blob: bytes) -> bool:
    try:
        serialization.load_der_private_key(blob, None)
    except ValueError:
        return False
    return True


def _actions(session: Session) -> list[str]:
    return [entry.action for entry in session.audit.entries()]


def test_the_data_key_alone_does_not_give_the_signing_key(
    new_store, store_path: Path, passphrase: str
) -> None:
    session = new_store.session
    identity = SigningService(session).ensure_identity(NOW, passphrase)
    data_key = session.key_bytes()
    session.close()
    kept = _kept_key(store_path, data_key)
    assert signing_slot.is_protected(kept)
    assert identity.private_key_der not in kept
    assert not _loads_as_a_key(kept)


def test_signing_asks_for_the_passphrase_once_a_session(
    new_store, store_path: Path, passphrase: str, memory_secrets
) -> None:  # type: ignore[no-untyped-def]
    session = new_store.session
    identity = SigningService(session).ensure_identity(NOW, passphrase)
    store_access.remember_key(session, memory_secrets)
    session.close()
    assert session.signing_keys == {}  # wiped on close

    reopened, _notice = store_access.unlock_with_remembered_key(store_path, memory_secrets)
    assert reopened is not None
    try:
        signing = SigningService(reopened)
        assert signing.needs_passphrase()
        with pytest.raises(SigningPassphraseNeededError, match="Enter your passphrase to sign"):
            signing.identity()
        with pytest.raises(WrongSecretError, match="The passphrase is not right"):
            signing.identity("not the passphrase at all")
        assert signing.identity(passphrase) == identity
        assert not signing.needs_passphrase()
        assert SigningService(reopened).identity() == identity  # remembered for the session
    finally:
        reopened.close()


def test_the_recovery_key_does_not_open_the_signing_key(
    new_store, store_path: Path, passphrase: str
) -> None:
    SigningService(new_store.session).ensure_identity(NOW, passphrase)
    new_store.session.close()
    opened = store_access.unlock_with_recovery_key(store_path, new_store.recovery_key)
    try:
        with pytest.raises(WrongSecretError):
            SigningService(opened).identity(new_store.recovery_key)
    finally:
        opened.close()


def _plain_key_from_an_earlier_rrdesk(session: Session) -> SigningIdentity:
    identity = create_signing_identity(session.partnership, now=NOW)
    with session.db.transaction():
        SecretRepository(session.db).replace(
            identity.certificate_der, identity.private_key_der, (), "created"
        )
    return identity


def test_a_plain_key_from_an_earlier_rrdesk_is_wrapped_at_its_first_use(
    new_store, store_path: Path, passphrase: str
) -> None:
    session = new_store.session
    identity = _plain_key_from_an_earlier_rrdesk(session)
    signing = SigningService(session)
    assert signing.needs_passphrase()
    with pytest.raises(WrongSecretError):
        signing.identity("not the passphrase at all")
    assert _kept_key(store_path, session.key_bytes()) == identity.private_key_der  # unchanged
    assert "Protected the signing key with the passphrase" not in _actions(session)

    assert signing.identity(passphrase) == identity
    kept = _kept_key(store_path, session.key_bytes())
    assert signing_slot.is_protected(kept)
    assert not _loads_as_a_key(kept)
    assert _actions(session)[-1] == "Protected the signing key with the passphrase"
    data_key = session.key_bytes()
    session.close()
    assert identity.private_key_der not in store_path.read_bytes()
    assert _kept_key(store_path, data_key) == kept


def test_a_new_recovery_key_moves_the_signing_key_to_the_new_data_key(
    new_store, store_path: Path, passphrase: str
) -> None:
    session = new_store.session
    identity = SigningService(session).ensure_identity(NOW, passphrase)
    old_key = session.key_bytes()
    kept_before = _kept_key(store_path, old_key)
    store_access.new_recovery_key(session)
    session.close()
    reopened = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert SigningService(reopened).identity(passphrase) == identity
        stored = SecretRepository(reopened.db).current()
        assert stored is not None
        moved = stored.private_key_der
        assert moved != kept_before
        assert (
            signing_slot.unprotect(
                moved,
                data_key=old_key,
                passphrase=passphrase,
                store_id=reopened.slots.store_id,
                certificate_der=stored.certificate_der,
            )
            is None
        )
    finally:
        reopened.close()


def test_a_change_of_passphrase_locks_the_signing_key_with_the_new_one(
    new_store, store_path: Path, passphrase: str
) -> None:
    session = new_store.session
    identity = SigningService(session).ensure_identity(NOW, passphrase)
    session.close()
    opened = store_access.unlock_with_passphrase(store_path, passphrase)  # key not opened yet
    store_access.change_passphrase(opened, NEW_PASSPHRASE, current_passphrase=passphrase)
    opened.close()
    reopened = store_access.unlock_with_passphrase(store_path, NEW_PASSPHRASE)
    try:
        with pytest.raises(WrongSecretError):
            SigningService(reopened).identity(passphrase)
        assert SigningService(reopened).identity(NEW_PASSPHRASE) == identity
    finally:
        reopened.close()


def test_a_wrong_current_passphrase_changes_nothing(
    new_store, store_path: Path, passphrase: str
) -> None:
    session = new_store.session
    SigningService(session).ensure_identity(NOW, passphrase)
    session.close()
    opened = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        key_before = opened.key_bytes()
        with pytest.raises(WrongSecretError, match="current passphrase is not right"):
            store_access.change_passphrase(
                opened, NEW_PASSPHRASE, current_passphrase="not the passphrase at all"
            )
        assert opened.key_bytes() == key_before
    finally:
        opened.close()
    store_access.unlock_with_passphrase(store_path, passphrase).close()


def test_a_passphrase_reset_with_the_recovery_key_retires_the_signing_key(
    new_store, store_path: Path, passphrase: str, sheet_pdf: bytes
) -> None:
    from rrdesk.exports.signatures.signing import sign_pdf

    session = new_store.session
    identity = SigningService(session).ensure_identity(NOW, passphrase)
    signed = sign_pdf(sheet_pdf, identity, reason="r", location="l", signing_time_text="t")
    session.close()
    opened = store_access.unlock_with_recovery_key(store_path, new_store.recovery_key)
    try:
        store_access.change_passphrase(opened, NEW_PASSPHRASE)  # the old one was forgotten
        signing = SigningService(opened)
        assert signing.identity() is None  # no key left to sign with: a new one is made
        assert _actions(opened)[-2:] == [
            "Changed the passphrase",
            "Retired the signing certificate",
        ]
        assert signing.verify(signed).valid  # what it signed is still checked as the partnership's
    finally:
        opened.close()


def test_every_signature_is_audited_with_the_document_and_certificate(
    session: Session, passphrase: str, decided_case_id: int
) -> None:
    from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for

    sheets = decision_sheet_service_for(session)
    kept = sheets.export_signed(decided_case_id, NOW.date(), NOW, passphrase)
    entry = session.audit.entries()[-1]
    assert entry.action == f"Signed the decision sheet, version {kept.version}"
    assert entry.actor == "Priya Test-Coordinator"
    assert entry.case_id == decided_case_id
    assert entry.detail["document"] == f"{sheets.reference(decided_case_id)} decision sheet v1.pdf"
    fingerprint = SigningService(session).fingerprint()
    assert entry.detail["certificate"] == f"SHA-256 {fingerprint}"
    assert entry.summary.endswith(  # as the audit trail screen shows it
        f"decision sheet v1.pdf; signed with the certificate SHA-256 {fingerprint}"
    )


def test_a_restore_from_before_a_change_of_passphrase_locks_the_signing_key_with_the_current(
    new_store, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    from rrdesk.services.store.backups import back_up_to, restore_backup

    session = new_store.session
    identity = SigningService(session).ensure_identity(NOW, passphrase)
    backup = back_up_to(session, tmp_path / "before.rrbackup")
    store_access.change_passphrase(session, NEW_PASSPHRASE, current_passphrase=passphrase)
    session.close()
    restore_backup(
        backup, store_path, passphrase, recovery=False, now=NOW, current_passphrase=NEW_PASSPHRASE
    )
    restored = store_access.unlock_with_passphrase(store_path, NEW_PASSPHRASE)
    try:
        with pytest.raises(WrongSecretError):
            SigningService(restored).identity(passphrase)
        assert SigningService(restored).identity(NEW_PASSPHRASE) == identity
    finally:
        restored.close()


def test_a_restore_with_the_recovery_key_says_which_passphrase_the_signing_key_needs(
    new_store, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    from rrdesk.services.partnership.signing_service import SigningIdentityError
    from rrdesk.services.store.backups import back_up_to, restore_backup

    session = new_store.session
    identity = SigningService(session).ensure_identity(NOW, passphrase)
    backup = back_up_to(session, tmp_path / "before.rrbackup")
    store_access.change_passphrase(session, NEW_PASSPHRASE, current_passphrase=passphrase)
    session.close()
    restore_backup(
        backup,
        store_path,
        passphrase,
        recovery=False,
        now=NOW,
        current_passphrase=new_store.recovery_key,
        current_recovery=True,
    )
    restored = store_access.unlock_with_passphrase(store_path, NEW_PASSPHRASE)
    try:
        with pytest.raises(SigningIdentityError, match="locked with an earlier passphrase"):
            SigningService(restored).identity(NEW_PASSPHRASE)
        assert SigningService(restored).identity(passphrase) == identity
    finally:
        restored.close()
