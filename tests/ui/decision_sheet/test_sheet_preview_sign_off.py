"""The Decision sheet tab's preview names each Executive sign-off block's person as the PDF
does: the executive the sheet is addressed to, or whoever a recorded answer was signed by."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.services.decision_sheet.decision_sheet_service import (
    decision_sheet_service_for,
    render_sheet,
)
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel
from tests.conftest import PASSPHRASE
from tests.exports.pdf_reading import all_text
from tests.fakes import ImmediateRunner, RecordingMessages, RecordingOpener, ScriptedFileDialogs
from tests.services.decision_sheet.sign_off_blocks import (
    DEPUTY,
    EXECUTIVES,
    record_executives,
    sign_off_blocks,
)

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)


def _preview(qtbot: QtBot, session: Session, case_id: int) -> str:
    """The Decision sheet tab opened on the case: the words its preview shows."""
    sheets = decision_sheet_service_for(session)
    panel = DecisionSheetPanel(
        case_id,
        sheets,
        SignOffDrafts(session, sheets),
        RecordingMessages(),
        ScriptedFileDialogs(passwords=[PASSPHRASE]),
        RecordingOpener(),
        ImmediateRunner(),
        lambda: TODAY,
        lambda: NOW,
    )
    qtbot.addWidget(panel)
    panel.show()
    return panel.preview.toPlainText()


def _pdf(session: Session, case_id: int) -> str:
    sheets = decision_sheet_service_for(session)
    return all_text(render_sheet(sheets.prepare(case_id, TODAY).content, sheets.template()))


def test_the_preview_names_each_partners_executive_as_the_pdf_does(
    qtbot: QtBot, session: Session, decided_case: int
) -> None:
    record_executives(session)

    shown = sign_off_blocks(_preview(qtbot, session, decided_case))

    assert shown == EXECUTIVES
    assert shown == sign_off_blocks(_pdf(session, decided_case))


def test_the_preview_names_whoever_a_recorded_answer_was_signed_by(
    qtbot: QtBot, session: Session, decided_case: int
) -> None:
    record_executives(session, without="Health")
    meetings = MeetingService(session)
    assert meetings.record_sent_for_sign_off(decided_case, TODAY)
    meeting = meetings.load(decided_case)
    sign_off = meeting.sign_off.agree(
        StatutoryPartner.POLICE, TODAY, signed_by=DEPUTY[0], role=DEPUTY[1]
    )
    meetings.save(decided_case, meeting.with_sign_off(sign_off), "The police answered")

    shown = sign_off_blocks(_preview(qtbot, session, decided_case))

    assert shown == {**EXECUTIVES, "Police": DEPUTY, "Health": ("", "")}
    assert shown == sign_off_blocks(_pdf(session, decided_case))
