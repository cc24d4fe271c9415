"""Fixtures for the PDF tests: a signing identity, the shipped form and rendered sheets."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from rrdesk.domain.decision_sheet.decision_sheet_template import DecisionSheetTemplate
from rrdesk.exports.pdf.decision_sheet import render_decision_sheet
from rrdesk.exports.signatures.signing import SigningIdentity, create_signing_identity, sign_pdf
from rrdesk.services.decision_sheet.decision_sheet_forms import load_decision_sheet_template
from tests.exports.samples import PARTNERSHIP, decision_sheet_content

SIGNING_NOW = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)


@pytest.fixture(scope="session")
def identity() -> SigningIdentity:
    return create_signing_identity(PARTNERSHIP, now=SIGNING_NOW)


@pytest.fixture(scope="session")
def other_identity() -> SigningIdentity:
    return create_signing_identity("Somewhere Else Safeguarding Partnership", now=SIGNING_NOW)


@pytest.fixture(scope="session")
def template() -> DecisionSheetTemplate:
    return load_decision_sheet_template()


@pytest.fixture(scope="session")
def sheet_pdf(template: DecisionSheetTemplate) -> bytes:
    return render_decision_sheet(decision_sheet_content(agencies=12), template)


@pytest.fixture(scope="session")
def signed_pdf(sheet_pdf: bytes, identity: SigningIdentity) -> bytes:
    return sign_pdf(
        sheet_pdf,
        identity,
        reason="Rapid Review decision sheet for RR-2026-014",
        location="Caerwysg",
        signing_time_text="22 November 2026 at 2:05pm",
    )
