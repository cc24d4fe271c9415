"""Partnership settings: the name, the signing certificate, and the Verify a PDF button."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rrdesk.domain.cases.cases import Stage
from rrdesk.exports.signatures.signing import TRUST_NOTE, create_signing_identity
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.partnership.signing_service import IMPORTED, SigningService
from rrdesk.services.store.session import Session
from rrdesk.ui.partnership.settings_widget import PartnershipSettingsWidget
from tests.builders import add_case, add_directory, decided, meeting_held, voted
from tests.conftest import PASSPHRASE
from tests.exports.pkcs12_files import pkcs12_bytes
from tests.fakes import ImmediateRunner, RecordingMessages, ScriptedFileDialogs

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)


def _widget(qtbot, session: Session, messages: RecordingMessages, dialogs: ScriptedFileDialogs):  # type: ignore[no-untyped-def]
    widget = PartnershipSettingsWidget(
        SigningService(session), messages, dialogs, ImmediateRunner(), lambda: NOW
    )
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_create_then_export_the_certificate(
    qtbot, session: Session, messages: RecordingMessages, tmp_path: Path
) -> None:
    target = tmp_path / "partnership.pem"
    dialogs = ScriptedFileDialogs(save=[target], passwords=[PASSPHRASE])
    widget = _widget(qtbot, session, messages, dialogs)
    assert widget.certificate_subject.text().startswith("None yet")
    assert not widget.export_button.isEnabled()
    assert TRUST_NOTE in widget.trust_note.text()

    qtbot.mouseClick(widget.create_button, Qt.MouseButton.LeftButton)
    assert session.partnership in widget.certificate_subject.text()
    assert widget.certificate_source.text().startswith("Created by rrdesk")
    assert widget.certificate_valid_until.text().endswith("November 2036")
    assert widget.certificate_fingerprint.text().count(":") == 31
    assert SigningService(session).identity() is not None

    qtbot.mouseClick(widget.export_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("info", "Certificate exported")
    assert TRUST_NOTE in text
    assert dialogs.asked[-1][1].endswith("certificate.pem")


def test_replacing_the_certificate_asks_first(qtbot, session: Session, tmp_path: Path) -> None:
    messages = RecordingMessages(confirm_answer=False)
    dialogs = ScriptedFileDialogs(passwords=[PASSPHRASE])
    widget = _widget(qtbot, session, messages, dialogs)
    qtbot.mouseClick(widget.create_button, Qt.MouseButton.LeftButton)
    first = SigningService(session).identity()
    assert widget.create_button.text() == "Create a new certificate"
    qtbot.mouseClick(widget.create_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][0] == "confirm"
    assert SigningService(session).identity() == first


def test_import_with_a_wrong_then_right_password(
    qtbot, session: Session, messages: RecordingMessages, tmp_path: Path
) -> None:
    council = create_signing_identity("Northmoor Council", now=NOW)
    p12 = tmp_path / "council.p12"
    p12.write_bytes(pkcs12_bytes(council, b"Tr0ub4dor"))
    dialogs = ScriptedFileDialogs(
        open_=[p12, p12], passwords=["wrong", PASSPHRASE, "Tr0ub4dor", PASSPHRASE]
    )
    widget = _widget(qtbot, session, messages, dialogs)

    qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1] == (
        "error",
        "Import a certificate",
        "The password for the certificate file is not correct. Nothing was changed.",
    )
    assert SigningService(session).identity() is None

    qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    assert widget.certificate_source.text() == "Imported from a certificate file"
    assert "Northmoor Council" in widget.certificate_subject.text()
    summary = SigningService(session).summary()
    assert summary is not None
    assert summary.source == IMPORTED


def test_verify_a_pdf_shows_signer_time_and_verdict(
    qtbot, session: Session, messages: RecordingMessages, tmp_path: Path
) -> None:
    people = add_directory(session)
    case = add_case(session, today=TODAY, notified=date(2026, 11, 16), stage=Stage.MEETING_BOOKED)
    meeting = meeting_held(session, case, held_on=date(2026, 11, 20), chair=people["Alex Chair"])
    decided(session, case, voted(session, case, meeting))
    assert case.case_id is not None
    sheets = decision_sheet_service_for(session)
    signed = tmp_path / "sheet.pdf"
    signed.write_bytes(sheets.export_signed(case.case_id, TODAY, NOW, PASSPHRASE).body)
    altered = tmp_path / "altered.pdf"
    data = bytearray(signed.read_bytes())
    data[data.index(b"stream", 2000) + 12] ^= 0x01  # a byte inside a page's content
    altered.write_bytes(bytes(data))
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("just text", encoding="utf-8")
    dialogs = ScriptedFileDialogs(open_=[signed, altered, not_pdf])
    widget = _widget(qtbot, session, messages, dialogs)

    qtbot.mouseClick(widget.verify_button, Qt.MouseButton.LeftButton)
    check = widget.pdf_check
    assert check.verify_file.text() == str(signed)
    (only,) = check.signature_labels
    assert f"Signed by {session.partnership} on " in only.text()
    assert "UTC, as the signer's computer reported it" in only.text()
    assert check.verify_verdict.text().startswith("Valid: signed with the trusted certificate")

    qtbot.mouseClick(widget.verify_button, Qt.MouseButton.LeftButton)
    assert check.verify_verdict.text().startswith("Not valid")

    qtbot.mouseClick(widget.verify_button, Qt.MouseButton.LeftButton)
    assert check.verify_verdict.text() == "This file is not a PDF"
    assert check.signature_labels == []


def test_rename_the_partnership(qtbot, session: Session, messages: RecordingMessages) -> None:
    widget = _widget(qtbot, session, messages, ScriptedFileDialogs())
    with qtbot.waitSignal(widget.partnership_renamed) as renamed:
        widget.partnership_name.clear()
        qtbot.keyClicks(widget.partnership_name, "Northmoor and Dale Partnership")
        qtbot.mouseClick(widget.save_name_button, Qt.MouseButton.LeftButton)
    assert renamed.args == ["Northmoor and Dale Partnership"]
    assert session.partnership == "Northmoor and Dale Partnership"

    widget.partnership_name.clear()
    qtbot.mouseClick(widget.save_name_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][2] == "Enter the partnership's name"


@pytest.mark.parametrize("chosen", [None], ids=["dialog cancelled"])
def test_cancelled_dialogs_change_nothing(
    qtbot, session: Session, messages: RecordingMessages, chosen: None
) -> None:
    widget = _widget(qtbot, session, messages, ScriptedFileDialogs(open_=[chosen]))
    qtbot.mouseClick(widget.import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.verify_button, Qt.MouseButton.LeftButton)
    assert messages.shown == []
    assert widget.pdf_check.verify_verdict.text() == ""
