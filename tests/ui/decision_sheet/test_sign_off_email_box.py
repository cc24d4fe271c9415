"""Who the email for sign-off goes to: each partner's executive, and the panel only if chosen;
and a version out of date (a newer one signed, or the record changed since) said so, and asked
about before it is emailed."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import UTC, date, datetime
from email import policy
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from rrdesk.domain.cases.directory import Member, StatutoryPartner
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel
from rrdesk.ui.decision_sheet.sign_off_email_box import SignOffEmailBox
from tests.conftest import PASSPHRASE
from tests.fakes import ImmediateRunner, RecordingMessages, RecordingOpener, ScriptedFileDialogs

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
        lambda: TODAY,
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


def _tab(  # type: ignore[no-untyped-def]
    qtbot,
    session: Session,
    case_id: int,
    messages: RecordingMessages,
    dialogs: ScriptedFileDialogs,
) -> DecisionSheetPanel:
    """The whole Decision sheet tab, shown, so versions are signed and chosen as a person would."""
    sheets = decision_sheet_service_for(session)
    panel = DecisionSheetPanel(
        case_id,
        sheets,
        SignOffDrafts(session, sheets),
        messages,
        dialogs,
        RecordingOpener(works=True),
        ImmediateRunner(),
        lambda: TODAY,
        lambda: NOW,
    )
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    return panel


def _click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _choose_version(qtbot, panel: DecisionSheetPanel, number: int) -> None:  # type: ignore[no-untyped-def]
    versions = panel.versions
    item = next(
        versions.item(row)
        for row in range(versions.count())
        if versions.item(row).text().startswith(f"Version {number},")
    )
    place = versions.visualItemRect(item).center()
    qtbot.mouseClick(versions.viewport(), Qt.MouseButton.LeftButton, pos=place)
    chosen = panel.selected_version()
    assert chosen is not None
    assert chosen.version == number


def _assert_warned(panel: DecisionSheetPanel, words: str) -> None:
    """The chosen version's being out of date is its own warning line, straight under who the
    email goes to, not words at the end of that grey hint."""
    note = panel.email_out_of_date
    assert note.isVisible()
    assert note.text() == words
    assert note.property("role") == "warning"
    assert "out of date" not in panel.email_recipients.text()
    recipients = panel.email_recipients.geometry()
    assert note.geometry().top() >= recipients.bottom()
    assert note.geometry().top() - recipients.bottom() < 20


def _emails_asked(dialogs: ScriptedFileDialogs) -> int:
    return sum(title == "Save the email for sign-off" for title, _name in dialogs.asked)


def test_a_version_naming_an_executive_since_changed_asks_before_it_is_emailed(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    _add_executives(session)
    draft = tmp_path / "sign-off.eml"
    messages = RecordingMessages(confirm_answer=False)
    dialogs = ScriptedFileDialogs(save=[tmp_path / "v1.pdf", draft], passwords=[PASSPHRASE])
    panel = _tab(qtbot, session, decided_case, messages, dialogs)
    _click(qtbot, panel.sign_button)
    assert "out of date" not in panel.email_recipients.text()
    assert not panel.email_out_of_date.isVisible()

    directory = DirectoryService(session)  # the police's executive changes in the Directory
    police = next(m for m in directory.members() if m.name == "Idris Exec-Police")
    directory.save_member(replace(police, name="Nia Exec-Police", email="nia@exec.example"))
    panel.hide()
    panel.show()  # coming back to the tab reads the record again

    text = panel.email_recipients.text()
    assert "Nia Exec-Police (police)" in text
    assert "out of date" not in text  # said on its own line, not at the end of the hint
    _assert_warned(panel, "Version 1, chosen, is out of date: sign version 2 first.")
    _click(qtbot, panel.email_button)
    assert messages.shown[-1] == (
        "confirm",
        "Email for sign-off",
        "Version 1 is out of date. The record has changed since it was signed: Police executive "
        "changed from Idris Exec-Police, Executive to Nia Exec-Police, Executive. Sign and save "
        "version 2 first, so that the sheet names the people it goes to.",
    )
    assert messages.confirm_buttons[-1] == ("Email version 1 anyway", "Cancel")
    assert messages.confirm_defaults[-1] == "Cancel"
    assert _emails_asked(dialogs) == 0  # Cancel asks for no file and writes none
    assert not draft.exists()

    messages.confirm_answer = True
    with qtbot.waitSignal(panel.sign_off_email_saved) as saved:
        _click(qtbot, panel.email_button)
    assert saved.args == [1]
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert "nia@exec.example" in str(message["To"])
    assert [part.get_filename() for part in message.iter_attachments()] == [
        "RR-2026-051 decision sheet v1.pdf"
    ]


def test_an_older_version_chosen_is_out_of_date_and_the_newest_is_emailed_without_asking(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    _add_executives(session)
    draft = tmp_path / "sign-off v2.eml"
    messages = RecordingMessages(confirm_answer=False)
    dialogs = ScriptedFileDialogs(
        save=[tmp_path / "v1.pdf", tmp_path / "v2.pdf", draft], passwords=[PASSPHRASE]
    )
    panel = _tab(qtbot, session, decided_case, messages, dialogs)
    _click(qtbot, panel.sign_button)
    meetings = MeetingService(session)
    meetings.save(decided_case, replace(meetings.load(decided_case), place="Town Hall"), "Place")
    panel.hide()
    panel.show()
    _assert_warned(panel, "Version 1, chosen, is out of date: sign version 2 first.")
    _click(qtbot, panel.sign_button)  # version 2, now the newest and chosen

    assert "out of date" not in panel.email_recipients.text()
    assert not panel.email_out_of_date.isVisible()
    with qtbot.waitSignal(panel.sign_off_email_saved) as saved:
        _click(qtbot, panel.email_button)
    assert saved.args == [2]
    assert not any(kind == "confirm" for kind, _title, _text in messages.shown)
    assert draft.exists()

    _choose_version(qtbot, panel, 1)
    _assert_warned(panel, "Version 1, chosen, is out of date: version 2 is newer.")
    _click(qtbot, panel.email_button)
    assert messages.shown[-1] == (
        "confirm",
        "Email for sign-off",
        "Version 1 is out of date: version 2 is newer. Choose version 2 in the list and email "
        "that instead.",
    )
    assert _emails_asked(dialogs) == 1  # only version 2's
    assert [p.name for p in tmp_path.glob("*.eml")] == ["sign-off v2.eml"]
