"""Partnership settings: the partnership's name, its signing certificate, and checking a PDF."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.signatures.signature_words import fingerprint_in_halves
from rrdesk.services.chosen_files import UnreadableFileError, read_chosen_file
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.services.partnership.certificate_locking import (
    LockedCertificate,
    create_locked,
    import_locked,
)
from rrdesk.services.partnership.signing_service import (
    IMPORTED,
    TRUST_NOTE,
    NoSigningIdentityError,
    PartnershipNameError,
    SigningIdentityError,
    SigningService,
    VerificationError,
    verify_against,
)
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.kit.scrolling_page import scrolling_body
from rrdesk.ui.partnership.certificate_progress import CREATING, IMPORTING, CertificateProgress
from rrdesk.ui.partnership.pdf_check_box import PdfCheckBox
from rrdesk.ui.shell.file_dialogs import (
    CERTIFICATE_FILES,
    PDF_FILES,
    PKCS12_FILES,
    FileDialogs,
)
from rrdesk.ui.shell.leaving import UnsavedTyping
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskStarter

log = logging.getLogger(__name__)
MAX_FILE_BYTES = 50 * 1024 * 1024
KEY_PASSPHRASE_QUESTION = (
    "Your passphrase:\nthe partnership's signing key is kept locked with it, so that opening "
    "the store is not enough to sign."
)


def _value_label(name: str, accessible: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(True)
    return label


def _button(text: str, name: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.rstrip("…"))
    if primary:
        button.setProperty("role", "primary")
    return button


class PartnershipSettingsWidget(QWidget):
    partnership_renamed = Signal(str)
    certificate_changed = Signal()

    def __init__(
        self,
        signing: SigningService,
        messages: Messages,
        dialogs: FileDialogs,
        runner: TaskStarter,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partnership_settings")
        self._signing = signing
        self._messages = messages
        self._dialogs = dialogs
        self._runner = runner
        self._now = now

        self.partnership_name = QLineEdit(signing.partnership)
        self.partnership_name.setObjectName("partnership_name")
        self.partnership_name.setAccessibleName("Partnership name")
        self.save_name_button = _button("Save the name", "save_partnership_name")

        self.certificate_subject = _value_label("certificate_subject", "Issued to")
        self.certificate_source = _value_label("certificate_source", "Where it came from")
        self.certificate_valid_until = _value_label("certificate_valid_until", "Valid until")
        self.certificate_fingerprint = _value_label("certificate_fingerprint", "Fingerprint")
        self.certificate_fingerprint.setProperty("role", "hint")
        self.create_button = _button("Create a certificate", "create_certificate")
        self.import_button = _button("Import a .p12 file…", "import_certificate")
        self.export_button = _button("Export the certificate…", "export_certificate")
        self.trust_note = QLabel(TRUST_NOTE)
        self.trust_note.setObjectName("trust_note")
        self.trust_note.setAccessibleName("How executives trust the certificate")
        self.trust_note.setWordWrap(True)
        self.trust_note.setProperty("role", "inset")
        self.copy_note_button = _button("Copy this note", "copy_trust_note")

        self.verify_button = _button("Verify a PDF…", "verify_pdf", primary=True)
        self.progress = CertificateProgress(runner)
        self.pdf_check = PdfCheckBox(self.verify_button)

        self._build()
        self._connect_signals()
        self.refresh()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = self._layout = scrolling_body(self)
        layout.addWidget(heading_label("Partnership settings", object_name="settings_heading"))

        name_box = QGroupBox("Partnership")
        name_layout = QVBoxLayout(name_box)
        name_layout.addWidget(
            hint_label("The name printed on decision sheets and in the signature stamp.")
        )
        row = QHBoxLayout()
        row.addWidget(self.partnership_name, 1)
        row.addWidget(self.save_name_button)
        name_layout.addLayout(row)
        layout.addWidget(name_box)

        certificate_box = QGroupBox("Signing certificate")
        certificate_layout = QVBoxLayout(certificate_box)
        certificate_layout.addWidget(
            hint_label(
                "rrdesk signs every decision sheet with the partnership's certificate. Its "
                "private key is kept only inside this encrypted store."
            )
        )
        form = QFormLayout()
        form.addRow("Issued to", self.certificate_subject)
        form.addRow("Where it came from", self.certificate_source)
        form.addRow("Valid until", self.certificate_valid_until)
        form.addRow("Fingerprint (SHA-256)", self.certificate_fingerprint)
        certificate_layout.addLayout(form)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        certificate_layout.addLayout(buttons)
        certificate_layout.addWidget(self.progress)
        certificate_layout.addWidget(QLabel("<b>For executives who receive a signed sheet</b>"))
        certificate_layout.addWidget(self.trust_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.copy_note_button)
        note_row.addStretch(1)
        certificate_layout.addLayout(note_row)
        layout.addWidget(certificate_box)

        layout.addWidget(self.pdf_check)
        layout.addStretch(1)

    def add_box(self, box: QWidget) -> None:
        """Another part of the partnership's settings, shown after its name."""
        self._layout.insertWidget(2, box)

    def _connect_signals(self) -> None:
        self.save_name_button.clicked.connect(self._on_save_name_clicked)
        self.partnership_name.returnPressed.connect(self._on_save_name_clicked)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.copy_note_button.clicked.connect(self._on_copy_note_clicked)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.progress.running_changed.connect(self._set_busy)

    # --- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        summary = self._signing.summary()
        has_one = summary is not None
        self.export_button.setEnabled(has_one)
        self.create_button.setText(
            "Create a new certificate" if has_one else "Create a certificate"
        )
        if summary is None:
            self.certificate_subject.setText(
                "None yet. rrdesk creates one when the first sheet is signed, or create or "
                "import one now."
            )
            for label in (
                self.certificate_source,
                self.certificate_valid_until,
                self.certificate_fingerprint,
            ):
                label.setText("")
            return
        details = summary.details
        self.certificate_subject.setText(summary.name or details.subject)
        self.certificate_subject.setToolTip(details.subject)
        self.certificate_source.setText(summary.source_text)
        self.certificate_valid_until.setText(format_date(details.valid_until.date()))
        # in halves: with no space to wrap at, it held the page wider than a 1024 screen
        self.certificate_fingerprint.setText(fingerprint_in_halves(details.sha256_fingerprint))

    # --- slots ----------------------------------------------------------------------------

    def _on_save_name_clicked(self) -> None:
        self._save_name()

    def _save_name(self) -> bool:
        try:
            name = self._signing.rename_partnership(self.partnership_name.text())
        except PartnershipNameError as error:
            self._messages.error(self, "Partnership name", error.message)
            return False
        self.partnership_name.setText(name)
        self.partnership_renamed.emit(name)
        return True

    # --- leaving with typing not yet saved (rrdesk.ui.shell.leaving) -----------------------

    def unsaved_typing(self) -> UnsavedTyping | None:
        if self.partnership_name.text() == self._signing.partnership:
            return None
        return UnsavedTyping(
            "The partnership's name has not been saved",
            "If you leave this page now, the name you typed is lost.",
        )

    def save_typing(self) -> bool:
        return self._save_name()

    def discard_typing(self) -> None:
        self.partnership_name.setText(self._signing.partnership)

    def _on_create_clicked(self) -> None:
        if self._signing.summary() is not None and not self._messages.confirm(
            self,
            "Create a new certificate",
            "Sheets signed before stay valid in rrdesk, but executives will need the new "
            "certificate to trust sheets signed from now on. Create a new certificate?",
            yes="Create a new certificate",
            no="Keep the current one",
        ):
            return
        passphrase = self._ask_passphrase("Create a new certificate")
        if passphrase is None:
            return
        partnership, now, lock = self._signing.partnership, self._now(), self._signing.key_lock()
        self.progress.start(
            CREATING,
            lambda: create_locked(partnership, now, lock, passphrase),
            lambda locked: self._on_certificate_locked(locked, "Create a new certificate"),
            lambda error: self._on_certificate_failed(error, "Create a new certificate"),
        )

    def _ask_passphrase(self, title: str) -> str | None:
        """The store's passphrase: the signing key is kept wrapped under it."""
        return self._dialogs.password(self, title, KEY_PASSPHRASE_QUESTION)

    def _on_certificate_locked(self, locked: LockedCertificate, title: str) -> None:
        try:
            self._signing.keep_wrapped(locked.identity, locked.source, locked.wrapped)
        except UserError as error:
            self._messages.error(self, title, error.message)
            return
        self.refresh()
        self.certificate_changed.emit()
        if locked.source == IMPORTED:
            self._messages.info(
                self,
                "Certificate imported",
                "rrdesk will sign decision sheets with it from now on.",
            )

    def _on_certificate_failed(self, error: BaseException, title: str) -> None:
        """One plain message; nothing was stored."""
        if isinstance(error, SigningIdentityError):
            self._messages.error(self, title, f"{error.message}. Nothing was changed.")
        elif isinstance(error, UserError):  # a wrong passphrase: its message says so
            self._messages.error(self, title, error.message)
        else:
            raise error  # a bug: the crash dialog reports it

    def _on_import_clicked(self) -> None:
        path = self._dialogs.open_file(self, "Import the council's certificate", PKCS12_FILES)
        if path is None:
            return
        try:
            data = read_chosen_file(path, "certificate file", max_bytes=MAX_FILE_BYTES)
        except UnreadableFileError as error:
            self._messages.error(self, "Import a certificate", error.message)
            return
        password = self._dialogs.password(
            self, "Certificate password", f"The password for {path.name}:"
        )
        if password is None:
            return
        passphrase = self._ask_passphrase("Import a certificate")
        if passphrase is None:
            return
        now, lock = self._now(), self._signing.key_lock()
        self.progress.start(
            IMPORTING,
            lambda: import_locked(data, password, now, lock, passphrase),
            lambda locked: self._on_certificate_locked(locked, "Import a certificate"),
            lambda error: self._on_certificate_failed(error, "Import a certificate"),
        )

    def _on_export_clicked(self) -> None:
        try:
            pem = self._signing.certificate_pem()
        except NoSigningIdentityError as error:  # the button is normally disabled
            self._messages.error(self, "Export the certificate", error.message)
            return
        path = self._dialogs.save_file(
            self,
            "Export the certificate",
            f"{self._signing.partnership} certificate.pem",
            CERTIFICATE_FILES,
        )
        if path is None:
            return
        try:
            write_exported_file(path, pem)
        except FileNotSavedError as error:
            self._messages.error(self, "Export the certificate", error.message)
            return
        self._messages.info(
            self,
            "Certificate exported",
            f"Saved the certificate to {path}. Send it to executives with this note:\n\n"
            f"{TRUST_NOTE}",
        )

    def _on_copy_note_clicked(self) -> None:
        self._messages.copy_to_clipboard(TRUST_NOTE)

    def _on_verify_clicked(self) -> None:
        path = self._dialogs.open_file(self, "Verify a signed PDF", PDF_FILES)
        if path is None:
            return
        try:
            data = read_chosen_file(path, "PDF", max_bytes=MAX_FILE_BYTES)
        except UnreadableFileError as error:
            self._messages.error(self, "Verify a PDF", error.message)
            return
        trusted = self._signing.trusted_certificates_pem()
        self.pdf_check.show_file(str(path))
        self._set_busy(True)

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            return verify_against(data, trusted)

        self._runner.start(work, on_done=self._on_verified, on_error=self._on_failed)

    def _on_verified(self, result: Any) -> None:
        self._set_busy(False)
        self.pdf_check.show_result(result)

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, VerificationError):
            self.pdf_check.show_failure(error.message)
            return
        raise error  # a bug: the crash dialog reports it

    def _set_busy(self, busy: bool) -> None:
        for button in (self.create_button, self.import_button, self.verify_button):
            button.setEnabled(not busy)
        self.export_button.setEnabled(not busy and self._signing.summary() is not None)
