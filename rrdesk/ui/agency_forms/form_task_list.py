"""The task list of an agency check form: each section with its computed status.

The whole row is the button. "Completed" is plain text; unfinished work and problems stand out
with a tag that has both colour and words (colour is never the only sign).
"""

from __future__ import annotations

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
}
TAG_STYLES = {
    "tag_blue": "background:#d2e2f1; color:#0c2d4a; padding:2px 6px;",
    "tag_light_blue": "background:#e8f1f8; color:#0c2d4a; padding:2px 6px;",
    "tag_plain": "color:#0b0c0c; padding:2px 6px;",
    "tag_red": "background:#f4cdc6; color:#2a0b06; padding:2px 6px; font-weight:bold;",
    "tag_grey": "background:#e5e6e7; color:#282d30; padding:2px 6px;",
}


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
        for row, section in enumerate(form.sections):
            button = QPushButton(section.title)
            button.setObjectName(f"task_{section.key}")
            button.setProperty("role", "task")
            button.setStyleSheet("text-align:left; padding:6px;")
            button.clicked.connect(lambda _c=False, k=section.key: self.section_chosen.emit(k))
            tag = QLabel()
            tag.setObjectName(f"task_{section.key}_status")
            grid.addWidget(button, row, 0)
            grid.addWidget(tag, row, 1)
            self.rows[section.key] = button
            self.tags[section.key] = tag
        layout.addLayout(grid)
        self.check_button = QPushButton("Continue to check your answers")
        self.check_button.setObjectName("continue_to_check")
        self.check_button.setProperty("role", "primary")
        self.check_button.clicked.connect(self.check_requested)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_statuses(self, statuses: dict[str, SectionStatus], entered_by: str) -> None:
        done = 0
        for key, status in statuses.items():
            tag = self.tags[key]
            tag.setText(status.value)
            tag.setStyleSheet(TAG_STYLES[TAG_ROLES[status]])
            button = self.rows[key]
            button.setEnabled(status is not SectionStatus.NOT_NEEDED)
            button.setAccessibleName(f"{button.text()}: {status.value}")
            done += status in (SectionStatus.COMPLETED, SectionStatus.NOT_NEEDED)
        self.progress.setText(f"You have completed {done} of {len(statuses)} sections.")
        self.entered_by.setText(entered_by)
