"""The "Agency forms" tab of a case: the requests table with its actions, quality assurance of
received forms, the guided entry of a form, and "Build the panel pack…"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.agency_counts import count_agencies
from rrdesk.domain.agency_forms.agency_requests import EventKind
from rrdesk.domain.agency_forms.text_checks import TextChecker
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.agency_forms.request_chasing import RequestRow
from rrdesk.services.agency_forms.word_forms import WordForms
from rrdesk.ui.agency_forms.agency_dialogs import AgencyFormsDialogs
from rrdesk.ui.agency_forms.agency_form_entry import AgencyFormEntryWidget
from rrdesk.ui.agency_forms.panel_pack_action import PanelPackBuilder
from rrdesk.ui.agency_forms.quality_words import QualityLabel, quality_problems, quality_text
from rrdesk.ui.agency_forms.requests_table import fill_requests_table, requests_table
from rrdesk.ui.agency_forms.word_forms.word_form_actions import WordFormActions
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.kit.scrolling_page import plain_scrolling
from rrdesk.ui.shell.file_dialogs import DesktopOpener, FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskStarter

NO_AGENCIES = (
    "The directory has no agencies yet. Add the agencies your partnership works with under "
    "Directory (Ctrl+3), then choose here the ones to ask for a check form."
)


class AgencyFormsWidget(QWidget):
    data_changed = Signal()

    def __init__(
        self,
        service: AgencyFormsService,
        case_id: int,
        messages: Messages,
        today: Callable[[], date],
        runner: TaskStarter,
        dialogs: AgencyFormsDialogs,
        *,
        files: FileDialogs,
        opener: DesktopOpener,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agency_forms")
        self._service = service
        self._case_id = case_id
        self._messages = messages
        self._today = today
        self._dialogs = dialogs
        self._files = files
        self._opener = opener
        self._checker: TextChecker | None = None
        self._rows: list[RequestRow] = []
        self.entry: AgencyFormEntryWidget | None = None

        self.table = requests_table()

        self.buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()
        for number, (key, text) in enumerate(
            (
                ("choose", "Choose agencies\u2026"),
                ("sent", "Record request sent\u2026"),
                ("reminder", "Log a reminder\u2026"),
                ("email", "Email draft\u2026"),
                ("received", "Mark received\u2026"),
                ("open", "Open form"),
                ("assured", "Quality assured"),
                ("returned", "Return for more information\u2026"),
                ("word_form", "Save the Word form\u2026"),
                ("add_return", "Add the returned form\u2026"),
                ("blank_form", "Save a blank Word form\u2026"),
            )
        ):
            button = QPushButton(text)
            button.setObjectName(f"action_{key}")
            self.buttons[key] = button
            actions.addWidget(button, number // 4, number % 4)
        self.summary = QLabel()
        self.summary.setObjectName("requests_summary")
        self.summary.setWordWrap(True)
        self.quality = QualityLabel()
        self.pack = PanelPackBuilder(service, case_id, messages, today, runner, self._files)
        self.word = WordFormActions(
            WordForms(service), case_id, messages, today, runner, files, opener, self
        )

        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.addWidget(heading_label("Agency check forms", level=2))
        list_layout.addWidget(
            hint_label(
                "Each agency's form: when it was asked for, when it is due, and where it is. "
                "Select several agencies (Shift or Ctrl and click) to record their requests "
                "together. Drop a returned Word form on its agency's row to add it."
            )
        )
        self.form_notice = QLabel(service.form_notice or "")
        self.form_notice.setObjectName("form_notice")
        self.form_notice.setWordWrap(True)
        self.form_notice.setProperty("role", "warning")
        self.form_notice.setVisible(bool(service.form_notice))
        list_layout.addWidget(self.form_notice)
        list_layout.addWidget(self.summary)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(actions)
        list_layout.addWidget(heading_label("Quality assurance", level=3))
        list_layout.addWidget(self.quality)
        pack_row = QHBoxLayout()
        pack_row.addWidget(self.pack)
        list_layout.addLayout(pack_row)

        self.stack = QStackedWidget()
        self._list_page = plain_scrolling(list_page)  # scrolls rather than squeeze the table
        self.stack.addWidget(self._list_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.table.cellDoubleClicked.connect(lambda *_: self._on_open_clicked())
        self.buttons["choose"].clicked.connect(self._on_choose_clicked)
        self.buttons["sent"].clicked.connect(self._on_sent_clicked)
        self.buttons["reminder"].clicked.connect(self._on_reminder_clicked)
        self.buttons["received"].clicked.connect(self._on_received_clicked)
        self.buttons["open"].clicked.connect(self._on_open_clicked)
        self.buttons["assured"].clicked.connect(self._on_assured_clicked)
        self.buttons["returned"].clicked.connect(self._on_returned_clicked)
        for key, act in (
            ("email", self.word.save_email),
            ("word_form", self.word.save_form),
            ("add_return", self.word.add_returned_form),
        ):
            self.buttons[key].clicked.connect(lambda _=False, act=act: self._for_agency(act))
        self.buttons["blank_form"].clicked.connect(self.word.save_blank_form)
        self.word.changed.connect(self.refresh)
        self.word.changed.connect(self.data_changed)
        self.word.return_accepted.connect(self.select_agency)
        self.word.accept_drops(self.table, self, self.selected_agency)

    @property
    def checker(self) -> TextChecker:
        if self._checker is None:
            self._checker = self._service.checker(self._case_id)
        return self._checker

    # The table

    def refresh(self) -> None:
        selected = self.selected_agency()
        self._rows = self._service.status_rows(self._case_id, self._today())
        fill_requests_table(self.table, self._rows)
        counts = count_agencies(row.request for row in self._rows)
        self.summary.setText(
            "No agencies chosen yet. Choose the agencies to ask for a check form."
            if not self._rows
            else f"{counts.words}."
        )
        if selected is not None:
            self.select_agency(selected)
        self._on_table_selection_changed()

    def selected_agencies(self) -> list[str]:
        """The agencies selected, in the table's order."""
        numbers = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self._rows[n].agency for n in numbers if n < len(self._rows)]

    def selected_agency(self) -> str | None:
        """The agency selected, when only one is."""
        selected = self.selected_agencies()
        return selected[0] if len(selected) == 1 else None

    def _not_sent(self) -> list[str]:
        """The agencies selected whose request has not been sent."""
        stages = {r.agency: r.request.stage for r in self._rows}
        return [a for a in self.selected_agencies() if stages.get(a) is None]

    def select_agency(self, agency: str) -> None:
        for number, row in enumerate(self._rows):
            if row.agency == agency:
                self.table.selectRow(number)
                return

    def _selected_row(self) -> RequestRow | None:
        agency = self.selected_agency()
        return next((r for r in self._rows if r.agency == agency), None)

    def _on_table_selection_changed(self) -> None:
        row = self._selected_row()
        stage = row.request.stage if row else None
        awaiting = stage is not None and stage.kind in (EventKind.SENT, EventKind.RETURNED)
        received = stage is not None and stage.kind is EventKind.RECEIVED
        enabled = {
            "sent": bool(self._not_sent()),
            "reminder": awaiting,
            "email": row is not None,
            "received": awaiting,
            "open": row is not None,
            "word_form": row is not None,
            "add_return": stage is not None,
            "assured": received and row is not None and row.form_entered,
            "returned": received,
        }
        for key, on in enabled.items():
            self.buttons[key].setEnabled(on)
        self.buttons["email"].setText(
            "Reminder email draft\u2026" if awaiting else "Email draft\u2026"
        )
        self._show_quality(row)

    def _show_quality(self, row: RequestRow | None) -> None:
        view = None
        if row is not None and row.form_started:
            view = self._service.quality_view(self._case_id, row.agency, self.checker)
        self.quality.setText(quality_text(row, view))

    # Actions

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except UserError as error:
            self._messages.error(self, "This could not be recorded", error.message)
            return False
        self.refresh()
        self.data_changed.emit()
        return True

    def _on_choose_clicked(self) -> None:
        names = [a.name for a in self._service.agencies()]
        if not names:
            self._messages.info(self, "No agencies to choose from yet", NO_AGENCIES)
            return
        chosen = {r.agency for r in self._rows}
        picked = self._dialogs.choose_agencies(self, names, chosen)
        if picked is not None and self._run(
            lambda: self._service.choose_agencies(self._case_id, picked)
        ):
            self._select_not_sent()

    def _select_not_sent(self) -> None:
        """Select the agencies chosen whose requests are not sent, ready to record together."""
        self.table.clearSelection()
        for number, row in enumerate(self._rows):
            if row.request.stage is None:
                self.table.selectionModel().select(
                    self.table.model().index(number, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _ask_date(self, title: str, question: str) -> date | None:
        return self._dialogs.ask_date(self, title, question, self._today())

    def _on_sent_clicked(self) -> None:
        agencies = self._not_sent()
        if not agencies:
            return
        named = agencies[0] if len(agencies) == 1 else ", ".join(agencies[:-1])
        if len(agencies) > 1:
            named += f" and {agencies[-1]}"
        question = f"When {'were the requests' if len(agencies) > 1 else 'was the request'} sent"
        question += f" to {named}?"
        on = self._ask_date("Record request sent", question)
        if on is not None:
            self._run(lambda: [self._service.record_sent(self._case_id, a, on) for a in agencies])

    def _on_reminder_clicked(self) -> None:
        agency = self.selected_agency()
        if agency is None:
            return
        on = self._ask_date("Log a reminder", f"When was the reminder sent to {agency}?")
        if on is not None:
            self._run(lambda: self._service.record_reminder(self._case_id, agency, on))

    def _on_received_clicked(self) -> None:
        agency = self.selected_agency()
        if agency is None:
            return
        on = self._ask_date("Mark received", f"When was the form from {agency} received?")
        if on is not None:
            self._run(lambda: self._service.record_received(self._case_id, agency, on))

    def _on_assured_clicked(self) -> None:
        agency = self.selected_agency()
        if agency is None:
            return
        view = self._service.quality_view(self._case_id, agency, self.checker)
        problems = quality_problems(agency, view)
        if problems and not self._messages.confirm(
            self,
            "Mark quality assured?",
            problems,
            yes="Mark quality assured anyway",
            no="Go back",
            default_yes=False,
        ):
            return
        self._run(
            lambda: self._service.record_quality_assured(self._case_id, agency, self._today())
        )

    def _on_returned_clicked(self) -> None:
        agency = self.selected_agency()
        if agency is None:
            return
        today = self._today()
        due = self._service.return_due_date(self._case_id, agency, today)
        choice = self._dialogs.ask_return(self, agency, due)
        if choice is None:
            return
        if self._run(
            lambda: self._service.record_returned(
                self._case_id, agency, today, choice.reasons, choice.note, due_on=choice.due_on
            )
        ):
            self.word.offer_return_with_comments(agency)

    def _for_agency(self, act: Callable[[str], object]) -> None:
        agency = self.selected_agency()
        if agency is not None:
            act(agency)

    def _on_open_clicked(self) -> None:
        agency = self.selected_agency()
        if agency is not None:
            self.open_form(agency)

    def open_form(self, agency: str) -> AgencyFormEntryWidget:
        """Open the guided entry for an agency's form, where its author last was."""
        self.close_form()
        record = self._service.load_form(self._case_id, agency)
        notice = ""
        request = next((r.request for r in self._rows if r.agency == agency), None)
        stage = request.stage if request is not None else None
        if stage is not None and stage.kind is EventKind.QUALITY_ASSURED:
            notice = (
                f"This form was quality assured on {format_date(stage.on)}. If you change it, "
                "it goes back to received and needs quality assurance again before it goes in "
                "the panel pack."
            )
        if stage is not None and stage.kind is EventKind.RETURNED:
            reasons = ", ".join(r.value.lower() for r in stage.reasons)
            notice = f"Returned for more information on {format_date(stage.on)}: {reasons}." + (
                f" {stage.note}" if stage.note else ""
            )
        entry = AgencyFormEntryWidget(
            self._service,
            self._case_id,
            record,
            self.checker,
            self._messages,
            self._today,
            notice=notice,
        )
        entry.closed.connect(self.close_form)
        self.stack.addWidget(entry)
        self.stack.setCurrentWidget(entry)
        self.entry = entry
        return entry

    def close_form(self) -> None:
        entry = self.entry
        if entry is None:
            return
        entry.save_now()
        self.entry = None
        self.stack.setCurrentWidget(self._list_page)
        self.stack.removeWidget(entry)
        entry.deleteLater()
        self.refresh()
        self.data_changed.emit()
