"""The task list of an agency check form: each section with its computed status.

The whole row is the button. "Completed" is plain text; unfinished work and problems stand out
with a tag that has both colour and words (colour is never the only sign). A section whose
answers still have text-check findings or pasted text also says "Has warnings". The count is of
the sections that need an answer: "Not needed" is not "completed". Sections that depend on an
answer not given yet (whether the agency was involved) "Cannot start yet".
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.check_form import FormDefinition
from rrdesk.domain.agency_forms.check_form_answers import SectionStatus
from rrdesk.ui.kit.form_widgets import heading_label, hint_label

TAG_ROLES = {
    SectionStatus.NOT_YET_STARTED: "tag_blue",
    SectionStatus.IN_PROGRESS: "tag_light_blue",
    SectionStatus.COMPLETED: "tag_plain",
    SectionStatus.THERE_IS_A_PROBLEM: "tag_red",
    SectionStatus.NOT_NEEDED: "tag_grey",
    SectionStatus.CANNOT_START_YET: "tag_grey",
}
TAG_STYLES = {
    "tag_blue": "background:#d2e2f1; color:#0c2d4a; padding:2px 6px;",
    "tag_light_blue": "background:#e8f1f8; color:#0c2d4a; padding:2px 6px;",
    "tag_plain": "color:#0b0c0c; padding:2px 6px;",
    "tag_red": "background:#f4cdc6; color:#2a0b06; padding:2px 6px; font-weight:bold;",
    "tag_grey": "background:#e5e6e7; color:#282d30; padding:2px 6px;",
    "tag_yellow": "background:#fff7bf; color:#594d00; padding:2px 6px; font-weight:bold;",
}
HAS_WARNINGS = "Has warnings"


class FormTaskListWidget(QWidget):
    section_chosen = Signal(str)
    check_requested = Signal()

    def __init__(self, form: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("form_task_list")
        self._form = form
        layout = QVBoxLayout(self)
        self.heading = heading_label(form.title, level=1, object_name="task_list_heading")
        layout.addWidget(self.heading)
        self.entered_by = hint_label("")
        self.entered_by.setObjectName("task_list_entered_by")
        layout.addWidget(self.entered_by)
        if form.summary:
            layout.addWidget(hint_label(form.summary))
        self.progress = QLabel()
        self.progress.setObjectName("task_list_progress")
        layout.addWidget(self.progress)
        self.setMaximumWidth(1000)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        self.rows: dict[str, QPushButton] = {}
        self.tags: dict[str, QLabel] = {}
        self.warning_tags: dict[str, QLabel] = {}
        for row, section in enumerate(form.sections):
            button = QPushButton(section.title)
            button.setObjectName(f"task_{section.key}")
            button.setProperty("role", "task")
            button.setStyleSheet("text-align:left; padding:6px;")
            button.clicked.connect(lambda _c=False, k=section.key: self.section_chosen.emit(k))
            tag = QLabel()
            tag.setObjectName(f"task_{section.key}_status")
            warning = QLabel(HAS_WARNINGS)
            warning.setObjectName(f"task_{section.key}_warnings")
            warning.setStyleSheet(TAG_STYLES["tag_yellow"])
            warning.hide()
            grid.addWidget(button, row, 0)
            grid.addWidget(tag, row, 1)
            grid.addWidget(warning, row, 2)
            self.rows[section.key] = button
            self.tags[section.key] = tag
            self.warning_tags[section.key] = warning
        layout.addLayout(grid)
        self.check_button = QPushButton("Continue to check your answers")
        self.check_button.setObjectName("continue_to_check")
        self.check_button.setProperty("role", "primary")
        self.check_button.clicked.connect(self.check_requested)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_statuses(
        self,
        statuses: dict[str, SectionStatus],
        entered_by: str,
        warnings: Collection[str] = (),
    ) -> None:
        """Show each section's status; ``warnings`` are the keys of the sections whose answers
        still have text-check findings or pasted text."""
        needed = done = warned = 0
        for key, status in statuses.items():
            tag = self.tags[key]
            tag.setText(status.value)
            tag.setStyleSheet(TAG_STYLES[TAG_ROLES[status]])
            has_warnings = key in warnings and status is not SectionStatus.NOT_NEEDED
            self.warning_tags[key].setVisible(has_warnings)
            button = self.rows[key]
            button.setEnabled(
                status not in (SectionStatus.NOT_NEEDED, SectionStatus.CANNOT_START_YET)
            )
            words = status.value + (f", {HAS_WARNINGS.lower()}" if has_warnings else "")
            button.setAccessibleName(f"{button.text()}: {words}")
            needed += status is not SectionStatus.NOT_NEEDED
            done += status is SectionStatus.COMPLETED
            warned += has_warnings
        progress = f"You have completed {done} of {needed} sections."
        if warned:
            sections = "section has" if warned == 1 else "sections have"
            progress += f" {warned} {sections} warnings to look at."
        self.progress.setText(progress)
        self.entered_by.setText(entered_by)
