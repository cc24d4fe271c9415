"""Settings › Verify a PDF shows every signature on a countersigned sheet, as rrdesk verify does.

The sheet is signed by rrdesk for a case the test held, voted and decided; the executives'
countersignatures are added by pyHanko alone (tests/exports/countersigning.py), as their PDF
reader would add them.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from PySide6.QtCore import Qt

from rrdesk.domain.cases.cases import Stage
from rrdesk.exports.signatures.signature_words import fingerprint_in_halves
from rrdesk.exports.signatures.signing import certificate_details
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.partnership.signing_service import SigningService
from rrdesk.services.store.session import Session
from rrdesk.ui.partnership.settings_widget import PartnershipSettingsWidget
from tests.builders import add_case, add_directory, decided, meeting_held, voted
from tests.conftest import PASSPHRASE
from tests.exports.countersigning import answer_and_sign, countersigned_by_all, executive
from tests.fakes import ImmediateRunner, RecordingMessages, ScriptedFileDialogs

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)


def _signed_sheet(session: Session) -> bytes:
    people = add_directory(session)
    case = add_case(session, today=TODAY, notified=date(2026, 11, 16), stage=Stage.MEETING_BOOKED)
    meeting = meeting_held(session, case, held_on=date(2026, 11, 20), chair=people["Alex Chair"])
    decided(session, case, voted(session, case, meeting))
    assert case.case_id is not None
    return (
        decision_sheet_service_for(session).export_signed(case.case_id, TODAY, NOW, PASSPHRASE).body
    )


def _check(qtbot, session: Session, *files: Path) -> PartnershipSettingsWidget:  # type: ignore[no-untyped-def]
    widget = PartnershipSettingsWidget(
        SigningService(session),
        RecordingMessages(),
        ScriptedFileDialogs(open_=list(files)),
        ImmediateRunner(),
        lambda: NOW,
    )
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_every_signature_on_a_countersigned_sheet_is_shown(
    qtbot, session: Session, tmp_path: Path
) -> None:
    sheet = tmp_path / "countersigned.pdf"
    sheet.write_bytes(countersigned_by_all(_signed_sheet(session)))
    widget = _check(qtbot, session, sheet)

    qtbot.mouseClick(widget.verify_button, Qt.MouseButton.LeftButton)

    check = widget.pdf_check
    assert check.verify_verdict.text() == (
        "Valid: signed with the trusted certificate and unchanged since signing. Executives "
        "have signed it since: 3 signatures."
    )
    texts = [label.text() for label in check.signature_labels]
    assert len(texts) == 4
    partnership_fingerprint = SigningService(session).summary().details.sha256_fingerprint  # type: ignore[union-attr]
    assert texts[0].splitlines()[1].startswith(f"Signed by {session.partnership} on ")
    assert texts[0].splitlines()[1].endswith(" UTC, as the signer's computer reported it.")
    assert texts[0].splitlines() == [
        "Signature 1: the partnership's, certifying the sheet",
        texts[0].splitlines()[1],
        "Certificate fingerprint (SHA-256):",
        *fingerprint_in_halves(partnership_fingerprint).splitlines(),
        "It covers the file as it was when signed, before 6 later additions.",
        "Intact, and made with the partnership's certificate.",
    ]
    for text, partner, field in zip(
        texts[1:],
        ("local authority", "police", "health"),
        ("LocalAuthority", "Police", "Health"),
        strict=True,
    ):
        lines = text.splitlines()
        assert lines[0].endswith(f": the {partner} executive's")
        assert lines[1].startswith(f"Signed by {field} executive on ")
        assert lines[2:5] == [
            "Certificate fingerprint (SHA-256):",
            *fingerprint_in_halves(
                certificate_details(executive(field)).sha256_fingerprint
            ).splitlines(),
        ]
        assert lines[-1].startswith(
            "Intact. rrdesk cannot prove who made it: if in doubt, compare the fingerprint"
        )
    assert texts[-1].splitlines()[5] == "It covers the whole file."


def test_a_page_changed_after_an_executive_signed_is_not_valid(
    qtbot, session: Session, tmp_path: Path
) -> None:
    countersigned = answer_and_sign(_signed_sheet(session), "Police", "Agree")
    writer = IncrementalPdfFileWriter(io.BytesIO(countersigned))
    stream = generic.StreamObject(stream_data=b"0 0 1 rg 100 100 200 200 re f")
    writer.add_stream_to_page(0, writer.add_object(stream))
    changed = io.BytesIO()
    writer.write(changed)
    sheet = tmp_path / "changed.pdf"
    sheet.write_bytes(changed.getvalue())
    widget = _check(qtbot, session, sheet)

    qtbot.mouseClick(widget.verify_button, Qt.MouseButton.LeftButton)

    check = widget.pdf_check
    assert check.verify_verdict.text() == (
        "Not valid: the document was changed after it was signed."
    )
    headings = [label.text().splitlines()[0] for label in check.signature_labels]
    assert headings == [
        "Signature 1: the partnership's, certifying the sheet",
        "Signature 2: the police executive's",
    ]
    assert check.signature_labels[1].text().splitlines()[5] == (
        "It covers the file as it was when signed, before 1 later addition."
    )
