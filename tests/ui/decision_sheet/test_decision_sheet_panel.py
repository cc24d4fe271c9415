"""The Decision sheet tab: preview, sign and save, versions, verify, email for sign-off."""

from __future__ import annotations

import email
import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from email import policy
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from rrdesk.exports.signatures.verification import NotSignedError, verify_pdf
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel
from rrdesk.ui.shell.tasks import TaskRunner, TaskStarter
from tests.builders import HEALTH, LA, POLICE, email_of
from tests.conftest import PASSPHRASE
from tests.exports.pdf_reading import page_texts
from tests.fakes import ImmediateRunner, RecordingMessages, RecordingOpener, ScriptedFileDialogs

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)


class _Tab:
    def __init__(
        self,
        qtbot,  # type: ignore[no-untyped-def]
        session: Session,
        case_id: int,
        *,
        save: list[Path | None] | None = None,
        opener_works: bool = True,
        runner: TaskStarter | None = None,
        shown: bool = True,
    ) -> None:
        self.case_id = case_id
        self.sheets = decision_sheet_service_for(session)
        self.messages = RecordingMessages()
        self.dialogs = ScriptedFileDialogs(save=save, passwords=[PASSPHRASE])
        self.opener = RecordingOpener(works=opener_works)
        self.runner = ImmediateRunner()
        self.panel = DecisionSheetPanel(
            self.case_id,
            self.sheets,
            SignOffDrafts(session, self.sheets),
            self.messages,
            self.dialogs,
            self.opener,
            runner or self.runner,
            lambda: TODAY,
            lambda: NOW,
        )
        qtbot.addWidget(self.panel)
        self.panel.resize(1100, 700)
        if shown:
            self.panel.show()

    def click(self, qtbot, button) -> None:  # type: ignore[no-untyped-def]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def version_texts(self) -> list[str]:
        return [self.panel.versions.item(i).text() for i in range(self.panel.versions.count())]


def test_preview_then_sign_and_save_where_chosen(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    target = tmp_path / "chosen" / "sheet.pdf"
    target.parent.mkdir()
    tab = _Tab(qtbot, session, decided_case, save=[target])
    reference = tab.sheets.reference(tab.case_id)
    assert reference == "RR-2026-051"  # as the set-up recorded it
    preview = tab.panel.preview.toPlainText()
    assert f"Decision sheet: {reference}, version 1" in preview
    assert "OFFICIAL-SENSITIVE" in preview
    assert "The vote" in preview
    assert "sign and save version 1" in tab.panel.status.text()
    assert tab.version_texts() == ["No signed version yet."]
    assert not tab.panel.email_button.isEnabled()

    with qtbot.waitSignal(tab.panel.sheet_signed) as signed:
        tab.click(qtbot, tab.panel.sign_button)
    assert signed.args == [1]
    assert tab.dialogs.asked[-1][1] == f"{reference} decision sheet v1.pdf"
    assert sorted(p.name for p in target.parent.iterdir()) == ["sheet.pdf"]
    result = verify_pdf(target.read_bytes(), tab.sheets.signing.certificate_pem())
    assert result.valid, result.verdict
    assert tab.messages.shown[-1][1] == "Decision sheet signed"
    assert tab.version_texts()[0].startswith("Version 1, signed")
    assert "Version 1 is signed and the record has not changed" in tab.panel.status.text()
    assert tab.panel.sign_button.text() == "Save version 1 again…"
    assert not tab.panel.progress.isVisible()


def test_saving_an_unchanged_record_again_gives_the_same_sheet(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    first, second = tmp_path / "one.pdf", tmp_path / "two.pdf"
    tab = _Tab(qtbot, session, decided_case, save=[first, second])
    tab.click(qtbot, tab.panel.sign_button)
    tab.click(qtbot, tab.panel.sign_button)
    assert first.read_bytes() == second.read_bytes()
    assert tab.panel.versions.count() == 1
    assert "this is version 1 as signed before" in tab.messages.texts[-1]


def test_the_preview_is_made_as_the_tab_is_built_and_not_again_as_it_is_first_shown(
    qtbot, session: Session, decided_case: int
) -> None:
    tab = _Tab(qtbot, session, decided_case, shown=False)
    made: list[str] = []
    tab.panel.preview.textChanged.connect(lambda: made.append(tab.panel.preview.toPlainText()))
    tab.panel.show()
    assert made == []
    assert "Check the preview, then sign and save version 1" in tab.panel.status.text()
    assert "Decision sheet: RR-" in tab.panel.preview.toPlainText()
    tab.panel.hide()
    tab.panel.show()  # coming back to the tab reads the record again
    assert made
    assert "Decision sheet: RR-" in made[-1]


def test_a_changed_record_signs_version_two_and_keeps_both(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    tab = _Tab(qtbot, session, decided_case, save=[tmp_path / "v1.pdf", tmp_path / "v2.pdf"])
    tab.click(qtbot, tab.panel.sign_button)
    meetings = MeetingService(session)
    meeting = meetings.load(tab.case_id)
    meetings.save(tab.case_id, replace(meeting, place="Town Hall"), "Place")
    tab.panel.hide()
    tab.panel.show()  # coming back to the tab reads the record again
    assert "The record has changed since version 1" in tab.panel.status.text()
    assert "Venue changed" in tab.panel.status.text()
    assert "What changed since the last version" in tab.panel.preview.toPlainText()
    tab.click(qtbot, tab.panel.sign_button)
    texts = tab.version_texts()
    assert len(texts) == 2
    assert texts[0].startswith("Version 2, signed")
    assert "Changes since version 1: Venue changed" in texts[0]
    assert (tmp_path / "v1.pdf").read_bytes() == tab.sheets.versions(tab.case_id)[0].body


def test_verify_the_selected_version(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    tab = _Tab(qtbot, session, decided_case, save=[tmp_path / "sheet.pdf"])
    tab.click(qtbot, tab.panel.sign_button)
    tab.click(qtbot, tab.panel.verify_button)
    lines = tab.panel.verify_result.text().splitlines()
    assert lines[0].startswith("Version 1. Valid: signed with the trusted certificate")
    # Every signature in the plain words of Settings > Check a signed PDF and rrdesk verify.
    assert lines[2] == "Signature 1: the partnership's, certifying the sheet"
    assert lines[3].startswith(f"Signed by {session.partnership} on ")
    assert lines[4] == "Certificate fingerprint (SHA-256):"
    # The fingerprint in two halves, to fit the column.
    assert re.fullmatch(r"[0-9A-F]{2}(:[0-9A-F]{2}){31}", lines[5] + lines[6]), lines[5:7]
    assert lines[-1] == "Intact, and made with the partnership's certificate."


@pytest.mark.parametrize("opener_works", [True, False], ids=["mail program opens", "it fails"])
def test_email_for_sign_off(
    qtbot, session: Session, decided_case: int, tmp_path: Path, opener_works: bool
) -> None:
    draft = tmp_path / "sign-off.eml"
    tab = _Tab(
        qtbot,
        session,
        decided_case,
        save=[tmp_path / "sheet.pdf", draft],
        opener_works=opener_works,
    )
    tab.click(qtbot, tab.panel.sign_button)
    with qtbot.waitSignal(tab.panel.sign_off_email_saved):
        tab.click(qtbot, tab.panel.email_button)
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    reference = tab.sheets.reference(tab.case_id)
    assert message["Subject"] == (
        f"OFFICIAL-SENSITIVE: Rapid Review decision sheet {reference} for sign-off"
    )
    assert message["X-Unsent"] == "1"
    assert tab.opener.opened == [draft]
    recipients = SignOffDrafts(session, tab.sheets).recipients()
    # No executive in the directory: each statutory partner's agency is written to.
    assert [(r.name, r.email) for r in recipients] == [
        (agency, email_of(agency)) for agency in (LA, POLICE, HEALTH)
    ]
    for recipient in recipients:
        assert recipient.name in tab.panel.email_recipients.text()
        assert recipient.email in str(message["To"])
    if opener_works:
        assert tab.opener.folders == []
    else:
        assert tab.opener.folders == [tmp_path]
        assert "did not open the draft" in tab.messages.texts[-1]
        assert str(tmp_path) in tab.messages.texts[-1]


def test_preview_in_the_pdf_reader_is_saved_where_chosen_and_not_signed(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    target = tmp_path / "preview.pdf"
    tab = _Tab(qtbot, session, decided_case, save=[target])
    tab.click(qtbot, tab.panel.preview_pdf_button)
    assert "PREVIEW not signed" in tab.dialogs.asked[-1][1]
    assert tab.opener.opened == [target]
    with pytest.raises(NotSignedError):
        verify_pdf(target.read_bytes())
    pdf = target.read_bytes()
    pages = page_texts(pdf)
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert "PREVIEW — NOT SIGNED" in page, f"page {number} is not marked a preview"
    assert PdfReader(io.BytesIO(pdf)).metadata.title.startswith("PREVIEW — NOT SIGNED: ")
    assert tab.version_texts() == ["No signed version yet."]


def test_stopping_signs_and_saves_nothing(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    target = tmp_path / "sheet.pdf"
    tab = _Tab(qtbot, session, decided_case, save=[target])
    tab.runner.cancel_requested = True  # the person pressed Stop while it rendered
    tab.click(qtbot, tab.panel.sign_button)
    assert tab.panel.status.text() == "Stopped. Nothing was signed or saved."
    assert not target.exists()
    assert tab.sheets.versions(tab.case_id) == []
    assert tab.panel.sign_button.isEnabled()


def test_a_case_without_a_decision_cannot_be_signed(
    qtbot, session: Session, booked_case: int
) -> None:
    tab = _Tab(qtbot, session, booked_case)
    assert not tab.panel.sign_button.isEnabled()
    assert not tab.panel.preview_pdf_button.isEnabled()
    assert "no recorded decision" in tab.panel.status.text()
    assert "Enter where the meeting was held" in tab.panel.status.text()


def test_a_dialog_cancelled_saves_nothing(qtbot, session: Session, decided_case: int) -> None:
    tab = _Tab(qtbot, session, decided_case, save=[None])
    tab.click(qtbot, tab.panel.sign_button)
    assert tab.sheets.versions(tab.case_id) == []
    assert tab.messages.shown == []


def test_signing_runs_off_the_ui_thread_with_progress(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    target = tmp_path / "sheet.pdf"
    runner = TaskRunner()
    tab = _Tab(qtbot, session, decided_case, save=[target], runner=runner)
    seen: list[tuple[int, int]] = []
    tab.panel.progress.valueChanged.connect(
        lambda value: seen.append((value, tab.panel.progress.maximum()))
    )
    with qtbot.waitSignal(tab.panel.sheet_signed, timeout=30_000):
        tab.click(qtbot, tab.panel.sign_button)
        assert tab.panel.progress.isVisible()
        assert not tab.panel.sign_button.isEnabled()
    assert runner.wait()
    assert target.exists()
    assert seen
    assert not tab.panel.progress.isVisible()
    assert tab.panel.sign_button.isEnabled()
