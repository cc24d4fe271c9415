"""A case's "Decision sheet" tab: preview, sign and save, every version, verify, email.

Rendering and signing run through the task runner with a progress bar and a Stop button; the
file is written only where the person chose.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.decision_sheet.decision_sheet_service import (
    DecisionSheetService,
    ExportedDocument,
    NoDecisionYetError,
    RenderCancelled,
    SheetExport,
    SheetNotReadyError,
    render_sheet,
    sign_sheet,
)
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDraftError, SignOffDrafts
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.services.partnership.signing_service import (
    CREATED,
    SigningIdentityError,
    SigningService,
    VerificationError,
    signing_time_words,
    verify_against,
)
from rrdesk.ui.decision_sheet.sheet_preview import sheet_preview_html
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.shell.file_dialogs import EMAIL_FILES, PDF_FILES, DesktopOpener, FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskHandle, TaskStarter

log = logging.getLogger(__name__)
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


@dataclass(frozen=True)
class _Signed:
    body: bytes
    new_identity: Any


def _button(text: str, name: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.rstrip("…"))
    if primary:
        button.setProperty("role", "primary")
    return button


def _exported_on(document: ExportedDocument) -> str:
    try:
        return format_date(datetime.fromisoformat(document.created_at).date())
    except ValueError:
        return document.created_at


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
        self._drafts = drafts
        self._messages = messages
        self._dialogs = dialogs
        self._opener = opener
        self._runner = runner
        self._today = today
        self._now = now
        self._task: TaskHandle | None = None
        self._versions: list[ExportedDocument] = []
        self._ready = False

        self.status = QLabel()
        self.status.setObjectName("sheet_status")
        self.status.setAccessibleName("Decision sheet status")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "inset")
        self.preview = QTextBrowser()
        self.preview.setObjectName("sheet_preview")
        self.preview.setAccessibleName("Preview of the decision sheet")
        self.preview.setOpenLinks(False)
        self.preview_pdf_button = _button("Open the preview in your PDF reader…", "preview_pdf")
        self.sign_button = _button("Sign and save…", "sign_and_save", primary=True)
        self.progress = QProgressBar()
        self.progress.setObjectName("sheet_progress")
        self.progress.setAccessibleName("Progress")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("sheet_progress_label")
        self.cancel_button = _button("Stop", "stop_signing")
        self.versions = QListWidget()
        self.versions.setObjectName("sheet_versions")
        self.versions.setAccessibleName("Signed versions")
        self.versions.setWordWrap(True)
        self.save_copy_button = _button("Save a copy…", "save_sheet_copy")
        self.verify_button = _button("Verify", "verify_sheet")
        self.email_button = _button("Email for sign-off…", "email_for_sign_off", primary=True)
        self.email_recipients = hint_label("")
        self.email_recipients.setObjectName("sign_off_recipients")
        self.email_recipients.setAccessibleName("Who the email for sign-off goes to")
        self.verify_result = QLabel()
        self.verify_result.setObjectName("sheet_verify_result")
        self.verify_result.setAccessibleName("Verification result")
        self.verify_result.setWordWrap(True)

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
        running = QHBoxLayout()
        running.addWidget(self.progress_label)
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        left_layout.addLayout(running)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>Signed versions</b>"))
        right_layout.addWidget(
            hint_label("Every version is kept. A changed record makes a new version.")
        )
        right_layout.addWidget(self.versions, 1)
        version_buttons = QHBoxLayout()
        version_buttons.addWidget(self.email_button)
        version_buttons.addWidget(self.verify_button)
        version_buttons.addWidget(self.save_copy_button)
        version_buttons.addStretch(1)
        right_layout.addLayout(version_buttons)
        right_layout.addWidget(self.email_recipients)
        right_layout.addWidget(self.verify_result)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.sign_button.clicked.connect(self._on_sign_clicked)
        self.preview_pdf_button.clicked.connect(self._on_preview_pdf_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.save_copy_button.clicked.connect(self._on_save_copy_clicked)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.email_button.clicked.connect(self._on_email_clicked)
        self.versions.currentRowChanged.connect(self._on_versions_row_changed)

    # --- showing --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._task is None:
            self.refresh()  # the Meeting tab may have changed the record

    def refresh(self) -> None:
        recipients = self._drafts.recipients()
        self.email_recipients.setText(
            "The email for sign-off goes to "
            + ", ".join(f"{r.name} ({r.partner.lower()})" for r in recipients)
            + ". You can change this in your mail program before sending."
            if recipients
            else "Nobody to email yet: mark the statutory partners' agencies in the Directory."
        )
        self._versions = self._sheets.versions(self._case_id)
        self.versions.clear()
        for document in reversed(self._versions):
            item = QListWidgetItem(
                f"Version {document.version}, signed {_exported_on(document)}\n{document.note}"
            )
            item.setData(Qt.ItemDataRole.UserRole, document.version)
            self.versions.addItem(item)
        if self._versions:
            self.versions.setCurrentRow(0)
        else:
            placeholder = QListWidgetItem("No signed version yet.")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.versions.addItem(placeholder)
        self._on_versions_row_changed(self.versions.currentRow())
        try:
            export = self._sheets.prepare(self._case_id, self._today())
        except SheetNotReadyError as error:
            self._ready = False
            self._show_not_ready(error)
            return
        self._ready = True
        self.sign_button.setEnabled(self._task is None)
        self.preview_pdf_button.setEnabled(self._task is None)
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
        item = self.versions.currentItem()
        if item is None:
            return None
        number = item.data(Qt.ItemDataRole.UserRole)
        return next((doc for doc in self._versions if doc.version == number), None)

    def _on_versions_row_changed(self, _row: int) -> None:
        chosen = self.selected_version() is not None and self._task is None
        for button in (self.save_copy_button, self.verify_button, self.email_button):
            button.setEnabled(chosen)
        self.verify_result.setText("")

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
        content = export.content
        template = self._sheets.template()
        identity = self._signing.identity()
        partnership = self._sheets.partnership
        now = self._now()

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> _Signed:
            unsigned = render_sheet(content, template, progress, cancelled)
            if cancelled():
                raise RenderCancelled
            signer = identity or SigningService.new_identity(partnership, now)
            return _Signed(
                sign_sheet(unsigned, signer, partnership, now),
                None if identity is not None else signer,
            )

        self._start(
            "Preparing and signing the sheet…",
            work,
            lambda result: self._on_signed(export, path, result),
        )

    def _on_signed(self, export: SheetExport, path: Path, result: _Signed) -> None:
        if result.new_identity is not None:
            self._signing.keep(result.new_identity, CREATED)
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
            return render_sheet(content, template, progress, cancelled)

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

    # --- versions -------------------------------------------------------------------------

    def _on_save_copy_clicked(self) -> None:
        document = self.selected_version()
        if document is None:
            return
        name = f"{self._sheets.reference(self._case_id)} decision sheet v{document.version}.pdf"
        path = self._dialogs.save_file(self, "Save a copy of the signed sheet", name, PDF_FILES)
        if path is not None and self._write(path, document.body, "Save a copy"):
            self._messages.info(self, "Copy saved", f"Saved version {document.version} to {path}.")

    def _on_verify_clicked(self) -> None:
        document = self.selected_version()
        if document is None:
            return
        body = document.body
        trusted = self._signing.trusted_certificates_pem()
        number = document.version

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            return verify_against(body, trusted)

        def done(result: Any) -> None:
            self.verify_result.setText(
                f"Version {number}. {result.verdict}\nSigned by {result.signer} on "
                f"{signing_time_words(result)}."
            )
            self.verify_result.setProperty("role", "success" if result.valid else "error")
            self.verify_result.style().unpolish(self.verify_result)
            self.verify_result.style().polish(self.verify_result)

        self._start("Checking the signature…", work, done)

    def _on_email_clicked(self) -> None:
        document = self.selected_version()
        if document is None:
            return
        try:
            draft = self._drafts.build(self._case_id, document)
        except SignOffDraftError as error:
            self._messages.error(self, "Email for sign-off", str(error))
            return
        path = self._dialogs.save_file(
            self,
            "Save the email for sign-off",
            self._drafts.file_name(self._case_id, document),
            EMAIL_FILES,
        )
        if path is None or not self._write(path, draft, "Email for sign-off"):
            return
        self.sign_off_email_saved.emit(document.version)
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

    # --- running --------------------------------------------------------------------------

    def _start(self, label: str, work: Work, done: Callable[[Any], None]) -> None:
        self.progress_label.setText(label)
        self.progress.setRange(0, 0)
        self._set_running(True)
        finished = False

        def on_done(result: Any) -> None:
            nonlocal finished
            finished = True
            self._task = None
            self._set_running(False)
            done(result)

        def on_error(error: BaseException) -> None:
            nonlocal finished
            finished = True
            self._on_failed(error)

        handle = self._runner.start(
            work, on_done=on_done, on_error=on_error, on_progress=self._on_progress
        )
        if not finished:  # an immediate runner has already finished
            self._task = handle

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.progress_label.setText("Stopping…")

    def _on_failed(self, error: BaseException) -> None:
        self._task = None
        self._set_running(False)
        if isinstance(error, RenderCancelled):
            self.status.setText("Stopped. Nothing was signed or saved.")
            return
        if isinstance(error, VerificationError):
            self.verify_result.setText(error.message)
            return
        if isinstance(error, SigningIdentityError):
            self._messages.error(
                self, "Signing certificate", f"{error.message}. Nothing was signed."
            )
            return
        raise error  # a bug: the crash dialog reports it

    def _set_running(self, running: bool) -> None:
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(running)
        self.sign_button.setEnabled(not running and self._ready)
        self.preview_pdf_button.setEnabled(not running and self._ready)
        chosen = not running and self.selected_version() is not None
        for button in (self.save_copy_button, self.verify_button, self.email_button):
            button.setEnabled(chosen)

    def _write(self, path: Path, data: bytes, title: str, *, kept_in_store: bool = False) -> bool:
        try:
            write_exported_file(path, data)
        except FileNotSavedError as error:
            extra = " rrdesk has kept the signed version: use Save a copy." if kept_in_store else ""
            self._messages.error(self, title, error.message + extra)
            return False
        return True
