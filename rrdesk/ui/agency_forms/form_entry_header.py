"""Above an agency's check form while it is entered: the way back to the list, the agency's
name, who is entering the form, and the notices (returned for more information, changed after
quality assurance, a large paste)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.agency_form_record import EnteredBy, FormRecord
from rrdesk.ui.kit.form_widgets import heading_label


def _notice_label(object_name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setProperty("role", "warning")
    label.setVisible(bool(text))
    return label


class FormEntryHeader(QWidget):
    """The form's heading, "Entered by" and its notices."""

    who_changed = Signal()

    def __init__(self, record: FormRecord, notice: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.close_button = QPushButton("Back to agency forms")
        self.close_button.setObjectName("close_form")
        self.close_button.setProperty("role", "link")
        self.title = heading_label(record.agency, level=2, object_name="form_agency")
        self.entered_by = QComboBox()
        self.entered_by.setObjectName("entered_by")
        self.entered_by.setAccessibleName("Who is entering this form")
        for who in EnteredBy:
            self.entered_by.addItem(who.label, who.value)
        self.entered_by.setCurrentIndex(list(EnteredBy).index(record.entered_by))
        self.entered_by_name = QLineEdit(record.entered_by_name)
        self.entered_by_name.setObjectName("entered_by_name")
        self.entered_by_name.setAccessibleName("Name of the person entering the form")
        who_row = QHBoxLayout()
        who_row.addWidget(QLabel("Entered by"))
        who_row.addWidget(self.entered_by)
        who_row.addWidget(QLabel("Name"))
        who_row.addWidget(self.entered_by_name, 1)
        self.notice = _notice_label("returned_notice", notice)
        self.warning = _notice_label("large_paste_warning")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.title)
        layout.addLayout(who_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.warning)
        self.entered_by.currentIndexChanged.connect(self.who_changed)
        self.entered_by_name.textEdited.connect(self.who_changed)

    @property
    def who(self) -> EnteredBy:
        return EnteredBy(self.entered_by.currentData())

    @property
    def name(self) -> str:
        return self.entered_by_name.text().strip()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_large_paste(self, length: int) -> None:
        size = f"{length / 1_000_000:.1f} million" if length >= 1_000_000 else f"{length:,}"
        self.warning.setText(
            f"You pasted a lot of text ({size} characters). It has been kept and is marked "
            "as pasted. Check that the answer is a summary in your own words, not a copy of "
            "case notes."
        )
        self.warning.show()
