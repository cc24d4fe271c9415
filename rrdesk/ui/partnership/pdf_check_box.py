"""Partnership settings' Check a signed PDF: the button, the file, every signature and the verdict.

Shows what ``rrdesk verify`` prints: the partnership's certification and each executive's
countersignature, each with who signed, when, the fingerprint and what it proves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from rrdesk.exports.signatures.signature_words import signature_heading, signature_lines
from rrdesk.exports.signatures.verification import VerificationResult
from rrdesk.ui.kit.form_widgets import hint_label, restyle


def _label(name: str, accessible: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PdfCheckBox(QGroupBox):
    """Shows a check's outcome; the settings screen runs the check and gives its button."""

    def __init__(self, verify_button: QWidget, parent: QWidget | None = None) -> None:
        super().__init__("Check a signed PDF", parent)
        self.setObjectName("pdf_check")
        self.verify_file = _label("verify_file", "File checked")
        self.verify_verdict = _label("verify_verdict", "Verdict")
        self._signatures = QWidget()
        self._signatures.setObjectName("verify_signatures")
        self._signatures.setAccessibleName("Signatures")
        self._signatures_layout = QVBoxLayout(self._signatures)
        self._signatures_layout.setContentsMargins(0, 0, 0, 0)
        self.signature_labels: list[QLabel] = []

        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                "The same check as 'rrdesk verify': every signature (the partnership's and each "
                "executive's), who signed, when, and whether the sheet has changed since."
            )
        )
        row = QHBoxLayout()
        row.addWidget(verify_button)
        row.addStretch(1)
        layout.addLayout(row)
        results = QFormLayout()
        results.addRow("File", self.verify_file)
        results.addRow("Verdict", self.verify_verdict)
        layout.addLayout(results)
        layout.addWidget(self._signatures)

    def show_file(self, name: str) -> None:
        self.verify_file.setText(name)
        self._show_signatures([])
        self._set_verdict("Checking…", role="hint")

    def show_result(self, result: VerificationResult) -> None:
        self._set_verdict(result.verdict, role="success" if result.valid else "error")
        self._show_signatures(
            [
                (signature_heading(number, check), signature_lines(check, in_a_column=True))
                for number, check in enumerate(result.signatures, start=1)
            ]
        )

    def show_failure(self, message: str) -> None:
        self._set_verdict(message, role="error")
        self._show_signatures([])

    def _set_verdict(self, text: str, *, role: str) -> None:
        self.verify_verdict.setText(text)
        self.verify_verdict.setProperty("role", role)
        restyle(self.verify_verdict)

    def _show_signatures(self, signatures: list[tuple[str, list[str]]]) -> None:
        for label in self.signature_labels:
            self._signatures_layout.removeWidget(label)
            label.deleteLater()
        self.signature_labels = []
        for number, (heading, lines) in enumerate(signatures, start=1):
            label = _label(f"verify_signature_{number}", heading, "\n".join([heading, *lines]))
            label.setProperty("role", "inset")
            self._signatures_layout.addWidget(label)
            self.signature_labels.append(label)
