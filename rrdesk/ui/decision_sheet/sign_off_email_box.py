"""The decision sheet's "Email for sign-off": who it goes to, whether the panel is copied in, and
the .eml draft of a signed version, opened in the person's mail program.

A version that is not what the record would sign now (a newer one is signed, or the record has
changed since) is said to be out of date, on its own warning line under who the email goes to,
while it is chosen, and emailing it asks first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from rrdesk.services.decision_sheet.decision_sheet_service import ExportedDocument
from rrdesk.services.decision_sheet.sign_off_drafts import (
    OutOfDate,
    SignOffDraftError,
    SignOffDrafts,
    SignOffRecipient,
)
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.ui.kit.form_widgets import hint_label
from rrdesk.ui.shell.file_dialogs import EMAIL_FILES, DesktopOpener, FileDialogs
from rrdesk.ui.shell.messages import Messages

_PHRASES = {"Local authority": "the local authority", "Police": "the police", "Health": "health"}
_COPY_HINTS = {
    True: (
        "The statutory partners' voting panel members are copied in to the email for sign-off, "
        "for every case. Untick to send it to the executives only."
    ),
    False: (
        "The email for sign-off goes to the executives only. Tick to copy in the statutory "
        "partners' voting panel members, for every case."
    ),
}


def recipient_words(recipients: list[SignOffRecipient]) -> str:
    """``Morwenna Tregear (local authority), Bryn Rees (police)``."""
    return ", ".join(f"{r.name} ({r.partner.lower()})" for r in recipients)


class SignOffEmailBox(QWidget):
    email_saved = Signal(int)
    """The .eml draft for this version number was written."""

    def __init__(
        self,
        case_id: int,
        drafts: SignOffDrafts,
        messages: Messages,
        dialogs: FileDialogs,
        opener: DesktopOpener,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sign_off_email_box")
        self._case_id = case_id
        self._drafts = drafts
        self._messages = messages
        self._dialogs = dialogs
        self._opener = opener
        self._today = today
        self._document: ExportedDocument | None = None
        self._who, self._anyone = "", False
        """Who the email goes to, in words, and whether anyone: then whether the chosen version
        is out of date is said under it."""

        self.email_button = QPushButton("Email for sign-off…")
        self.email_button.setObjectName("email_for_sign_off")
        self.email_button.setAccessibleName("Email for sign-off")
        self.email_button.setProperty("role", "primary")
        self.recipients = hint_label("")
        self.recipients.setObjectName("sign_off_recipients")
        self.recipients.setAccessibleName("Who the email for sign-off goes to")
        self.out_of_date_note = QLabel()
        self.out_of_date_note.setObjectName("sign_off_out_of_date")
        self.out_of_date_note.setWordWrap(True)
        self.out_of_date_note.setProperty("role", "warning")
        self.out_of_date_note.hide()
        # A tick box cannot wrap its words: short, with the rest in a hint that can.
        self.copy_panel = QCheckBox("Copy the panel in")
        self.copy_panel.setObjectName("sign_off_copy_panel")
        self.copy_panel.setAccessibleName("Copy the panel in to sign-off emails")
        self.copy_panel_hint = hint_label(_COPY_HINTS[False])
        self.copy_panel_hint.setObjectName("sign_off_copy_panel_hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.recipients)
        layout.addWidget(self.out_of_date_note)
        layout.addWidget(self.copy_panel)
        layout.addWidget(self.copy_panel_hint)
        self.email_button.clicked.connect(self._on_email_clicked)
        self.copy_panel.toggled.connect(self._on_copy_panel_toggled)

    def refresh(self) -> None:
        self.copy_panel.blockSignals(True)
        self.copy_panel.setChecked(self._drafts.copies_panel())
        self.copy_panel.blockSignals(False)
        self.copy_panel_hint.setText(_COPY_HINTS[self.copy_panel.isChecked()])
        recipients = self._drafts.recipients(self._case_id)
        self._who, self._anyone = self._who_it_goes_to(recipients), bool(recipients)
        self._show_recipients()

    def _show_recipients(self) -> None:
        stale = self._out_of_date() if self._anyone else None
        self.recipients.setText(self._who)
        self.out_of_date_note.setText("" if stale is None else stale.note)
        self.out_of_date_note.setVisible(stale is not None)

    def _out_of_date(self) -> OutOfDate | None:
        if self._document is None:
            return None
        return self._drafts.out_of_date(self._case_id, self._document, self._today())

    def _who_it_goes_to(self, recipients: list[SignOffRecipient]) -> str:
        answered = self._drafts.answered(self._case_id)
        if answered and not recipients:
            return "Every partner has answered, so there is nobody left to email for sign-off."
        if not recipients:
            return (
                "Nobody to email yet: record each statutory partner's executive lead in the "
                "Directory."
            )
        text = "The email for sign-off goes to " + recipient_words(recipients) + "."
        if answered:
            who = ", ".join(
                f"{a.name} ({a.partner.lower()})" if a.name else a.partner for a in answered
            )
            verb = "has" if len(answered) == 1 else "have"
            text += f" Not to {who}, who {verb} answered already."
        copied = self._drafts.copied()
        if copied:
            text += f" Copied in: {recipient_words(copied)}."
        missing = [_PHRASES.get(p, p.lower()) for p in self._drafts.missing_executives()]
        if missing:
            named = " and ".join(
                [", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing
            )
            text += (
                f" No executive is recorded for {named}: the email goes to the agency's own "
                "address. Record them in the Directory."
            )
        return text + " You can change this in your mail program before sending."

    def set_document(self, document: ExportedDocument | None) -> None:
        """The signed version the email will carry, or None when none is chosen."""
        self._document = document
        self._show_recipients()

    def _on_copy_panel_toggled(self, checked: bool) -> None:
        self._drafts.set_copies_panel(checked)
        self.refresh()

    def _on_email_clicked(self) -> None:
        document = self._document
        if document is None:
            return
        try:
            draft = self._drafts.build(self._case_id, document)
        except SignOffDraftError as error:
            self._messages.error(self, "Email for sign-off", str(error))
            return
        stale = self._out_of_date()
        if stale is not None and not self._messages.confirm(
            self,
            "Email for sign-off",
            stale.question,
            yes=stale.send_anyway,
            no="Cancel",
            default_yes=False,
        ):
            return
        path = self._dialogs.save_file(
            self,
            "Save the email for sign-off",
            self._drafts.file_name(self._case_id, document),
            EMAIL_FILES,
        )
        if path is None:
            return
        try:
            write_exported_file(path, draft)
        except FileNotSavedError as error:
            self._messages.error(self, "Email for sign-off", error.message)
            return
        self.email_saved.emit(document.version)
        if self._opener.open_file(path):
            return
        self._opener.show_folder(path)
        self._messages.info(
            self,
            "Email for sign-off",
            f"Your mail program did not open the draft, so rrdesk has opened the folder that "
            f"holds it: {path.parent}. Open {path.name} from there, or attach the signed sheet "
            "to an email yourself.",
        )
