"""The audit trail: who changed what and when, with a check that the chain is whole.

The whole trail (half a million entries after ten years) is shown a page at a time, newest first,
and its check runs as background work so the window stays usable while every entry is read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import shiboken6
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
from rrdesk.domain.errors import UserError
from rrdesk.ui.kit.form_widgets import heading_label, hint_label, set_role
from rrdesk.ui.shell.tasks import Cancelled, Progress, TaskStarter

COLUMNS = ("When", "Who", "Computer user", "Case", "What")
CASE_COLUMN = COLUMNS.index("Case")
PAGE = 500
CHECKING = "Checking every entry\u2026 You can carry on working: this can take a minute or two."


def format_timestamp(text: str) -> str:
    from datetime import datetime

    from rrdesk.domain.timetable.dates import format_date, format_time

    try:
        moment = datetime.fromisoformat(text).astimezone()
    except ValueError:
        return text
    return f"{format_date(moment.date())} at {format_time(moment)}"


class AuditTrail(Protocol):
    """What the screen reads: the store's audit repository."""

    def entries_page(
        self, before_id: int | None, limit: int, case_id: int | None = None
    ) -> list[AuditEntry]: ...

    def length(self, case_id: int | None = None) -> int: ...

    def latest(self) -> AuditEntry | None: ...

    def checker(self) -> Callable[[Progress], tuple[int, ChainBreak | None]]: ...


class AuditWidget(QWidget):
    """The whole trail a page at a time (``case_id`` None), or one case's history in full."""

    def __init__(
        self,
        trail: AuditTrail,
        runner: TaskStarter,
        case_references: Callable[[], dict[int, str]],
        *,
        title: str = "Audit trail",
        case_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_trail" if case_id is None else "case_history")
        self._trail = trail
        self._runner = runner
        self._references = case_references
        self._case_id = case_id
        self._oldest_id: int | None = None
        self._total = 0
        self._read_up_to: int | None = None  # the newest entry in the trail when last read
        self._checking = False
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("audit_table")
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # What happened is read whole: each row as tall as its words wrapped in the last column.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnHidden(CASE_COLUMN, case_id is not None)  # a case's own history
        self.verify_button = QPushButton("Check the audit trail has not been altered")
        self.verify_button.setObjectName("verify_audit")
        self.result = QLabel()
        self.result.setObjectName("audit_result")
        self.result.setWordWrap(True)
        self.shown = QLabel()
        self.shown.setObjectName("audit_shown")
        self.shown.setAccessibleName("Entries shown")
        self.older_button = QPushButton()
        self.older_button.setObjectName("audit_older")
        top = QHBoxLayout()
        top.addWidget(self.verify_button)
        top.addWidget(self.result, 1)
        paging = QHBoxLayout()
        paging.addWidget(self.shown, 1)
        paging.addWidget(self.older_button)
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
        layout.addLayout(paging)
        self.older_button.setVisible(False)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.older_button.clicked.connect(self._on_older_clicked)

    def showEvent(self, event: QShowEvent) -> None:
        """A case's history is read again when it is shown after the trail has grown: the
        case's other tabs change it while it waits behind them."""
        if self._case_id is not None and not event.spontaneous() and self._trail_has_grown():
            self.refresh()
        super().showEvent(event)

    def _trail_has_grown(self) -> bool:
        latest = self._trail.latest()
        return (None if latest is None else latest.entry_id) != self._read_up_to

    def set_case(self, case_id: int | None) -> None:
        self._case_id = case_id
        self.table.setColumnHidden(CASE_COLUMN, case_id is not None)
        self.refresh()

    def refresh(self) -> None:
        """Read the entries again: a case's whole history, or the trail's newest entries (as
        many as were shown, so a person who looked further back keeps their place)."""
        self.table.setRowCount(0)
        latest = self._trail.latest()
        self._read_up_to = None if latest is None else latest.entry_id
        wanted = max(PAGE, self._shown_before)
        self._total = self._trail.length(self._case_id)
        self._oldest_id = None
        self._add_rows(self._trail.entries_page(None, wanted, self._case_id))
        self._show_paging()

    @property
    def _shown_before(self) -> int:
        return int(self.shown.property("rows") or 0)

    def _add_rows(self, entries: list[AuditEntry]) -> None:
        references = self._references()
        first = self.table.rowCount()
        self.table.setRowCount(first + len(entries))
        for row, entry in enumerate(entries, start=first):
            values = (
                format_timestamp(entry.at),
                entry.actor,
                entry.os_user,
                references.get(entry.case_id, "") if entry.case_id is not None else "",
                entry.summary,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if entries:
            self._oldest_id = entries[-1].entry_id

    def _show_paging(self) -> None:
        rows = self.table.rowCount()
        self.shown.setProperty("rows", rows)
        left = max(self._total - rows, 0)
        if rows >= self._total:
            self.shown.setText(f"Showing all {self._total:,} entries, newest first.")
        else:
            self.shown.setText(
                f"Showing the newest {rows:,} of {self._total:,} entries. "
                f"{left:,} older entries are not shown yet."
            )
        if left > PAGE:
            self.older_button.setText(f"Show {PAGE:,} older entries")
        else:
            self.older_button.setText(f"Show the last {left:,} older entries")
        self.older_button.setAccessibleName(self.older_button.text())
        self.older_button.setVisible(left > 0)

    def _on_older_clicked(self) -> None:
        if self._oldest_id is None:
            return
        self._add_rows(self._trail.entries_page(self._oldest_id, PAGE, self._case_id))
        self._show_paging()

    def _on_verify_clicked(self) -> None:
        if self._checking:
            return
        self._checking = True
        self.verify_button.setEnabled(False)
        self._show_result(CHECKING, "")
        try:
            check = self._trail.checker()
        except UserError as error:
            self._on_verify_failed(error)
            return

        def work(progress: Progress, _cancelled: Cancelled) -> tuple[int, ChainBreak | None]:
            return check(progress)

        self._runner.start(
            work,
            on_done=self._on_verify_done,
            on_error=self._on_verify_failed,
            on_progress=self._on_verify_progress,
        )

    def _on_verify_progress(self, checked: int, total: int) -> None:
        if shiboken6.isValid(self) and self._checking:
            self._show_result(
                f"Checking every entry\u2026 {checked:,} of {total:,} checked. You can carry on "
                "working.",
                "",
            )

    def _on_verify_done(self, outcome: tuple[int, ChainBreak | None]) -> None:
        if not shiboken6.isValid(self):  # the store was locked and the screen closed meanwhile
            return
        self._finish_check()
        checked, broken = outcome
        if broken is None:
            self._show_result(f"The audit trail is whole: {checked:,} entries checked.", "success")
        else:
            self._show_result(
                f"The audit trail has been altered: the first broken entry is number "
                f"{broken.position}: {broken.reason}.",
                "error",
            )

    def _on_verify_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._finish_check()
        if not isinstance(error, UserError):
            raise error
        self._show_result(f"The check did not finish: {error.message}", "error")

    def _finish_check(self) -> None:
        self._checking = False
        self.verify_button.setEnabled(True)

    def _show_result(self, text: str, role: str) -> None:
        self.result.setText(text)
        set_role(self.result, role)
