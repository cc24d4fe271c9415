"""Partnership settings' marking of 7-minute briefings shared with practitioners."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from rrdesk.services.after_meeting.report_service import BriefingError, ReportService
from rrdesk.ui.kit.form_widgets import hint_label
from rrdesk.ui.shell.messages import Messages


class BriefingMarkingBox(QGroupBox):
    def __init__(
        self, reports: ReportService, messages: Messages, parent: QWidget | None = None
    ) -> None:
        super().__init__("Marking of shared briefings", parent)
        self.setObjectName("briefing_marking")
        self._reports = reports
        self._messages = messages
        self.marking = QLineEdit(reports.briefing_marking())
        self.marking.setObjectName("briefing_marking_text")
        self.marking.setAccessibleName("Marking of 7-minute briefings shared with practitioners")
        self.save_button = QPushButton("Save the marking")
        self.save_button.setObjectName("save_briefing_marking")
        self.save_button.setAccessibleName("Save the marking")
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                "Printed at the head and foot of every page of a 7-minute briefing, which is "
                "anonymised for sharing. Other documents stay OFFICIAL-SENSITIVE."
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.marking, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.marking.returnPressed.connect(self._on_save_clicked)

    def _on_save_clicked(self) -> None:
        try:
            saved = self._reports.set_briefing_marking(self.marking.text())
        except BriefingError as error:
            self._messages.error(self, "Marking of shared briefings", str(error))
            return
        self.marking.setText(saved)
        self._messages.info(
            self, "Marking of shared briefings", f"Briefings made from now on are marked {saved}."
        )
