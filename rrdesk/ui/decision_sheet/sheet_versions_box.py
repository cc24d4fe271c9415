"""The decision sheet's signed versions: the list, Save a copy, and Verify with its result."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QWidget

from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.signatures.signature_words import signature_heading, signature_lines
from rrdesk.services.decision_sheet.decision_sheet_service import ExportedDocument
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.services.partnership.signing_service import (
    SigningService,
    VerificationError,
    verify_against,
)
from rrdesk.ui.decision_sheet.sheet_task_bar import SheetTaskBar
from rrdesk.ui.kit.form_widgets import restyle
from rrdesk.ui.shell.file_dialogs import PDF_FILES, FileDialogs
from rrdesk.ui.shell.messages import Messages


def exported_on(document: ExportedDocument) -> str:
    try:
        return format_date(datetime.fromisoformat(document.created_at).astimezone().date())
    except ValueError:
        return document.created_at


def action_button(text: str, name: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.rstrip("…"))
    if primary:
        button.setProperty("role", "primary")
    return button


class SheetVersionsBox(QWidget):
    """Not laid out itself: the panel places its list, buttons and result."""

    version_chosen = Signal(object)
    """The chosen :class:`ExportedDocument`, or None."""

    def __init__(
        self,
        reference: Callable[[], str],
        signing: SigningService,
        task_bar: SheetTaskBar,
        messages: Messages,
        dialogs: FileDialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reference = reference
        self._signing = signing
        self._task_bar = task_bar
        self._messages = messages
        self._dialogs = dialogs
        self._documents: list[ExportedDocument] = []
        self.versions = QListWidget()
        self.versions.setObjectName("sheet_versions")
        self.versions.setAccessibleName("Signed versions")
        self.versions.setWordWrap(True)
        self.versions.setMaximumHeight(160)  # a few versions; more scroll
        self.save_copy_button = action_button("Save a copy…", "save_sheet_copy")
        self.verify_button = action_button("Verify", "verify_sheet")
        self.verify_result = QLabel()
        self.verify_result.setObjectName("sheet_verify_result")
        self.verify_result.setAccessibleName("Verification result")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_copy_button.clicked.connect(self._on_save_copy_clicked)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.versions.currentRowChanged.connect(self._on_versions_row_changed)

    def show_documents(self, documents: list[ExportedDocument]) -> None:
        self._documents = documents
        self.versions.clear()
        for document in reversed(documents):
            item = QListWidgetItem(
                f"Version {document.version}, signed {exported_on(document)}\n{document.note}"
            )
            item.setData(Qt.ItemDataRole.UserRole, document.version)
            self.versions.addItem(item)
        if documents:
            self.versions.setCurrentRow(0)
        else:
            placeholder = QListWidgetItem("No signed version yet.")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.versions.addItem(placeholder)
        self._on_versions_row_changed(self.versions.currentRow())

    def selected_version(self) -> ExportedDocument | None:
        item = self.versions.currentItem()
        if item is None:
            return None
        number = item.data(Qt.ItemDataRole.UserRole)
        return next((doc for doc in self._documents if doc.version == number), None)

    def set_buttons_enabled(self, enabled: bool) -> None:
        for button in (self.save_copy_button, self.verify_button):
            button.setEnabled(enabled)

    def show_failure(self, error: VerificationError) -> None:
        self.verify_result.setText(error.message)

    def _on_versions_row_changed(self, _row: int) -> None:
        self.verify_result.setText("")
        self.version_chosen.emit(self.selected_version())

    def _on_save_copy_clicked(self) -> None:
        document = self.selected_version()
        if document is None:
            return
        name = f"{self._reference()} decision sheet v{document.version}.pdf"
        path = self._dialogs.save_file(self, "Save a copy of the signed sheet", name, PDF_FILES)
        if path is None:
            return
        try:
            write_exported_file(path, document.body)
        except FileNotSavedError as error:
            self._messages.error(self, "Save a copy", error.message)
            return
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
            lines = [f"Version {number}. {result.verdict}"]
            for n, check in enumerate(result.signatures, start=1):
                lines += [
                    "",
                    signature_heading(n, check),
                    *signature_lines(check, in_a_column=True),
                ]
            self.verify_result.setText("\n".join(lines))
            self.verify_result.setProperty("role", "success" if result.valid else "error")
            restyle(self.verify_result)

        def failed(error: BaseException) -> None:
            if isinstance(error, VerificationError):
                self.show_failure(error)
                return
            raise error  # a bug: the crash dialog reports it

        self._task_bar.start("Checking the signature…", work, done, failed)
