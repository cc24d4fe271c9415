"""Who the email for sign-off goes to: each partner's executive, and the panel only if chosen."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime
from email import policy
from pathlib import Path

from PySide6.QtCore import Qt

from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.cases.directory import Member, StatutoryPartner
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.store.session import Session
from rrdesk.ui.decision_sheet.sign_off_email_box import SignOffEmailBox
from tests.fakes import RecordingMessages, RecordingOpener, ScriptedFileDialogs

NOW = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)


def _add_executives(session: Session) -> None:
    directory = DirectoryService(session)
    agencies = {a.partner: a.name for a in directory.agencies() if a.partner is not None}
    for name, partner in (
        ("Morwenna Tregear", StatutoryPartner.LOCAL_AUTHORITY),
        ("Bryn Rees", StatutoryPartner.POLICE),
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


def test_executives_one_each_and_the_panel_copied_when_ticked(
    qtbot, demo_session: Session, today: date, tmp_path: Path
) -> None:
    _add_executives(demo_session)
    case = next(
        c for c in CaseService(demo_session).all_cases() if c.stage is Stage.AWAITING_SIGN_OFF
    )
    assert case.case_id is not None
    sheets = decision_sheet_service_for(demo_session)
    sheet = sheets.export_signed(case.case_id, today, NOW)
    draft = tmp_path / "sign-off.eml"
    dialogs = ScriptedFileDialogs(save=[draft])
    box = SignOffEmailBox(
        case.case_id,
        SignOffDrafts(demo_session, sheets),
        RecordingMessages(),
        dialogs,
        RecordingOpener(works=True),
    )
    qtbot.addWidget(box)
    box.show()
    box.refresh()
    text = box.recipients.text()
    assert "Morwenna Tregear (local authority), Bryn Rees (police)" in text
    assert "No executive is recorded for health:" in text
    assert "Copied in" not in text
    assert not box.copy_panel.isChecked()

    qtbot.mouseClick(box.copy_panel, Qt.MouseButton.LeftButton)
    assert "Copied in: Harriet Vale (local authority)" in box.recipients.text()
    assert SignOffDrafts(demo_session, sheets).copies_panel()  # kept for the partnership

    box.set_document(sheet)
    with qtbot.waitSignal(box.email_saved):
        qtbot.mouseClick(box.email_button, Qt.MouseButton.LeftButton)
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert [a.display_name for a in message["To"].addresses][:2] == [
        "Morwenna Tregear",
        "Bryn Rees",
    ]
    assert "Harriet Vale" in str(message["Cc"])
