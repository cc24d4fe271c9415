"""The audit trail: who changed what and when, with a check that the chain is whole."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.cases.audit import AuditEntry, ChainBreak
from rrdesk.ui.kit.form_widgets import heading_label, hint_label

COLUMNS = ("When", "Who", "Computer user", "Case", "What")


def format_timestamp(text: str) -> str:
    from datetime import datetime

    from rrdesk.domain.timetable.dates import format_date, format_time

    try:
        moment = datetime.fromisoformat(text).astimezone()
    except ValueError:
        return text
    return f"{format_date(moment.date())} at {format_time(moment)}"


class AuditWidget(QWidget):
    def __init__(
        self,
        entries: Callable[[int | None], list[AuditEntry]],
        verify: Callable[[], tuple[int, ChainBreak | None]],
        case_references: Callable[[], dict[int, str]],
        *,
        title: str = "Audit trail",
        case_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_trail" if case_id is None else "case_history")
        self._entries = entries
        self._verify = verify
        self._references = case_references
        self._case_id = case_id
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("audit_table")
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.verify_button = QPushButton("Check the audit trail has not been altered")
        self.verify_button.setObjectName("verify_audit")
        self.result = QLabel()
        self.result.setObjectName("audit_result")
        self.result.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.verify_button)
        top.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(title, level=1 if case_id is None else 2))
        layout.addWidget(
            hint_label(
                "Every change is recorded with when, who and what. Each entry seals the one "
                "before it, so a change made outside rrdesk shows up here."
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """A case's history is read again each time it is shown: the case's other tabs change
        it while it waits behind them."""
        if self._case_id is not None and not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    def set_case(self, case_id: int | None) -> None:
        self._case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        entries = list(reversed(self._entries(self._case_id)))
        references = self._references()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (
                format_timestamp(entry.at),
                entry.actor,
                entry.os_user,
                references.get(entry.case_id, "") if entry.case_id is not None else "",
                entry.summary,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _on_verify_clicked(self) -> None:
        checked, broken = self._verify()
        if broken is None:
            self.result.setText(f"The audit trail is whole: {checked} entries checked.")
            self.result.setProperty("role", "success")
        else:
            self.result.setText(
                f"The audit trail has been altered: the first broken entry is number "
                f"{broken.position}: {broken.reason}."
            )
            self.result.setProperty("role", "error")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
