"""Who the email for sign-off goes to: each partner's executive, and the panel only if chosen."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import UTC, date, datetime
from email import policy
from pathlib import Path

from PySide6.QtCore import Qt

from rrdesk.domain.cases.directory import Member, StatutoryPartner
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.decision_sheet.sign_off_email_box import SignOffEmailBox
from tests.conftest import PASSPHRASE
from tests.fakes import RecordingMessages, RecordingOpener, ScriptedFileDialogs

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
CHAIR_EMAIL = "alex.chair@westbury.example"


def _add_executives(session: Session) -> None:
    """Executives for the local authority and the police (none for health), and an address for
    the chair, a voting panel member from the local authority."""
    directory = DirectoryService(session)
    chair = next(m for m in directory.members() if m.name == "Alex Chair")
    directory.save_member(replace(chair, email=CHAIR_EMAIL))
    agencies = {a.partner: a.name for a in directory.agencies() if a.partner is not None}
    for name, partner in (
        ("Carys Exec-Lead", StatutoryPartner.LOCAL_AUTHORITY),
        ("Idris Exec-Police", StatutoryPartner.POLICE),
    ):
        directory.save_member(
            Member(
                name,
                agencies[partner],
                "Executive",
                email=name.lower().replace(" ", ".") + "@exec.example",
                executive_for=partner,
            )
        )


def _box(qtbot, session: Session, case_id: int, draft: Path) -> SignOffEmailBox:  # type: ignore[no-untyped-def]
    """The box, shown, its email to be saved as ``draft``."""
    box = SignOffEmailBox(
        case_id,
        SignOffDrafts(session, decision_sheet_service_for(session)),
        RecordingMessages(),
        ScriptedFileDialogs(save=[draft]),
        RecordingOpener(works=True),
    )
    qtbot.addWidget(box)
    box.show()
    box.refresh()
    return box


def test_executives_one_each_and_the_panel_copied_when_ticked(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    _add_executives(session)
    sheets = decision_sheet_service_for(session)
    sheet = sheets.export_signed(decided_case, TODAY, NOW, PASSPHRASE)
    draft = tmp_path / "sign-off.eml"
    box = _box(qtbot, session, decided_case, draft)
    text = box.recipients.text()
    assert "Carys Exec-Lead (local authority), Idris Exec-Police (police)" in text
    assert "No executive is recorded for health:" in text
    assert "Copied in" not in text
    assert not box.copy_panel.isChecked()
    assert "goes to the executives only" in box.copy_panel_hint.text()
    assert "are copied in" not in box.copy_panel_hint.text()

    qtbot.mouseClick(box.copy_panel, Qt.MouseButton.LeftButton)
    assert "Copied in: Alex Chair (local authority)." in box.recipients.text()
    assert "voting panel members are copied in" in box.copy_panel_hint.text()
    assert SignOffDrafts(session, sheets).copies_panel()  # kept for the partnership

    box.set_document(sheet)
    with qtbot.waitSignal(box.email_saved):
        qtbot.mouseClick(box.email_button, Qt.MouseButton.LeftButton)
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert [a.display_name for a in message["To"].addresses][:2] == [
        "Carys Exec-Lead",
        "Idris Exec-Police",
    ]
    assert "carys.exec-lead@exec.example" in str(message["To"])
    assert "Alex Chair" in str(message["Cc"])
    assert CHAIR_EMAIL in str(message["Cc"])


def test_after_some_answers_the_email_goes_to_the_others_and_says_who_has_signed(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    _add_executives(session)
    sheets = decision_sheet_service_for(session)
    sheet = sheets.export_signed(decided_case, TODAY, NOW, PASSPHRASE)
    meetings = MeetingService(session)
    meetings.record_sent_for_sign_off(decided_case, TODAY)
    meeting = meetings.load(decided_case)
    sign_off = meeting.sign_off.agree(
        StatutoryPartner.LOCAL_AUTHORITY, TODAY, signed_by="Carys Exec-Lead"
    )
    meetings.save(decided_case, meeting.with_sign_off(sign_off), "The local authority agreed")
    draft = tmp_path / "sign-off.eml"
    box = _box(qtbot, session, decided_case, draft)
    text = box.recipients.text()
    assert text.startswith("The email for sign-off goes to Idris Exec-Police (police), "), text
    assert " Not to Carys Exec-Lead (local authority), who has answered already." in text

    box.set_document(sheet)
    with qtbot.waitSignal(box.email_saved):
        qtbot.mouseClick(box.email_button, Qt.MouseButton.LeftButton)
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert "Carys Exec-Lead" not in str(message["To"])
    assert next(a.display_name for a in message["To"].addresses) == "Idris Exec-Police"
    body = message.get_body(("plain",))
    assert body is not None
    assert (
        "Carys Exec-Lead (local authority) has already signed it off. This email asks only "
        "those who have not answered yet."
    ) in body.get_content().splitlines()  # type: ignore[attr-defined]
