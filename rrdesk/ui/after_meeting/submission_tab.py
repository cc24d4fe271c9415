"""A case's National Panel submission: the details only it needs, what is missing, the PDF,
and the 7-minute briefing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.after_meeting.learning_briefing import CRIMINAL_PROCESS_WARNING
from rrdesk.domain.after_meeting.submission_details import (
    AgencyContribution,
    Involvement,
    SubmissionDetails,
)
from rrdesk.services.after_meeting.report_service import BriefingError, ReportService
from rrdesk.services.after_meeting.submission_service import SubmissionService
from rrdesk.services.agency_forms.text_checks_loader import build_text_checker
from rrdesk.ui.kit.findings_panel import CheckedText
from rrdesk.ui.kit.form_widgets import (
    FormField,
    heading_label,
    hint_label,
    name_widget,
    set_role,
)
from rrdesk.ui.kit.narrative_edit import NarrativeEdit
from rrdesk.ui.kit.save_paths import save_export
from rrdesk.ui.kit.scrolling_page import scrolling_body
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.leaving import UnsavedTyping
from rrdesk.ui.shell.messages import Messages

TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("household", "The household", "Who the child lived with, and other significant adults"),
    ("key_practice_episodes", "Key practice episodes", "Moments in agencies' work that mattered"),
    ("lived_experience", "The child's lived experience", "A day in the child's life"),
    ("equality_and_disability", "Inequality and disability", "Race, culture, poverty, disability"),
    ("family_involvement", "Family involvement", "How the family were told and will be involved"),
    ("lateness_reason", "Why the review was late (if it was)", "Only needed after 15 working days"),
    ("proposed_scope", "Local review: proposed scope", ""),
    ("proposed_method", "Local review: method", ""),
    ("proposed_reviewer", "Local review: reviewer", "Independent of the agencies involved"),
    ("proposed_timetable", "Local review: timetable", ""),
    ("learning_plan", "Without a local review: how the learning will be taken forward", ""),
)  # fmt: skip


class SubmissionTab(QWidget):
    def __init__(
        self,
        case_id: int,
        service: SubmissionService,
        reports: ReportService,
        messages: Messages,
        today: Callable[[], date],
        *,
        files: FileDialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("submission_tab")
        self._case_id = case_id
        self._service = service
        self._reports = reports
        self._messages = messages
        self._today = today
        self._files = files
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        name_widget(self.missing, "submission_missing", "Still to record")
        self.texts: dict[str, NarrativeEdit] = {}
        self.agencies = QTableWidget(0, 3)
        name_widget(self.agencies, "submission_agencies", "Agency involvement")
        self.agencies.setHorizontalHeaderLabels(["Agency", "Involvement", "Key episodes"])
        self.agencies.horizontalHeader().setStretchLastSection(True)
        self.add_agency_button = QPushButton("Add an agency")
        name_widget(self.add_agency_button, "add_submission_agency", "Add an agency")
        self.save_button = QPushButton("Save the details")
        name_widget(self.save_button, "save_submission", "Save the details")
        self.export_button = QPushButton("Save the submission as PDF")
        name_widget(self.export_button, "export_submission", "Save the submission as PDF")
        self.use_pseudonym = QCheckBox("Use the pseudonym in the briefing")
        name_widget(self.use_pseudonym, "briefing_pseudonym", "Use the pseudonym in the briefing")
        self.briefing_button = QPushButton("Save a 7-minute briefing")
        name_widget(self.briefing_button, "export_briefing", "Save a 7-minute briefing")
        self.police_warning = QLabel(CRIMINAL_PROCESS_WARNING)
        self.police_warning.setWordWrap(True)
        self.police_warning.setProperty("role", "error")
        name_widget(self.police_warning, "briefing_police_warning", "Police investigation open")
        self.police_checked = QCheckBox("I have checked with the police: it can be shared")
        name_widget(
            self.police_checked,
            "briefing_police_checked",
            "I have checked with the police that the briefing can be shared",
        )
        # A case never notified (a referral, or the threshold not met) has no submission: the
        # tab says so, and the form is not shown.
        self.not_notified = QLabel()
        self.not_notified.setWordWrap(True)
        self.not_notified.setProperty("role", "inset")
        name_widget(self.not_notified, "submission_not_notified", "No submission")
        self.form = QWidget()
        self._loaded = False
        self._shown: SubmissionDetails | None = None
        self._build()
        self.add_agency_button.clicked.connect(self._on_add_agency_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.briefing_button.clicked.connect(self._on_briefing_clicked)
        self.load()

    def _build(self) -> None:
        page = scrolling_body(self)
        page.addWidget(
            heading_label("Submission to the National Panel", object_name="submission_heading")
        )
        page.addWidget(self.not_notified)
        page.addWidget(self.form)
        page.addStretch(1)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            hint_label(
                "The submission is gathered from the case, the meeting and these details. "
                "What is not yet recorded is listed here before you save the PDF."
            )
        )
        layout.addWidget(self.missing)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for key, label, hint in TEXT_FIELDS:
            # checked as the agency forms are; the wiring gives it the case's checker
            box = NarrativeEdit(
                build_text_checker(), object_name=f"submission_{key}", accessible=label
            )
            box.setMaximumHeight(90)
            self.texts[key] = box
            layout.addWidget(FormField(label, CheckedText(box), hint=hint))
        agencies = QGroupBox("Agency involvement")
        agencies_layout = QVBoxLayout(agencies)
        agencies_layout.addWidget(
            hint_label("Every agency contacted: involved, a nil return, or still awaited.")
        )
        agencies_layout.addWidget(self.agencies)
        agencies_layout.addWidget(self.add_agency_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(agencies)
        briefing = QGroupBox("7-minute briefing")
        briefing_layout = QVBoxLayout(briefing)
        briefing_layout.addWidget(
            hint_label(
                "A briefing from the meeting's learning, for practitioners, marked "
                f"{self._reports.briefing_marking()} for sharing. Names, places and addresses "
                "are taken out (the pseudonym stays only if you choose), and you check its "
                "words before it is saved."
            )
        )
        briefing_layout.addWidget(self.police_warning)
        briefing_layout.addWidget(self.police_checked)
        briefing_layout.addWidget(self.use_pseudonym)
        briefing_layout.addWidget(self.briefing_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(briefing)

    def _add_agency_row(self, contribution: AgencyContribution) -> None:
        row = self.agencies.rowCount()
        self.agencies.insertRow(row)
        self.agencies.setItem(row, 0, QTableWidgetItem(contribution.agency))
        choice = QComboBox()
        choice.setAccessibleName("Involvement")
        for involvement in Involvement:
            choice.addItem(involvement.label, involvement)
        choice.setCurrentIndex(choice.findData(contribution.involvement))
        self.agencies.setCellWidget(row, 1, choice)
        self.agencies.setItem(row, 2, QTableWidgetItem(contribution.key_episodes))

    def showEvent(self, event: QShowEvent) -> None:
        """The case may have been notified, or its notification removed, since last shown."""
        if self._show_notified() and not self._loaded:
            self.load()
        super().showEvent(event)

    def _show_notified(self) -> bool:
        """Show the form, or why there is none; whether the case was notified."""
        reason = self._service.not_notified(self._case_id)
        self.not_notified.setText(reason)
        self.not_notified.setAccessibleName(reason or "No submission")
        self.not_notified.setVisible(bool(reason))
        self.form.setVisible(not reason)
        police = self._reports.criminal_process_open(self._case_id)
        self.police_warning.setVisible(police)
        self.police_checked.setVisible(police)
        return not reason

    def load(self) -> None:
        if not self._show_notified():
            return
        self._loaded = True
        details = self._service.details(self._case_id)
        for key, box in self.texts.items():
            box.setPlainText(getattr(details, key))
        self.agencies.setRowCount(0)
        for contribution in details.agencies:
            self._add_agency_row(contribution)
        self.agencies.resizeColumnToContents(0)
        self._shown = self.details()
        self.show_missing()

    def details(self) -> SubmissionDetails:
        agencies = []
        for row in range(self.agencies.rowCount()):
            name_item = self.agencies.item(row, 0)
            episodes_item = self.agencies.item(row, 2)
            choice = self.agencies.cellWidget(row, 1)
            name = name_item.text().strip() if name_item else ""
            if not name:
                continue
            involvement = choice.currentData() if isinstance(choice, QComboBox) else None
            agencies.append(
                AgencyContribution(
                    name,
                    involvement if isinstance(involvement, Involvement) else Involvement.CONTACTED,
                    episodes_item.text().strip() if episodes_item else "",
                )
            )
        texts = {key: box.toPlainText().strip() for key, box in self.texts.items()}
        return SubmissionDetails(agencies=tuple(agencies), **texts)

    def show_missing(self) -> None:
        missing = self._service.missing(self._case_id, self._today())
        if missing:
            set_role(self.missing, "inset")  # a list of what to do, not an error
            self.missing.setText(
                "Still to record before the submission is complete:\n"
                + "\n".join(f"• {item}" for item in missing)
            )
        else:
            set_role(self.missing, "success")
            self.missing.setText("Everything the National Panel asks for is recorded.")

    def _on_add_agency_clicked(self) -> None:
        self._add_agency_row(AgencyContribution(""))
        self.agencies.setCurrentCell(self.agencies.rowCount() - 1, 0)

    def _on_save_clicked(self) -> None:
        self._service.save_details(self._case_id, self.details())
        self._shown = self.details()
        self.show_missing()

    # Leaving with typing not yet saved (rrdesk.ui.shell.leaving)

    def unsaved_typing(self) -> UnsavedTyping | None:
        if self._shown is None or self.details() == self._shown:
            return None
        return UnsavedTyping(
            "The submission's details have not been saved",
            "If you leave this page now, what you typed in them is lost.",
        )

    def save_typing(self) -> bool:
        self._on_save_clicked()
        return True

    def discard_typing(self) -> None:
        self.load()

    def _on_export_clicked(self) -> None:
        self._service.save_details(self._case_id, self.details())
        self.show_missing()
        missing = self._service.missing(self._case_id, self._today())
        if missing and not self._messages.confirm(
            self,
            "The submission is not complete",
            f"{len(missing)} item{'' if len(missing) == 1 else 's'} still to record (listed on "
            "the page). Save a draft anyway? The draft says what is not recorded.",
            yes="Save a draft",
            no="Go back",
        ):
            return

        def make(_path: Path) -> bytes:
            return self._service.export(self._case_id, self._today(), allow_missing=True)

        save_export(
            self,
            self._messages,
            self._files,
            title="Save the National Panel submission",
            suggested_name="national-panel-submission.pdf",
            name_filter="PDF document (*.pdf)",
            make=make,
        )

    def _on_briefing_clicked(self) -> None:
        use_pseudonym = self.use_pseudonym.isChecked()
        try:
            briefing = self._reports.briefing(self._case_id, use_pseudonym=use_pseudonym)
        except BriefingError as error:
            self._messages.error(self, "7-minute briefing", str(error))
            return
        if briefing.criminal_process_warning and not self.police_checked.isChecked():
            self._messages.error(
                self,
                "7-minute briefing",
                f"{briefing.criminal_process_warning} Tick that you have checked first.",
            )
            return
        if not self._messages.confirm(
            self,
            "Check the briefing before it is saved",
            "Names, places and addresses rrdesk found are replaced by the words in square "
            "brackets. Check that nobody can be recognised from what is left:\n\n"
            + briefing.text(),
            yes="Save the briefing",
            no="Go back",
        ):
            return

        def make(_path: Path) -> bytes:
            return self._reports.briefing_pdf(
                self._case_id,
                use_pseudonym=use_pseudonym,
                police_checked=self.police_checked.isChecked(),
            )

        save_export(
            self,
            self._messages,
            self._files,
            title="Save the 7-minute briefing",
            suggested_name="7-minute-briefing.pdf",
            name_filter="PDF document (*.pdf)",
            make=make,
        )
