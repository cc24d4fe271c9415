"""The partnership's signing identity: kept only inside the encrypted store, imported, replaced."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.exports.signatures.signing import (
    NoPrivateKeyError,
    NotPkcs12Error,
    SigningIdentity,
    SigningIdentityError,
    WrongPasswordError,
    create_signing_identity,
    sign_pdf,
)
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
from rrdesk.services.partnership.signing_service import (
    CREATED,
    IMPORTED,
    NoSigningIdentityError,
    PartnershipNameError,
    SigningService,
)
from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session
from rrdesk.storage.migrations import SCHEMA_VERSION
from tests.conftest import PASSPHRASE
from tests.exports.pkcs12_files import pkcs12_bytes
from tests.exports.samples import decision_sheet_content

NOW = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)
COUNCIL = "Northmoor Council Signing"


@pytest.fixture(scope="module")
def council_identity() -> SigningIdentity:
    return create_signing_identity(COUNCIL, now=NOW)


@pytest.fixture(scope="module")
def other_identity() -> SigningIdentity:
    return create_signing_identity("Somewhere Else Safeguarding Partnership", now=NOW)


@pytest.fixture(scope="module")
def sheet_pdf() -> bytes:
    return render_decision_sheet(decision_sheet_content(), load_decision_sheet_template())


def test_a_new_store_has_no_certificate(session: Session) -> None:
    signing = SigningService(session)
    assert session.db.user_version == SCHEMA_VERSION
    assert signing.identity() is None
    assert signing.summary() is None
    with pytest.raises(NoSigningIdentityError, match="no signing certificate yet"):
        signing.certificate_pem()


def test_identity_created_on_first_need_is_kept_in_the_store(
    new_store, store_path: Path, passphrase: str
) -> None:
    session = new_store.session
    signing = SigningService(session)
    identity = signing.ensure_identity(NOW, PASSPHRASE)
    assert signing.ensure_identity(NOW, PASSPHRASE) == identity  # created once
    summary = signing.summary()
    assert summary is not None
    assert summary.source == CREATED
    assert "Northmoor Safeguarding Children Partnership" in summary.details.subject
    assert summary.details.self_signed
    assert summary.details.valid_until > NOW + timedelta(days=365 * 9)
    session.close()

    on_disk = store_path.read_bytes()
    assert identity.private_key_der[16:80] not in on_disk
    assert identity.certificate_der[16:80] not in on_disk

    reopened = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert SigningService(reopened).identity(passphrase) == identity
        actions = [entry.action for entry in reopened.audit.entries()]
        assert "Created a signing certificate" in actions
    finally:
        reopened.close()


def test_exported_certificate_is_pem_without_the_key(session: Session) -> None:
    signing = SigningService(session)
    signing.ensure_identity(NOW, PASSPHRASE)
    pem = signing.certificate_pem()
    assert pem.startswith(b"-----BEGIN CERTIFICATE-----")
    assert b"PRIVATE KEY" not in pem


def test_import_a_council_certificate(session: Session, council_identity: SigningIdentity) -> None:
    signing = SigningService(session)
    summary = signing.import_identity(
        pkcs12_bytes(council_identity, b"s3cret"), "s3cret", NOW, PASSPHRASE
    )
    assert summary.source == IMPORTED
    assert summary.source_text == "Imported from a certificate file"
    assert COUNCIL in summary.details.subject
    assert signing.identity() == council_identity


@pytest.mark.parametrize(
    ("data", "password", "error", "message"),
    [
        pytest.param(b"not a certificate", "", NotPkcs12Error, "not a PKCS#12", id="not a p12"),
        pytest.param("p12", "wrong", WrongPasswordError, "password", id="wrong password"),
        pytest.param("keyless", "s3cret", NoPrivateKeyError, "no private key", id="no key"),
    ],
)
def test_import_errors_are_plain_and_change_nothing(
    session: Session,
    council_identity: SigningIdentity,
    data: object,
    password: str,
    error: type[SigningIdentityError],
    message: str,
) -> None:
    signing = SigningService(session)
    kept = signing.ensure_identity(NOW, PASSPHRASE)
    if data == "p12":
        data = pkcs12_bytes(council_identity, b"s3cret")
    elif data == "keyless":
        data = pkcs12_bytes(council_identity, b"s3cret", with_key=False)
    assert isinstance(data, bytes)
    with pytest.raises(error, match=message):
        signing.import_identity(data, password, NOW, PASSPHRASE)
    assert signing.identity() == kept


def test_an_expired_certificate_is_refused(
    session: Session, council_identity: SigningIdentity
) -> None:
    signing = SigningService(session)
    with pytest.raises(SigningIdentityError, match="expired"):
        signing.import_identity(
            pkcs12_bytes(council_identity, b"pw"), "pw", NOW + timedelta(days=365 * 11), PASSPHRASE
        )
    assert signing.identity() is None


def test_replacing_the_certificate_retires_the_old_key_but_still_trusts_its_sheets(
    session: Session, council_identity: SigningIdentity, sheet_pdf: bytes
) -> None:
    signing = SigningService(session)
    old = signing.ensure_identity(NOW, PASSPHRASE)
    signed_before = sign_pdf(
        sheet_pdf, old, reason="test", location="here", signing_time_text="now"
    )
    signing.import_identity(pkcs12_bytes(council_identity, b"pw"), "pw", NOW, PASSPHRASE)
    assert signing.identity() == council_identity
    assert len(signing.trusted_certificates_pem()) == 2
    stored = session.db.query("SELECT length(private_key) FROM signing_identities ORDER BY id")
    assert stored[0][0] == 0  # the retired key wiped; the current one kept wrapped
    assert stored[1][0] > len(council_identity.private_key_der)
    result = signing.verify(signed_before)
    assert result.valid
    assert result.trusted is True


def test_a_sheet_signed_by_someone_else_is_not_valid(
    session: Session, other_identity: SigningIdentity, sheet_pdf: bytes
) -> None:
    signing = SigningService(session)
    signing.ensure_identity(NOW, PASSPHRASE)
    forged = sign_pdf(
        sheet_pdf, other_identity, reason="test", location="here", signing_time_text="now"
    )
    result = signing.verify(forged)
    assert not result.valid
    assert "not the one you trust" in result.verdict


def test_renaming_the_partnership(session: Session) -> None:
    signing = SigningService(session)
    assert signing.rename_partnership("  Northmoor   Partnership ") == "Northmoor Partnership"
    assert session.partnership == "Northmoor Partnership"
    with pytest.raises(PartnershipNameError, match="Enter the partnership"):
        signing.rename_partnership("  ")
