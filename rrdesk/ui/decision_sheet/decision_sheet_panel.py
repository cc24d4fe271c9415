"""A case's "Decision sheet" tab: preview, sign and save, every version, verify, email.

Rendering and signing run through the task runner with a progress bar and a Stop button; the
file is written only where the person chose.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.errors import UserError
from rrdesk.services.decision_sheet.decision_sheet_service import (
    DecisionSheetService,
    ExportedDocument,
    NoDecisionYetError,
    RenderCancelled,
    SheetExport,
    SheetNotReadyError,
    render_sheet,
)
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.services.partnership.signing_service import (
    CREATED,
    PASSPHRASE_QUESTION,
    SigningIdentityError,
    SigningService,
    VerificationError,
)
from rrdesk.ui.decision_sheet.sheet_preview import sheet_preview_html
from rrdesk.ui.decision_sheet.sheet_signing import SheetToSign, SignedSheet, signing_work
from rrdesk.ui.decision_sheet.sheet_task_bar import SheetTaskBar, Work
from rrdesk.ui.decision_sheet.sheet_versions_box import SheetVersionsBox, action_button
from rrdesk.ui.decision_sheet.sign_off_email_box import SignOffEmailBox
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.kit.scrolling_page import page_scroll
from rrdesk.ui.shell.file_dialogs import PDF_FILES, DesktopOpener, FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskStarter

log = logging.getLogger(__name__)


class DecisionSheetPanel(QWidget):
    sheet_signed = Signal(int)
    """A new or re-saved signed version (its number)."""
    sign_off_email_saved = Signal(int)
    """The .eml draft for this version number was written."""

    def __init__(
        self,
        case_id: int,
        sheets: DecisionSheetService,
        drafts: SignOffDrafts,
        messages: Messages,
        dialogs: FileDialogs,
        opener: DesktopOpener,
        runner: TaskStarter,
        today: Callable[[], date],
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decision_sheet_panel")
        self._case_id = case_id
        self._sheets = sheets
        self._signing: SigningService = sheets.signing
        self._messages = messages
        self._dialogs = dialogs
        self._opener = opener
        self._today = today
        self._now = now
        self._ready, self._unseen = False, True

        self.status = QLabel()
        self.status.setObjectName("sheet_status")
        self.status.setAccessibleName("Decision sheet status")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "inset")
        self.preview = QTextBrowser()
        self.preview.setObjectName("sheet_preview")
        self.preview.setAccessibleName("Preview of the decision sheet")
        self.preview.setOpenLinks(False)
        self.preview_pdf_button = action_button(
            "Open the preview in your PDF reader…", "preview_pdf"
        )
        self.sign_button = action_button("Sign and save…", "sign_and_save", primary=True)
        self.task_bar = SheetTaskBar(runner)
        self.progress = self.task_bar.progress
        self.cancel_button = self.task_bar.cancel_button
        self.versions_box = SheetVersionsBox(
            lambda: sheets.reference(case_id), self._signing, self.task_bar, messages, dialogs
        )
        self.versions = self.versions_box.versions
        self.save_copy_button = self.versions_box.save_copy_button
        self.verify_button = self.versions_box.verify_button
        self.verify_result = self.versions_box.verify_result
        self.email_box = SignOffEmailBox(case_id, drafts, messages, dialogs, opener, today)
        self.email_button = self.email_box.email_button
        self.email_recipients = self.email_box.recipients
        self.email_out_of_date = self.email_box.out_of_date_note

        self._build()
        self._connect_signals()
        self._set_running(False)
        self.refresh()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Decision sheet", level=2, object_name="sheet_heading"))
        layout.addWidget(self.status)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Preview: what the sheet will say</b>"))
        left_layout.addWidget(self.preview, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.sign_button)
        actions.addWidget(self.preview_pdf_button)
        actions.addStretch(1)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.task_bar)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>Signed versions</b>"))
        right_layout.addWidget(
            hint_label("Every version is kept. A changed record makes a new version.")
        )
        right_layout.addWidget(self.versions)
        # Two rows, so the column keeps every button whole beside the preview at 1024 pixels.
        email_row = QHBoxLayout()
        email_row.addWidget(self.email_button)
        email_row.addStretch(1)
        right_layout.addLayout(email_row)
        version_buttons = QHBoxLayout()
        version_buttons.addWidget(self.verify_button)
        version_buttons.addWidget(self.save_copy_button)
        version_buttons.addStretch(1)
        right_layout.addLayout(version_buttons)
        right_layout.addWidget(self.verify_result)
        right_layout.addWidget(self.email_box)
        right_layout.addStretch(1)
        # Every signature's words with a fingerprint each can outgrow the window: they scroll.
        right_scroll = page_scroll(right)
        right_scroll.setObjectName("sheet_versions_scroll")
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.sign_button.clicked.connect(self._on_sign_clicked)
        self.preview_pdf_button.clicked.connect(self._on_preview_pdf_clicked)
        self.task_bar.running_changed.connect(self._set_running)
        self.email_box.email_saved.connect(self.sign_off_email_saved)
        self.versions_box.version_chosen.connect(self._on_version_chosen)

    # --- showing --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.task_bar.busy and not self._unseen:
            self.refresh()  # the Meeting tab may have changed the record
        self._unseen = False  # read as it was built, just before its first showing

    def refresh(self) -> None:
        self.email_box.refresh()
        self.versions_box.show_documents(self._sheets.versions(self._case_id))
        try:
            export = self._sheets.prepare(self._case_id, self._today())
        except SheetNotReadyError as error:
            self._ready = False
            self._show_not_ready(error)
            return
        self._ready = True
        self.sign_button.setEnabled(not self.task_bar.busy)
        self.preview_pdf_button.setEnabled(not self.task_bar.busy)
        self.preview.setHtml(sheet_preview_html(export.content, self._sheets.template()))
        number = export.version.number
        if export.is_new_version and number == 1:
            self.status.setText(
                "The record is complete. Check the preview, then sign and save version 1."
            )
            self.sign_button.setText("Sign and save…")
        elif export.is_new_version:
            self.status.setText(
                f"The record has changed since version {number - 1}. Signing makes version "
                f"{number}. Changes: " + "; ".join(export.version.changes) + "."
            )
            self.sign_button.setText(f"Sign and save version {number}…")
        else:
            self.status.setText(
                f"Version {number} is signed and the record has not changed since. Saving it "
                "again gives the same signed sheet."
            )
            self.sign_button.setText(f"Save version {number} again…")

    def _show_not_ready(self, error: SheetNotReadyError) -> None:
        self.sign_button.setEnabled(False)
        self.preview_pdf_button.setEnabled(False)
        shown = error.problems[:5]
        more = len(error.problems) - len(shown)
        items = "".join(f"<li>{escape(problem)}</li>" for problem in shown)
        if more:
            items += f"<li>and {more} more</li>"
        headline = escape(error.message) if isinstance(error, NoDecisionYetError) else ""
        self.status.setText(
            f"{headline or 'The sheet cannot be signed yet.'} Still to do on the Meeting tab:"
            f"<ul style='margin:0'>{items}</ul>"
            if items
            else escape(error.message)
        )
        self.preview.setHtml(
            "<p><i>The preview appears when the meeting record is complete.</i></p>"
        )

    def selected_version(self) -> ExportedDocument | None:
        return self.versions_box.selected_version()

    def _on_version_chosen(self, document: ExportedDocument | None) -> None:
        self.email_box.set_document(document)
        chosen = document is not None and not self.task_bar.busy
        self.versions_box.set_buttons_enabled(chosen)
        self.email_button.setEnabled(chosen)

    # --- sign and save --------------------------------------------------------------------

    def _prepare(self, title: str) -> SheetExport | None:
        try:
            return self._sheets.prepare(self._case_id, self._today())
        except SheetNotReadyError as error:
            self._messages.error(self, title, str(error))
            self.refresh()
            return None

    def _on_sign_clicked(self) -> None:
        export = self._prepare("Sign the decision sheet")
        if export is None:
            return
        passphrase = None  # asked once a session: opening the store is not enough to sign
        if export.frozen is None and self._signing.needs_passphrase():
            passphrase = self._dialogs.password(
                self, "Sign the decision sheet", PASSPHRASE_QUESTION
            )
            if passphrase is None:
                return
        path = self._dialogs.save_file(
            self, "Save the signed decision sheet", export.file_name, PDF_FILES
        )
        if path is None:
            return
        if export.frozen is not None:
            self._write(path, export.frozen.body, "Save the decision sheet")
            self._messages.info(
                self,
                "Decision sheet saved",
                f"The record has not changed, so this is version {export.version.number} as "
                f"signed before. Saved to {path}.",
            )
            self.sheet_signed.emit(export.version.number)
            return
        try:  # quick: the key, if opened earlier this session, and what opening it needs
            identity = None if passphrase is not None else self._signing.identity()
            lock = self._signing.key_lock()
        except UserError as error:
            self._messages.error(self, "The decision sheet was not signed", str(error))
            return
        sheet = SheetToSign(
            export.content,
            self._sheets.template(),
            self._sheets.partnership,
            self._sheets.audit_record(),
            self._now(),
        )
        self._start(
            "Preparing and signing the sheet…",
            signing_work(sheet, lock, identity=identity, passphrase=passphrase),
            lambda result: self._on_signed(export, path, result),
        )

    def _on_signed(self, export: SheetExport, path: Path, result: SignedSheet) -> None:
        try:
            if result.opened is not None:
                self._signing.remember(result.opened)
            if result.new_identity is not None:
                self._signing.keep_wrapped(result.new_identity, CREATED, result.wrapped)
        except UserError as error:
            self._messages.error(self, "The decision sheet was not signed", str(error))
            return
        kept = self._sheets.keep(export, result.body)
        self.refresh()
        if not self._write(path, kept.body, "Save the decision sheet", kept_in_store=True):
            return
        self._messages.info(
            self,
            "Decision sheet signed",
            f"Signed version {kept.version} for {self._sheets.partnership} and saved it to "
            f"{path}. rrdesk keeps a copy of every version.",
        )
        self.sheet_signed.emit(kept.version)

    def _on_preview_pdf_clicked(self) -> None:
        export = self._prepare("Preview the decision sheet")
        if export is None:
            return
        path = self._dialogs.save_file(
            self, "Save the preview (not signed)", export.preview_file_name, PDF_FILES
        )
        if path is None:
            return
        content = export.content
        template = self._sheets.template()

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> bytes:
            return render_sheet(content, template, progress, cancelled, preview=True)

        self._start("Preparing the preview…", work, lambda body: self._on_preview_ready(path, body))

    def _on_preview_ready(self, path: Path, body: bytes) -> None:
        if not self._write(path, body, "Preview the decision sheet"):
            return
        if not self._opener.open_file(path):
            self._messages.info(
                self,
                "Preview saved",
                f"No PDF reader opened it. The preview is saved at {path}: open it from there.",
            )

    # --- running --------------------------------------------------------------------------

    def _start(self, label: str, work: Work, done: Callable[[Any], None]) -> None:
        self.task_bar.start(label, work, done, self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, RenderCancelled):
            self.status.setText("Stopped. Nothing was signed or saved.")
            return
        if isinstance(error, VerificationError):
            self.versions_box.show_failure(error)
            return
        if isinstance(error, SigningIdentityError):
            note = f"{error.message}. Nothing was signed."
            self._messages.error(self, "Signing certificate", note)
            return
        if isinstance(error, UserError):  # a wrong passphrase, found as the key was opened
            self._messages.error(self, "The decision sheet was not signed", str(error))
            return
        raise error  # a bug: the crash dialog reports it

    def _set_running(self, running: bool) -> None:
        self.sign_button.setEnabled(not running and self._ready)
        self.preview_pdf_button.setEnabled(not running and self._ready)
        chosen = not running and self.selected_version() is not None
        self.versions_box.set_buttons_enabled(chosen)
        self.email_button.setEnabled(chosen)

    def _write(self, path: Path, data: bytes, title: str, *, kept_in_store: bool = False) -> bool:
        try:
            write_exported_file(path, data)
        except FileNotSavedError as error:
            extra = " rrdesk has kept the signed version: use Save a copy." if kept_in_store else ""
            self._messages.error(self, title, error.message + extra)
            return False
        return True
