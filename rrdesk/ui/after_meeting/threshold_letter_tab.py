"""The letter to the referrer on a threshold-not-met case: write, preview, make the PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.after_meeting.threshold_letter import LetterDetails, for_family
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.after_meeting.threshold_letter_service import (
    ThresholdLetterService,
)
from rrdesk.services.agency_forms.text_checks_loader import build_text_checker
from rrdesk.services.cases.case_service import CaseService
from rrdesk.ui.kit.findings_panel import CheckedText
from rrdesk.ui.kit.form_widgets import FormField, heading_label, hint_label, name_widget
from rrdesk.ui.kit.narrative_edit import NarrativeEdit
from rrdesk.ui.kit.save_paths import save_export
from rrdesk.ui.kit.scrolling_page import page_scroll
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.leaving import UnsavedTyping
from rrdesk.ui.shell.messages import Messages


def _made_on(created_at: str) -> str:
    """The day a letter was made, from the time stored with it."""
    try:
        return format_date(datetime.fromisoformat(created_at).astimezone().date())
    except ValueError:
        return created_at[:10]


class ThresholdLetterTab(QWidget):
    def __init__(
        self,
        case_id: int,
        letters: ThresholdLetterService,
        cases: CaseService,
        messages: Messages,
        today: Callable[[], date],
        *,
        files: FileDialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("threshold_letter_tab")
        self._case_id = case_id
        self._letters = letters
        self._cases = cases
        self._messages = messages
        self._today = today
        self._files = files
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        name_widget(self.notice, "letter_notice", "Still to record")
        self.next_steps = NarrativeEdit(  # the case's checker is given by the wiring
            build_text_checker(),
            object_name="letter_next_steps",
            accessible="Next steps for the referrer",
        )
        self.next_steps.setMaximumHeight(100)
        self.next_steps_field = FormField(  # a professional's only: the family letter has none
            "Next steps for the referrer",
            CheckedText(self.next_steps),
            hint="Leave blank to use the partnership's usual wording",
        )
        self.signatory = QLineEdit()
        name_widget(self.signatory, "letter_signatory", "Signed by")
        self.role = QLineEdit()
        name_widget(self.role, "letter_signatory_role", "Their role")
        self.preview = QPlainTextEdit()
        self._shown: LetterDetails | None = None
        self.preview.setReadOnly(True)
        name_widget(self.preview, "letter_preview", "The letter")
        self.save_button = QPushButton("Save and preview")
        name_widget(self.save_button, "save_letter", "Save and preview")
        self.export_button = QPushButton("Make the letter (PDF)")
        name_widget(self.export_button, "export_letter", "Make the letter (PDF)")
        self.versions = QLabel()
        self.versions.setObjectName("letter_versions")
        self.versions.setAccessibleName("Letters made")
        self.body = QWidget()
        self._build()
        self.save_button.clicked.connect(self._on_save_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.load()

    def _build(self) -> None:
        layout = QVBoxLayout(self.body)
        layout.addWidget(
            hint_label(
                "When the threshold for a Serious Incident Notification is not met, the referrer "
                "receives a letter with the decision and, if they are a professional, the next "
                "steps. The wording is the partnership's: change it under Partnership forms."
            )
        )
        layout.addWidget(self.next_steps_field)
        layout.addWidget(FormField("Signed by", self.signatory))
        layout.addWidget(FormField("Their role", self.role))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.versions)
        layout.addWidget(QLabel("The letter as it will read:"))
        layout.addWidget(self.preview, 1)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(
            heading_label("Letter to the referrer", object_name="letter_heading")
        )
        inner_layout.addWidget(self.notice)
        inner_layout.addWidget(self.body, 1)
        inner_layout.addStretch()  # with the letter hidden, the notice stays under the heading
        scroll = page_scroll(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def load(self) -> None:
        case = self._cases.get(self._case_id)
        applies = case is not None and case.stage is Stage.THRESHOLD_NOT_MET
        self.body.setVisible(applies)
        if not applies:
            self.notice.setText(
                "This letter is only for cases where the threshold for a Serious Incident "
                "Notification was not met."
            )
            return
        self.next_steps_field.setVisible(case is not None and not for_family(case))
        details = self._letters.details(self._case_id)
        self.next_steps.setPlainText(details.next_steps)
        self.signatory.setText(details.signatory)
        self.role.setText(details.signatory_role)
        self._shown = self.details()
        self._show()

    def _show(self) -> None:
        problems = self._letters.problems(self._case_id)
        notice = (
            "Still to record before the letter can be made:\n"
            + "\n".join(f"• {p}" for p in problems)
            if problems
            else "The letter is ready to make."
        )
        notes = self._letters.notes(self._case_id)
        self.notice.setText("\n\n".join((notice, *notes)))
        letter = self._letters.letter(self._case_id, self._today())
        self.preview.setPlainText(
            "\n\n".join(
                (
                    "\n".join(letter.addressee),
                    letter.salutation,
                    *letter.paragraphs,
                    letter.closing,
                    "\n".join(p for p in (letter.signatory, letter.signatory_role) if p),
                )
            )
        )
        versions = self._letters.versions(self._case_id)
        self.versions.setText(
            "No letter made yet."
            if not versions
            else "Letters made: "
            + "; ".join(f"version {v.version} ({_made_on(v.created_at)})" for v in versions)
        )

    def details(self) -> LetterDetails:
        return LetterDetails(
            self.next_steps.toPlainText().strip(),
            self.signatory.text().strip(),
            self.role.text().strip(),
        )

    def _on_save_clicked(self) -> None:
        self._letters.save_details(self._case_id, self.details())
        self._shown = self.details()
        self._show()

    # Leaving with typing not yet saved (rrdesk.ui.shell.leaving)

    def unsaved_typing(self) -> UnsavedTyping | None:
        if self._shown is None or self.details() == self._shown:
            return None
        return UnsavedTyping(
            "The letter's details have not been saved",
            "If you leave this page now, what you typed in them is lost.",
        )

    def save_typing(self) -> bool:
        self._on_save_clicked()
        return True

    def discard_typing(self) -> None:
        self.load()

    def _on_export_clicked(self) -> None:
        self._letters.save_details(self._case_id, self.details())

        def make(_path: Path) -> bytes:
            return self._letters.export(self._case_id, self._today())

        save_export(
            self,
            self._messages,
            self._files,
            title="Save the letter to the referrer",
            suggested_name="letter-to-the-referrer.pdf",
            name_filter="PDF document (*.pdf)",
            make=make,
        )
        self._show()
